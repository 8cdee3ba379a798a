package dev.origin.core.engine;

import static dev.origin.core.engine.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.hs.HsCode;
import dev.origin.core.model.Material;
import dev.origin.core.model.MaterialKind;
import dev.origin.core.model.Origin;
import dev.origin.core.rules.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tariff shifts naming materials in words ({@code except from 9030.90 "printed circuit assemblies"},
 * {@code from 8708.94 "parts thereof"}): only materials whose line states the description are concerned.
 */
class DescribedMaterialsTest {
    final Evaluator usmca = Evaluator.of(usmcaLike());

    /** A non-originating material line stating {@code facts}. */
    static Material stating(String id, String hs, String value, String... facts) {
        return new Material(id, HsCode.parse(hs), d(value), Origin.NON_ORIGINATING, null, MaterialKind.DIRECT, false, false,
                null, null, null, List.of(facts));
    }

    static Rule.TariffShift shift(String text) {
        return (Rule.TariffShift) rule(text);
    }

    @Test
    void describedExceptBarsOnlyMaterialsThatStateTheDescription() {
        // 9030.31 "from any other subheading, except from printed circuit assemblies (PCAs) of subheading 9030.90"
        String rule = "CTSH except from 9030.90 \"printed circuit assemblies (PCAs)\"";
        var pca = good("9030.31", "100.00", null, List.of(stating("pca", "9030.90", "40.00", "Printed circuit assemblies  (PCAs)")), rule);
        Determination barred = usmca.evaluate(pca, DATE);
        assertThat(barred.status()).isEqualTo(Status.NON_ORIGINATING);
        assertThat(barred.findings()).filteredOn(r -> r.kind().label().equals("tariff-shift")).extracting(Finding::met).containsExactly(false);
        // the same provision without the fact (another part of 9030.90) changes subheading as required
        var housing = good("9030.31", "100.00", null, List.of(stating("housing", "9030.90", "40.00", "housings")), rule);
        assertThat(usmca.evaluate(housing, DATE).status()).isEqualTo(Status.ORIGINATING);
        var plain = good("9030.31", "100.00", null, List.of(mat("part", "9030.90", "40.00", Origin.NON_ORIGINATING)), rule);
        assertThat(usmca.evaluate(plain, DATE).status()).isEqualTo(Status.ORIGINATING);
        // the fact matters only under the described provision
        var elsewhere = good("9030.31", "100.00", null,
                List.of(stating("pca", "8473.30", "40.00", "printed circuit assemblies (PCAs)")), rule);
        assertThat(usmca.evaluate(elsewhere, DATE).status()).isEqualTo(Status.ORIGINATING);
    }

    @Test
    void describedFromAdmitsOnlyMaterialsThatStateTheDescription() {
        // 8708.94 (2): steering wheels "from parts thereof of subheading 8708.94 or 8708.99, whether or not there is
        // also a change from any other heading"
        String rule = "CTH from 8708.94 \"parts thereof\", 8708.99 \"parts thereof\"";
        var parts = good("8708.94", "100.00", null, List.of(stating("rim", "8708.94", "40.00", "parts thereof"),
                stating("hub", "8708.99", "20.00", "PARTS THEREOF"), mat("steel", "7208.10", "10.00", Origin.NON_ORIGINATING)), rule);
        assertThat(usmca.evaluate(parts, DATE).status()).isEqualTo(Status.ORIGINATING);
        // a material of 8708.94 that is not stated to be a part of the good does not change as required (worth 80 % of
        // the transaction value, so neither de minimis nor the RVC alternative for parts of the same subheading applies)
        var column = good("8708.94", "100.00", null, List.of(mat("column", "8708.94", "80.00", Origin.NON_ORIGINATING)), rule);
        Determination det = usmca.evaluate(column, DATE);
        assertThat(det.status()).isEqualTo(Status.NON_ORIGINATING);
        assertThat(det.findings()).filteredOn(r -> r.kind().label().equals("tariff-shift"))
                .extracting(Finding::note).containsExactly("not met by materials worth 80.00");
        // originating materials are never tested, whatever they state
        var originating = good("8708.94", "100.00", null, List.of(mat("column", "8708.94", "40.00", Origin.ORIGINATING)), rule);
        assertThat(usmca.evaluate(originating, DATE).status()).isEqualTo(Status.ORIGINATING);
    }

    @Test
    void exceptionsWinOverFromListsAndLevels() {
        Rule.TariffShift ts = shift("CTSH from 2811.29 \"other than sulphur dioxide\" except from 2811.11, 2811.29 \"sulphur trioxide\"");
        HsCode good = HsCode.parse("2811.29");
        assertThat(TariffShiftCheck.shifts(HsCode.parse("2811.29"), List.of("other than sulphur dioxide"), good, ts)).isTrue();
        assertThat(TariffShiftCheck.shifts(HsCode.parse("2811.29"), List.of(), good, ts)).isFalse();
        assertThat(TariffShiftCheck.shifts(HsCode.parse("2811.29"), List.of("other than sulphur dioxide", "sulphur trioxide"), good, ts)).isFalse();
        assertThat(TariffShiftCheck.shifts(HsCode.parse("2811.11"), List.of(), good, ts)).isFalse();
        assertThat(TariffShiftCheck.shifts(HsCode.parse("2812.10"), List.of("sulphur trioxide"), good, ts)).isTrue();
        // the three-argument form is a material stating nothing
        assertThat(TariffShiftCheck.shifts(HsCode.parse("2811.29"), good, ts)).isFalse();
        // a described from without a level allows nothing else
        Rule.TariffShift only = shift("from 8708.94 \"parts thereof\"");
        assertThat(TariffShiftCheck.shifts(HsCode.parse("8708.94"), List.of("parts thereof"), HsCode.parse("8708.94"), only)).isTrue();
        assertThat(TariffShiftCheck.shifts(HsCode.parse("8501.10"), List.of("parts thereof"), HsCode.parse("8708.94"), only)).isFalse();
    }

    @Test
    void selfProducedMaterialsAreTestedWithTheirOwnFacts() {
        // a self-produced PCA (9030.90) in a 9030.31 good: the producer states what it is on its line
        var ownPca = new Material("pca", HsCode.parse("9030.90"), null, null, null, MaterialKind.DIRECT, false, false,
                new Material.Production(costs("0.00", "0.00", "10.00", "0.00", "0.00", "0.00"),
                        List.of(mat("chip", "8542.31", "30.00", Origin.NON_ORIGINATING)), rule("CTH")),
                null, null, List.of("printed circuit assemblies (PCAs)"));
        var g = good("9030.31", "100.00", null, List.of(ownPca), "CTSH except from 9030.90 \"printed circuit assemblies (PCAs)\"");
        // the PCA itself originates (CTH from 8542), so it is not a non-originating material of the good
        assertThat(usmca.evaluate(g, DATE).status()).isEqualTo(Status.ORIGINATING);
        // made of a non-originating part of its own subheading it does not originate (CTH); tested itself it is excepted,
        // but the materials it was made of may be tested instead (SOR/2020-155 s.4(6)): the part changes subheading
        String rule = "CTSH except from 9030.90 \"printed circuit assemblies (PCAs)\"";
        var failing = selfMadeOf(stating("part", "9030.90", "30.00"));
        assertThat(usmca.evaluate(good("9030.31", "100.00", null, List.of(failing), rule), DATE).status()).isEqualTo(Status.ORIGINATING);
        // unless that part is itself a printed circuit assembly
        var failing2 = selfMadeOf(stating("part", "9030.90", "30.00", "printed circuit assemblies (PCAs)"));
        assertThat(usmca.evaluate(good("9030.31", "100.00", null, List.of(failing2), rule), DATE).status())
                .isEqualTo(Status.NON_ORIGINATING);
    }

    /** A self-produced printed circuit assembly (9030.90, rule CTH) made of {@code input}. */
    static Material selfMadeOf(Material input) {
        return new Material("pca", HsCode.parse("9030.90"), null, null, null, MaterialKind.DIRECT, false, false,
                new Material.Production(costs("0.00", "0.00", "10.00", "0.00", "0.00", "0.00"), List.of(input), rule("CTH")),
                null, null, List.of("printed circuit assemblies (PCAs)"));
    }

    @Test
    void materialStatesFactsLikeTheGood() {
        Material m = stating("m", "8708.94", "1.00", "  Parts   thereof ");
        assertThat(m.states("parts thereof")).isTrue();
        assertThat(m.states("parts")).isFalse();
        assertThat(Material.of("m", "8708.94", "1.00", Origin.UNKNOWN).facts()).isEmpty();
    }
}
