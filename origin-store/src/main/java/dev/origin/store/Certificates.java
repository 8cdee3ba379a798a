package dev.origin.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The certificates of origin issued from the workspace, and the goods each covers with the determination it rests
 * on. A certificate is never deleted: withdrawal records the day, the reason and the determination that flipped it.
 */
public final class Certificates {
    private final Tx tx;

    public Certificates(Tx tx) {
        this.tx = tx;
    }

    /** A stored certificate: its form ({@code USMCA} or {@code NAFTA}), customer (importer party id), status and JSON. */
    public record Stored(String id, String form, String importerId, LocalDate blanketFrom, LocalDate blanketTo, LocalDate issuedOn,
                         String status, LocalDate withdrawnOn, String withdrawnReason, Long withdrawnBy, String document,
                         List<Covered> goods) {
        public Stored { goods = List.copyOf(goods); }

        public boolean isIssued() { return "ISSUED".equals(status); }
    }

    /** A good a certificate covers and the determination it rests on. */
    public record Covered(String partId, long determinationId) {}

    public Optional<Stored> get(String id) {
        return Sql.one(tx.connection(), "SELECT * FROM certificates WHERE certificate_id = ?", rs -> new Stored(rs.getString("certificate_id"),
                rs.getString("form"), rs.getString("importer_id"), Sql.date(rs, "blanket_from"), Sql.date(rs, "blanket_to"),
                Sql.date(rs, "issued_on"), rs.getString("status"), Sql.date(rs, "withdrawn_on"), rs.getString("withdrawn_reason"),
                (Long) rs.getObject("withdrawn_by", Long.class), rs.getString("document"), covered(rs.getString("certificate_id"))), id);
    }

    /** Every certificate id, sorted. */
    public List<String> ids() {
        return Sql.list(tx.connection(), "SELECT certificate_id FROM certificates ORDER BY certificate_id", rs -> rs.getString(1));
    }

    /** The ids of the certificates in force (ISSUED) that cover {@code partId}. */
    public List<String> issuedFor(String partId) {
        return Sql.list(tx.connection(), "SELECT c.certificate_id FROM certificates c JOIN certificate_goods g"
                + " ON g.certificate_id = c.certificate_id WHERE g.part_id = ? AND c.status = 'ISSUED' ORDER BY c.certificate_id",
                rs -> rs.getString(1), partId);
    }

    /** Stores a newly issued certificate; refuses an id already used. */
    public void issue(String id, String form, String importerId, LocalDate from, LocalDate to, LocalDate issuedOn, String document,
                      List<Covered> goods) {
        Sql.update(tx.connection(), "INSERT INTO certificates (certificate_id, form, importer_id, blanket_from, blanket_to, issued_on, status,"
                + " document) VALUES (?, ?, ?, ?, ?, ?, 'ISSUED', ?)", id, form, importerId, from, to, issuedOn, document);
        for (Covered c : goods) {
            Sql.update(tx.connection(), "INSERT INTO certificate_goods (certificate_id, part_id, determination_id) VALUES (?, ?, ?)",
                    id, c.partId(), c.determinationId());
        }
    }

    /** Withdraws an issued certificate from {@code on}, because of determination {@code by}; false when not in force. */
    public boolean withdraw(String id, LocalDate on, String reason, long by) {
        return Sql.update(tx.connection(), "UPDATE certificates SET status = 'WITHDRAWN', withdrawn_on = ?, withdrawn_reason = ?,"
                + " withdrawn_by = ? WHERE certificate_id = ? AND status = 'ISSUED'", on, reason, by, id) == 1;
    }

    /** The next free id of the form {@code C-000001}. */
    public String nextId() {
        int n = Sql.one(tx.connection(), "SELECT COUNT(*) FROM certificates", rs -> rs.getInt(1)).orElse(0) + 1;
        while (get(String.format("C-%06d", n)).isPresent()) n++;
        return String.format("C-%06d", n);
    }

    private List<Covered> covered(String id) {
        return Sql.list(tx.connection(), "SELECT part_id, determination_id FROM certificate_goods WHERE certificate_id = ? ORDER BY part_id",
                rs -> new Covered(rs.getString(1), rs.getLong(2)), id);
    }
}
