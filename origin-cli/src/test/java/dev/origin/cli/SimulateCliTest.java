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

    /**
     * Issue 8, "Reports": each decision names the assembly country, the exports by importing country and the duty paid
     * to each importer, so the fleet's figures can be re-derived from the decisions; the HTML report of the sample fleet
     * shows the backtest. Volumes fixed, so the exports are the fleet file's; the duty owed is re-computed here from the
     * built-in MFN table.
     */
    @Test
    void decisionsCarryAssemblyExportsAndDutyByImporterAndTheHtmlShowsTheBacktest(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("out.json");
        Path html = dir.resolve("out.html");
        java.time.LocalDate date = java.time.LocalDate.of(2023, 7, 1);
        CliTest.Result r = CliTest.run("simulate", "--regimes", "usmca", "--draws", "0", "--elasticity", "0", "--market-elasticity", "0",
                "--documentation-cost", "1.3655", "--date", date.toString(), "--json", json.toString(), "--html", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        var fleet = dev.origin.io.fleet.FleetReader.sample();
        var tariffs = dev.origin.io.TariffReader.builtIn();
        JsonNode reg = new ObjectMapper().readTree(json.toFile()).path("regimes").get(0);
        assertThat(reg.path("decisions").size()).isEqualTo(fleet.models().size());
        java.math.BigDecimal sumPaid = java.math.BigDecimal.ZERO;
        int partlyPaid = 0;
        for (JsonNode d : reg.path("decisions")) {
            var m = fleet.models().stream().filter(x -> x.id().equals(d.path("model").asText())).findFirst().orElseThrow();
            assertThat(d.path("assemblyCountry").asText()).as(m.id()).isEqualTo(m.country());
            java.util.Map<String, Long> expected = new java.util.TreeMap<>();
            m.volumes().forEach((c, u) -> { if (java.util.Set.of("US", "CA", "MX").contains(c) && !c.equals(m.country()) && u > 0) expected.put(c, u); });
            java.util.Map<String, Long> exports = new java.util.TreeMap<>();
            d.path("exports").fields().forEachRemaining(e -> exports.put(e.getKey(), e.getValue().asLong()));
            assertThat(exports).as(m.id() + " exports").isEqualTo(expected);
            java.math.BigDecimal decisionPaid = java.math.BigDecimal.ZERO;
            for (String imp : expected.keySet()) {
                java.math.BigDecimal rate = tariffs.mfn(imp, m.hs(), date).map(t -> t.percent()).orElse(java.math.BigDecimal.ZERO);
                java.math.BigDecimal owed = m.price().multiply(java.math.BigDecimal.valueOf(expected.get(imp))).multiply(rate)
                        .divide(java.math.BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
                assertThat(new java.math.BigDecimal(d.path("dutyOwed").path(imp).asText())).as(m.id() + " duty owed to " + imp).isEqualByComparingTo(owed);
                java.math.BigDecimal paid = new java.math.BigDecimal(d.path("dutyPaid").path(imp).asText());
                assertThat(paid).as(m.id() + " duty paid to " + imp).isBetween(java.math.BigDecimal.ZERO, owed);
                if (d.path("choice").asText().equals("PAYS") || d.path("choice").asText().equals("NOT_ELIGIBLE")) assertThat(paid).isEqualByComparingTo(owed);
                if (paid.signum() > 0 && paid.compareTo(owed) < 0) partlyPaid++;
                decisionPaid = decisionPaid.add(paid);
            }
            assertThat(decisionPaid).as(m.id() + " tariffsPaid = sum of duty paid by importer").isEqualByComparingTo(d.path("tariffsPaid").asText());
            sumPaid = sumPaid.add(decisionPaid);
        }
        // the fleet's tariffs are the sum of the decisions' duty paid by importer
        assertThat(sumPaid).isEqualByComparingTo(reg.path("tariffsPaid").asText());
        // at the calibrated documentation cost some originating shipments pay duty (a share, per importer)
        assertThat(partlyPaid).isPositive();
        String page = Files.readString(html);
        assertThat(page).contains("Backtest: observed against predicted", "vehicles-duty-paid-share");
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
