package dev.origin.store;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The supplier declarations about to lapse: those not withdrawn whose blanket period ends within a number of days,
 * each with the parts it covers and the goods that depend on it (at any depth of the BOMs in force today). When a
 * declaration lapses its parts become of unknown origin, and those goods may become UNDETERMINED.
 */
public final class Expiring {
    private Expiring() {}

    /**
     * A declaration ending soon.
     *
     * @param daysLeft days from today to its last day (0: it ends today)
     * @param goods    the goods using its parts on {@code today}, nearest first
     */
    public record Lapse(Declaration declaration, Supplier supplier, long daysLeft, List<String> goods) {
        public Lapse { goods = List.copyOf(goods); }
    }

    /** The declarations whose last day is between {@code today} and {@code today + days}, by last day then id. */
    public static List<Lapse> within(Workspace ws, LocalDate today, int days) {
        return ws.read(tx -> {
            WhereUsed graph = new WhereUsed(tx);
            List<Lapse> out = new ArrayList<>();
            for (Declaration d : tx.declarations().endingBetween(today, today.plusDays(days))) {
                Set<String> users = graph.affectedBy(d.parts(), today);
                List<String> goods = users.stream().filter(graph::isGood).toList();
                out.add(new Lapse(d, tx.suppliers().get(d.supplierId()).orElse(null), ChronoUnit.DAYS.between(today, d.validTo()), goods));
            }
            return out;
        });
    }
}
