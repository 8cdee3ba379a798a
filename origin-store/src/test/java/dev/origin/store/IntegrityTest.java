package dev.origin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The integrity check passes on a sound workspace and finds each kind of damage planted behind the engine's back: an
 * orphan row (foreign keys switched off) and a ledger entry changed in place (append-only trigger dropped).
 */
class IntegrityTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void aSoundWorkspacePassesAndEachPlantedDamageIsFound(String kind) throws Exception {
        Workspace ws = Workspace.open(TestDatabases.fresh(kind));
        Sample.load(ws, Sample.ANCHOR, null);
        ws.qualify("SUS-700", "usmca", Map.of(), Sample.ANCHOR, "test");
        ws.qualify("HUB-500", "usmca", Map.of(), Sample.ANCHOR, "test");

        Integrity.Report sound = Integrity.check(ws);
        assertThat(sound.problems()).isEmpty();
        assertThat(sound.tables()).isGreaterThan(15);
        assertThat(sound.foreignKeys()).isGreaterThan(8);
        assertThat(sound.ledgerEntries()).isEqualTo(2);
        long parts = ws.read(tx -> Sql.one(tx.connection(), "SELECT COUNT(*) FROM parts", rs -> rs.getLong(1)).orElseThrow());
        assertThat(sound.rows()).isGreaterThan(parts);

        boolean pg = ws.database().isPostgres();
        try (Connection c = ws.database().connect(); Statement s = c.createStatement()) {
            // an orphan BOM line: its parent BOM version is gone
            s.execute(pg ? "SET session_replication_role = replica" : "SET REFERENTIAL_INTEGRITY FALSE");
            s.execute("DELETE FROM bom_versions WHERE part_id = 'SUS-700'");
            s.execute(pg ? "SET session_replication_role = DEFAULT" : "SET REFERENTIAL_INTEGRITY TRUE");
            // the ledger's second entry rewritten in place
            s.execute(pg ? "ALTER TABLE determinations DISABLE TRIGGER USER" : "DROP TRIGGER determinations_append_only");
            s.execute("UPDATE determinations SET verdict = 'ORIGINATING' WHERE id = 2");
        }
        Integrity.Report damaged = Integrity.check(ws);
        assertThat(damaged.ok()).isFalse();
        assertThat(damaged.problems()).anySatisfy(p -> assertThat(p).startsWithIgnoringCase("table bom_lines:")
                .containsIgnoringCase("name no row of bom_versions"));
        assertThat(damaged.problems()).anySatisfy(p -> assertThat(p).isEqualTo("ledger: entry 2 was changed after it was written (hash mismatch)"));
        assertThat(damaged.summary()).endsWith(damaged.problems().size() + " problems");
    }
}
