package dev.origin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Effective-dated, multi-level bills of materials. */
public final class Boms {
    private final Connection c;

    Boms(Connection c) {
        this.c = c;
    }

    /** The part's BOM versions, oldest first. */
    public List<BomVersion> versions(String partId) {
        List<LocalDate[]> heads = Sql.list(c, "SELECT valid_from, valid_to FROM bom_versions WHERE part_id = ? ORDER BY valid_from",
                rs -> new LocalDate[] {Sql.date(rs, "valid_from"), Sql.date(rs, "valid_to")}, partId);
        List<BomVersion> out = new ArrayList<>();
        for (LocalDate[] h : heads) {
            out.add(new BomVersion(partId, h[0], h[1], lines(partId, h[0])));
        }
        return out;
    }

    /**
     * The version in force on {@code date}: the one with the latest start on or before it, provided it has not
     * ended before it. Empty when the part has no BOM then (a bought part, or a date outside every version).
     */
    public Optional<BomVersion> on(String partId, LocalDate date) {
        Optional<LocalDate[]> head = Sql.one(c, "SELECT valid_from, valid_to FROM bom_versions WHERE part_id = ? AND valid_from <= ?"
                + " ORDER BY valid_from DESC", rs -> new LocalDate[] {Sql.date(rs, "valid_from"), Sql.date(rs, "valid_to")}, partId, date);
        if (head.isEmpty() || (head.get()[1] != null && head.get()[1].isBefore(date))) {
            return Optional.empty();
        }
        return Optional.of(new BomVersion(partId, head.get()[0], head.get()[1], lines(partId, head.get()[0])));
    }

    /** True when the part has any BOM version (it is made from components). */
    public boolean hasBom(String partId) {
        return Sql.one(c, "SELECT 1 FROM bom_versions WHERE part_id = ?", rs -> 1, partId).isPresent();
    }

    /** The parts whose BOM (any version) uses {@code componentId} directly, by id. */
    public Set<String> parentsOf(String componentId) {
        return new LinkedHashSet<>(Sql.list(c, "SELECT DISTINCT part_id FROM bom_lines WHERE component_id = ? ORDER BY part_id",
                rs -> rs.getString(1), componentId));
    }

    /**
     * The parts that use {@code componentId} at any level (through every BOM version), by id; the component itself
     * is not included.
     */
    public Set<String> whereUsed(String componentId) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(componentId));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            for (String p : parentsOf(next)) {
                if (seen.add(p)) {
                    todo.add(p);
                }
            }
        }
        seen.remove(componentId);
        return seen;
    }

    /**
     * Stores the version {@code v} (replacing the lines of a version with the same part and start): unchanged when
     * the stored version is equal.
     */
    public Change put(BomVersion v) {
        Optional<LocalDate[]> head = Sql.one(c, "SELECT valid_from, valid_to FROM bom_versions WHERE part_id = ? AND valid_from = ?",
                rs -> new LocalDate[] {Sql.date(rs, "valid_from"), Sql.date(rs, "valid_to")}, v.partId(), v.validFrom());
        BomVersion norm = normalised(v);
        if (head.isPresent()) {
            BomVersion old = new BomVersion(v.partId(), head.get()[0], head.get()[1], lines(v.partId(), v.validFrom()));
            if (old.equals(norm)) {
                return Change.UNCHANGED;
            }
            Sql.update(c, "DELETE FROM bom_lines WHERE part_id = ? AND valid_from = ?", v.partId(), v.validFrom());
            Sql.update(c, "UPDATE bom_versions SET valid_to = ? WHERE part_id = ? AND valid_from = ?", v.validTo(), v.partId(),
                    v.validFrom());
        } else {
            Sql.update(c, "INSERT INTO bom_versions (part_id, valid_from, valid_to) VALUES (?, ?, ?)", v.partId(), v.validFrom(),
                    v.validTo());
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO bom_lines (part_id, valid_from, line_no, component_id, quantity) VALUES (?, ?, ?, ?, ?)")) {
            for (BomLine l : norm.lines()) {
                Sql.bind(ps, v.partId(), v.validFrom(), l.lineNo(), l.componentId(), l.quantity());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("cannot write the BOM of " + v.partId() + ": " + e.getMessage(), e);
        }
        return head.isPresent() ? Change.CHANGED : Change.ADDED;
    }

    private List<BomLine> lines(String partId, LocalDate validFrom) {
        return Sql.list(c, "SELECT line_no, component_id, quantity FROM bom_lines WHERE part_id = ? AND valid_from = ? ORDER BY line_no",
                rs -> new BomLine(rs.getInt("line_no"), rs.getString("component_id"), Sql.plain(rs.getBigDecimal("quantity"))),
                partId, validFrom);
    }

    private static BomVersion normalised(BomVersion v) {
        return new BomVersion(v.partId(), v.validFrom(), v.validTo(),
                v.lines().stream().sorted(java.util.Comparator.comparingInt(BomLine::lineNo))
                        .map(l -> new BomLine(l.lineNo(), l.componentId(), Sql.plain(l.quantity()))).toList());
    }
}
