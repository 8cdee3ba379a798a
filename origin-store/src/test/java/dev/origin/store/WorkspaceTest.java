package dev.origin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The workspace API on H2 and on a real PostgreSQL server: storage, the engine's input, the ledger. */
class WorkspaceTest {
    static final LocalDate JAN = LocalDate.of(2026, 1, 15);
    static final ObjectMapper JSON = new ObjectMapper();

    /** A brake assembly made in Mexico from a rotor (declared originating), pads (from China) and bolts (no declaration). */
    static Workspace brakes(String url) {
        Workspace ws = Workspace.open(url);
        ws.write(tx -> {
            tx.plants().put(new Plant("MTY", "Monterrey brakes", "MX"));
            tx.suppliers().put(new Supplier("ACME", "Acme Castings", "US", "quality@acme.example"));
            tx.suppliers().put(new Supplier("SHF", "Shanghai Friction", "CN", null));
            tx.suppliers().put(new Supplier("TOR", "Tornillos del Norte", "MX", null));
            tx.parts().put(new Part("BRK-100", "Front brake assembly", Part.Source.MAKE, "MTY", null, null, "US", "passenger-vehicle", null));
            tx.parts().put(new Part("CAL-200", "Caliper", Part.Source.MAKE, "MTY", null, null, null, null, null));
            tx.parts().put(new Part("ROT-1", "Brake rotor", Part.Source.BUY, null, "ACME", null, null, null, null));
            tx.parts().put(new Part("PAD-1", "Brake pad set", Part.Source.BUY, null, "SHF", null, null, null, null));
            tx.parts().put(new Part("BLT-1", "Caliper bolt", Part.Source.BUY, null, "TOR", null, null, null, null));
            tx.parts().classify(new HsClassification("BRK-100", LocalDate.of(2020, 1, 1), "8708.30"));
            tx.parts().classify(new HsClassification("CAL-200", LocalDate.of(2020, 1, 1), "8708.30"));
            tx.parts().classify(new HsClassification("ROT-1", LocalDate.of(2020, 1, 1), "8708.30"));
            tx.parts().classify(new HsClassification("PAD-1", LocalDate.of(2020, 1, 1), "6813.81"));
            tx.parts().classify(new HsClassification("BLT-1", LocalDate.of(2020, 1, 1), "7318.15"));
            tx.boms().put(new BomVersion("BRK-100", LocalDate.of(2025, 1, 1), null, List.of(
                    new BomLine(1, "ROT-1", BigDecimal.ONE), new BomLine(2, "CAL-200", BigDecimal.ONE))));
            tx.boms().put(new BomVersion("CAL-200", LocalDate.of(2025, 1, 1), null, List.of(
                    new BomLine(1, "PAD-1", BigDecimal.ONE), new BomLine(2, "BLT-1", new BigDecimal("4")))));
            tx.costs().put(sheet("BRK-100", null, "20.00", "5.00", "1.00", "120.00"));
            tx.costs().put(sheet("CAL-200", null, "6.00", "1.00", null, null));
            tx.costs().put(sheet("ROT-1", "30.00", null, null, null, null));
            tx.costs().put(sheet("PAD-1", "12.00", null, null, null, null));
            tx.costs().put(sheet("BLT-1", "0.55", null, null, null, null));
            tx.declarations().put(new Declaration("D-ACME-26", "ACME", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                    Declaration.Statement.ORIGINATING, "B", null, null, false, null, LocalDate.of(2025, 12, 20), List.of("ROT-1")));
            return null;
        });
        return ws;
    }

    static CostSheet sheet(String part, String unit, String otherProduct, String period, String royalties, String tv) {
        return new CostSheet(part, LocalDate.of(2025, 1, 1), dec(unit), dec(tv), null, dec(otherProduct), dec(period), null, null,
                dec(royalties), null, null);
    }

    static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void buildsTheEngineInputFromTheStoredPartAsOfADate(String kind) throws Exception {
        Workspace ws = brakes(TestDatabases.fresh(kind));
        GoodInput in = ws.input("BRK-100", JAN);
        assertThat(in.hash()).isEqualTo(Hashes.sha256(in.document()));
        JsonNode good = JSON.readTree(in.document()).path("goods").get(0);
        assertThat(good.path("hs").asText()).isEqualTo("8708.30");
        assertThat(good.path("producer").path("country").asText()).isEqualTo("MX");
        assertThat(good.path("transactionValue").asText()).isEqualTo("120.00");
        JsonNode rotor = good.path("materials").get(0);
        assertThat(rotor.path("origin").asText()).isEqualTo("originating");
        assertThat(rotor.path("value").asText()).isEqualTo("30.00");
        JsonNode caliper = good.path("materials").get(1);
        assertThat(caliper.path("selfProduced").asBoolean()).isTrue();
        assertThat(caliper.path("costs").path("otherProductCosts").asText()).isEqualTo("6.00");
        JsonNode pads = caliper.path("materials").get(0);
        assertThat(pads.path("origin").asText()).as("made in China").isEqualTo("non-originating");
        JsonNode bolts = caliper.path("materials").get(1);
        assertThat(bolts.path("origin").asText()).as("no declaration").isEqualTo("unknown");
        assertThat(bolts.path("value").asText()).as("4 x 0.55").isEqualTo("2.20");
        assertThat(in.declarations()).extracting(Declaration::id).containsExactly("D-ACME-26");
        assertThat(in.lines()).extracting(InputLine::path).containsExactly("BRK-100/ROT-1", "BRK-100/CAL-200",
                "BRK-100/CAL-200/PAD-1", "BRK-100/CAL-200/BLT-1");

        // before the declaration's blanket period the rotor's origin is unknown
        GoodInput dec2025 = ws.input("BRK-100", LocalDate.of(2025, 12, 31));
        assertThat(JSON.readTree(dec2025.document()).path("goods").get(0).path("materials").get(0).path("origin").asText())
                .isEqualTo("unknown");
        assertThat(dec2025.hash()).isNotEqualTo(in.hash());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void dataGapsAreReportedNotGuessed(String kind) {
        Workspace ws = brakes(TestDatabases.fresh(kind));
        assertThatThrownBy(() -> ws.input("BRK-100", LocalDate.of(2024, 6, 1)))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems()).extracting(Problem::code).containsExactly("NO_BOM"));
        assertThatThrownBy(() -> ws.input("NOPE", JAN)).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems()).extracting(Problem::code).containsExactly("UNKNOWN_PART"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void qualifyAppendsToTheLedgerAndReplayReDerivesBitForBit(String kind) throws Exception {
        Workspace ws = brakes(TestDatabases.fresh(kind));
        LedgerEntry e = ws.qualify("BRK-100", "usmca", Map.of(), JAN, "qualify");
        assertThat(e.id()).isEqualTo(1);
        assertThat(e.inputsHash()).isEqualTo(Hashes.sha256(e.inputDocument()));
        assertThat(e.packHash()).isEqualTo(PackRevision.of("usmca", Map.of())).startsWith("sha256:");
        assertThat(e.engineVersion()).startsWith("origin");
        assertThat(JSON.readTree(e.findings()).path("results").get(0).path("status").asText()).isEqualTo(e.verdict());
        LedgerEntry stored = ws.determination(1);
        assertThat(stored).isEqualTo(e);

        Qualification again = Qualification.evaluate(stored.inputDocument(), stored.regime(), stored.params(), stored.asOf());
        assertThat(again.findings()).isEqualTo(stored.findings());
        List<String> broken = ws.read(tx -> tx.ledger().verify());
        assertThat(broken).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void theLedgerRefusesUpdatesAndDeletesAndDetectsTampering(String kind) throws Exception {
        Workspace ws = brakes(TestDatabases.fresh(kind));
        ws.qualify("BRK-100", "usmca", Map.of(), JAN, "qualify");
        for (String sql : List.of("UPDATE determinations SET verdict = 'ORIGINATING'", "DELETE FROM determinations")) {
            try (Connection c = ws.database().connect(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate(sql)).hasMessageContaining("append-only");
            }
        }
        long size = ws.read(tx -> tx.ledger().size());
        assertThat(size).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void writesAreAllOrNothing(String kind) {
        Workspace ws = brakes(TestDatabases.fresh(kind));
        assertThatThrownBy(() -> ws.write(tx -> {
            tx.suppliers().put(new Supplier("NEW", "New supplier", "CA", null));
            throw new IllegalStateException("fails half-way");
        })).hasMessage("fails half-way");
        java.util.Optional<Supplier> none = ws.read(tx -> tx.suppliers().get("NEW"));
        assertThat(none).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void aSecondWriteOfEqualDataChangesNothing(String kind) {
        Workspace ws = brakes(TestDatabases.fresh(kind));
        Change c = ws.write(tx -> tx.boms().put(new BomVersion("CAL-200", LocalDate.of(2025, 1, 1), null, List.of(
                new BomLine(1, "PAD-1", new BigDecimal("1.000")), new BomLine(2, "BLT-1", new BigDecimal("4"))))));
        assertThat(c).isEqualTo(Change.UNCHANGED);
        Change d = ws.write(tx -> tx.costs().put(sheet("BLT-1", "0.56", null, null, null, null)));
        assertThat(d).isEqualTo(Change.CHANGED);
        java.util.Set<String> used = ws.read(tx -> tx.boms().whereUsed("BLT-1"));
        assertThat(used).containsExactlyInAnyOrder("CAL-200", "BRK-100");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void replayAgainstCurrentDataShowsWhatChangedAndWhy(String kind) throws Exception {
        Workspace ws = brakes(TestDatabases.fresh(kind));
        LedgerEntry e = ws.qualify("BRK-100", "usmca", Map.of(), JAN, "qualify");
        Replay same = Replay.of(e);
        assertThat(same.identical()).isTrue();
        assertThat(same.differences()).isEmpty();

        // the rotor's declaration is withdrawn: its origin becomes unknown
        ws.write(tx -> tx.declarations().withdraw("D-ACME-26", LocalDate.of(2026, 1, 2)));
        Replay now = Replay.againstCurrent(ws, e, null);
        assertThat(now.identical()).isFalse();
        assertThat(now.differences()).contains("input BRK-100/ROT-1: origin originating -> unknown");
        // the stored entry is untouched, and replaying it still gives the same findings
        assertThat(Replay.of(ws.determination(e.id())).identical()).isTrue();
    }
}
