package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as users and scripts see it: outputs, exit codes, and bad input. */
class CliTest {
    static final Path ROOT = Path.of(System.getProperty("origin.root", ".."));
    static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exit, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    static String example(String name) {
        return ROOT.resolve("examples").resolve(name).toString();
    }

    @Test
    void qualifyJsonReproducesTheOfficialNetCostExample() throws IOException {
        Result r = run("qualify", "--regime", "usmca", "--format", "json", example("net-cost-example.json"));
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode res = JSON.readTree(r.out()).path("results").get(0);
        assertThat(res.path("status").asText()).isEqualTo("ORIGINATING");
        assertThat(res.path("regime").asText()).isEqualTo("usmca");
        assertThat(res.path("date").asText()).isEqualTo("2023-07-01");
        assertThat(res.path("rvc").path("netCost").asText()).isEqualTo("88.00");
        assertThat(res.path("rvc").path("vnm").asText()).isEqualTo("40.00");
        assertThat(res.path("rvc").path("method").asText()).isEqualTo("NC");
        assertThat(res.path("rvc").path("transactionValue").isNull()).isTrue();
        assertThat(res.path("rvc").path("value").decimalValue()).isEqualByComparingTo("54.545454");
        assertThat(res.path("rvc").path("min").decimalValue()).isEqualByComparingTo("50");
        assertThat(res.path("requirements").get(0).path("kind").asText()).isEqualTo("rvc");
        assertThat(res.path("trace").path("children").size()).isPositive();
    }

    @Test
    void jsonOutputIsExactlyOneDocument() throws IOException {
        Result r = run("qualify", "--regime", "nafta", "--date", "2019-06-17", "--format", "json", example("multi-level-bom.yaml"));
        assertThat(r.exit()).isZero();
        var parser = JSON.getFactory().createParser(r.out());
        JSON.readTree(parser);
        assertThat(parser.nextToken()).isNull();
        assertThat(JSON.readTree(r.out()).path("results").size()).isEqualTo(2);
    }

    @Test
    void contractSampleIsEvaluatedWithLumpSumsInAdditionToItemisedMaterials() throws IOException {
        Result r = run("qualify", "--regime", "usmca", "--format", "json", example("contract-sample.json"));
        assertThat(r.exit()).isZero();
        JsonNode res = JSON.readTree(r.out()).path("results").get(0);
        // 30 + 40 + 11 + 20 + 10 = 111 total; NC 99; VNM 51; (99 - 51) / 99 = 48.4848 %
        assertThat(res.path("rvc").path("netCost").asText()).isEqualTo("99.00");
        assertThat(res.path("rvc").path("vnm").asText()).isEqualTo("51.00");
        assertThat(res.path("status").asText()).isEqualTo("NON_ORIGINATING");
    }

    @Test
    void invalidInputExitsTwoListsEveryProblemAndPrintsNothingOnStdout(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, """
                {"goods": [{"id": "A", "hs": "8703", "producer": {"country": "MX"},
                  "costs": {"periodCosts": "-1.00", "otherCosts": "1.005"}}]}
                """);
        Result r = run("qualify", "--regime", "usmca", "--format", "json", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("BAD_HS", "NEGATIVE_AMOUNT", "OVER_PRECISE_AMOUNT", "bad.json:1:", "bad.json:2:", "3 problems")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void missingCostsTheMethodNeedsLeaveTheGoodUndetermined(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("nocost.json");
        Files.writeString(f, """
                {"goods": [{"id": "A", "hs": "8481.80", "producer": {"country": "MX"},
                  "materials": [{"id": "m", "hs": "8481.90", "value": "5.00", "origin": "non-originating"}],
                  "rule": "RVC(NC) >= 50"}]}
                """);
        // partial results (docs/findings.md): the RVC is NOT_EVALUABLE, naming the missing facts; exit 0
        Result r = run("qualify", "--regime", "usmca", "--format", "json", f.toString());
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("\"status\" : \"UNDETERMINED\"").contains("\"NOT_EVALUABLE\"").contains("\"missingFacts\" : [ \"costs\" ]");
    }

    @Test
    void aVehicleWithoutCorePartSteelAluminumOrLabourDataIsUndeterminedWithItsRvc(@TempDir Path dir) throws IOException {
        // issue 7: the RVC and the tariff shift can be computed; the other vehicle requirements name what is missing
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(ROOT.resolve("examples/passenger-vehicle.json").toFile());
        var good = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("goods").get(0);
        good.remove(List.of("labour", "steel", "aluminum"));
        for (var m : good.get("materials")) ((com.fasterxml.jackson.databind.node.ObjectNode) m).remove(List.of("corePart", "partCosts"));
        Path f = dir.resolve("bare-vehicle.json");
        json.writeValue(f.toFile(), tree);
        Result r = run("qualify", "--regime", "usmca", "--date", "2023-07-01", "--format", "json", f.toString());
        assertThat(r.exit()).isEqualTo(0);
        var result = json.readTree(r.out()).get("results").get(0);
        assertThat(result.get("status").asText()).isEqualTo("UNDETERMINED");
        assertThat(result.get("rvc").get("value").decimalValue()).isGreaterThan(java.math.BigDecimal.valueOf(75));
        List<String> missing = new java.util.ArrayList<>();
        result.get("missingFacts").forEach(x -> missing.add(x.asText()));
        assertThat(missing).containsExactlyInAnyOrder("materials[].corePart", "steel", "aluminum", "labour");
    }

    @Test
    void unknownRegimeAndBadParamsAreUsageErrors() {
        Result r = run("qualify", "--regime", "cptpp", example("net-cost-example.json"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("UNKNOWN_REGIME", "`cptpp`");
        Result p = run("qualify", "--regime", "usmca", "--param", "min", example("net-cost-example.json"));
        assertThat(p.exit()).isEqualTo(2);
        assertThat(p.err()).contains("BAD_PARAM");
        Result d = run("qualify", "--regime", "usmca", "--date", "2023-13-01", example("net-cost-example.json"));
        assertThat(d.exit()).isEqualTo(2);
        assertThat(d.err()).contains("BAD_DATE");
    }

    @Test
    void unknownOriginIsUndeterminedWithBothBounds(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("u.json");
        Files.writeString(f, """
                {"goods": [{"id": "V", "hs": "8481.80", "producer": {"country": "US"}, "transactionValue": "100.00",
                  "materials": [{"id": "body", "hs": "8481.90", "value": "30.00", "origin": "unknown"},
                                {"id": "seal", "hs": "4016.93", "value": "20.00", "origin": "non-originating"}],
                  "rule": "RVC(TV) >= 60"}]}
                """);
        Result r = run("qualify", "--regime", "usmca", "--date", "2024-01-01", "--format", "json", f.toString());
        JsonNode res = JSON.readTree(r.out()).path("results").get(0);
        assertThat(res.path("status").asText()).isEqualTo("UNDETERMINED");
        assertThat(res.path("bounds").path("unknownMaterials").get(0).asText()).isEqualTo("body");
        assertThat(res.path("bounds").path("best").path("status").asText()).isEqualTo("ORIGINATING");
        assertThat(res.path("bounds").path("worst").path("rvc").path("value").decimalValue()).isEqualByComparingTo(new BigDecimal("50"));
    }

    @Test
    void explainPrintsTheFailingPathWithCitations() {
        Result r = run("explain", "--regime", "nafta", "--date", "2019-06-17", example("contract-sample.json"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("NON_ORIGINATING", "Why it does not qualify", "48.4848", "SOR/94-14 s.6(3)");
        assertThat(r.out()).doesNotContain("Every non-originating material satisfies"); // met branches are not on the failing path
    }

    @Test
    void rulesShowGivesTheRuleAndItsCitation() {
        Result r = run("rules", "show", "nafta", "3923.29");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("SOR/94-14 Sch. I, subheading 3923.29", "CTH except from 3920.20, 3920.71", "De minimis: 7 %");
        Result none = run("rules", "show", "usmca", "9401.61");
        assertThat(none.exit()).isZero();
        assertThat(none.out()).contains("No product-specific rule");
        Result car = run("rules", "show", "usmca", "8703.23");
        assertThat(car.out()).contains("usmca.passenger-vehicle", "CORE-PARTS", "SOR/2020-155 s.13 (table, 8703.21-8703.90 (1))");
        Result bad = run("rules", "show", "usmca", "87x");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("BAD_HS");
    }

    @Test
    void demoRunsOnEmbeddedDefaults() {
        Result r = run("demo");
        assertThat(r.exit()).isZero();
        // issue 8: the backtest line (2019 and 2023 duty-paid shares, through the model) comes before the scenarios
        var backtest = new dev.origin.sim.Backtest(dev.origin.io.fleet.FleetReader.sample(), dev.origin.io.TariffReader.builtIn()).run();
        String first = r.out().lines().findFirst().orElseThrow();
        assertThat(first).startsWith("Backtest (vehicles-duty-paid-share");
        for (var row : backtest) {
            if (row.target().name().equals("vehicles-duty-paid-share") && !row.target().heldOut()) {
                assertThat(first).contains(row.target().year() + " observed " + row.target().observed() + " %, predicted " + row.predicted() + " %");
            }
        }
        assertThat(first).contains("2019 observed 0.5 %", "2023 observed 8.2 %");
        assertThat(r.out()).contains("office-chair", "originating", "undetermined", "NAFTA", "USMCA");
        assertThat(r.out()).contains("sample fleet", "us-proposal-2017", "proposal-80-15", "canada-proposal-2018", "tariffs paid",
                "change of parts jobs in Mexico", "models that re-source to qualify");
        // the ceiling fan's failing part is 8.9 % of its adjusted transaction value: within 10 %, above 7 %
        String fan = r.out().lines().filter(l -> l.startsWith("ceiling-fan")).findFirst().orElseThrow();
        assertThat(fan).containsSubsequence("not originating", "originating");
        ReportPresentationTest.readsWellToAnAnalyst(r.out());
        // the uncertainty of the scenarios, with the demo's small draw count said
        assertThat(r.out()).contains("drawn " + DemoCommand.DRAWS + " times", "runs 200 draws by default", "Uncertainty: 20 draws, seed 1",
                "Tornado", "Canada's proposal, against NAFTA in the same draw");
        // the suggested command changes a proposal's parameter, and says so
        assertThat(r.out()).contains("--param us-proposal-2017:national-min=0", "--param changes the proposal");
        // redirected (no terminal): no progress line on stderr
        assertThat(r.err()).doesNotContain("[=", "\r");
    }
}
