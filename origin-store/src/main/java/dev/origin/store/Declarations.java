package dev.origin.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Supplier declarations of origin and the parts they cover. */
public final class Declarations {
    private final Connection c;

    Declarations(Connection c) {
        this.c = c;
    }

    public Optional<Declaration> get(String id) {
        return Sql.one(c, "SELECT * FROM declarations WHERE declaration_id = ?", this::row, id);
    }

    /** Every declaration, by id. */
    public List<Declaration> all() {
        return Sql.list(c, "SELECT * FROM declarations ORDER BY declaration_id", this::row);
    }

    /** The declarations covering {@code partId} (valid or not), by id. */
    public List<Declaration> forPart(String partId) {
        return Sql.list(c, "SELECT d.* FROM declarations d JOIN declaration_parts p ON p.declaration_id = d.declaration_id"
                + " WHERE p.part_id = ? ORDER BY d.declaration_id", this::row, partId);
    }

    /**
     * The declaration that can be relied on for {@code partId} bought from {@code supplierId} on {@code date}: of
     * those covering the part and valid then ({@link Declaration#validOn}), the one that starts latest (ties: the
     * greatest id); empty when there is none, so that the part's origin is unknown.
     */
    public Optional<Declaration> validFor(String partId, String supplierId, LocalDate date) {
        return forPart(partId).stream()
                .filter(d -> d.supplierId().equals(supplierId) && d.validOn(date))
                .max(Comparator.comparing(Declaration::validFrom).thenComparing(Declaration::id));
    }

    /**
     * The declarations not withdrawn whose blanket period ends between {@code from} and {@code to} inclusive, by end
     * date then id.
     */
    public List<Declaration> endingBetween(LocalDate from, LocalDate to) {
        return Sql.list(c, "SELECT * FROM declarations WHERE withdrawn = FALSE AND valid_to >= ? AND valid_to <= ?"
                + " ORDER BY valid_to, declaration_id", this::row, from, to);
    }

    /** Stores {@code d} with the parts it covers (replacing a declaration with the same id): unchanged when equal. */
    public Change put(Declaration d) {
        Declaration n = normalised(d);
        Optional<Declaration> old = get(d.id());
        if (old.isPresent() && old.get().equals(n)) {
            return Change.UNCHANGED;
        }
        if (old.isPresent()) {
            Sql.update(c, "DELETE FROM declaration_parts WHERE declaration_id = ?", d.id());
            Sql.update(c, "UPDATE declarations SET supplier_id = ?, valid_from = ?, valid_to = ?, statement = ?, criterion = ?,"
                    + " stated_rvc = ?, rvc_method = ?, withdrawn = ?, withdrawn_on = ?, received_on = ? WHERE declaration_id = ?",
                    n.supplierId(), n.validFrom(), n.validTo(), n.statement(), n.criterion(), n.statedRvc(), n.rvcMethod(), n.withdrawn(),
                    n.withdrawnOn(), n.receivedOn(), n.id());
        } else {
            Sql.update(c, "INSERT INTO declarations (declaration_id, supplier_id, valid_from, valid_to, statement, criterion, stated_rvc,"
                    + " rvc_method, withdrawn, withdrawn_on, received_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", n.id(), n.supplierId(),
                    n.validFrom(), n.validTo(), n.statement(), n.criterion(), n.statedRvc(), n.rvcMethod(), n.withdrawn(), n.withdrawnOn(),
                    n.receivedOn());
        }
        for (String p : n.parts()) {
            Sql.update(c, "INSERT INTO declaration_parts (declaration_id, part_id) VALUES (?, ?)", n.id(), p);
        }
        return old.isPresent() ? Change.CHANGED : Change.ADDED;
    }

    /** Withdraws the declaration {@code id} from {@code on}; false when there is no such declaration. */
    public boolean withdraw(String id, LocalDate on) {
        return Sql.update(c, "UPDATE declarations SET withdrawn = TRUE, withdrawn_on = ? WHERE declaration_id = ?", on, id) == 1;
    }

    static Declaration normalised(Declaration d) {
        return new Declaration(d.id(), d.supplierId(), d.validFrom(), d.validTo(), d.statement(), d.criterion(),
                d.statedRvc() == null ? null : d.statedRvc().setScale(4, java.math.RoundingMode.UNNECESSARY), d.rvcMethod(),
                d.withdrawn(), d.withdrawnOn(), d.receivedOn(), d.parts().stream().distinct().sorted().toList());
    }

    private Declaration row(ResultSet rs) throws SQLException {
        String id = rs.getString("declaration_id");
        List<String> parts = Sql.list(c, "SELECT part_id FROM declaration_parts WHERE declaration_id = ? ORDER BY part_id",
                r -> r.getString(1), id);
        return normalised(new Declaration(id, rs.getString("supplier_id"), Sql.date(rs, "valid_from"), Sql.date(rs, "valid_to"),
                Declaration.Statement.valueOf(rs.getString("statement")), rs.getString("criterion"), rs.getBigDecimal("stated_rvc"),
                rs.getString("rvc_method"), rs.getBoolean("withdrawn"), Sql.date(rs, "withdrawn_on"), Sql.date(rs, "received_on"), parts));
    }
}
