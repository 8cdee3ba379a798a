package dev.origin.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The suppliers of the workspace. */
public final class Suppliers {
    private final Connection c;

    Suppliers(Connection c) {
        this.c = c;
    }

    public Optional<Supplier> get(String id) {
        return Sql.one(c, "SELECT * FROM suppliers WHERE supplier_id = ?", Suppliers::row, id);
    }

    public List<Supplier> all() {
        return Sql.list(c, "SELECT * FROM suppliers ORDER BY supplier_id", Suppliers::row);
    }

    /** Adds or replaces {@code s}. */
    public Change put(Supplier s) {
        Optional<Supplier> old = get(s.id());
        if (old.isPresent() && old.get().equals(s)) {
            return Change.UNCHANGED;
        }
        if (old.isPresent()) {
            Sql.update(c, "UPDATE suppliers SET name = ?, country = ?, contact = ? WHERE supplier_id = ?", s.name(), s.country(),
                    s.contact(), s.id());
            return Change.CHANGED;
        }
        Sql.update(c, "INSERT INTO suppliers (supplier_id, name, country, contact) VALUES (?, ?, ?, ?)", s.id(), s.name(),
                s.country(), s.contact());
        return Change.ADDED;
    }

    private static Supplier row(ResultSet rs) throws SQLException {
        return new Supplier(rs.getString("supplier_id"), rs.getString("name"), rs.getString("country"), rs.getString("contact"));
    }
}
