package dev.origin.tools.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generator's pieces that need no data. */
class SampleUnitsTest {
    @Test
    void omegaExpressions() {
        Map<String, Double> v = Map.of("CYL", 4.0, "MARKUP_ICE", 1.0, "KWH", 60.0, "vehicle.height_in", 2.0);
        assertThat(OmegaExpression.evaluate("((-28.814) * CYL + 726.27) * CYL * MARKUP_ICE", v))
                .isCloseTo((-28.814 * 4 + 726.27) * 4, within(1e-9));
        assertThat(OmegaExpression.evaluate("(-13.149) * CYL ** 2 + 220.34 * CYL", v)).isCloseTo(-13.149 * 16 + 220.34 * 4, within(1e-9));
        assertThat(OmegaExpression.evaluate("-2 ** 2", v)).isEqualTo(-4.0);
        assertThat(OmegaExpression.evaluate("261.61 * (KWH ** -0.184) * KWH", v)).isCloseTo(261.61 * Math.pow(60, 0.816), within(1e-6));
        assertThat(OmegaExpression.evaluate("3 * vehicle.height_in / 4 - 1", v)).isEqualTo(0.5);
    }

    @Test
    void csvQuotes() throws java.io.IOException {
        List<List<String>> rows = Csv.parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,\"x\ny\",\n", "t.csv");
        assertThat(rows).containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("1", "x\ny", ""));
    }

    @Test
    void pythonListAndCountries() {
        List<Object> l = AalaLabel.PythonList.parse("['Fiat Chrysler', \"Ram's\", 'Brampton ON\\nCanada', '', 2022]");
        assertThat(l).containsExactly("Fiat Chrysler", "Ram's", "Brampton ON\nCanada", "", 2022);
        assertThat(Countries.code("Brampton ON\nCanada")).isEqualTo("CA");
        assertThat(Countries.code("Fremont, CA")).isEqualTo("US");
        assertThat(Countries.code("M (5.7L, 6,2L)")).isEqualTo("MX");
        assertThat(Countries.code("CN")).isEqualTo("CA");   // NHTSA key: CN = Canada
        assertThat(Countries.code("CH")).isEqualTo("CN");   // CH = China
        assertThat(Countries.code("G (8HP75)")).isEqualTo("DE");
        assertThat(Countries.code("South Korea")).isEqualTo("KR");
        assertThat(Countries.code("")).isEmpty();
    }

    @Test
    void carlineNames() {
        assertThat(CarlineMatcher.tokens("CR-V AWD", "")).containsExactly("CRV");
        assertThat(CarlineMatcher.tokens("Ram 1500 Pickup", "RAM")).containsExactly("1500");
        assertThat(CarlineMatcher.tokens("CIVIC 4DR", "")).containsExactly("CIVIC", "4D");
        assertThat(CarlineMatcher.score(List.of("CAMRY", "LE", "SE"), List.of("CAMRY"))).isEqualTo(1);
        assertThat(CarlineMatcher.score(List.of("MODEL", "Y"), List.of("MODEL", "3"))).isZero();
        assertThat(CarlineMatcher.score(List.of("RX", "350"), List.of("RX350"))).isPositive();
        assertThat(CarlineMatcher.makerKey("VW")).isEqualTo(CarlineMatcher.makerKey("Audi"));
        assertThat(CarlineMatcher.makerKey("General Motors")).isEqualTo("gm");
        assertThat(FleetGenerator.displayName("Taos (FWD)")).isEqualTo("Taos");
        assertThat(FleetGenerator.displayName("CR-V FWD")).isEqualTo("CR-V");
    }

    @Test
    void premiums() {
        assertThat(FleetGenerator.premium("engine", "JP", "MX")).isEqualTo(3);
        assertThat(FleetGenerator.premium("engine", "CN", "MX")).isBetween(3, 12);
        assertThat(FleetGenerator.premium("seats", "US", "CN")).isEqualTo(7);
        assertThat(FleetGenerator.premium("seats", "US", "MX")).isEqualTo(3);
    }
}
