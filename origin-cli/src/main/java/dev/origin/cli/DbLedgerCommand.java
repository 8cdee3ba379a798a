package dev.origin.cli;

import dev.origin.sim.Wording;
import dev.origin.store.LedgerEntry;
import dev.origin.store.Workspace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code origin db ledger}: the determinations, newest last; {@code --verify} checks the hash chain. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "List the determinations ledger (append-only); --verify recomputes its hash chain. Exit 3 when the chain is broken.")
final class DbLedgerCommand implements Callable<Integer> {
    @Mixin WorkspaceOption db;

    @Option(names = "--part", paramLabel = "PART", description = "Only the determinations of this part.")
    String part;

    @Option(names = "--verify", description = "Recompute every entry's hash and the chain; report any entry changed, missing or out of order.")
    boolean verify;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Workspace ws = db.open(spec.commandLine().getErr());
        if (ws == null) return 2;
        List<LedgerEntry> entries = ws.read(tx -> part != null ? tx.ledger().forPart(part) : all(tx.ledger()));
        List<List<String>> rows = new ArrayList<>();
        for (LedgerEntry e : entries) {
            rows.add(List.of(String.valueOf(e.id()), e.partId(), e.verdict(), e.regime(), e.asOf().toString(), e.reason(), e.createdAt().toString()));
        }
        if (rows.isEmpty()) {
            out.println("No determinations yet; make one with `origin qualify --part PART --regime REGIME`.");
        } else {
            out.print(Wording.table(List.of("#", "Part", "Verdict", "Regime", "As of", "Reason", "Recorded"), rows));
        }
        int status = 0;
        if (verify) {
            List<String> problems = ws.read(tx -> tx.ledger().verify());
            long size = ws.read(tx -> tx.ledger().size());
            if (problems.isEmpty()) {
                out.println("Ledger verified: " + size + (size == 1 ? " entry" : " entries") + ", hash chain intact.");
            } else {
                for (String p : problems) out.println("BROKEN: " + p);
                status = 3;
            }
        }
        out.flush();
        return status;
    }

    private static List<LedgerEntry> all(dev.origin.store.Ledger ledger) {
        List<LedgerEntry> out = new ArrayList<>();
        long from = 1;
        while (true) {
            List<LedgerEntry> page = ledger.page(from, 500);
            out.addAll(page);
            if (page.size() < 500) return out;
            from = page.get(page.size() - 1).id() + 1;
        }
    }
}
