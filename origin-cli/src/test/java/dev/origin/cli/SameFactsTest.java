package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reader enforces the same consistency checks for the same facts, whatever the format (issue 12): each
 * inconsistent fact is stated in a case file (JSON and YAML, {@code origin qualify}) and in a fleet file (YAML,
 * JSON and CSV, {@code origin simulate}), and each of the five must be refused with the same code, at the field
 * that states it, exit 2. The documents are built from one description of a vehicle per format family, so the
 * same fact is written the same way in the formats of a family.
 */
class SameFactsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final YAMLMapper YAML = new YAMLMapper();

    /**
     * One inconsistent fact: how a case-file good and a fleet model state it, the code every reader must report,
     * and the field the problem is placed at (a suffix of its path).
     */
    record Fact(String name, Consumer<Map<String, Object>> inGood, Consumer<Map<String, Object>> inModel, String code,
                String goodField, String modelField) {
        @Override public String toString() { return name + " -> " + code; }
    }

    static Stream<Fact> facts() {
        String digits = "9".repeat(300) + ".00";
        return Stream.of(
                new Fact("North American intangibles above the total",
                        g -> g.put("intangibles", map("northAmerican", "9.00", "total", "5.00")),
                        m -> m.put("intangibles", map("northAmerican", "9.00", "total", "5.00")),
                        "BAD_INTANGIBLES", "intangibles", "intangibles"),
                new Fact("a negative amount", g -> material(g).put("value", "-5.00"), m -> part(m).put("cost", "-5.00"),
                        "NEGATIVE_AMOUNT", "materials[0].value", "parts[0].cost"),
                new Fact("an amount of three decimals", g -> material(g).put("value", "5.001"), m -> part(m).put("cost", "5.001"),
                        "OVER_PRECISE_AMOUNT", "materials[0].value", "parts[0].cost"),
                new Fact("a number of 300 digits", g -> material(g).put("value", digits), m -> part(m).put("cost", digits),
                        "NUMBER_TOO_LONG", "materials[0].value", "parts[0].cost"),
                new Fact("an HS code of five digits", g -> g.put("hs", "8703.2"), m -> m.put("hs", "8703.2"), "BAD_HS", "hs", "hs"),
                new Fact("a country that is not a code", g -> material(g).put("country", "usa"), m -> part(m).put("country", "usa"),
                        "BAD_COUNTRY", "materials[0].country", "parts[0].country"),
                new Fact("a country code no country has", g -> material(g).put("country", "XX"), m -> part(m).put("country", "XX"),
                        "UNKNOWN_COUNTRY", "materials[0].country", "parts[0].country"),
                new Fact("a plant wage in euros", g -> material(g).put("plantWage", map("rate", "20.00", "currency", "EUR")),
                        m -> part(m).put("wage", map("rate", "20.00", "currency", "EUR")),
                        "BAD_VALUE", "materials[0].plantWage.currency", "parts[0].wage.currency"),
                new Fact("excluded costs above the total cost",
                        g -> g.put("costs", map("otherProductCosts", "100.00", "excludedCosts", map("royalties", "1100.00"))),
                        m -> assembly(m).put("excluded", "1100.00"),
                        "EXCLUDED_EXCEEDS_TOTAL", "costs.excludedCosts", "assembly.excluded"),
                // SOR/2020-155 s.18(6): high-wage labour is part of the net cost it is divided by; here it is more
                new Fact("labour above the net cost it is part of",
                        g -> g.put("labour", map("highWageLabour", "1200.00")),
                        // a fleet's labour is part of its costs: only excluded costs can leave a net cost (20.00) below it (50.00)
                        m -> assembly(m).put("excluded", "950.00"),
                        "LVC_EXCEEDS_COST", "labour.highWageLabour", "assembly.labour"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("facts")
    void everyFormatRefusesTheFactWithTheSameCode(Fact fact, @TempDir Path dir) throws IOException {
        Map<String, Object> good = good();
        fact.inGood().accept(good);
        Map<String, Object> caseFile = map("goods", List.of(good));
        Map<String, Object> model = model();
        fact.inModel().accept(model);
        Map<String, Object> fleet = map("fleet", map("id", "f"), "models", List.of(model));

        List<String> seen = new ArrayList<>();
        for (String name : List.of("case.json", "case.yaml")) {
            Path f = dir.resolve(name);
            Files.writeString(f, name.endsWith(".json") ? JSON.writeValueAsString(caseFile) : YAML.writeValueAsString(caseFile));
            CliTest.Result r = CliTest.run("qualify", "--regime", "usmca", "--date", "2023-07-01", f.toString());
            check(r, f, fact.code(), "goods[0]." + fact.goodField());
            seen.add(name);
        }
        for (String name : List.of("fleet.yaml", "fleet.json", "fleet.csv")) {
            Path f = dir.resolve(name);
            Files.writeString(f, name.endsWith(".json") ? JSON.writeValueAsString(fleet) : name.endsWith(".yaml") ? YAML.writeValueAsString(fleet) : csv(model));
            CliTest.Result r = CliTest.run("simulate", "--draws", "0", "--regimes", "usmca", "--fleet", f.toString());
            check(r, f, fact.code(), "models[0]." + fact.modelField());
            seen.add(name);
        }
        assertThat(seen).hasSize(5);
    }

    /** The run was refused (exit 2, nothing on stdout) with {@code code} placed in {@code file} at {@code path}. */
    static void check(CliTest.Result r, Path file, String code, String path) {
        FuzzTest.assertClean(r);
        assertThat(r.exit()).as(file.getFileName() + ": " + r.err()).isEqualTo(2);
        assertThat(r.out()).as(file.getFileName() + ": nothing evaluated").isEmpty();
        String line = r.err().lines().filter(l -> l.contains(": " + code + ": ")).findFirst().orElse(null);
        assertThat(line).as(file.getFileName() + " reports " + code + ":\n" + r.err()).isNotNull();
        assertThat(line).as(file.getFileName() + ": the place").startsWith(file.toString() + ":").matches(".*:\\d+:\\d+: " + code + ": .*")
                .endsWith("(at " + path + ")");
    }

    /** A consistent vehicle as a case-file good. */
    static Map<String, Object> good() {
        return map("id", "V", "hs", "8703.23", "vehicle", "passenger-vehicle", "producer", map("country", "MX"), "rule", "CTH",
                "costs", map("otherProductCosts", "100.00"),
                "materials", new ArrayList<>(List.of(map("id", "engine", "hs", "8407.34", "value", "900.00", "origin", "originating", "country", "US"))));
    }

    /** A consistent vehicle as a fleet model. */
    static Map<String, Object> model() {
        return map("id", "car", "maker", "X", "country", "MX", "class", "passenger-vehicle", "hs", "8703.23", "price", "2000.00",
                "assembly", map("labour", "50.00", "overhead", "10.00", "period", "10.00"), "volumes", map("US", 10),
                "parts", new ArrayList<>(List.of(map("id", "engine", "group", "engine", "hs", "8407.34", "cost", "900.00", "country", "US"))));
    }

    /** The fleet of one model of one part in the CSV form (docs/fleet-format.md). */
    @SuppressWarnings("unchecked")
    static String csv(Map<String, Object> m) {
        Map<String, Object> a = (Map<String, Object>) m.get("assembly");
        Map<String, Object> p = ((List<Map<String, Object>>) m.get("parts")).get(0);
        Map<String, Object> ip = (Map<String, Object>) m.getOrDefault("intangibles", Map.of());
        Map<String, Object> w = (Map<String, Object>) p.getOrDefault("wage", Map.of());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("model_id", m.get("id"));
        row.put("maker", m.get("maker"));
        row.put("country", m.get("country"));
        row.put("class", m.get("class"));
        row.put("hs", m.get("hs"));
        row.put("price", m.get("price"));
        row.put("labour", a.get("labour"));
        row.put("overhead", a.get("overhead"));
        row.put("period", a.get("period"));
        row.put("excluded", a.get("excluded"));
        row.put("volumes", "US:10");
        row.put("intangibles_na", ip.get("northAmerican"));
        row.put("intangibles_total", ip.get("total"));
        row.put("part_id", p.get("id"));
        row.put("part_group", p.get("group"));
        row.put("part_hs", p.get("hs"));
        row.put("part_cost", p.get("cost"));
        row.put("part_country", p.get("country"));
        row.put("part_wage_rate", w.get("rate"));
        row.put("part_wage_currency", w.get("currency"));
        return String.join(",", row.keySet()) + "\n"
                + String.join(",", row.values().stream().map(v -> v == null ? "" : v.toString()).toList()) + "\n";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> material(Map<String, Object> g) {
        return ((List<Map<String, Object>>) g.get("materials")).get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> part(Map<String, Object> m) {
        return ((List<Map<String, Object>>) m.get("parts")).get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> assembly(Map<String, Object> m) {
        return (Map<String, Object>) m.get("assembly");
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
