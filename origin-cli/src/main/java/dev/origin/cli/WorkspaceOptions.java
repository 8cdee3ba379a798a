package dev.origin.cli;

import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.store.Qualification;
import dev.origin.store.WorkflowException;
import dev.origin.store.Workspace;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options of the workspace workflows (requalify, expiring, chase, certify): the database, the rules, the date. */
final class WorkspaceOptions {
    @Option(names = "--db", paramLabel = "URL",
            description = "The workspace: a JDBC URL (jdbc:h2:file:PATH or jdbc:postgresql://...), or the path of an embedded file; default $ORIGIN_DB, else ~/.origin/workspace.")
    String db;

    @Option(names = "--regime", defaultValue = "usmca", paramLabel = "REGIME", completionCandidates = Converters.BuiltInRegimes.class,
            description = "The rule pack: a built-in regime (${COMPLETION-CANDIDATES}) or a pack file (default: ${DEFAULT-VALUE}).")
    String regime;

    @Option(names = "--param", paramLabel = "NAME=VALUE", converter = {Converters.ParamName.class, Converters.ParamValue.class},
            description = "Override a rule-pack parameter (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "As of this date (default: today).")
    LocalDate date;

    String url() {
        return WorkspaceOption.resolve(db);
    }

    LocalDate date() {
        return date != null ? date : LocalDate.now();
    }

    /** Opens the workspace, or reports CANNOT_OPEN_DB (as the other workspace commands do) and returns null. */
    Workspace open(PrintWriter err) {
        try {
            return WorkspaceOption.recovered(Workspace.open(url()), err);
        } catch (RuntimeException e) {
            fail(err, List.of(Problem.of("--db", 0, 0, "", dev.origin.core.engine.ErrorCode.CANNOT_OPEN_DB, WorkspaceOption.shown(url()),
                    WorkspaceOption.reason(e))));
            return null;
        }
    }

    /** The rule pack, loaded once. */
    Qualification.Pack pack() throws InputException {
        return Qualification.Pack.load(regime, params);
    }

    /** Prints the problems and a summary that nothing was written; returns exit status 2. */
    static int fail(PrintWriter err, List<Problem> problems) {
        for (Problem p : problems) err.println(p.format());
        err.println(problems.size() == 1 ? "1 problem; nothing was written." : problems.size() + " problems; nothing was written.");
        err.flush();
        return 2;
    }

    /** A refused workflow as a problem of the workspace. */
    static int fail(PrintWriter err, WorkflowException e) {
        return fail(err, List.of(new Problem("workspace", 0, 0, "", e.code(), e.getMessage())));
    }
}
