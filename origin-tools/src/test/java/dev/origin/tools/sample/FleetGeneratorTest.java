package dev.origin.tools.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.origin.io.fleet.FleetReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample fleet generated from the shared EPA OMEGA and NHTSA AALA data (skipped when the data is absent). */
class FleetGeneratorTest {
    /** Minimum share of EPA MY2022 rows joined to an AALA car line (the recipe reports 100 %). */
    static final double MIN_ROW_HIT_RATE = 0.90;
    /** Tolerance (percentage points) between a model's US/Canada parts share and its AALA label. */
    static final double US_CA_TOLERANCE_POINTS = 5;

    static FleetGenerator.Result result;
    static JsonNode fleet;
    static Path epa;
    static Path aala;

    @BeforeAll
    static void generate() throws IOException {
        String dir = System.getProperty("origin.shared.data");
        Path base = dir == null ? null : Path.of(dir);
        Assumptions.assumeTrue(base != null && Files.isDirectory(base.resolve("epa-omega-fleet-costs"))
                        && Files.isRegularFile(base.resolve("nhtsa-aala-car-maker-identifier/nhtsa_data.csv")),
                "shared data not found (system property origin.shared.data = " + dir
                        + "): skipping the sample fleet generator tests");
        epa = base.resolve("epa-omega-fleet-costs");
        aala = base.resolve("nhtsa-aala-car-maker-identifier/nhtsa_data.csv");
        result = FleetGenerator.generate(epa, aala, SampleAssumptions.DEFAULT_MODEL_COUNT);
        fleet = new YAMLMapper().readTree(result.yaml());
    }

    @Test
    void labelledSyntheticAndComplete() {
        assertThat(fleet.at("/fleet/synthetic").asBoolean()).isTrue();
        assertThat(fleet.at("/fleet/description").asText()).containsIgnoringCase("synthetic-calibrated");
        assertThat(fleet.at("/fleet/currency").asText()).isEqualTo("USD");
        assertThat(fleet.get("models")).hasSize(SampleAssumptions.DEFAULT_MODEL_COUNT);
        Set<String> ids = new HashSet<>();
        for (JsonNode m : fleet.get("models")) {
            assertThat(ids.add(m.get("id").asText())).as("unique id").isTrue();
            assertThat(m.get("country").asText()).matches("[A-Z]{2}");
            assertThat(m.get("class").asText()).isIn("passenger-vehicle", "light-truck");
            for (String dest : List.of("US", "CA", "MX", "OTHER")) {
                assertThat(m.at("/volumes/" + dest).isIntegralNumber()).isTrue();
            }
            assertThat(m.at("/volumes/US").asLong()).isPositive();
        }
    }

    @Test
    void bomsAddUpAndStayUnderPrice() {
        for (JsonNode m : fleet.get("models")) {
            String id = m.get("id").asText();
            BigDecimal parts = BigDecimal.ZERO;
            Set<String> partIds = new HashSet<>();
            for (JsonNode p : m.get("parts")) {
                BigDecimal cost = new BigDecimal(p.get("cost").asText());
                assertThat(cost.signum()).as(id + " " + p.get("id") + " cost").isPositive();
                assertThat(cost.scale()).isLessThanOrEqualTo(2);
                assertThat(FleetGenerator.GROUPS).contains(p.get("group").asText());
                assertThat(partIds.add(p.get("id").asText())).as(id + " unique part id").isTrue();
                assertThat(p.get("alternatives").size()).isGreaterThanOrEqualTo(3);
                for (JsonNode a : p.get("alternatives")) {
                    assertThat(a.get("premium").asDouble()).isGreaterThanOrEqualTo(0);
                    assertThat(a.get("country").asText()).isNotEqualTo(p.get("country").asText());
                }
                parts = parts.add(cost);
            }
            BigDecimal total = parts.add(new BigDecimal(m.at("/assembly/labour").asText()))
                    .add(new BigDecimal(m.at("/assembly/overhead").asText()))
                    .add(new BigDecimal(m.at("/assembly/period").asText()));
            assertThat(total).as(id + " totalCost").isEqualByComparingTo(new BigDecimal(m.get("totalCost").asText()));
            assertThat(total).as(id + " total cost under price").isLessThan(new BigDecimal(m.get("price").asText()));
            assertThat(new BigDecimal(m.at("/assembly/excluded").asText()))
                    .isLessThanOrEqualTo(new BigDecimal(m.at("/assembly/period").asText()));
            // the budget share of parts is as documented
            double share = parts.doubleValue() / new BigDecimal(m.get("price").asText()).doubleValue();
            assertThat(share).as(id + " parts share").isCloseTo(SampleAssumptions.PARTS_SHARE_OF_PRICE,
                    org.assertj.core.data.Offset.offset(0.001));
        }
    }

    @Test
    void usCanadaContentMatchesTheLabels() {
        Map<String, Double> label = new HashMap<>();
        for (FleetGenerator.ModelSource s : result.sources()) {
            label.put(s.id(), s.labelUsCanadaPercent());
        }
        for (JsonNode m : fleet.get("models")) {
            double usca = 0;
            double fixed = 0;
            double all = 0;
            for (JsonNode p : m.get("parts")) {
                double c = p.get("cost").asDouble();
                all += c;
                if (Set.of("US", "CA").contains(p.get("country").asText())) {
                    usca += c;
                    if (Set.of("engine", "transmission", "battery").contains(p.get("group").asText())) {
                        fixed += c;
                    }
                }
            }
            // engine, transmission and battery follow the label's sources even when they alone exceed its US/CA %
            double expected = Math.max(label.get(m.get("id").asText()), 100 * fixed / all);
            assertThat(100 * usca / all).as(m.get("id").asText() + " US/CA parts share vs AALA label")
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(US_CA_TOLERANCE_POINTS));
        }
    }

    @Test
    void joinHitRateAndCoverage() {
        assertThat(result.stats().rowHitRate()).isGreaterThanOrEqualTo(MIN_ROW_HIT_RATE);
        assertThat(result.stats().salesHitRate()).isGreaterThanOrEqualTo(MIN_ROW_HIT_RATE);
        Set<String> makers = new HashSet<>();
        Set<String> countries = new HashSet<>();
        Set<String> classes = new HashSet<>();
        for (FleetGenerator.ModelSource s : result.sources()) {
            makers.add(s.maker());
            countries.add(s.assemblyCountry());
            classes.add(s.vehicleClass());
        }
        assertThat(makers.size()).isGreaterThanOrEqualTo(8);
        assertThat(countries).contains("US", "CA", "MX");
        assertThat(countries.stream().anyMatch(c -> !SampleAssumptions.USMCA.contains(c))).isTrue();
        assertThat(classes).contains("passenger-vehicle", "light-truck");
    }

    @Test
    void deterministicAndCommittedSampleIsCurrent() throws IOException {
        FleetGenerator.Result again = FleetGenerator.generate(epa, aala, SampleAssumptions.DEFAULT_MODEL_COUNT);
        assertThat(again.yaml()).isEqualTo(result.yaml());
        try (InputStream in = FleetGenerator.class.getResourceAsStream(FleetReader.SAMPLE)) {
            assertThat(in).as("committed sample-fleet.yaml").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .as("sample-fleet.yaml is the generator's output; regenerate it with FleetGenerator")
                    .isEqualTo(result.yaml());
        }
    }

    @Test
    void mainWritesTheFile(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("fleet.yaml");
        FleetGenerator.main(new String[] {epa.toString(), aala.toString(), out.toString(), "12"});
        JsonNode f = new YAMLMapper().readTree(Files.readString(out));
        assertThat(f.get("models")).hasSize(12);
    }
}
