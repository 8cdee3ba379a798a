package dev.origin.tools.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 8: the sample fleet reads Mexican and other foreign content from the AALA label (its major foreign
 * sources and their shares, 49 CFR 583.5) instead of counting everything not US/Canadian as rest of the world.
 * {@code FleetGenerator.allocate} on hand-made labels; the expected shares are the label's figures (plus the
 * documented split of the unattributed rest, {@code UNATTRIBUTED_TO_MEXICO}), computed here, not read back.
 */
class AalaContentTest {
    /** The recipe's own tolerance for the label match (FleetGeneratorTest, US/CA share). */
    static final double TOLERANCE_POINTS = 5;

    /** A mid-size ICE car's parts budget of $20,000: small fixed groups, the rest spread like the recipe. */
    static Map<String, BigDecimal> groups() {
        double[] share = {0.10, 0.05, 0, 0.14, 0.07, 0.08, 0.04, 0.10, 0.07, 0.03, 0.05, 0.05, 0.10, 0.12};
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < FleetGenerator.GROUPS.size(); i++) {
            if (share[i] > 0) m.put(FleetGenerator.GROUPS.get(i), new BigDecimal(String.format(java.util.Locale.ROOT, "%.2f", 20000 * share[i])));
        }
        return m;
    }

    static AalaLabel label(double usCa, String primary, double primaryPct, String secondary, double secondaryPct, String assembly) {
        return new AalaLabel(2, 2022, "Test", "Test", "TEST", "Passenger", usCa, primary, primaryPct, secondary, secondaryPct,
                assembly, assembly, "US", "MX", "");
    }

    /** Percent of the parts budget by country. */
    static Map<String, Double> shares(List<FleetGenerator.Piece> pieces) {
        double all = pieces.stream().mapToDouble(p -> p.cost().doubleValue()).sum();
        Map<String, Double> out = new HashMap<>();
        for (FleetGenerator.Piece p : pieces) out.merge(p.country(), 100 * p.cost().doubleValue() / all, Double::sum);
        return out;
    }

    @Test
    void theLabelsMexicanAndOtherForeignSharesAreKept() {
        Map<String, BigDecimal> g = groups();
        BigDecimal budget = g.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        // US-assembled: 40 % US/Canada, Mexico 30 % (primary), Japan 15 % (secondary), 15 % not attributed
        var s = shares(FleetGenerator.allocate(g, label(40, "MX", 30, "JP", 15, "US"), "US", "US", "MX", "US", budget));
        double rest = 100 - 40 - 30 - 15;
        assertThat(s.getOrDefault("US", 0.0)).as("US/CA").isCloseTo(40, within(TOLERANCE_POINTS));
        assertThat(s.getOrDefault("MX", 0.0)).as("Mexico: the label's 30 % plus its share of the rest")
                .isCloseTo(30 + rest * SampleAssumptions.UNATTRIBUTED_TO_MEXICO, within(TOLERANCE_POINTS));
        assertThat(s.getOrDefault("JP", 0.0)).as("Japan").isCloseTo(15, within(TOLERANCE_POINTS));
        assertThat(s.getOrDefault(SampleAssumptions.LOW_COST_COUNTRY, 0.0)).as("rest of the world")
                .isCloseTo(rest * (1 - SampleAssumptions.UNATTRIBUTED_TO_MEXICO), within(TOLERANCE_POINTS));
    }

    @Test
    void aLabelWithoutMexicoStillSendsPartOfTheUnattributedRestThere() {
        Map<String, BigDecimal> g = groups();
        BigDecimal budget = g.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        // Canadian-assembled: 55 % US/Canada, Japan 20 %, nothing else named: 25 % not attributed
        var s = shares(FleetGenerator.allocate(g, label(55, "JP", 20, "", 0, "CA"), "CA", "US", "MX", "CA", budget));
        assertThat(s.getOrDefault("CA", 0.0) + s.getOrDefault("US", 0.0)).as("US/CA").isCloseTo(55, within(TOLERANCE_POINTS));
        assertThat(s.getOrDefault("JP", 0.0)).as("Japan").isCloseTo(20, within(TOLERANCE_POINTS));
        assertThat(s.getOrDefault("MX", 0.0)).as("Mexico").isCloseTo(25 * SampleAssumptions.UNATTRIBUTED_TO_MEXICO, within(TOLERANCE_POINTS));
    }

    @Test
    void aModelBuiltOutsideTheRegionKeepsItsUnattributedContentAtHome() {
        Map<String, BigDecimal> g = groups();
        BigDecimal budget = g.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        // Japanese-assembled: 5 % US/Canada, Mexico 15 % (primary): the rest is Japanese, none of it becomes Mexican
        var s = shares(FleetGenerator.allocate(g, label(5, "MX", 15, "", 0, "JP"), "JP", "JP", "JP", "JP", budget));
        assertThat(s.getOrDefault("MX", 0.0)).as("Mexico").isCloseTo(15, within(TOLERANCE_POINTS));
        assertThat(s.getOrDefault("JP", 0.0)).as("Japan").isCloseTo(80, within(TOLERANCE_POINTS));
    }
}
