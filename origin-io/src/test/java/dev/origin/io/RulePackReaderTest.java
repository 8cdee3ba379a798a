package dev.origin.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.origin.core.hs.HsCode;
import dev.origin.core.regime.Regime;
import dev.origin.core.rules.Rule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulePackReaderTest {

    @Test
    void builtInPacksLoadWithCitationsOnEveryRule() throws InputException {
        for (String id : RulePackReader.BUILT_IN) {
            Regime r = RulePackReader.load(id, Map.of());
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.deMinimis().citation()).startsWith("SOR/");
            for (Regime.ProductRule pr : r.rules()) {
                assertThat(pr.rule().citation()).as(pr.rule().id()).isNotBlank();
                assertThat(pr.rule().id()).startsWith(id + ".");
            }
        }
        assertThat(RulePackReader.load("usmca", Map.of()).deMinimis().percent()).isEqualByComparingTo("10");
        assertThat(RulePackReader.load("nafta", Map.of()).deMinimis().percent()).isEqualByComparingTo("7");
        assertThat(RulePackReader.load("nafta", Map.of()).deMinimis().percentFor(HsCode.parse("2402.20"))).isEqualByComparingTo("9");
    }

    @Test
    void mostSpecificRuleWins() throws InputException {
        Regime r = RulePackReader.read("""
                id: t
                name: test
                revision: "1"
                transactionValue: fob
                deMinimis: { percent: 7, citation: a, rvcCitation: b }
                rules:
                  - { id: ch84, hs: ["84"], rule: "CC", citation: c1 }
                  - { id: h8414, hs: ["84.14"], rule: "CTH", citation: c2 }
                  - { id: s, hs: ["8414.51-8414.59"], rule: "CTSH", citation: c3 }
                """, "t.yaml", true, Map.of());
        assertThat(r.ruleFor(HsCode.parse("8414.51")).rule().id()).isEqualTo("t.s");
        assertThat(r.ruleFor(HsCode.parse("8414.90")).rule().id()).isEqualTo("t.h8414");
        assertThat(r.ruleFor(HsCode.parse("8481.80")).rule().id()).isEqualTo("t.ch84");
        assertThat(r.ruleFor(HsCode.parse("8703.23"))).isNull();
    }

    @Test
    void parametersAreSubstitutedAndOverridable() throws InputException {
        String pack = """
                id: p
                name: proposal
                revision: "1"
                transactionValue: fob
                params: { min: 85 }
                deMinimis: { percent: 7, citation: a, rvcCitation: b }
                rules:
                  - { id: v, hs: ["87.03"], rule: "RVC(NC) >= ${min}", citation: press }
                """;
        Rule.Rvc dflt = (Rule.Rvc) RulePackReader.read(pack, "p.yaml", true, Map.of()).rules().get(0).rule();
        assertThat(dflt.min().at(java.time.LocalDate.of(2018, 1, 1))).isEqualByComparingTo("85");
        Rule.Rvc over = (Rule.Rvc) RulePackReader.read(pack, "p.yaml", true, Map.of("min", "70")).rules().get(0).rule();
        assertThat(over.min().at(java.time.LocalDate.of(2018, 1, 1))).isEqualByComparingTo("70");
        InputException e = catchThrowableOfType(InputException.class,
                () -> RulePackReader.read(pack, "p.yaml", true, Map.of("nope", "1")));
        assertThat(e.problems()).extracting(Problem::code).containsExactly("UNKNOWN_PARAM");
    }

    @Test
    void namedOptionsTakeOnlyTheirValues() {
        for (var bad : List.of(Map.of("roll-up", "nope"), Map.of("body-limbs", "xor"))) {
            InputException e = catchThrowableOfType(InputException.class, () -> RulePackReader.load("usmca", bad));
            String key = bad.keySet().iterator().next();
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("BAD_PARAM");
                assertThat(p.message()).contains("`" + bad.get(key) + "`");
            });
        }
    }

    @Test
    void everyPackProblemIsLocated() {
        String pack = """
                id: bad
                name: bad pack
                revision: "1"
                transactionValue: cif
                deMinimis: { percent: 170, citation: a, rvcCitation: b }
                rules:
                  - { id: r1, hs: ["84.1"], rule: "CTH", citation: c }
                  - { id: r1, hs: ["8414"], rule: "CTH except from", citation: c }
                  - { id: r3, hs: ["8415"], rule: "RVC(NC) >= 50" }
                """;
        InputException e = catchThrowableOfType(InputException.class, () -> RulePackReader.read(pack, "bad.yaml", true, Map.of()));
        List<Problem> ps = e.problems();
        assertThat(ps).extracting(Problem::code).contains("BAD_VALUE", "BAD_PERCENT", "BAD_HS", "DUPLICATE_ID", "RULE_SYNTAX", "MISSING_FIELD");
        Problem syntax = ps.stream().filter(p -> p.code().equals("RULE_SYNTAX")).findFirst().orElseThrow();
        assertThat(syntax.file()).isEqualTo("bad.yaml");
        assertThat(syntax.line()).isEqualTo(8);
        Problem hs = ps.stream().filter(p -> p.code().equals("BAD_HS")).findFirst().orElseThrow();
        assertThat(hs.line()).isEqualTo(7);
    }

    @Test
    void unknownRegimeIsAnInputError() {
        InputException e = catchThrowableOfType(InputException.class, () -> RulePackReader.load("cptpp", Map.of()));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("UNKNOWN_REGIME");
            assertThat(p.message()).contains("`cptpp`");
        });
    }
}
