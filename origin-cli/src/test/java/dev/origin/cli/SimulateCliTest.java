package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `origin simulate` on a small fleet: outputs written, bad fleets rejected with nothing written. */
class SimulateCliTest {
    static final String FLEET = """
            fleet: { id: two, synthetic: true }
            models:
              - id: sedan-mx
                maker: Test
                country: MX
                class: passenger-vehicle
                hs: "8703.23"
                price: "20000.00"
                assembly: { labour: "2000.00", overhead: "1000.00", period: "1000.00", excluded: "200.00",
                            plantWage: { rate: "300.00", currency: MXN } }
                volumes: { US: 100000, MX: 5000 }
                steel: { originatingShare: 80 }
                aluminum: { originatingShare: 80 }
                intangibles: { northAmerican: "600.00", total: "800.00" }
                parts:
                  - { id: engine, group: engine, hs: "8407.34", cost: "4000.00", country: JP, alternatives: [ { country: MX, premium: 5 } ] }
                  - { id: body, group: body, hs: "8707.10", cost: "3000.00", country: MX, nonOriginatingShare: 10 }
                  - { id: electronics, group: electronics, hs: "8537.10", cost: "2000.00", country: CN,
                      alternatives: [ { country: US, premium: 15 } ] }
                  - { id: other, group: other, hs: "8708.99", cost: "1000.00", country: US }
              - id: import-jp
                maker: Test
                country: JP
                class: passenger-vehicle
                hs: "8703.23"
                price: "25000.00"
                assembly: { labour: "2000.00", overhead: "1000.00", period: "1000.00" }
                volumes: { US: 20000 }
                parts:
                  - { id: all, group: other, hs: "8708.99", cost: "12000.00", country: JP }
            """;

    @Test
    void writesTheComparisonAndTheFiles(@TempDir Path dir) throws IOException {
        Path fleet = dir.resolve("fleet.yaml");
        Files.writeString(fleet, FLEET);
        Path csv = dir.resolve("out.csv");
        Path json = dir.resolve("out.json");
        Path html = dir.resolve("out.html");
        // volumes fixed: the tariffs below are computed by hand from the fleet's volumes
        CliTest.Result r = CliTest.run("simulate", "--fleet", fleet.toString(), "--regimes", "nafta,us-proposal-2017",
                "--elasticity", "0", "--market-elasticity", "0", "--draws", "2",
                "--csv", csv.toString(), "--json", json.toString(), "--html", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("nafta", "us-proposal-2017", "tariffs paid", "models not eligible", "Uncertainty: 2 draws", "Tornado");
        assertThat(Files.readString(html)).contains("Uncertainty (2 draws", "aria-label=\"tornado");
        assertThat(Files.readAllLines(csv)).hasSize(1 + 2 * 2);
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.path("regimes").size()).isEqualTo(2);
        // the Japanese import pays 2.5 % of 25,000 on 20,000 cars under every regime: 12,500,000
        for (JsonNode reg : doc.path("regimes")) {
            JsonNode imp = reg.path("decisions").get(1);
            assertThat(imp.path("choice").asText()).isEqualTo("NOT_ELIGIBLE");
            assertThat(imp.path("tariffsPaid").asText()).isEqualTo("12500000.00");
        }
        assertThat(Files.readString(html)).contains("<svg", "Compliance by regime", "sedan-mx");
    }

    @Test
    void withoutDrawsTheMonteCarloRuns200Draws(@TempDir Path dir) throws IOException {
        Path fleet = dir.resolve("fleet.yaml");
        Files.writeString(fleet, FLEET);
        Path json = dir.resolve("out.json");
        CliTest.Result r = CliTest.run("simulate", "--fleet", fleet.toString(), "--regimes", "us-proposal-2017", "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Uncertainty: 200 draws, seed 1", "Tornado");
        JsonNode u = new ObjectMapper().readTree(json.toFile()).path("uncertainty");
        assertThat(u.path("draws").asInt()).isEqualTo(200);
        CliTest.Result none = CliTest.run("simulate", "--fleet", fleet.toString(), "--regimes", "nafta", "--draws", "0");
        assertThat(none.exit()).as(none.err()).isZero();
        assertThat(none.out()).doesNotContain("Uncertainty");
    }

    @Test
    void aBadFleetIsRejectedAndNothingIsWritten(@TempDir Path dir) throws IOException {
        Path fleet = dir.resolve("bad.yaml");
        Files.writeString(fleet, FLEET.replace("country: CN", "country: ZZ").replace("premium: 15", "premium: -15"));
        Path csv = dir.resolve("out.csv");
        CliTest.Result r = CliTest.run("simulate", "--draws", "0", "--fleet", fleet.toString(), "--csv", csv.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("UNKNOWN_COUNTRY", "`ZZ`", "NEGATIVE_PREMIUM", "bad.yaml:");
        assertThat(csv).doesNotExist();
    }

    @Test
    void theSweepReportsTheCurve(@TempDir Path dir) throws IOException {
        Path fleet = dir.resolve("fleet.yaml");
        Files.writeString(fleet, FLEET);
        CliTest.Result r = CliTest.run("simulate", "--draws", "0", "--fleet", fleet.toString(), "--regimes", "us-proposal-2017",
                "--param", "us-proposal-2017:national-min=0", "--sweep", "us-proposal-2017:min=50..100/25");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Threshold sweep", "50 % ->", "75 % ->", "100 % ->");
        CliTest.Result bad = CliTest.run("simulate", "--draws", "0", "--fleet", fleet.toString(), "--sweep", "min=50..100");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("BAD_SWEEP");
    }
}
