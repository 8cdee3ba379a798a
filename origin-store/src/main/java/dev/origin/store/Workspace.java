package dev.origin.store;

import dev.origin.io.InputException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

/**
 * The compliance workspace: parts, BOMs, suppliers, declarations, costs and the determinations ledger in one
 * database ({@link Database}). Every access runs in a transaction:
 *
 * <pre>{@code
 * Workspace ws = Workspace.open(Database.defaultUrl());
 * Optional<Part> p = ws.read(tx -> tx.parts().get("BRK-100"));
 * ws.write(tx -> tx.declarations().withdraw("D-7", LocalDate.of(2026, 3, 1)));
 * LedgerEntry e = ws.qualify("BRK-100", "usmca", Map.of(), LocalDate.of(2026, 3, 1), "qualify");
 * }</pre>
 *
 * A write commits when its function returns and rolls back when it throws, so a failed or killed operation
 * leaves nothing half-written.
 */
public final class Workspace {
    private final Database db;

    private Workspace(Database db) {
        this.db = db;
    }

    /** Opens (creating and migrating if needed) the workspace at {@code url}. */
    public static Workspace open(String url) {
        return new Workspace(Database.open(url));
    }

    public static Workspace of(Database db) {
        return new Workspace(db);
    }

    public Database database() {
        return db;
    }

    /** Runs {@code work} in a transaction that is rolled back afterwards (it reads only). */
    public <T> T read(Function<Tx, T> work) {
        return run(work, false);
    }

    /** Runs {@code work} in a transaction committed when it returns, rolled back when it throws. */
    public <T> T write(Function<Tx, T> work) {
        return run(work, true);
    }

    /** Work on a transaction that may report bad input. */
    public interface Checked<T> {
        T apply(Tx tx) throws InputException;
    }

    /** As {@link #read}, for work that may throw {@link InputException}. */
    public <T> T readChecked(Checked<T> work) throws InputException {
        return unwrap(() -> read(tx -> wrap(work, tx)));
    }

    /** As {@link #write}, for work that may throw {@link InputException} (then rolled back). */
    public <T> T writeChecked(Checked<T> work) throws InputException {
        return unwrap(() -> write(tx -> wrap(work, tx)));
    }

    /** How many times a write that conflicted with a concurrent transaction is run again before the conflict is reported. */
    static final int CONFLICT_RETRIES = 5;

    /**
     * As {@link #write}, run again in a new transaction when the database refused it for a conflict with a concurrent
     * one: two requests creating the same key at once (the second's insert fails once the first commits), a delete and
     * an insert of a row that references it, a deadlock or a serialization failure. The work runs again on what is then
     * committed, so it decides again (updates the row the other created, answers "not found" or "in use"), as if the
     * two had run one after the other. The work must have no effect outside its transaction. Found by the soak test
     * (docs/RELIABILITY.md): concurrent {@code PUT}s of one new supplier answered 500.
     */
    public <T> T writeRetrying(Function<Tx, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return run(work, true);
            } catch (StoreException e) {
                if (attempt > CONFLICT_RETRIES || !conflict(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 5 * attempt + 1));
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** As {@link #writeRetrying}, for work that may throw {@link InputException} (then rolled back, not retried). */
    public <T> T writeCheckedRetrying(Checked<T> work) throws InputException {
        return unwrap(() -> writeRetrying(tx -> wrap(work, tx)));
    }

    /**
     * True when {@code t} was caused by a conflict with a concurrent transaction: a unique or foreign key violation
     * (SQLSTATE 23505, 23503; H2's 23506 for a missing parent), a serialization failure or deadlock (40001, 40P01), or
     * H2's concurrent update (error 90131). A lock timeout is not retried: it has already waited.
     */
    static boolean conflict(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof SQLException s) {
                String state = s.getSQLState();
                if (state != null && java.util.Set.of("23505", "23503", "23506", "40001", "40P01").contains(state)) {
                    return true;
                }
                if (s.getErrorCode() == 90131) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The engine's input for {@code partId} as of {@code asOf} from the workspace as it is now. */
    public GoodInput input(String partId, LocalDate asOf) throws InputException {
        return readChecked(tx -> GoodInputs.build(tx, partId, asOf));
    }

    /**
     * Qualifies a stored part: builds its input as of {@code asOf}, evaluates it under {@code regime} with
     * {@code params}, and appends the determination to the ledger with {@code reason}.
     *
     * @throws InputException when the part's data has gaps, the pack cannot be read, or the evaluation has errors;
     *                        nothing is appended then
     */
    public LedgerEntry qualify(String partId, String regime, Map<String, String> params, LocalDate asOf, String reason)
            throws InputException {
        GoodInput in = input(partId, asOf);
        Qualification q = Qualification.evaluate(in.document(), regime, params, asOf);
        return write(tx -> tx.ledger().append(q.toLedger(in, reason)));
    }

    /** The ledger entry {@code id}, or an {@code UNKNOWN_DETERMINATION} problem. */
    public LedgerEntry determination(long id) throws InputException {
        return read(tx -> tx.ledger().get(id)).orElseThrow(() -> new InputException(java.util.List.of(dev.origin.io.Problem.of(
                GoodInputs.SOURCE, 0, 0, "", dev.origin.core.engine.ErrorCode.UNKNOWN_DETERMINATION, id))));
    }

    private static final class Wrapped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Wrapped(InputException e) {
            super(e);
        }
    }

    private static <T> T wrap(Checked<T> work, Tx tx) {
        try {
            return work.apply(tx);
        } catch (InputException e) {
            throw new Wrapped(e);
        }
    }

    private static <T> T unwrap(java.util.function.Supplier<T> s) throws InputException {
        try {
            return s.get();
        } catch (Wrapped w) {
            throw (InputException) w.getCause();
        }
    }

    private <T> T run(Function<Tx, T> work, boolean commit) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                T result = work.apply(new Tx(c));
                if (commit) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return result;
            } catch (RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("the workspace database failed: " + e.getMessage(), e);
        }
    }
}
