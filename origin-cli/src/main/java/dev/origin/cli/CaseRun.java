package dev.origin.cli;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Diagnostic;
import dev.origin.core.model.Good;
import dev.origin.io.CaseFile;
import dev.origin.io.Problem;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The goods of one case file, evaluated good by good (docs/case-file.md, "When some goods are invalid"):
 * the determinations of the goods that were read and evaluated without an error, and every problem
 * placed in the file: the reading problems of the rejected goods, then the errors and warnings of the
 * evaluation. A good with an error has no result; the others keep theirs. Used by {@code qualify},
 * {@code explain} and {@code compare}.
 *
 * @param rows     per good without an error, in file order, its determinations (one per regime evaluated)
 * @param problems errors and warnings, each with file, line, column, path and good
 * @param goods    the ids of every good in the file, evaluated or not (null for a good without a readable id)
 */
record CaseRun(List<List<Determination>> rows, List<Problem> problems, List<String> goods) {

    /**
     * Evaluates each valid good of {@code file}; {@code shown} chooses the warnings worth printing (notes,
     * severity INFO, stay in the results only).
     */
    static CaseRun of(CaseFile file, Function<Good, List<Determination>> evaluate, Predicate<Diagnostic> shown) {
        dev.origin.io.CaseResults r = dev.origin.io.CaseResults.of(file, evaluate, shown);
        return new CaseRun(r.rows(), r.problems(), r.goods());
    }

    /** The determinations of every good with a result. */
    List<Determination> results() {
        return rows.stream().flatMap(List::stream).toList();
    }

    List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** This run for the good {@code id} alone; null when the file has no such good. */
    CaseRun only(String id) {
        if (!goods.contains(id)) return null;
        return new CaseRun(rows.stream().filter(r -> r.get(0).good().equals(id)).toList(),
                problems.stream().filter(p -> id.equals(p.good())).toList(), List.of(id));
    }

    /**
     * Prints every problem on {@code err} and, when there are errors, how many and what was evaluated;
     * returns the exit status: 2 when any good had an error, else 0.
     */
    int report(PrintWriter err) {
        for (Problem p : problems) err.println(p.format());
        List<Problem> errors = errors();
        summary(err, errors.size(), errors.stream().map(Problem::good).distinct().toList(), rows.size());
        err.flush();
        return errors.isEmpty() ? 0 : 2;
    }

    /**
     * The last line on stderr when some goods had errors: how many problems, in which goods ({@code badGoods}, ids
     * without repeats, null for goods without a readable id), and how many goods were evaluated ({@code rows});
     * nothing when there were no errors.
     */
    static void summary(PrintWriter err, long errors, List<String> badGoods, long rows) {
        if (errors == 0) return;
        String count = errors == 1 ? "1 problem" : errors + " problems";
        if (rows == 0) {
            err.println(count + "; nothing was evaluated.");
        } else {
            long bad = badGoods.size();
            List<String> named = badGoods.stream().filter(Objects::nonNull).map(g -> "`" + g + "`").toList();
            err.println(count + " in " + (bad == 1 ? "1 good" : bad + " goods") + (named.isEmpty() ? "" : " (" + String.join(", ", named) + ")")
                    + "; the other " + (rows == 1 ? "good was" : rows + " goods were") + " evaluated.");
        }
    }
}
