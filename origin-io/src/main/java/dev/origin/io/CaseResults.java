package dev.origin.io;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Diagnostic;
import dev.origin.core.model.Good;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The goods of one case file, evaluated good by good (docs/case-file.md, "When some goods are invalid"):
 * the determinations of the goods that were read and evaluated without an error, and every problem
 * placed in the file: the reading problems of the rejected goods, then the errors and warnings of the
 * evaluation. A good with an error has no result; the others keep theirs. Shared by the command line
 * ({@code qualify}, {@code explain}, {@code compare}) and the server, so both place problems the same way.
 *
 * @param rows     per good without an error, in file order, its determinations (one per regime evaluated)
 * @param problems errors and warnings, each with file, line, column, path and good
 * @param goods    the ids of every good in the file, evaluated or not (null for a good without a readable id)
 */
public record CaseResults(List<List<Determination>> rows, List<Problem> problems, List<String> goods) {

    /**
     * Evaluates each valid good of {@code file}; {@code shown} chooses the warnings worth reporting (notes,
     * severity INFO, stay in the results only).
     */
    public static CaseResults of(CaseFile file, Function<Good, List<Determination>> evaluate, Predicate<Diagnostic> shown) {
        List<List<Determination>> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(file.problems());
        List<String> ids = new ArrayList<>();
        file.rejected().forEach(r -> ids.add(r.id()));
        for (Good g : file.goods()) {
            ids.add(g.id());
            List<Determination> row = evaluate.apply(g);
            Set<Problem> located = new LinkedHashSet<>();
            for (Determination d : row) {
                for (Diagnostic x : d.diagnostics()) {
                    if (x.isError() || (x.severity() == Diagnostic.Severity.WARNING && shown.test(x))) located.add(file.sources().locate(x));
                }
            }
            problems.addAll(located);
            if (located.stream().noneMatch(Problem::isError)) rows.add(row);
        }
        return new CaseResults(rows, problems, ids);
    }

    /** The determinations of every good with a result. */
    public List<Determination> results() {
        return rows.stream().flatMap(List::stream).toList();
    }

    /** The errors among the problems. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** These results for the good {@code id} alone; null when the file has no such good. */
    public CaseResults only(String id) {
        if (!goods.contains(id)) return null;
        return new CaseResults(rows.stream().filter(r -> r.get(0).good().equals(id)).toList(),
                problems.stream().filter(p -> id.equals(p.good())).toList(), List.of(id));
    }
}
