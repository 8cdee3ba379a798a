package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One bad good does not withhold the others (docs/case-file.md, "When some goods are invalid"): the valid
 * goods' results on stdout, every problem located on stderr (and in the JSON {@code errors}), exit 2.
 */
class InvalidGoodsTest {

    static final String THREE = """
            {"goods": [
              {"id": "A", "hs": "8481.80", "producer": {"country": "US"}, "transactionValue": "100.00",
               "materials": [{"id": "m", "hs": "4016.93", "value": "30.00", "origin": "non-originating"}],
               "rule": "CTH"},
              {"id": "B", "hs": "84818", "producer": {"country": "US"}, "transactionValue": "100.00",
               "materials": [{"id": "m", "hs": "8481.90", "origin": "non-originating"}],
               "rule": "CTH"},
              {"id": "C", "hs": "8481.80", "producer": {"country": "MX"}, "transactionValue": "100.00",
               "materials": [{"id": "m", "hs": "8481.90", "value": "30.00", "origin": "non-originating"}],
               "rule": "CTH"}
            ]}
            """;

    static Path write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void theValidGoodsAreEvaluatedAndTheInvalidOneIsListedWithItsLocatedErrors(@TempDir Path dir) throws IOException {
        Path f = write(dir, "three.json", THREE);
        CliTest.Result r = CliTest.run("qualify", "--regime", "usmca", "--date", "2023-07-01", "--format", "json", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        JsonNode doc = CliTest.JSON.readTree(r.out());
        assertThat(doc.path("results")).extracting(x -> x.path("good").asText()).containsExactly("A", "C");
        assertThat(doc.path("results").get(0).path("status").asText()).isEqualTo("ORIGINATING");
        assertThat(doc.path("results").get(1).path("status").asText()).isEqualTo("NON_ORIGINATING");
        JsonNode errors = doc.path("errors");
        assertThat(errors).hasSize(2);
        JsonNode hs = errors.get(0);
        assertThat(hs.path("good").asText()).isEqualTo("B");
        assertThat(hs.path("code").asText()).isEqualTo("BAD_HS");
        assertThat(hs.path("message").asText()).isEqualTo("`84818` is not an HS code of 6, 8 or 10 digits (e.g. `8708.40`).");
        assertThat(hs.path("file").asText()).isEqualTo(f.toString());
        assertThat(hs.path("line").asInt()).isEqualTo(5);
        assertThat(hs.path("column").asInt()).isEqualTo(21);
        assertThat(hs.path("path").asText()).isEqualTo("goods[1].hs");
        JsonNode value = errors.get(1);
        assertThat(value.path("good").asText()).isEqualTo("B");
        assertThat(value.path("code").asText()).isEqualTo("MISSING_FIELD");
        assertThat(value.path("line").asInt()).isEqualTo(6);
        assertThat(value.path("column").asInt()).isEqualTo(18);
        assertThat(value.path("path").asText()).isEqualTo("goods[1].materials[0].value");
        assertThat(r.err().lines().toList()).containsExactly(
                f + ":5:21: BAD_HS: `84818` is not an HS code of 6, 8 or 10 digits (e.g. `8708.40`). (at goods[1].hs)",
                f + ":6:18: MISSING_FIELD: The required field `value` is missing. (at goods[1].materials[0].value)",
                "2 problems in 1 good (`B`); the other 2 goods were evaluated.");
    }

    @Test
    void textOutputAndExplainAndCompareKeepTheValidGoodsToo(@TempDir Path dir) throws IOException {
        Path f = write(dir, "three.json", THREE);
        CliTest.Result text = CliTest.run("qualify", "--regime", "usmca", "--date", "2023-07-01", f.toString());
        assertThat(text.exit()).isEqualTo(2);
        assertThat(text.out()).contains("A: ORIGINATING", "C: NON_ORIGINATING").doesNotContain("B:");
        assertThat(text.err()).contains(":5:21: BAD_HS:", "2 problems in 1 good");

        CliTest.Result explain = CliTest.run("explain", "--regime", "usmca", "--date", "2023-07-01", f.toString());
        assertThat(explain.exit()).isEqualTo(2);
        assertThat(explain.out()).contains("A is ORIGINATING", "C is NON_ORIGINATING");
        CliTest.Result onlyC = CliTest.run("explain", "--regime", "usmca", "--date", "2023-07-01", "--good", "C", f.toString());
        assertThat(onlyC.exit()).as(onlyC.err()).isZero();
        assertThat(onlyC.err()).isEmpty();
        CliTest.Result onlyB = CliTest.run("explain", "--regime", "usmca", "--date", "2023-07-01", "--good", "B", f.toString());
        assertThat(onlyB.exit()).isEqualTo(2);
        assertThat(onlyB.out()).isEmpty();
        assertThat(onlyB.err()).contains("BAD_HS", "2 problems; nothing was evaluated.");

        CliTest.Result compare = CliTest.run("compare", "--regimes", "nafta,usmca", "--date", "2023-07-01", "--format", "json", f.toString());
        assertThat(compare.exit()).isEqualTo(2);
        JsonNode doc = CliTest.JSON.readTree(compare.out());
        assertThat(doc.path("comparisons")).extracting(x -> x.path("good").asText()).containsExactly("A", "C");
        assertThat(doc.path("errors")).extracting(x -> x.path("good").asText()).containsExactly("B", "B");
    }

    @Test
    void anErrorOfTheEvaluationIsPrintedWithItsFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path f = write(dir, "engine.json", """
                {"goods": [
                  {"id": "ok", "hs": "8481.80", "producer": {"country": "US"}, "transactionValue": "100.00",
                   "materials": [{"id": "m", "hs": "4016.93", "value": "30.00", "origin": "non-originating"}],
                   "rule": "CTH"},
                  {"id": "low", "hs": "8481.80", "producer": {"country": "US"},
                   "materials": [
                     {"id": "valve", "hs": "8481.90", "selfProduced": true,
                      "costs": {"totalCost": "1.00"},
                      "materials": [{"id": "seal", "hs": "4016.93", "value": "5.00", "origin": "non-originating"}]}],
                   "rule": "CTH"}
                ]}
                """);
        CliTest.Result r = CliTest.run("qualify", "--regime", "usmca", "--date", "2023-07-01", "--format", "json", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly(
                f + ":8:30: TOTAL_COST_TOO_LOW: Total cost `1.00` is less than the materials it contains (`5.00`)."
                        + " (at goods[1].materials[0].costs.totalCost)",
                "1 problem in 1 good (`low`); the other good was evaluated.");
        JsonNode doc = CliTest.JSON.readTree(r.out());
        assertThat(doc.path("results")).extracting(x -> x.path("good").asText()).containsExactly("ok");
        assertThat(doc.path("errors").get(0).path("line").asInt()).isEqualTo(8);
        assertThat(doc.path("errors").get(0).path("good").asText()).isEqualTo("low");
    }

    @Test
    void aGoodWithoutARuleIsLocatedAtItsHsCode(@TempDir Path dir) throws IOException {
        Path f = write(dir, "norule.yaml", """
                goods:
                  - id: chair
                    hs: "9401.61"
                    producer: { country: CA }
                    transactionValue: "10.00"
                """);
        CliTest.Result r = CliTest.run("qualify", "--regime", "usmca", "--date", "2023-07-01", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(f + ":3:9: NO_RULE: ", "(at goods[0].hs)", "1 problem; nothing was evaluated.");
    }

    @Test
    void warningsOfTheEvaluationArePrintedLocatedAndDoNotFailTheRun(@TempDir Path dir) throws IOException {
        Path f = write(dir, "lump.json", """
                {"goods": [{"id": "A", "hs": "8481.80", "producer": {"country": "US"},
                  "costs": {"nonOriginatingMaterials": "10.00", "otherCosts": "90.00"},
                  "rule": "CTH"}]}
                """);
        CliTest.Result r = CliTest.run("qualify", "--regime", "usmca", "--date", "2023-07-01", "--format", "json", f.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(CliTest.JSON.readTree(r.out()).has("errors")).isFalse();
        assertThat(r.err()).startsWith(f + ":2:40: warning: UNCLASSIFIED_MATERIALS: Non-originating materials worth `10.00`")
                .contains("(at goods[0].costs.nonOriginatingMaterials)");
        assertThat(r.err().lines()).hasSize(1);
    }
}
