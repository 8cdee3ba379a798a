package dev.origin.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The parts of the workspace and their HS classification history. */
public final class Parts {
    private final Connection c;

    Parts(Connection c) {
        this.c = c;
    }

    public Optional<Part> get(String id) {
        return Sql.one(c, "SELECT * FROM parts WHERE part_id = ?", Parts::row, id);
    }

    /** Every part, by id. */
    public List<Part> all() {
        return Sql.list(c, "SELECT * FROM parts ORDER BY part_id", Parts::row);
    }

    /** The parts no BOM uses as a component: the finished goods, by id. */
    public List<Part> finished() {
        return Sql.list(c, "SELECT * FROM parts p WHERE NOT EXISTS (SELECT 1 FROM bom_lines l WHERE l.component_id = p.part_id)"
                + " ORDER BY part_id", Parts::row);
    }

    public int count() {
        return Sql.one(c, "SELECT COUNT(*) FROM parts", rs -> rs.getInt(1)).orElse(0);
    }

    /** Adds or replaces {@code p} (its classifications are kept). */
    public Change put(Part p) {
        Optional<Part> old = get(p.id());
        if (old.isPresent() && old.get().equals(p)) {
            return Change.UNCHANGED;
        }
        if (old.isPresent()) {
            Sql.update(c, "UPDATE parts SET description = ?, source = ?, plant_id = ?, supplier_id = ?, country = ?, destination = ?,"
                    + " vehicle = ?, use_kind = ? WHERE part_id = ?", p.description(), p.source(), p.plantId(), p.supplierId(),
                    p.country(), p.destination(), p.vehicle(), p.use(), p.id());
            return Change.CHANGED;
        }
        Sql.update(c, "INSERT INTO parts (part_id, description, source, plant_id, supplier_id, country, destination, vehicle, use_kind)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", p.id(), p.description(), p.source(), p.plantId(), p.supplierId(), p.country(),
                p.destination(), p.vehicle(), p.use());
        return Change.ADDED;
    }

    /** The part's classifications, oldest first. */
    public List<HsClassification> hsHistory(String partId) {
        return Sql.list(c, "SELECT * FROM part_hs WHERE part_id = ? ORDER BY valid_from", rs -> new HsClassification(
                rs.getString("part_id"), Sql.date(rs, "valid_from"), rs.getString("hs")), partId);
    }

    /** The part's HS code on {@code date}: the classification with the latest start on or before it. */
    public Optional<String> hsOn(String partId, LocalDate date) {
        return Sql.one(c, "SELECT hs FROM part_hs WHERE part_id = ? AND valid_from <= ? ORDER BY valid_from DESC",
                rs -> rs.getString(1), partId, date);
    }

    /**
     * Records that the part is classified {@code hs} from {@code validFrom}: unchanged when that classification is
     * already recorded from that date.
     */
    public Change classify(HsClassification k) {
        Optional<String> old = Sql.one(c, "SELECT hs FROM part_hs WHERE part_id = ? AND valid_from = ?", rs -> rs.getString(1),
                k.partId(), k.validFrom());
        if (old.isPresent() && old.get().equals(k.hs())) {
            return Change.UNCHANGED;
        }
        if (old.isPresent()) {
            Sql.update(c, "UPDATE part_hs SET hs = ? WHERE part_id = ? AND valid_from = ?", k.hs(), k.partId(), k.validFrom());
            return Change.CHANGED;
        }
        Sql.update(c, "INSERT INTO part_hs (part_id, valid_from, hs) VALUES (?, ?, ?)", k.partId(), k.validFrom(), k.hs());
        return Change.ADDED;
    }

    private static Part row(ResultSet rs) throws SQLException {
        return new Part(rs.getString("part_id"), rs.getString("description"), Part.Source.valueOf(rs.getString("source")),
                rs.getString("plant_id"), rs.getString("supplier_id"), rs.getString("country"), rs.getString("destination"),
                rs.getString("vehicle"), rs.getString("use_kind"));
    }
}
