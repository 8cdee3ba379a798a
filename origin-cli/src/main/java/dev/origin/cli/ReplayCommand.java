package dev.origin.cli;

import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.store.LedgerEntry;
import dev.origin.store.Replay;
import dev.origin.store.Workspace;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code origin replay ID} (also {@code origin db replay}): re-derives a stored determination from its stored input,
 * or with {@code --against-current} from today's data and rule pack, and shows what differs.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-derive a stored determination from its stored input (bit for bit), or with --against-current from today's data and rules, and show the differences. Exit 0 when identical, 3 when it differs.")
final class ReplayCommand implements Callable<Integer> {
    @Mixin WorkspaceOption db;

    @Option(names = "--against-current", description = "Rebuild the input from the workspace as it is now, under the rule pack as it is now.")
    boolean current;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "With --against-current: as of this date (default: the stored date).")
    LocalDate date;

    @Parameters(index = "0", paramLabel = "ID", description = "The determination's number in the ledger (origin db ledger).")
    long id;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workspace ws = db.open(err);
        if (ws == null) return 2;
        try {
            LedgerEntry e = ws.determination(id);
            Replay r = current ? Replay.againstCurrent(ws, e, date) : Replay.of(e);
            out.println("Determination " + e.id() + ": " + e.partId() + " " + e.verdict() + " under " + e.regime() + " as of " + e.asOf()
                    + " (recorded " + e.createdAt() + ", " + e.engineVersion() + ").");
            String how = current ? "From today's data and rules" + (date != null ? " as of " + date : "") : "From its stored input";
            if (r.identical()) {
                out.println(how + ": re-derived identically (" + r.verdict() + "; findings equal byte for byte).");
            } else {
                out.println(how + ": " + r.verdict() + (r.verdict().equals(e.verdict()) ? " (same verdict)" : " (was " + e.verdict() + ")") + ". Differences:");
                for (String d : r.differences()) out.println("  " + d);
            }
            out.flush();
            return r.identical() ? 0 : 3;
        } catch (InputException x) {
            for (Problem p : x.problems()) err.println(p.format());
            err.flush();
            return 2;
        }
    }
}
