package dev.origin.cli;

import dev.origin.core.engine.ErrorCode;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.store.Workspace;
import dev.origin.store.importer.ImportKind;
import dev.origin.store.importer.ImportReport;
import dev.origin.store.importer.Importer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code origin db import FILE...}: CSV or XLSX files of the import templates, each all or nothing; a file with a
 * problem is not imported and every problem is listed with its row and column (exit 2).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import CSV or XLSX files (plants, suppliers, parts, costs, boms, declarations), each file all or nothing; importing the same file again changes nothing.")
final class DbImportCommand implements Callable<Integer> {
    @Mixin WorkspaceOption db;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "What the files hold: plants, suppliers, parts, costs, boms or declarations (default: from the header, else the file or sheet name).")
    String kind;

    @Option(names = "--progress", description = "Draw the progress bar even when stderr is not a terminal.")
    boolean progress;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV (UTF-8) or XLSX files, imported in the order given.")
    List<Path> files;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportKind k = null;
        if (kind != null) {
            String w = kind.strip().toLowerCase(Locale.ROOT);
            k = java.util.Arrays.stream(ImportKind.values()).filter(x -> x.label().equals(w) || x.label().equals(w + "s")).findFirst().orElse(null);
            if (k == null) {
                Inputs.report(err, List.of(Problem.of("--kind", 0, 0, "", ErrorCode.BAD_VALUE, kind,
                        String.join(", ", ImportKind.labels()))));
                return 2;
            }
        }
        List<Problem> missing = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) missing.add(Problem.of(f.toString(), 0, 0, "", ErrorCode.Variant.FILE_DOES_NOT_EXIST, f));
        }
        if (!missing.isEmpty()) {
            Inputs.report(err, missing);
            return 2;
        }
        Workspace ws = db.open(err);
        if (ws == null) return 2;
        int status = 0;
        for (Path f : files) {
            try (Progress bar = progress ? Progress.forced(err, true) : Progress.onTerminal(err)) {
                byte[] bytes = Files.readAllBytes(f);
                bar.phase("reading " + f.getFileName(), 0);
                boolean[] writing = {false};
                ImportReport r = new Importer(ws, (done, total) -> {
                    if (!writing[0]) {
                        writing[0] = true;
                        bar.phase("importing " + f.getFileName(), total);
                    }
                    bar.update(done);
                }).importFile(bytes, f.toString(), k);
                bar.close();
                out.println(f + ": " + summary(r));
                out.flush();
            } catch (InputException e) {
                for (Problem p : e.problems()) err.println(p.format());
                int n = e.problems().size();
                err.println((n == 1 ? "1 problem" : n + " problems") + "; " + f + " was not imported.");
                err.flush();
                status = 2;
            } catch (IOException e) {
                Inputs.report(err, List.of(Problem.of(f.toString(), 0, 0, "", ErrorCode.UNREADABLE, f)));
                status = 2;
            }
        }
        return status;
    }

    /** {@code 22 rows (parts 22); 22 added, 0 changed, 0 unchanged.} */
    static String summary(ImportReport r) {
        int rows = r.rows().values().stream().mapToInt(Integer::intValue).sum();
        List<String> kinds = new ArrayList<>();
        for (ImportKind k : ImportKind.values()) {
            if (r.rows().containsKey(k)) kinds.add(k.label() + " " + r.rows().get(k));
        }
        return rows + (rows == 1 ? " row" : " rows") + " (" + String.join(", ", kinds) + "); " + r.added() + " added, " + r.changed()
                + " changed, " + r.unchanged() + " unchanged" + (r.nothingChanged() ? " (nothing to do)." : ".");
    }
}
