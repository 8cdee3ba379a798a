package dev.origin.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.engine.Evaluator;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SOR/2020-155 s.20(2)(h), (3)(c): parts for other vehicles (Table F) need 60 % NC; their engines 62.5 %. */
class OtherVehiclePartsTest {
    static java.math.BigDecimal min(String hs) throws Exception {
        String json = """
                {"goods": [{"id": "p", "hs": "%s", "vehicle": "other", "producer": {"country": "US"},
                  "costs": {"otherProductCosts": "100.00"},
                  "materials": [{"id": "m", "hs": "7326.90", "value": "50.00", "origin": "non-originating", "country": "CN"}]}]}
                """.formatted(hs);
        var good = CaseFileReader.read(json, "p.json", false).get(0);
        return Evaluator.of(RulePackReader.load("usmca", Map.of())).evaluate(good, LocalDate.of(2024, 1, 1)).rvc().min();
    }

    @Test
    void tableFPartsAndEnginesForOtherVehicles() throws Exception {
        assertThat(min("8708.99")).isEqualByComparingTo("60");
        assertThat(min("8409.91")).isEqualByComparingTo("60");
        assertThat(min("8407.34")).isEqualByComparingTo("62.5");
        assertThat(min("8708.40")).isEqualByComparingTo("62.5");
    }
}
