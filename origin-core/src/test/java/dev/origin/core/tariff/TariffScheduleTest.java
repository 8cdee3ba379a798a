package dev.origin.core.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origin.core.hs.HsCode;
import dev.origin.core.hs.HsRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TariffScheduleTest {
    private static final LocalDate D = LocalDate.of(2024, 7, 1);

    private static TariffSchedule.Entry e(String imp, String pct, String src, String... hs) {
        return dated(imp, pct, src, null, null, hs);
    }

    private static TariffSchedule.Entry dated(String imp, String pct, String src, LocalDate from, LocalDate until, String... hs) {
        return new TariffSchedule.Entry(imp, Arrays.stream(hs).map(HsRange::parse).toList(), new BigDecimal(pct), src,
                from, until, null, null);
    }

    private static final TariffSchedule S = new TariffSchedule("test", List.of(
            e("US", "2.5", "heading", "87.08"),
            e("US", "0", "free lines", "8708.99.03-8708.99.53", "8708.30.10"),
            e("US", "25", "trucks", "8704.21-8704.90"),
            e("US", "4", "cab chassis", "8704.22.11"),
            e("US", "2.5", "cars", "8703.21-8703.90"),
            e("US", "3", "narrower range", "8703.22-8703.23"),
            e("CA", "6.1", "ca", "87.03")));

    private static BigDecimal pct(String imp, String hs) {
        return S.mfn(imp, HsCode.parse(hs), D).orElseThrow().percent();
    }

    @Test
    void mostSpecificScopeWins() {
        assertThat(pct("US", "8708.99.81")).isEqualByComparingTo("2.5");
        assertThat(pct("US", "8708.99.48.10")).isEqualByComparingTo("0");
        assertThat(pct("US", "8708.99.55")).isEqualByComparingTo("2.5");
        assertThat(pct("US", "8708.30.10")).isEqualByComparingTo("0");
        assertThat(pct("US", "8708.30.50")).isEqualByComparingTo("2.5");
        assertThat(pct("US", "8704.22.11.20")).isEqualByComparingTo("4");
        assertThat(pct("US", "8704.22.51")).isEqualByComparingTo("25");
        assertThat(pct("US", "8704.22")).as("a six-digit code does not reach an eight-digit scope").isEqualByComparingTo("25");
        // equal digits: the narrower range wins
        assertThat(pct("US", "8703.23.01")).isEqualByComparingTo("3");
        assertThat(pct("US", "8703.24")).isEqualByComparingTo("2.5");
        Rate r = S.mfn("us", HsCode.parse("8708.99.48"), D).orElseThrow();
        assertThat(r.importer()).isEqualTo("US");
        assertThat(r.scope()).hasToString("8708.99.03-8708.99.53");
        assertThat(r.source()).isEqualTo("free lines");
        assertThat(r.isFree()).isTrue();
    }

    @Test
    void noRateForOtherImporterOrGoods() {
        assertThat(S.mfn("MX", HsCode.parse("8703.23"), D)).isEmpty();
        assertThat(S.mfn("CA", HsCode.parse("8708.99"), D)).isEmpty();
        assertThat(S.mfn("US", HsCode.parse("8701.21"), D)).isEmpty();
        assertThat(S.importers()).containsExactly("US", "CA");
    }

    @Test
    void validityDatesAreInclusiveAndALaterStartWins() {
        TariffSchedule s = new TariffSchedule("dated", List.of(
                e("MX", "20", "base", "87.03"),
                dated("MX", "50", "decree", LocalDate.of(2026, 1, 1), null, "87.03"),
                dated("MX", "10", "window", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), "8703.23")));
        HsCode car = HsCode.parse("8703.23");
        assertThat(s.mfn("MX", car, LocalDate.of(2025, 12, 31)).orElseThrow().percent()).isEqualByComparingTo("20");
        assertThat(s.mfn("MX", car, LocalDate.of(2026, 1, 1)).orElseThrow().percent()).isEqualByComparingTo("50");
        assertThat(s.mfn("MX", car, LocalDate.of(2019, 1, 1)).orElseThrow().percent()).isEqualByComparingTo("10");
        assertThat(s.mfn("MX", car, LocalDate.of(2019, 12, 31)).orElseThrow().percent()).isEqualByComparingTo("10");
        assertThat(s.mfn("MX", car, LocalDate.of(2018, 12, 31)).orElseThrow().percent()).isEqualByComparingTo("20");
    }

    @Test
    void overlayConsultsTheUpperScheduleFirst() {
        TariffSchedule top = new TariffSchedule("user", List.of(e("US", "27.5", "user figure", "87.03"), e("MX", "50", "user", "87.03")));
        TariffSchedule s = S.overriddenBy(top);
        assertThat(s.mfn("US", HsCode.parse("8703.23"), D).orElseThrow().percent()).as("upper wins even when less specific").isEqualByComparingTo("27.5");
        assertThat(s.mfn("US", HsCode.parse("8708.99.81"), D).orElseThrow().percent()).isEqualByComparingTo("2.5");
        assertThat(s.mfn("MX", HsCode.parse("8703.23"), D).orElseThrow().source()).isEqualTo("user");
        assertThat(s.importers()).containsExactlyInAnyOrder("US", "CA", "MX");
        assertThat(s).hasToString("user over test");
    }

    @Test
    void invalidEntriesAndClashesAreRejected() {
        assertThatThrownBy(() -> e("USA", "2.5", "s", "87")).hasMessageContaining("alpha-2");
        assertThatThrownBy(() -> e("US", "-1", "s", "87")).hasMessageContaining("not between 0 and 100");
        assertThatThrownBy(() -> e("US", "2.5", " ", "87")).hasMessageContaining("source");
        assertThatThrownBy(() -> e("US", "2.5", "s")).hasMessageContaining("at least one");
        assertThatThrownBy(() -> dated("US", "1", "s", LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 1), "87"))
                .hasMessageContaining("before it starts");
        assertThatThrownBy(() -> new TariffSchedule("x", List.of(e("US", "1", "a", "87.03"), e("US", "2", "b", "8702", "87.03"))))
                .hasMessageContaining("entries 0 and 1").hasMessageContaining("US / 87.03");
        // different importer, or a later start, is not a clash
        new TariffSchedule("x", List.of(e("US", "1", "a", "87.03"), e("CA", "2", "b", "87.03"),
                dated("US", "2", "b", LocalDate.of(2026, 1, 1), null, "87.03")));
    }
}
