package dev.origin.io.hs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.engine.Diagnostic;
import dev.origin.core.model.Good;
import dev.origin.core.regime.Regime;
import dev.origin.io.CaseFileReader;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.io.RulePackReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HS codes of case files and rule packs checked against the shared HS 2017 / HS 2022 data (skipped when absent). */
class HsCheckTest {

    static final String CASE = """
            goods:
              - id: truck
                hs: "8704.60"
                producer: { country: MX }
                costs: { otherProductCosts: "10.00" }
                rule: "CTH except from 87.99"
                materials:
                  - { id: m1, hs: "8703.99", value: "10.00", origin: non-originating }
                  - { id: m2, hs: "8708.99.14", value: "10.00", origin: originating }
                  - id: m3
                    hs: "8708.50"
                    costs: { otherProductCosts: "5.00" }
                    materials:
                      - { id: s1, hs: "8708.98", value: "1.00", origin: non-originating }
                      - { id: s2, hs: "7326.90", value: "1.00", origin: non-originating }
                  - id: m4
                    hs: "8483.10"
                    value: "75.00"
                    origin: non-originating
                    statement:
                      netCost: "70.00"
                      vnm: "20.00"
                      materials:
                        - { id: x, hs: "7224.99", value: "5.00" }
                        - { id: y, hs: "7224.90", value: "5.00" }
            """;

    @Test
    void everyUnknownCodeOfAGoodIsAWarningWithItsPath() throws InputException {
        List<Good> goods = CaseFileReader.read(CASE, "case.yaml", true);
        List<Diagnostic> d = HsCheck.goods(goods, HsNomenclatureTest.hs2022());
        assertThat(d).allSatisfy(x -> {
            assertThat(x.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(x.code()).isEqualTo("UNKNOWN_HS_CODE");
            assertThat(x.good()).isEqualTo("truck");
        });
        assertThat(d).extracting(Diagnostic::path).containsExactly(
                "rule", "materials[m1]", "materials[m3].materials[s1]", "materials[m4].statement.materials[x]");
        assertThat(d.get(0).message()).isEqualTo("The rule names `87.99`, which is not in the HS2022 nomenclature; chapter 87 is \""
                + HsNomenclatureTest.hs2022().description("87").orElseThrow().substring(0, 77) + "...\".");
        assertThat(d.get(1).message()).isEqualTo("The HS code `8703.99` is not in the HS2022 nomenclature; heading 87.03 is \""
                + HsNomenclatureTest.hs2022().description("8703").orElseThrow().substring(0, 77) + "...\".");
        assertThat(d.get(2).message()).contains("`8708.98`", "HS2022");

        // the good's own code: 8704.60 is HS2022 only
        List<Diagnostic> old = HsCheck.goods(goods, HsNomenclatureTest.hs2017());
        assertThat(old).extracting(Diagnostic::path).startsWith("hs", "rule", "materials[m1]");
        assertThat(old.get(0).message()).startsWith("The HS code `8704.60` is not in the HS2017 nomenclature; heading 87.04 is ");
    }

    @Test
    void nationalCodesAreCheckedByTheirSubheading() throws InputException {
        List<Good> goods = CaseFileReader.read("""
                goods:
                  - id: g
                    hs: "8703.99.10"
                    producer: { country: US }
                    costs: { otherProductCosts: "1.00" }
                    materials: [{ id: a, hs: "8708.99.14", value: "1.00", origin: originating }]
                """, "c.yaml", true);
        assertThat(HsCheck.goods(goods, HsNomenclatureTest.hs2022())).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("hs");
            assertThat(x.message()).startsWith("The HS code `8703.99.10` is not in the HS2022 nomenclature (its subheading `8703.99` is not)");
        });
    }

    @Test
    void packProvisionsThatDoNotExistAreProblems() throws InputException {
        Regime r = RulePackReader.read("""
                id: t
                name: test
                revision: "1"
                transactionValue: fob
                deMinimis:
                  percent: 7
                  citation: a
                  rvcCitation: b
                  exclusions: [{ goods: ["2202.90"], materials: ["04"], citation: c }]
                partsRule: { tvMin: 60, ncMin: 50, excluded: ["61-63"], citation: d }
                rules:
                  - { id: ok, hs: ["8703.21-8703.90"], rule: "CTH except from 87.08", citation: c1 }
                  - { id: bad, hs: ["8703.21-8703.99", "87.17"], rule: "CTSH except from 8708.98 or CTH from 8524.11", citation: c2 }
                """, "t.yaml", true, Map.of());
        List<Problem> ps = HsCheck.pack(r, "t.yaml", HsNomenclatureTest.hs2022());
        assertThat(ps).allSatisfy(p -> {
            assertThat(p.code()).isEqualTo("UNKNOWN_HS_CODE");
            assertThat(p.file()).isEqualTo("t.yaml");
        });
        assertThat(ps).extracting(Problem::path).containsExactly(
                "rules[1].hs", "rules[1].hs", "rules[1].rule", "deMinimis.exclusions[0].goods");
        assertThat(ps.get(0).message()).startsWith("`8703.99`, an end of `8703.21-8703.99`, in the scope of rule `t.bad` is not in the HS2022 nomenclature");
        assertThat(ps.get(1).message()).startsWith("`87.17` in the scope of rule `t.bad` is not in the HS2022 nomenclature; chapter 87 is ");
        assertThat(ps.get(2).message()).startsWith("`8708.98` in the tariff shift of rule `t.bad`");
        // 2202.90 was split into 2202.91 and 2202.99 in HS2017; 8524 is new in HS2022
        List<Problem> old = HsCheck.pack(r, null, HsNomenclatureTest.hs2017());
        assertThat(old).extracting(Problem::file).containsOnly("t");
        assertThat(old).extracting(Problem::message).anySatisfy(m -> assertThat(m).startsWith("`8524.11` in the tariff shift"));
    }

    @Test
    void builtInPacksAgainstHs2017() throws InputException {
        HsNomenclature hs = HsNomenclatureTest.hs2017();
        // the usmca pack names codes of both editions (8701.20 of HS2017 and 8701.21-29 of HS2022, the
        // HS2022 hybrid/electric trucks 8704.41-8704.60): every code must exist in one of them
        List<Problem> usmca17 = HsCheck.pack(RulePackReader.load("usmca", Map.of()), "builtin:usmca.yaml", hs);
        List<Problem> usmca22 = HsCheck.pack(RulePackReader.load("usmca", Map.of()), "builtin:usmca.yaml", HsNomenclatureTest.hs2022());
        assertThat(usmca17).extracting(Problem::message).noneMatch(m -> usmca22.stream().anyMatch(p -> p.message().replace("HS2022", "HS2017").equals(m)));
        assertThat(usmca17).extracting(Problem::message).allMatch(m -> m.contains("8704.4") || m.contains("8704.5") || m.contains("8701.2"));
        // NAFTA was written against HS 1992: its de minimis exclusions name 2202.90, split in HS 2017
        dev.origin.core.regime.Regime naftaPack = RulePackReader.load("nafta", Map.of());
        List<Problem> nafta = HsCheck.pack(naftaPack, "builtin:nafta.yaml", hs);
        // ... Schedule I's 87.06 rule names 8708.60 (non-driving axles), merged into 8708.50 in HS 2007; the generated
        // rest of Schedule I (fallback rules) names many provisions of its HS edition that HS 2017 no longer has
        // (0904.20, 9007.19, ...): those are the legal text's codes and stay as printed
        java.util.function.Predicate<Problem> generated = p -> p.path().startsWith("rules[")
                && naftaPack.rules().get(Integer.parseInt(p.path().substring(6, p.path().indexOf(']')))).fallback();
        assertThat(nafta).isNotEmpty().allSatisfy(p -> assertThat(p.path().startsWith("deMinimis.") || p.message().contains("`8708.60`")
                || generated.test(p)).as(p.message()).isTrue());
        assertThat(nafta).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("`2202.90"));
        assertThat(nafta.stream().filter(generated)).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("`9007.19`"));
    }
}
