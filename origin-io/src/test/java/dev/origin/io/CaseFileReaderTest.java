package dev.origin.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.origin.core.model.Good;
import dev.origin.core.model.Origin;
import dev.origin.core.rules.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseFileReaderTest {

    static List<Problem> problems(String text, boolean yaml) {
        InputException e = catchThrowableOfType(InputException.class, () -> CaseFileReader.read(text, "case.json", yaml));
        assertThat(e).as("an input error").isNotNull();
        return e.problems();
    }

    @Test
    void readsTheContractExampleExactly() throws InputException {
        String json = """
                {"goods": [{"id": "A-1", "hs": "8703.23", "producer": {"country": "MX"}, "destination": "US",
                  "date": "2023-07-01", "use": "original-equipment", "vehicle": "passenger-vehicle",
                  "transactionValue": "3.15", "internationalShipping": 0.15,
                  "costs": {"originatingMaterials": "30.00", "nonOriginatingMaterials": 40,
                    "otherProductCosts": "20.00", "periodCosts": "10.00", "otherCosts": "0.00",
                    "excludedCosts": {"salesPromotion": "5.00", "royalties": "2.50", "shipping": "3.00", "nonAllowableInterest": "1.50"}},
                  "materials": [{"id": "m1", "hs": "8407.34", "value": "11.00", "origin": "non-originating", "country": "JP"}],
                  "rule": {"allOf": [{"tariffShift": "CTH"}, {"rvc": {"method": "NC", "min": 50}}]}}]}
                """;
        Good g = CaseFileReader.read(json, "case.json", false).get(0);
        assertThat(g.hs().digits()).isEqualTo("870323");
        assertThat(g.internationalShipping()).isEqualByComparingTo("0.15");
        assertThat(g.costs().nonOriginatingMaterials()).isEqualByComparingTo("40");
        assertThat(g.costs().excluded().total()).isEqualByComparingTo("12.00");
        assertThat(g.materials().get(0).origin()).isEqualTo(Origin.NON_ORIGINATING);
        assertThat(g.rule()).isInstanceOf(Rule.AllOf.class);
    }

    @Test
    void readsDecimalsExactlyNeverThroughDouble() throws InputException {
        // 0.1 + 0.2 in binary floating point is 0.30000000000000004
        Good g = CaseFileReader.read("{\"goods\":[{\"id\":\"a\",\"hs\":\"940161\",\"producer\":{\"country\":\"CA\"},"
                + "\"costs\":{\"periodCosts\":0.1,\"otherCosts\":0.2}}]}", "c.json", false).get(0);
        assertThat(g.costs().periodCosts().add(g.costs().otherCosts()).toPlainString()).isEqualTo("0.30");
    }

    @Test
    void yamlWithTheSameShapeIsAccepted() throws InputException {
        String yaml = """
                goods:
                  - id: B
                    hs: "8481.80"
                    producer: { country: US }
                    transactionValue: 50.00
                    materials:
                      - { id: body, hs: "8481.90", value: "12.00", origin: unknown }
                    rule: "CTH or RVC(TV) >= 60"
                """;
        Good g = CaseFileReader.read(yaml, "c.yaml", true).get(0);
        assertThat(g.transactionValue()).isEqualByComparingTo("50.00");
        assertThat(g.rule()).isInstanceOf(Rule.AnyOf.class);
    }

    @Test
    void collectsEveryProblemWithLocationAndStableCode() {
        String json = """
                {"goods": [
                  {"id": "A", "hs": "87.03", "producer": {"country": "Mexico"},
                   "transactionValue": "-3.15",
                   "costs": {"periodCosts": "10.001", "colour": "red"},
                   "materials": [{"id": "m1", "hs": "8407.34", "value": "1.00", "origin": "maybe"},
                                 {"id": "m1", "hs": "8407.34", "value": "1.00", "origin": "originating"}]},
                  {"id": "A", "hs": "8703.23", "producer": {"country": "MX"}}
                ]}
                """;
        List<Problem> ps = problems(json, false);
        assertThat(ps).extracting(Problem::code).contains("BAD_HS", "BAD_COUNTRY", "NEGATIVE_AMOUNT", "OVER_PRECISE_AMOUNT",
                "UNKNOWN_FIELD", "BAD_VALUE", "DUPLICATE_ID");
        Problem hs = ps.stream().filter(p -> p.code().equals("BAD_HS")).findFirst().orElseThrow();
        assertThat(hs.line()).isEqualTo(2);
        assertThat(hs.path()).isEqualTo("goods[0].hs");
        assertThat(hs.message()).contains("`87.03`").doesNotContain("Exception").doesNotContain("java.");
        Problem neg = ps.stream().filter(p -> p.code().equals("NEGATIVE_AMOUNT")).findFirst().orElseThrow();
        assertThat(neg.line()).isEqualTo(3);
        assertThat(neg.format()).startsWith("case.json:3:").contains("NEGATIVE_AMOUNT").contains("`-3.15`");
        assertThat(ps).filteredOn(p -> p.code().equals("DUPLICATE_ID")).hasSize(2); // material m1 and good A
    }

    @Test
    void malformedJsonAndYamlAreLocated() {
        List<Problem> ps = problems("{\"goods\": [ {\"id\": \"A\",, } ]}", false);
        assertThat(ps).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("BAD_JSON");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isGreaterThan(10);
        });
        List<Problem> py = problems("goods:\n  - id: A\n   hs: [\n", true);
        assertThat(py).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("BAD_YAML"));
        List<Problem> dup = problems("{\"goods\": [], \"goods\": []}", false);
        assertThat(dup).extracting(Problem::code).contains("DUPLICATE_KEY");
    }

    @Test
    void bomCyclesThroughReferencesAreRejected() {
        String json = """
                {"goods": [
                  {"id": "A", "hs": "8708.40", "producer": {"country": "MX"}, "costs": {"otherProductCosts": "1.00"},
                   "materials": [{"id": "x", "ref": "B"}]},
                  {"id": "B", "hs": "8708.99", "producer": {"country": "MX"}, "costs": {"otherProductCosts": "1.00"},
                   "materials": [{"id": "y", "ref": "A"}]}
                ]}
                """;
        List<Problem> ps = problems(json, false);
        assertThat(ps).extracting(Problem::code).contains("BOM_CYCLE");
        assertThat(ps.stream().filter(p -> p.code().equals("BOM_CYCLE")).findFirst().orElseThrow().message()).contains("A → B → A");
    }

    @Test
    void referencesBuildMultiLevelBoms() throws InputException {
        String json = """
                {"goods": [
                  {"id": "gearbox", "hs": "8708.40", "producer": {"country": "MX"}, "costs": {"otherProductCosts": "10.00"},
                   "materials": [{"id": "gears", "ref": "gear-set", "intermediate": true}]},
                  {"id": "gear-set", "hs": "8483.40", "producer": {"country": "MX"}, "costs": {"otherProductCosts": "2.00"},
                   "materials": [{"id": "blank", "hs": "7224.90", "value": "3.00", "origin": "non-originating"}], "rule": "CTH"}
                ]}
                """;
        List<Good> goods = CaseFileReader.read(json, "c.json", false);
        var gears = goods.get(0).materials().get(0);
        assertThat(gears.isSelfProduced()).isTrue();
        assertThat(gears.hs().digits()).isEqualTo("848340");
        assertThat(gears.production().materials()).hasSize(1);
    }

    @Test
    void ruleTextErrorsPointIntoTheFile() {
        String json = "{\"goods\": [{\"id\": \"A\", \"hs\": \"8703.23\", \"producer\": {\"country\": \"MX\"},\n \"rule\": \"CTH andd RVC(NC) >= 50\"}]}";
        List<Problem> ps = problems(json, false);
        assertThat(ps).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("RULE_SYNTAX");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("`andd`");
        });
    }

    @Test
    void missingRequiredFieldsAreEachReported() {
        List<Problem> ps = problems("{\"goods\": [{\"materials\": [{\"id\": \"m\"}]}]}", false);
        assertThat(ps).extracting(Problem::path).contains("goods[0].id", "goods[0].hs", "goods[0].producer",
                "goods[0].materials[0].hs", "goods[0].materials[0].value", "goods[0].materials[0].origin");
        assertThat(ps).extracting(Problem::code).containsOnly("MISSING_FIELD");
    }

    @Test
    void materialLinesStateFactsAndRuleTreesNameMaterialsInWords() throws InputException {
        String json = """
                {"goods": [{"id": "W", "hs": "8708.94", "producer": {"country": "MX"}, "transactionValue": "100.00",
                  "materials": [{"id": "rim", "hs": "8708.94", "value": "40.00", "origin": "non-originating",
                                 "facts": ["parts thereof"]}],
                  "rule": {"tariffShift": "CTH", "except": ["9030.90"],
                           "exceptDescribed": [{"hs": "9030.90", "description": "printed circuit assemblies"}],
                           "fromDescribed": [{"hs": "8708.94", "description": "parts thereof"}]}}]}
                """;
        Good g = CaseFileReader.read(json, "case.json", false).get(0);
        assertThat(g.materials().get(0).facts()).containsExactly("parts thereof");
        assertThat(g.materials().get(0).states("Parts Thereof")).isTrue();
        Rule.TariffShift ts = (Rule.TariffShift) g.rule();
        assertThat(dev.origin.core.rules.RuleSyntax.format(ts))
                .isEqualTo("CTH from 8708.94 \"parts thereof\" except from 9030.90, 9030.90 \"printed circuit assemblies\"");
        // the text form reads the same
        String yaml = """
                goods:
                  - id: W
                    hs: "8708.94"
                    producer: { country: MX }
                    materials:
                      - { id: rim, hs: "8708.94", value: "40.00", origin: non-originating, facts: [parts thereof] }
                    rule: 'CTH from 8708.94 "parts thereof" except from 9030.90, 9030.90 "printed circuit assemblies"'
                """;
        assertThat(CaseFileReader.read(yaml, "c.yaml", true).get(0).rule()).isEqualTo(ts);
    }

    @Test
    void badFactsAndDescribedMaterialsAreReported() {
        String json = """
                {"goods": [{"id": "W", "hs": "8708.94", "producer": {"country": "MX"},
                  "materials": [{"id": "rim", "hs": "8708.94", "value": "40.00", "origin": "non-originating",
                                 "facts": ["parts thereof", 3, " "]}],
                  "rule": {"tariffShift": "CTH",
                           "exceptDescribed": [{"hs": "9030", "description": "a \\"quoted\\" text"}, "9030.90",
                                               {"description": "no code"}, {"hs": "9030.90", "description": "x", "note": 1}]}}]}
                """;
        List<Problem> ps = problems(json, false);
        assertThat(ps).filteredOn(p -> p.path().startsWith("goods[0].materials[0].facts"))
                .extracting(Problem::path, Problem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("goods[0].materials[0].facts[1]", "BAD_TYPE"),
                        org.assertj.core.groups.Tuple.tuple("goods[0].materials[0].facts[2]", "BAD_TYPE"));
        assertThat(ps).filteredOn(p -> p.path().startsWith("goods[0].rule.exceptDescribed")).extracting(Problem::path, Problem::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("goods[0].rule.exceptDescribed[0].description", "BAD_TYPE"),
                        org.assertj.core.groups.Tuple.tuple("goods[0].rule.exceptDescribed[1]", "BAD_TYPE"),
                        org.assertj.core.groups.Tuple.tuple("goods[0].rule.exceptDescribed[2].hs", "MISSING_FIELD"),
                        org.assertj.core.groups.Tuple.tuple("goods[0].rule.exceptDescribed[3].note", "UNKNOWN_FIELD"));
    }

    @Test
    void ruleTreesCountMaterialsOfTheEntriesOfMoreThanOneOf() throws InputException {
        String json = """
                {"goods": [{"id": "L", "hs": "8458.11", "producer": {"country": "MX"}, "transactionValue": "100.00",
                  "materials": [{"id": "pump", "hs": "8413.50", "value": "10.00", "origin": "non-originating"}],
                  "rule": {"tariffShift": "CTH", "except": ["84.59"],
                           "exceptMoreThanOneOf": [["8413.50", "8413.60"], ["8466.93.10"], ["8537.10"]]}}]}
                """;
        Rule.TariffShift ts = (Rule.TariffShift) CaseFileReader.read(json, "case.json", false).get(0).rule();
        assertThat(ts.atMostOneOf()).hasSize(3);
        assertThat(dev.origin.core.rules.RuleSyntax.format(ts))
                .isEqualTo("CTH except from 84.59 or more than one of [8413.50, 8413.60], [8466.93.10], [8537.10]");
        String bad = """
                {"goods": [{"id": "L", "hs": "8458.11", "producer": {"country": "MX"},
                  "rule": {"tariffShift": "CTH", "exceptMoreThanOneOf": [["8413.5", "8413.60"], [], "8537.10"]}},
                  {"id": "M", "hs": "8458.11", "producer": {"country": "MX"},
                  "rule": {"tariffShift": "CTH", "exceptMoreThanOneOf": [["8537.10"]]}}]}
                """;
        assertThat(problems(bad, false)).filteredOn(p -> p.path().contains("exceptMoreThanOneOf")).extracting(Problem::path, Problem::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("goods[0].rule.exceptMoreThanOneOf[0][0]", "BAD_HS"),
                        org.assertj.core.groups.Tuple.tuple("goods[0].rule.exceptMoreThanOneOf[1]", "EMPTY_RULE_LIST"),
                        org.assertj.core.groups.Tuple.tuple("goods[0].rule.exceptMoreThanOneOf[2]", "BAD_TYPE"),
                        org.assertj.core.groups.Tuple.tuple("goods[1].rule.exceptMoreThanOneOf", "EMPTY_RULE_LIST"));
    }
}
