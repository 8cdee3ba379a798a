package dev.origin.cli;

import dev.origin.store.Integrity;
import dev.origin.store.Workspace;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code origin db check}: the workspace's integrity check, e.g. after a crash or before an audit. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the workspace's integrity: every table read in full, no duplicate key, no orphan row, the ledger's hash chain whole."
                + " Reads only. Exit 3 when a problem is found.")
final class DbCheckCommand implements Callable<Integer> {
    @Mixin WorkspaceOption db;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Workspace ws = db.open(spec.commandLine().getErr());
        if (ws == null) return 2;
        Integrity.Report r = Integrity.check(ws);
        for (String p : r.problems()) {
            out.println("PROBLEM: " + p);
        }
        out.println("Workspace check: " + r.summary() + ".");
        out.flush();
        return r.ok() ? 0 : 3;
    }
}
