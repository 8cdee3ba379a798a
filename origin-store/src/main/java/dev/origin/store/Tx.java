package dev.origin.store;

import java.sql.Connection;

/**
 * One transaction on the workspace: the repositories, all on the same connection. Obtained from
 * {@link Workspace#read} or {@link Workspace#write}, which commit or roll back; never kept after them.
 */
public final class Tx {
    private final Connection connection;

    Tx(Connection connection) {
        this.connection = connection;
    }

    public Parts parts() { return new Parts(connection); }

    public Boms boms() { return new Boms(connection); }

    public Suppliers suppliers() { return new Suppliers(connection); }

    public Plants plants() { return new Plants(connection); }

    public CostSheets costs() { return new CostSheets(connection); }

    public Declarations declarations() { return new Declarations(connection); }

    public Ledger ledger() { return new Ledger(connection); }

    /**
     * Waits for, and holds until this transaction ends, the workspace's write lock (the row of {@code workspace_lock}):
     * imports and deletes of workspace entities take it first, so that a delete's "nothing references it" and an
     * import's "what it references exists" are decided one after the other, never on each other's uncommitted rows.
     */
    public void lockWrites() {
        if (Sql.one(connection, "SELECT lock_id FROM workspace_lock WHERE lock_id = 1 FOR UPDATE", rs -> rs.getInt(1)).isEmpty()) {
            throw new StoreException("the workspace lock row is missing");
        }
    }

    /** The connection of this transaction, for tables of other modules (do not commit or close it). */
    public Connection connection() { return connection; }
}
