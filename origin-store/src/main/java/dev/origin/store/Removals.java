package dev.origin.store;

import dev.origin.core.engine.ErrorCode;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Deleting workspace entities (the REST API's DELETE routes), in the caller's transaction. What is still referenced
 * is refused with {@code IN_USE} naming the references (never a database error): a part used in a BOM, covered by a
 * declaration, decided in the ledger or on a certificate; a supplier that parts are bought from or that declared.
 * A part's own data (classification history, cost sheets, BOM versions) goes with it. The ledger is never touched.
 * Each method answers false when there was nothing to delete.
 */
public final class Removals {
    private final Connection c;

    /** Deletes in {@code tx}, which first takes the workspace's write lock ({@link Tx#lockWrites}). */
    public Removals(Tx tx) {
        this.c = tx.connection();
        tx.lockWrites();
    }

    private long count(String sql, Object... args) {
        return Sql.one(c, sql, rs -> rs.getLong(1), args).orElse(0L);
    }

    private static void use(List<String> uses, long n, String what) {
        if (n > 0) uses.add(n + " " + what);
    }

    /** Deletes a part with its classifications, cost sheets and BOM versions. */
    public boolean part(String id) {
        if (count("SELECT COUNT(*) FROM parts WHERE part_id = ?", id) == 0) return false;
        List<String> uses = new ArrayList<>();
        use(uses, count("SELECT COUNT(*) FROM bom_lines WHERE component_id = ?", id), "BOM line(s) use it");
        use(uses, count("SELECT COUNT(*) FROM declaration_parts WHERE part_id = ?", id), "declaration(s) cover it");
        use(uses, count("SELECT COUNT(*) FROM determinations WHERE part_id = ?", id), "determination(s) of the ledger decide it");
        use(uses, count("SELECT COUNT(*) FROM certificate_goods WHERE part_id = ?", id), "certificate(s) cover it");
        if (!uses.isEmpty()) throw new WorkflowException(ErrorCode.IN_USE, "part", id, String.join(", ", uses));
        Sql.update(c, "DELETE FROM bom_lines WHERE part_id = ?", id);
        Sql.update(c, "DELETE FROM bom_versions WHERE part_id = ?", id);
        Sql.update(c, "DELETE FROM cost_sheets WHERE part_id = ?", id);
        Sql.update(c, "DELETE FROM part_hs WHERE part_id = ?", id);
        return Sql.update(c, "DELETE FROM parts WHERE part_id = ?", id) > 0;
    }

    /** Deletes a supplier no part is bought from and no declaration names. */
    public boolean supplier(String id) {
        if (count("SELECT COUNT(*) FROM suppliers WHERE supplier_id = ?", id) == 0) return false;
        List<String> uses = new ArrayList<>();
        use(uses, count("SELECT COUNT(*) FROM parts WHERE supplier_id = ?", id), "part(s) are bought from it");
        use(uses, count("SELECT COUNT(*) FROM declarations WHERE supplier_id = ?", id), "declaration(s) are its");
        if (!uses.isEmpty()) throw new WorkflowException(ErrorCode.IN_USE, "supplier", id, String.join(", ", uses));
        return Sql.update(c, "DELETE FROM suppliers WHERE supplier_id = ?", id) > 0;
    }

    /**
     * Deletes a declaration and the parts it covers. Determinations that relied on it keep it in their evidence, as it
     * stood (docs/workspace.md); to record that a supplier took it back, withdraw it instead.
     */
    public boolean declaration(String id) {
        Sql.update(c, "DELETE FROM declaration_parts WHERE declaration_id = ?", id);
        return Sql.update(c, "DELETE FROM declarations WHERE declaration_id = ?", id) > 0;
    }

    /** Deletes one BOM version with its lines. */
    public boolean bom(String part, LocalDate validFrom) {
        Sql.update(c, "DELETE FROM bom_lines WHERE part_id = ? AND valid_from = ?", part, validFrom);
        return Sql.update(c, "DELETE FROM bom_versions WHERE part_id = ? AND valid_from = ?", part, validFrom) > 0;
    }

    /** Deletes one cost sheet. */
    public boolean costSheet(String part, LocalDate validFrom) {
        return Sql.update(c, "DELETE FROM cost_sheets WHERE part_id = ? AND valid_from = ?", part, validFrom) > 0;
    }
}
