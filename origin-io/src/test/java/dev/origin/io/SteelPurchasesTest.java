package dev.origin.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.engine.Finding;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SOR/2020-155 s.17: only purchases of Table S goods count toward the 70 % steel and aluminum tests. */
class SteelPurchasesTest {
    @Test
    void onlyTableSPurchasesCount() throws Exception {
        String json = """
                {"goods": [{"id": "v", "hs": "8703.23", "vehicle": "passenger-vehicle", "producer": {"country": "US"},
                  "costs": {"otherProductCosts": "1000.00"},
                  "steel": {"purchases": [
                    {"hs": "7208.25", "value": "80.00", "origin": "originating"},
                    {"hs": "7306.30", "value": "20.00", "origin": "non-originating"},
                    {"hs": "7318.15", "value": "1000.00", "origin": "non-originating"}]},
                  "aluminum": {"purchases": [
                    {"hs": "7606.12", "value": "69.00", "origin": "originating"},
                    {"hs": "7604.21", "value": "31.00", "origin": "non-originating"}]}}]}
                """;
        var good = CaseFileReader.read(json, "v.json", false).get(0);
        Determination d = Evaluator.of(RulePackReader.load("usmca", Map.of())).evaluate(good, LocalDate.of(2024, 1, 1));
        Finding steel = d.findings().stream().filter(r -> r.kind().label().equals("steel")).findFirst().orElseThrow();
        // screws of 7318.15 are not in Table S: 80 / (80 + 20) = 80 %, not 80 / 1,100
        assertThat(steel.value()).isEqualByComparingTo("80");
        assertThat(steel.met()).isTrue();
        Finding alu = d.findings().stream().filter(r -> r.kind().label().equals("aluminum")).findFirst().orElseThrow();
        // 69 / 100 = 69 % < 70 %: the second test fails on its own
        assertThat(alu.value()).isEqualByComparingTo("69");
        assertThat(alu.met()).isFalse();
    }
}
