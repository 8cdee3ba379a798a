package dev.origin.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2 trigger that refuses every UPDATE and DELETE of the determinations ledger (installed by the migration
 * {@code db/vendor/h2/V10__ledger_append_only.sql}; PostgreSQL has its own in plpgsql).
 */
public final class AppendOnlyTrigger implements Trigger {
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("the determinations ledger is append-only (" + (newRow == null ? "DELETE" : "UPDATE") + " refused)",
                "45000");
    }
}
