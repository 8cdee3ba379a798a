package dev.origin.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Shape of the backtest evidence files (issue 8): observed.yaml (targets with citations) and
 * alternative-staging.yaml (approved producers by fleet maker). Values are not checked here; they are
 * the sources' figures, documented in docs/backtest-sources.md.
 */
class ObservedDataTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Set<String> UNITS = Set.of("percent", "usd-billion", "direction");
    static final Set<String> DIRECTIONS = Set.of("up", "down", "flat");
    static final Set<String> KINDS = Set.of("observation", "model-estimate", "projection");

    static JsonNode read(String name) throws Exception {
        try (InputStream in = ObservedDataTest.class.getResourceAsStream("/dev/origin/sim/" + name)) {
            assertThat(in).as(name + " on the classpath").isNotNull();
            return YAML.readTree(in);
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    @Test
    void everyTargetHasTheFieldsTheBacktestReads() throws Exception {
        JsonNode root = read("observed.yaml");
        assertThat(root.path("version").asInt()).isEqualTo(1);
        JsonNode targets = root.get("targets");
        assertThat(targets).isNotNull();
        assertThat(targets.isArray()).isTrue();
        assertThat(targets.size()).isGreaterThan(0);

        Set<String> keys = new HashSet<>();
        for (JsonNode t : targets) {
            String name = text(t, "name");
            String where = "target " + name + " " + t.path("year");
            assertThat(name).as(where).isNotBlank().matches(KEBAB);
            assertThat(t.path("year").isInt()).as(where + ": year is an integer").isTrue();
            assertThat(t.get("year").asInt()).as(where).isBetween(2019, 2025);
            assertThat(keys.add(name + "@" + t.get("year").asInt())).as(where + " is unique").isTrue();
            assertThat(text(t, "source")).as(where + ": source").isNotBlank();
            assertThat(text(t, "url")).as(where + ": url").isNotBlank().startsWith("http");
            if (t.has("via")) {
                assertThat(text(t, "via")).as(where + ": via").startsWith("http");
            }
            assertThat(text(t, "use")).as(where + ": use").isIn("calibrate", "hold-out");
            if (t.has("kind")) {
                assertThat(text(t, "kind")).as(where + ": kind").isIn(KINDS);
            }
            String unit = text(t, "unit");
            assertThat(unit).as(where + ": unit").isIn(UNITS);
            JsonNode observed = t.get("observed");
            assertThat(observed).as(where + ": observed").isNotNull();
            if (unit.equals("direction")) {
                assertThat(observed.asText()).as(where).isIn(DIRECTIONS);
                assertThat(t.has("tolerance")).as(where + ": no tolerance for a direction").isFalse();
            } else {
                assertThat(observed.isNumber()).as(where + ": observed is a number").isTrue();
                assertThat(t.path("tolerance").isNumber()).as(where + ": tolerance is a number").isTrue();
                assertThat(t.get("tolerance").asDouble()).as(where + ": tolerance").isPositive();
                if (unit.equals("percent")) {
                    assertThat(observed.asDouble()).as(where).isBetween(0.0, 100.0);
                }
            }
        }
    }

    @Test
    void theRequiredVehicleTargetsAreThereAndOnlyTheyAreCalibrated() throws Exception {
        List<JsonNode> targets = new ArrayList<>();
        read("observed.yaml").get("targets").forEach(targets::add);
        for (int year : new int[] {2019, 2023}) {
            assertThat(targets).as("vehicles-duty-paid-share " + year)
                    .anySatisfy(t -> {
                        assertThat(text(t, "name")).isEqualTo("vehicles-duty-paid-share");
                        assertThat(t.get("year").asInt()).isEqualTo(year);
                        assertThat(text(t, "unit")).isEqualTo("percent");
                        assertThat(t.get("tolerance").asDouble()).isEqualTo(3.0);
                        assertThat(text(t, "use")).isEqualTo("calibrate");
                    });
        }
        Set<String> calibrated = targets.stream().filter(t -> "calibrate".equals(text(t, "use")))
                .map(t -> text(t, "name") + "@" + t.get("year").asInt()).collect(Collectors.toSet());
        assertThat(calibrated).containsExactlyInAnyOrder(
                "vehicles-duty-paid-share@2019", "vehicles-duty-paid-share@2023");
        assertThat(targets).as("at least two held-out targets").filteredOn(t -> "hold-out".equals(text(t, "use")))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void alternativeStagingNamesFleetMakersWithPeriodsAndSources() throws Exception {
        JsonNode root = read("alternative-staging.yaml");
        assertThat(root.path("version").asInt()).isEqualTo(1);
        LocalDate defaultFrom = LocalDate.parse(root.path("defaultPeriod").path("from").asText());
        LocalDate defaultUntil = LocalDate.parse(root.path("defaultPeriod").path("until").asText());
        assertThat(defaultFrom).isEqualTo(LocalDate.of(2020, 7, 1));
        assertThat(defaultUntil).isEqualTo(LocalDate.of(2025, 6, 30));

        Set<String> fleetMakers = fleetMakers();
        JsonNode producers = root.get("producers");
        assertThat(producers).isNotNull();
        assertThat(producers.isArray()).isTrue();
        Set<String> makers = new HashSet<>();
        for (JsonNode p : producers) {
            String maker = text(p, "maker");
            assertThat(maker).as("maker").isNotBlank();
            assertThat(fleetMakers).as(maker + " is a sample-fleet maker").contains(maker);
            assertThat(makers.add(maker)).as(maker + " listed once").isTrue();
            assertThat(p.path("approved").isBoolean()).as(maker + ": approved").isTrue();
            assertThat(text(p, "basis")).as(maker + ": basis").isIn("published", "assumption");
            assertThat(p.path("sources").isArray() && p.get("sources").size() > 0).as(maker + ": sources").isTrue();
            for (JsonNode s : p.get("sources")) {
                assertThat(text(s, "url")).as(maker + ": source url").startsWith("http");
            }
            assertThat(text(p, "assumption")).as(maker + ": assumption (say what is assumed, or that nothing is)").isNotBlank();
            if (p.get("approved").asBoolean()) {
                LocalDate from = LocalDate.parse(text(p, "from"));
                LocalDate until = LocalDate.parse(text(p, "until"));
                assertThat(from).as(maker).isBeforeOrEqualTo(until);
                assertThat(from).as(maker).isAfterOrEqualTo(defaultFrom);
            } else {
                assertThat(p.has("from") || p.has("until")).as(maker + ": no period when not approved").isFalse();
            }
        }
        assertThat(makers).as("every sample-fleet maker is decided").containsExactlyInAnyOrderElementsOf(fleetMakers);
    }

    /** The distinct {@code maker} values of the sample fleet (origin-io resource). */
    static Set<String> fleetMakers() throws Exception {
        try (InputStream in = ObservedDataTest.class.getResourceAsStream("/dev/origin/fleets/sample-fleet.yaml")) {
            assertThat(in).as("sample fleet on the classpath").isNotNull();
            Set<String> makers = new HashSet<>();
            YAML.readTree(in).get("models").forEach(m -> makers.add(m.get("maker").asText()));
            return makers;
        }
    }
}
