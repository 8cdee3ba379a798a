package dev.origin.store;

import dev.origin.core.engine.ErrorCode;
import dev.origin.store.cert.Party;
import java.util.List;
import java.util.Optional;

/** The parties named on certificates (exporters, producers, importers who are the customers, certifiers). */
public final class Parties {
    private final Tx tx;

    public Parties(Tx tx) {
        this.tx = tx;
    }

    public Optional<Party> get(String id) {
        return Sql.one(tx.connection(), "SELECT * FROM parties WHERE party_id = ?", rs -> new Party(rs.getString("name"),
                rs.getString("address"), rs.getString("country"), rs.getString("telephone"), rs.getString("email"),
                rs.getString("tax_id")), id);
    }

    /** Every party id, sorted. */
    public List<String> ids() {
        return Sql.list(tx.connection(), "SELECT party_id FROM parties ORDER BY party_id", rs -> rs.getString(1));
    }

    /**
     * Adds or replaces the party {@code id}; a field longer than its column ({@code TOO_LARGE}) or a country that is not
     * two letters ({@code BAD_COUNTRY}) is refused with a {@link WorkflowException} before anything is written.
     */
    public Change put(String id, Party p) {
        check(id, p);
        Optional<Party> old = get(id);
        if (old.isPresent() && old.get().equals(new Party(p.name(), p.address(), p.country(), p.telephone(), p.email(), blank(p.taxId())))) {
            return Change.UNCHANGED;
        }
        if (old.isPresent()) {
            Sql.update(tx.connection(), "UPDATE parties SET name = ?, address = ?, country = ?, telephone = ?, email = ?, tax_id = ?"
                    + " WHERE party_id = ?", p.name(), blank(p.address()), blank(p.country()), blank(p.telephone()), blank(p.email()),
                    blank(p.taxId()), id);
            return Change.CHANGED;
        }
        Sql.update(tx.connection(), "INSERT INTO parties (party_id, name, address, country, telephone, email, tax_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, p.name(), blank(p.address()), blank(p.country()), blank(p.telephone()),
                blank(p.email()), blank(p.taxId()));
        return Change.ADDED;
    }

    /** The columns' lengths (V20__certificates.sql). */
    static void check(String id, Party p) {
        length("id", id, 64);
        length("name", p.name(), 256);
        length("address", p.address(), 512);
        length("telephone", p.telephone(), 64);
        length("email", p.email(), 256);
        length("taxId", p.taxId(), 64);
        String c = blank(p.country());
        if (c != null && !c.matches("[A-Za-z]{2}")) throw new WorkflowException(ErrorCode.BAD_COUNTRY, c);
    }

    private static void length(String field, String value, int limit) {
        if (value != null && value.length() > limit) throw new WorkflowException(ErrorCode.Variant.TEXT_TOO_LONG, field, value.length(), limit);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
