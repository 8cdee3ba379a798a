package dev.origin.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.engine.Status;
import dev.origin.sim.Simulator.Choice;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How reports write figures: as people write them, with their unit. */
class WordingTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "0 | US$0", "640.00 | US$640", "12.5 | US$12.50", "9999 | US$9,999", "12500 | US$12,500", "737412.12 | US$737,000",
            "5732100 | US$5.7 M", "771912345.67 | US$772 M", "20994211.70 | US$21.0 M", "1960000000 | US$1.96 B",
            "14895400000 | US$14.9 B", "999960000 | US$1.00 B", "-11100000 | \u2212US$11.1 M"})
    void money(String usd, String written) {
        assertThat(Wording.money(new BigDecimal(usd))).isEqualTo(written);
    }

    @Test
    void signedMoneyAndJobs() {
        assertThat(Wording.signedMoney(new BigDecimal("1030500000"))).isEqualTo("+US$1.03 B");
        assertThat(Wording.signedMoney(BigDecimal.ZERO)).isEqualTo("US$0");
        assertThat(Wording.jobs(new BigDecimal("34864"))).isEqualTo("+35 k");
        assertThat(Wording.jobs(new BigDecimal("-1624.3"))).isEqualTo("\u22121.6 k");
        assertThat(Wording.jobs(new BigDecimal("45"))).isEqualTo("+45");
        assertThat(Wording.jobs(new BigDecimal("0.2"))).isEqualTo("0");
    }

    @Test
    void choicesAndVerdictsInWords() {
        assertThat(Wording.choice(Choice.QUALIFIES)).isEqualTo("qualifies as is");
        assertThat(Wording.choice(Choice.NOT_ELIGIBLE)).isEqualTo("not eligible (built outside North America)");
        assertThat(Wording.status(Status.NON_ORIGINATING)).isEqualTo("not originating");
    }

    @Test
    void tablesCutNothingAndAlignFiguresRight() {
        String t = Wording.table(List.of("", "a regime with a long name"),
                List.of(List.of("a label longer than thirty characters (unit)", "US$5.7 M"), List.of("short", "+US$1.03 B")));
        assertThat(t).contains("a label longer than thirty characters (unit)", "a regime with a long name").doesNotContain("…");
        List<String> lines = t.lines().toList();
        assertThat(lines.get(1)).endsWith("  US$5.7 M");
        assertThat(lines.get(1).length()).isEqualTo(lines.get(2).length());
    }
}
