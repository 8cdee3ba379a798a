package dev.origin.store;

import dev.origin.store.graph.BomGraph;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The reverse closure of the stored BOMs on a date: which assemblies and goods use given parts at any depth in the
 * BOM versions in force then (the version with the latest start on or before the date, not ended before it, as
 * {@link Boms#on}). Each step is one indexed query on the component ({@code bom_lines_component}), so the work is
 * the size of the affected sub-graph, not of the catalog.
 */
public final class WhereUsed {
    private final Tx tx;
    private int queries;

    public WhereUsed(Tx tx) {
        this.tx = tx;
    }

    /** The parts whose BOM version in force on {@code date} lists {@code part} directly. */
    public Set<String> parentsOf(String part, LocalDate date) {
        queries++;
        return new LinkedHashSet<>(Sql.list(tx.connection(), "SELECT l.part_id FROM bom_lines l JOIN bom_versions v"
                + " ON v.part_id = l.part_id AND v.valid_from = l.valid_from"
                + " WHERE l.component_id = ? AND l.valid_from <= ? AND (v.valid_to IS NULL OR v.valid_to >= ?)"
                + " AND NOT EXISTS (SELECT 1 FROM bom_versions w WHERE w.part_id = l.part_id AND w.valid_from > l.valid_from"
                + " AND w.valid_from <= ?) ORDER BY l.part_id", rs -> rs.getString(1), part, date, date, date));
    }

    /** Every part using one of {@code parts} at any depth on {@code date}, nearest first. */
    public Set<String> usersOf(Collection<String> parts, LocalDate date) {
        return BomGraph.closure(parts, p -> parentsOf(p, date));
    }

    /** {@code parts} and their users on {@code date}: what a change of those parts affects. */
    public Set<String> affectedBy(Collection<String> parts, LocalDate date) {
        Set<String> all = new LinkedHashSet<>(parts);
        all.addAll(usersOf(parts, date));
        return all;
    }

    /** True when no BOM version (of any date) uses {@code part}: a finished good. */
    public boolean isFinished(String part) {
        queries++;
        return Sql.one(tx.connection(), "SELECT 1 FROM bom_lines WHERE component_id = ? FETCH FIRST 1 ROWS ONLY", rs -> 1, part).isEmpty();
    }

    /** True when {@code part} is a good: finished (used in no BOM) or with a determination in the ledger. */
    public boolean isGood(String part) {
        if (isFinished(part)) return true;
        queries++;
        return Sql.one(tx.connection(), "SELECT 1 FROM determinations WHERE part_id = ? FETCH FIRST 1 ROWS ONLY", rs -> 1, part).isPresent();
    }

    /** How many queries this walk made (for tests and benchmarks). */
    public int queries() { return queries; }
}
