package dev.origin.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The determinations ledger: append-only and hash-chained. There is no method to change or remove an entry, and
 * the database refuses it (triggers, see docs/workspace.md). Appends are serialised by the row of
 * {@code ledger_head}, which each append updates in its own transaction: concurrent writers get consecutive ids
 * and an unbroken chain.
 */
public final class Ledger {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection c;

    Ledger(Connection c) {
        this.c = c;
    }

    /** Appends {@code d} and returns the stored entry; the entry becomes visible when the transaction commits. */
    public LedgerEntry append(NewDetermination d) {
        Object[] head = Sql.one(c, "SELECT last_id, last_hash FROM ledger_head WHERE head_id = 1 FOR UPDATE",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)}).orElseThrow(() -> new StoreException("the ledger head is missing"));
        long id = (Long) head[0] + 1;
        String prev = (String) head[1];
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String params = params(d.params());
        LedgerEntry e = new LedgerEntry(id, d.partId(), d.regime(), d.packRevision(), d.packHash(), d.params(), d.engineVersion(),
                d.asOf(), d.verdict(), d.inputsHash(), d.inputDocument(), d.findings(), d.evidence(), d.reason(), at, prev, null);
        String hash = hash(e);
        Sql.update(c, "INSERT INTO determinations (id, part_id, regime, pack_revision, pack_hash, params, engine_version, as_of, verdict,"
                + " inputs_hash, input_document, findings, evidence, reason, created_at, prev_hash, entry_hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, d.partId(), d.regime(), d.packRevision(), d.packHash(),
                params, d.engineVersion(), d.asOf(), d.verdict(), d.inputsHash(), d.inputDocument(), d.findings(), d.evidence(), d.reason(),
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC), prev, hash);
        Sql.update(c, "UPDATE ledger_head SET last_id = ?, last_hash = ? WHERE head_id = 1", id, hash);
        return new LedgerEntry(id, e.partId(), e.regime(), e.packRevision(), e.packHash(), e.params(), e.engineVersion(), e.asOf(),
                e.verdict(), e.inputsHash(), e.inputDocument(), e.findings(), e.evidence(), e.reason(), at, prev, hash);
    }

    public Optional<LedgerEntry> get(long id) {
        return Sql.one(c, "SELECT * FROM determinations WHERE id = ?", Ledger::row, id);
    }

    /** The part's entries, oldest first. */
    public List<LedgerEntry> forPart(String partId) {
        return Sql.list(c, "SELECT * FROM determinations WHERE part_id = ? ORDER BY id", Ledger::row, partId);
    }

    /** The latest entry for the part under the regime, if any. */
    public Optional<LedgerEntry> latest(String partId, String regime) {
        return Sql.one(c, "SELECT * FROM determinations WHERE part_id = ? AND regime = ? ORDER BY id DESC", Ledger::row, partId, regime);
    }

    /** The latest entry of each part under the regime, by part id. */
    public List<LedgerEntry> latestPerPart(String regime) {
        return Sql.list(c, "SELECT * FROM determinations d WHERE regime = ? AND id = (SELECT MAX(id) FROM determinations x"
                + " WHERE x.part_id = d.part_id AND x.regime = d.regime) ORDER BY part_id", Ledger::row, regime);
    }

    /** Entries with ids from {@code fromId} on, at most {@code limit}, in id order. */
    public List<LedgerEntry> page(long fromId, int limit) {
        return Sql.list(c, "SELECT * FROM determinations WHERE id >= ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY", Ledger::row,
                fromId);
    }

    /** How many entries the ledger holds. */
    public long size() {
        return Sql.one(c, "SELECT last_id FROM ledger_head WHERE head_id = 1", rs -> rs.getLong(1)).orElse(0L);
    }

    /**
     * Checks the whole ledger: ids 1..n without a gap, each entry's hash recomputed from its fields, each entry
     * chained to the one before, the head pointing at the last. Returns the problems found (empty: intact).
     */
    public List<String> verify() {
        List<String> problems = new ArrayList<>();
        String prev = "sha256:0";
        long expected = 1;
        long from = 1;
        while (true) {
            List<LedgerEntry> page = page(from, 500);
            for (LedgerEntry e : page) {
                if (e.id() != expected) {
                    problems.add("entry " + expected + " is missing (next is " + e.id() + ")");
                    expected = e.id();
                }
                if (!e.prevHash().equals(prev)) {
                    problems.add("entry " + e.id() + " does not follow entry " + (e.id() - 1) + " (chain broken)");
                }
                if (!hash(e).equals(e.entryHash())) {
                    problems.add("entry " + e.id() + " was changed after it was written (hash mismatch)");
                }
                prev = e.entryHash();
                expected++;
            }
            if (page.size() < 500) {
                break;
            }
            from = page.get(page.size() - 1).id() + 1;
        }
        Object[] head = Sql.one(c, "SELECT last_id, last_hash FROM ledger_head WHERE head_id = 1",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)}).orElse(new Object[] {0L, "sha256:0"});
        if ((Long) head[0] != expected - 1 || !head[1].equals(prev)) {
            problems.add("the ledger head names entry " + head[0] + " but the last entry is " + (expected - 1));
        }
        return problems;
    }

    /** The entry hash: SHA-256 over the previous hash and every field, each length-prefixed (no ambiguity). */
    static String hash(LedgerEntry e) {
        StringBuilder sb = new StringBuilder();
        for (Object f : new Object[] {e.prevHash(), e.id(), e.partId(), e.regime(), e.packRevision(), e.packHash(), params(e.params()),
                e.engineVersion(), e.asOf(), e.verdict(), e.inputsHash(), e.inputDocument(), e.findings(), e.evidence(), e.reason(), e.createdAt()}) {
            String s = String.valueOf(f);
            sb.append(s.length()).append(':').append(s).append('\n');
        }
        return Hashes.sha256(sb.toString());
    }

    static String params(Map<String, String> params) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(params));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LedgerEntry row(ResultSet rs) throws SQLException {
        Map<String, String> params;
        try {
            params = JSON.readValue(rs.getString("params"), new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new SQLException("stored parameters unreadable: " + e.getOriginalMessage(), e);
        }
        return new LedgerEntry(rs.getLong("id"), rs.getString("part_id"), rs.getString("regime"), rs.getString("pack_revision"),
                rs.getString("pack_hash"), params, rs.getString("engine_version"), Sql.date(rs, "as_of"), rs.getString("verdict"),
                rs.getString("inputs_hash"), rs.getString("input_document"), rs.getString("findings"), rs.getString("evidence"), rs.getString("reason"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("prev_hash"), rs.getString("entry_hash"));
    }
}
