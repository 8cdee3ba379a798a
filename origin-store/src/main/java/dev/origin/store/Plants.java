package dev.origin.store;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/** The plants of the workspace. */
public final class Plants {
    private final Connection c;

    Plants(Connection c) {
        this.c = c;
    }

    public Optional<Plant> get(String id) {
        return Sql.one(c, "SELECT * FROM plants WHERE plant_id = ?", rs -> new Plant(rs.getString("plant_id"),
                rs.getString("name"), rs.getString("country")), id);
    }

    public List<Plant> all() {
        return Sql.list(c, "SELECT * FROM plants ORDER BY plant_id", rs -> new Plant(rs.getString("plant_id"),
                rs.getString("name"), rs.getString("country")));
    }

    /** Adds or replaces {@code p}. */
    public Change put(Plant p) {
        Optional<Plant> old = get(p.id());
        if (old.isPresent() && old.get().equals(p)) {
            return Change.UNCHANGED;
        }
        if (old.isPresent()) {
            Sql.update(c, "UPDATE plants SET name = ?, country = ? WHERE plant_id = ?", p.name(), p.country(), p.id());
            return Change.CHANGED;
        }
        Sql.update(c, "INSERT INTO plants (plant_id, name, country) VALUES (?, ?, ?)", p.id(), p.name(), p.country());
        return Change.ADDED;
    }
}
