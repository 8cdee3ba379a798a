package dev.origin.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.origin.store.importer.ImportReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The sample workspace loads and gives one good of each verdict, for the reasons its data was written for. */
class SampleTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSampleGivesOneGoodOfEachVerdict() throws Exception {
        Workspace ws = Workspace.open(TestDatabases.fresh("h2"));
        ImportReport r = Sample.load(ws, Sample.ANCHOR, null);
        assertThat(r.added()).isGreaterThan(60);
        assertThat(Sample.load(ws, Sample.ANCHOR, null).nothingChanged()).as("loading it again").isTrue();

        LedgerEntry sus = ws.qualify("SUS-700", "usmca", Map.of(), Sample.ANCHOR, "test");
        LedgerEntry brk = ws.qualify("BRK-FR-100", "usmca", Map.of(), Sample.ANCHOR, "test");
        LedgerEntry hub = ws.qualify("HUB-500", "usmca", Map.of(), Sample.ANCHOR, "test");
        // strut module (Table A.1, RVC(NC) >= 75 %): total cost 24 + (9 + 1.20 + 3 + 1) + 12 + 5 + 2 + 4 x 0.35 + 50 + 8 + 2
        // = 118.60, net cost 118.60 - 1.00 royalties = 117.60; VNM = damper 24 + bearing 5 (both made in Japan) = 29
        BigDecimal rvc = new BigDecimal("88.60").multiply(BigDecimal.valueOf(100)).divide(new BigDecimal("117.60"), 6, RoundingMode.DOWN);
        JsonNode s = JSON.readTree(sus.findings()).path("results").get(0);
        assertThat(s.path("rvc").path("value").decimalValue()).isEqualByComparingTo(rvc);
        assertThat(sus.verdict()).isEqualTo("ORIGINATING");
        // brake module: the pistons' declaration expired and the hardware kit has none: originating at best, not at worst
        assertThat(brk.verdict()).isEqualTo("UNDETERMINED");
        assertThat(Evidence.lines(brk.evidence())).filteredOn(l -> l.origin().equals("unknown")).extracting(InputLine::partId)
                .containsExactlyInAnyOrder("PST-10", "HW-KIT");
        // wheel hub: the Japanese bearing alone is 28 of a net cost of 50.50: 44.55 % at best, against 75 %
        assertThat(hub.verdict()).isEqualTo("NON_ORIGINATING");
    }
}
