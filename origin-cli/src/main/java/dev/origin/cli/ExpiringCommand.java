package dev.origin.cli;

import dev.origin.core.engine.ErrorCode;
import dev.origin.io.Problem;
import dev.origin.store.Expiring;
import dev.origin.store.Workspace;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code origin expiring} / {@code origin db expiring}: declarations about to lapse and the goods depending on them. */
@Command(name = "expiring", mixinStandardHelpOptions = true,
        description = "List the supplier declarations that lapse within --days (30, 60, 90, ...) and the goods that depend on them.")
public final class ExpiringCommand implements Callable<Integer> {
    @Mixin WorkspaceOption db;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Count the days from this date (default: today).")
    java.time.LocalDate date;

    @Option(names = "--days", defaultValue = "30", paramLabel = "N", description = "Days ahead, 1 to 3660 (default: ${DEFAULT-VALUE}).")
    int days;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (days < 1 || days > 3660) {
            return WorkspaceOptions.fail(err, List.of(Problem.of("--days", 0, 0, "", ErrorCode.BAD_DAYS, days)));
        }
        Workspace w = db.open(err);
        if (w == null) return 2;
        java.time.LocalDate today = date != null ? date : java.time.LocalDate.now();
        List<Expiring.Lapse> lapses = Expiring.within(w, today, days);
        out.println(lapses.size() + (lapses.size() == 1 ? " declaration lapses" : " declarations lapse") + " within " + days
                + " days of " + today + (lapses.isEmpty() ? "." : ":"));
        for (Expiring.Lapse l : lapses) {
            String supplier = l.supplier() == null ? l.declaration().supplierId() : l.supplier().name() + " (" + l.supplier().id() + ")";
            out.println();
            out.println(l.declaration().id() + "  " + supplier + "  last day " + l.declaration().validTo() + " ("
                    + (l.daysLeft() == 0 ? "today" : l.daysLeft() == 1 ? "in 1 day" : "in " + l.daysLeft() + " days") + ")");
            out.println("  parts:  " + String.join(", ", l.declaration().parts()));
            out.println("  goods:  " + (l.goods().isEmpty() ? "none" : l.goods().size() + ": " + String.join(", ", l.goods())));
            if (l.supplier() != null && l.supplier().contact() != null) out.println("  contact: " + l.supplier().contact());
        }
        out.flush();
        return 0;
    }
}
