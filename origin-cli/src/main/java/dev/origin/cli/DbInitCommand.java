package dev.origin.cli;

import dev.origin.io.InputException;
import dev.origin.store.Sample;
import dev.origin.store.Workspace;
import dev.origin.store.importer.ImportReport;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code origin db init}: creates (or upgrades) the workspace; {@code --sample} loads the sample auto-parts supplier. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create the workspace (or bring its schema up to date); --sample loads a sample auto-parts supplier.")
final class DbInitCommand implements Callable<Integer> {
    @Mixin WorkspaceOption db;

    @Option(names = "--sample", description = "Load the sample: 2 plants, 8 suppliers, 3 finished goods with multi-level BOMs, declarations valid, lapsing and missing.")
    boolean sample;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "Date the sample as if loaded on this day (default: today).")
    LocalDate today;

    @Spec CommandSpec spec;

    @Override public Integer call() throws InputException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workspace ws = db.open(err);
        if (ws == null) return 2;
        out.println("Workspace ready: " + WorkspaceOption.shown(db.url()));
        if (db.url == null) out.println("(the default; give --db URL or set ORIGIN_DB for another)");
        if (sample) {
            ImportReport r = Sample.load(ws, today != null ? today : LocalDate.now(), null);
            out.println("Sample loaded: " + DbImportCommand.summary(r));
            out.println();
            out.println("Try:");
            String dbArg = db.url == null ? "" : " --db " + db.url;
            out.println("  origin db parts" + dbArg);
            out.println("  origin db show BRK-FR-100" + dbArg);
            out.println("  origin qualify --part BRK-FR-100 --regime usmca" + dbArg);
        }
        out.flush();
        return 0;
    }
}
