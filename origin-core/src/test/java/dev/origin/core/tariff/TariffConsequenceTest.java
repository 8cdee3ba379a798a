package dev.origin.core.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origin.core.hs.HsCode;
import dev.origin.core.hs.HsRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TariffConsequenceTest {
    private static final LocalDate D = LocalDate.of(2024, 7, 1);
    private static final TariffSchedule S = new TariffSchedule("test", List.of(
            new TariffSchedule.Entry("US", List.of(HsRange.parse("8703.21-8703.90")), new BigDecimal("2.5"), "HTS 8703.23.01", null, null, null, "cars"),
            new TariffSchedule.Entry("US", List.of(HsRange.parse("8704.21")), new BigDecimal("25"), "HTS 8704.21.01", null, null, null, null),
            new TariffSchedule.Entry("CA", List.of(HsRange.parse("87.03")), new BigDecimal("6.1"), "htshub", null, null, "not checked", null)));
    private static final HsCode CAR = HsCode.parse("8703.23.01");

    private static TariffConsequence c(String imp, HsCode hs, String value, boolean originating) {
        return TariffConsequence.of(S, imp, hs, D, new BigDecimal(value), originating);
    }

    @Test
    void nonOriginatingPaysMfn() {
        // 30,000.00 x 2.5 / 100 = 750.00
        TariffConsequence t = c("US", CAR, "30000.00", false);
        assertThat(t.dutyOwed()).isEqualTo(new BigDecimal("750.00"));
        assertThat(t.savedByQualifying()).isEqualTo(new BigDecimal("750.00"));
        assertThat(t.note()).startsWith("MFN 2.5 % (US 8703.21-8703.90; HTS 8703.23.01)");
        assertThat(t.hasRate()).isTrue();
    }

    @Test
    void originatingOwesNothingAndSavesTheMfnDuty() {
        TariffConsequence t = c("US", CAR, "30000.00", true);
        assertThat(t.dutyOwed()).isEqualTo(new BigDecimal("0.00"));
        assertThat(t.savedByQualifying()).isEqualTo(new BigDecimal("750.00"));
        assertThat(t.note()).startsWith("preferential");
    }

    @Test
    void roundingIsHalfUpOnceAtTheEnd() {
        // 25 % of 24,999.99 = 6,249.9975 -> 6,250.00
        assertThat(c("US", HsCode.parse("8704.21"), "24999.99", false).dutyOwed()).isEqualTo(new BigDecimal("6250.00"));
        // 2.5 % of 0.20 = 0.005 -> 0.01 (HALF_UP; HALF_EVEN would give 0.00)
        assertThat(c("US", CAR, "0.20", false).dutyOwed()).isEqualTo(new BigDecimal("0.01"));
        // 2.5 % of 0.19 = 0.00475 -> 0.00
        assertThat(c("US", CAR, "0.19", false).dutyOwed()).isEqualTo(new BigDecimal("0.00"));
        // 6.1 % of 41,234.57 = 2,515.308770 -> 2,515.31
        TariffConsequence ca = c("CA", CAR, "41234.57", false);
        assertThat(ca.dutyOwed()).isEqualTo(new BigDecimal("2515.31"));
        assertThat(ca.note()).contains("assumption: not checked");
        assertThat(TariffConsequence.mfnDuty(new BigDecimal("30000"), new BigDecimal("2.5"))).isEqualTo(new BigDecimal("750.00"));
        assertThat(c("US", CAR, "0", false).dutyOwed()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void noRateIsSaidPlainly() {
        TariffConsequence t = c("MX", CAR, "30000.00", false);
        assertThat(t.hasRate()).isFalse();
        assertThat(t.dutyOwed()).isNull();
        assertThat(t.savedByQualifying()).isNull();
        assertThat(t.note()).isEqualTo("no rate for importer MX / HS 8703.23.01");
        TariffConsequence o = c("mx", CAR, "30000.00", true);
        assertThat(o.dutyOwed()).isEqualTo(new BigDecimal("0.00"));
        assertThat(o.savedByQualifying()).isNull();
        assertThat(o.note()).contains("no rate for importer MX / HS 8703.23.01");
    }

    @Test
    void negativeValueIsRejected() {
        assertThatThrownBy(() -> c("US", CAR, "-1", false)).hasMessageContaining("negative");
    }
}
