package dev.origin.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Diagnostic;
import dev.origin.core.engine.Evaluator;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SOR/2020-155 s.16: averaging over a fiscal year, the 18-month period at entry into force, or a transitional period. */
class AveragingPeriodTest {
    static Determination eval(String fy, String from, String to) throws Exception {
        String json = """
                {"goods": [{"id": "v", "hs": "8704.22", "vehicle": "heavy-truck", "producer": {"country": "US"},
                  "fiscalYearStart": "%s", "averaging": {"category": "class-plant", "from": "%s", "to": "%s"},
                  "costs": {"otherProductCosts": "1000.00"}, "rule": "RVC(NC) >= [60 @2020-07-01, 64 @2024-07-01]"}]}
                """.formatted(fy, from, to);
        var good = CaseFileReader.read(json, "v.json", false).get(0);
        return Evaluator.of(RulePackReader.load("usmca", Map.of())).evaluate(good, LocalDate.of(2021, 3, 1));
    }

    static boolean warns(Determination d, String code) {
        return d.diagnostics().stream().map(Diagnostic::code).anyMatch(code::equals);
    }

    @Test
    void theEighteenMonthPeriodAtEntryIntoForceIsAllowed() throws Exception {
        // fiscal year from 1 January 2021: 1 July 2020 to 31 December 2021 (s.16(4))
        assertThat(warns(eval("01-01", "2020-07-01", "2021-12-31"), "AVERAGING_PERIOD")).isFalse();
        // fiscal year from 1 October: 1 July 2020 to 30 September 2021
        assertThat(warns(eval("10-01", "2020-07-01", "2021-09-30"), "AVERAGING_PERIOD")).isFalse();
    }

    @Test
    void fiscalYearsAndTransitionalPeriodsAreAllowedOthersWarn() throws Exception {
        assertThat(warns(eval("01-01", "2022-01-01", "2022-12-31"), "AVERAGING_PERIOD")).isFalse();
        assertThat(warns(eval("01-01", "2021-07-01", "2022-06-30"), "AVERAGING_PERIOD")).isFalse();
        assertThat(warns(eval("01-01", "2022-03-01", "2022-12-31"), "AVERAGING_PERIOD")).isTrue();
    }

    @Test
    void thresholdsAreReadAtThePeriodStartAndASpannedStepWarns() throws Exception {
        Determination d = eval("01-01", "2024-01-01", "2024-12-31");
        assertThat(d.rvc().min()).isEqualByComparingTo("60");
        assertThat(warns(d, "AVERAGING_SPANS_STEP")).isTrue();
    }
}
