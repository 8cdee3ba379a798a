package dev.origin.cli;

import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.store.LedgerEntry;
import dev.origin.store.Requalifier;
import dev.origin.store.WithdrawalNotice;
import dev.origin.store.WorkflowException;
import dev.origin.store.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code origin db requalify}: after a change, requalifies exactly the goods that depend on it, in one transaction,
 * and reports the flips, the certificates withdrawn and the customers to inform.
 */
@Command(name = "requalify", mixinStandardHelpOptions = true,
        description = "Requalify the goods affected by a change, in one transaction: new determinations are appended to the ledger, "
                + "flipped goods are reported with the requirements that changed, and certificates of goods no longer originating "
                + "are withdrawn with a notice listing the customers to inform.")
public final class RequalifyCommand implements Callable<Integer> {
    @Mixin WorkspaceOptions ws;

    @ArgGroup(exclusive = true, multiplicity = "1") What what;

    static final class What {
        @Option(names = "--declaration", paramLabel = "ID", description = "A declaration that lapsed, was withdrawn or changed "
                + "(as of: the day after it lapsed, or its withdrawal day, unless --date).")
        String declaration;

        @Option(names = "--withdraw", paramLabel = "ID", description = "Withdraw this declaration from --date (default today) and requalify.")
        String withdraw;

        @Option(names = "--part", paramLabel = "PART", split = ",", description = "Parts whose BOM, cost sheet or classification changed.")
        List<String> parts;

        @Option(names = "--lapsed-since", paramLabel = "YYYY-MM-DD",
                description = "Every declaration that lapsed or was withdrawn from this day to --date.")
        LocalDate since;

        @Option(names = "--pack-updated", description = "Goods whose latest determination used other rules than --regime's pack now.")
        boolean pack;
    }

    @Option(names = "--notice", paramLabel = "FILE", description = "Write the notice of withdrawn certificates to FILE.")
    Path notice;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        // checked before the requalification is committed, so that a notice folder that does not exist stops nothing half-way
        List<Problem> bad = new ArrayList<>();
        Outputs.check("--notice", notice, bad);
        if (!bad.isEmpty()) return WorkspaceOptions.fail(err, bad);
        Workspace w = ws.open(err);
        if (w == null) return 2;
        Requalifier.Report r;
        try {
            Requalifier q = new Requalifier(w, ws.pack());
            LocalDate today = LocalDate.now();
            if (what.declaration != null) r = q.afterDeclaration(what.declaration, ws.date, today);
            else if (what.withdraw != null) r = q.withdrawDeclaration(what.withdraw, ws.date());
            else if (what.parts != null) r = q.afterPartChange(what.parts, ws.date());
            else if (what.since != null) r = q.afterLapses(what.since, ws.date());
            else r = q.afterPackUpdate(ws.date());
        } catch (InputException e) {
            return WorkspaceOptions.fail(err, e.problems());
        } catch (WorkflowException e) {
            return WorkspaceOptions.fail(err, e);
        }
        print(out, r);
        String text = WithdrawalNotice.text(r);
        if (!text.isEmpty()) {
            if (notice != null) {
                try {
                    Files.writeString(notice, text);
                    out.println("wrote " + notice);
                } catch (IOException e) {
                    err.println(notice + ": CANNOT_WRITE: The output file `" + notice + "` cannot be written: " + e.getMessage() + ".");
                    out.println();
                    out.print(text);
                    return 2;
                }
            } else {
                out.println();
                out.print(text);
            }
        }
        out.flush();
        return 0;
    }

    static void print(PrintWriter out, Requalifier.Report r) {
        out.println("Requalification under " + r.regime() + " as of " + r.asOf() + ": " + r.subject() + ".");
        List<LedgerEntry> entries = new ArrayList<>(r.entries().values());
        out.println("Affected parts: " + r.affectedParts().size() + "; goods requalified: " + r.goods().size()
                + (entries.isEmpty() ? "; no determination appended." : "; determinations appended: " + entries.get(0).id()
                + (entries.size() > 1 ? " to " + entries.get(entries.size() - 1).id() : "") + "."));
        out.println("Flipped: " + r.flips().size() + " of " + r.goods().size() + " goods.");
        for (Requalifier.Flip f : r.flips()) {
            out.println("  " + f.partId() + " (" + f.description() + "): " + words(f.before()) + " -> " + words(f.after())
                    + " (determination " + f.previousEntry() + " -> " + f.newEntry() + ")");
            for (String why : f.why()) out.println("      " + why);
        }
        List<String> same = new ArrayList<>();
        for (var e : r.entries().entrySet()) {
            if (r.flips().stream().noneMatch(f -> f.partId().equals(e.getKey()))) same.add(e.getKey() + " " + words(e.getValue().verdict()));
        }
        if (!same.isEmpty()) out.println("Unchanged or first determined: " + String.join(", ", same) + ".");
        out.println("Certificates withdrawn: " + r.withdrawals().size() + (r.withdrawals().isEmpty() ? "." : " ("
                + String.join(", ", r.withdrawals().stream().map(Requalifier.Withdrawal::certificateId).toList()) + ")."));
    }

    static String words(String verdict) {
        return verdict.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
