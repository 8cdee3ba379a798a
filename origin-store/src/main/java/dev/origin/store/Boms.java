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

    /**
     * Stores many versions at once, as {@link #put} does one by one but with a few batched statements (imports of
     * tens of thousands of lines): reads the stored heads once, the stored lines only when versions with the same
     * keys exist, then writes heads and lines in batches. {@code linesWritten} is told how many lines have been
     * handled so far. Returns each version's change, in order.
     */
    public List<Change> putAll(List<BomVersion> versions, java.util.function.LongConsumer linesWritten) {
        java.util.Map<String, LocalDate[]> heads = new java.util.HashMap<>();
        for (Object[] h : Sql.list(c, "SELECT part_id, valid_from, valid_to FROM bom_versions",
                rs -> new Object[] {rs.getString(1), Sql.date(rs, "valid_from"), Sql.date(rs, "valid_to")})) {
            heads.put(h[0] + "@" + h[1], new LocalDate[] {(LocalDate) h[1], (LocalDate) h[2]});
        }
        java.util.Map<String, List<BomLine>> stored = new java.util.HashMap<>();
        boolean overlap = versions.stream().anyMatch(v -> heads.containsKey(v.partId() + "@" + v.validFrom()));
        if (overlap) {
            for (Object[] l : Sql.list(c, "SELECT part_id, valid_from, line_no, component_id, quantity FROM bom_lines ORDER BY part_id, valid_from, line_no",
                    rs -> new Object[] {rs.getString(1) + "@" + Sql.date(rs, "valid_from"), new BomLine(rs.getInt(3), rs.getString(4),
                            Sql.plain(rs.getBigDecimal(5)))})) {
                stored.computeIfAbsent((String) l[0], k -> new ArrayList<>()).add((BomLine) l[1]);
            }
        }
        List<Change> changes = new ArrayList<>();
        long done = 0;
        try (PreparedStatement deleteLines = c.prepareStatement("DELETE FROM bom_lines WHERE part_id = ? AND valid_from = ?");
                PreparedStatement updateHead = c.prepareStatement("UPDATE bom_versions SET valid_to = ? WHERE part_id = ? AND valid_from = ?");
                PreparedStatement insertHead = c.prepareStatement("INSERT INTO bom_versions (part_id, valid_from, valid_to) VALUES (?, ?, ?)");
                PreparedStatement insertLine = c.prepareStatement(
                        "INSERT INTO bom_lines (part_id, valid_from, line_no, component_id, quantity) VALUES (?, ?, ?, ?, ?)")) {
            List<BomVersion> toWrite = new ArrayList<>();
            for (BomVersion v : versions) {
                String key = v.partId() + "@" + v.validFrom();
                BomVersion norm = normalised(v);
                LocalDate[] head = heads.get(key);
                if (head == null) {
                    Sql.bind(insertHead, v.partId(), v.validFrom(), v.validTo());
                    insertHead.addBatch();
                    changes.add(Change.ADDED);
                    toWrite.add(norm);
                    heads.put(key, new LocalDate[] {v.validFrom(), v.validTo()});
                } else if (new BomVersion(v.partId(), head[0], head[1], stored.getOrDefault(key, List.of())).equals(norm)) {
                    changes.add(Change.UNCHANGED);
                    done += v.lines().size();
                } else {
                    Sql.bind(deleteLines, v.partId(), v.validFrom());
                    deleteLines.addBatch();
                    Sql.bind(updateHead, v.validTo(), v.partId(), v.validFrom());
                    updateHead.addBatch();
                    changes.add(Change.CHANGED);
                    toWrite.add(norm);
                }
            }
            linesWritten.accept(done);
            deleteLines.executeBatch();
            updateHead.executeBatch();
            insertHead.executeBatch();
            int pending = 0;
            for (BomVersion v : toWrite) {
                for (BomLine l : v.lines()) {
                    Sql.bind(insertLine, v.partId(), v.validFrom(), l.lineNo(), l.componentId(), l.quantity());
                    insertLine.addBatch();
                    if (++pending == 1000) {
                        insertLine.executeBatch();
                        done += pending;
                        pending = 0;
                        linesWritten.accept(done);
                    }
                }
            }
            insertLine.executeBatch();
            done += pending;
            linesWritten.accept(done);
        } catch (SQLException e) {
            throw new StoreException("cannot write the BOMs: " + e.getMessage(), e);
        }
        return changes;
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
