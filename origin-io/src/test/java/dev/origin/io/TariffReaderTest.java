package dev.origin.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.origin.core.hs.HsCode;
import dev.origin.core.tariff.Rate;
import dev.origin.core.tariff.TariffConsequence;
import dev.origin.core.tariff.TariffSchedule;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TariffReaderTest {
    private static final LocalDate D = LocalDate.of(2024, 7, 1);

    private static BigDecimal pct(TariffSchedule s, String imp, String hs) {
        return s.mfn(imp, HsCode.parse(hs), D).orElseThrow(() -> new AssertionError("no rate for " + imp + " " + hs)).percent();
    }

    private static List<Problem> problems(String yaml) {
        InputException e = catchThrowableOfType(InputException.class,
                () -> TariffReader.read(yaml, "t.yaml", true, Map.of()));
        assertThat(e).as("expected problems").isNotNull();
        return e.problems();
    }

    @Test
    void builtInHasTheDocumentedRatesWithSources() {
        TariffSchedule s = TariffReader.builtIn();
        assertThat(s.name()).isEqualTo("Origin built-in MFN rates (revision 2024.1)");
        assertThat(pct(s, "US", "8703.23.01")).isEqualByComparingTo("2.5");
        assertThat(pct(s, "US", "8703.80")).isEqualByComparingTo("2.5");
        assertThat(pct(s, "US", "8704.21")).isEqualByComparingTo("25");
        assertThat(pct(s, "US", "8704.31")).isEqualByComparingTo("25");
        assertThat(pct(s, "US", "8704.22.11")).isEqualByComparingTo("4");
        assertThat(pct(s, "US", "8702.10")).isEqualByComparingTo("2");
        assertThat(pct(s, "US", "8701.21")).isEqualByComparingTo("4");
        assertThat(pct(s, "US", "8701.10")).isEqualByComparingTo("0");
        assertThat(pct(s, "US", "8708.40.50")).isEqualByComparingTo("2.5");
        assertThat(pct(s, "US", "8708.99.81")).isEqualByComparingTo("2.5");
        assertThat(pct(s, "US", "8708.99.16")).isEqualByComparingTo("0");
        assertThat(pct(s, "US", "8407.34.48")).isEqualByComparingTo("2.5");
        assertThat(pct(s, "US", "8407.34.55")).isEqualByComparingTo("0");
        assertThat(pct(s, "US", "8482.10.50")).isEqualByComparingTo("9");
        assertThat(s.mfn("US", HsCode.parse("8483.40.70"), D)).as("compound rate left out").isEmpty();
        assertThat(pct(s, "CA", "8703.23")).isEqualByComparingTo("6.1");
        assertThat(pct(s, "CA", "8708.99")).isEqualByComparingTo("6");
        assertThat(s.mfn("CA", HsCode.parse("8704.21"), D).orElseThrow().isAssumption()).isTrue();
        assertThat(s.mfn("CA", HsCode.parse("8708.99"), D).orElseThrow().isAssumption()).isTrue();
        Rate mx = s.mfn("MX", HsCode.parse("8703.23"), D).orElseThrow();
        assertThat(mx.percent()).isEqualByComparingTo("20");
        assertThat(mx.assumption()).contains("mxVehicles");
        assertThat(s.mfn("MX", HsCode.parse("8708.99"), D)).isEmpty();
        for (TariffSchedule.Entry e : s.entries()) {
            assertThat(e.source()).as(e.importer() + " " + e.scope()).isNotBlank();
            if (e.importer().equals("US")) assertThat(e.source()).as(e.scope().toString()).startsWith("HTS2024 general column:");
            else assertThat(e.assumption()).as(e.importer() + " " + e.scope()).isNotBlank();
        }
        // 2.5 % of 30,000.00
        TariffConsequence c = TariffConsequence.of(s, "US", HsCode.parse("8703.23.01"), D, new BigDecimal("30000.00"), true);
        assertThat(c.dutyOwed()).isEqualTo(new BigDecimal("0.00"));
        assertThat(c.savedByQualifying()).isEqualTo(new BigDecimal("750.00"));
    }

    @Test
    void paramsCanBeOverridden() throws InputException {
        TariffSchedule s = TariffReader.builtIn(Map.of("mxVehicles", new BigDecimal("50")));
        assertThat(pct(s, "MX", "8703.23")).isEqualByComparingTo("50");
        InputException e = catchThrowableOfType(InputException.class, () -> TariffReader.builtIn(Map.of("mxTrucks", BigDecimal.ONE)));
        assertThat(e.problems()).extracting(Problem::code).containsExactly("UNKNOWN_PARAM");
        assertThat(e.problems().get(0).message()).contains("mxVehicles");
        e = catchThrowableOfType(InputException.class, () -> TariffReader.builtIn(Map.of("mxVehicles", new BigDecimal("-5"))));
        assertThat(e.problems()).extracting(Problem::code).containsExactly("BAD_PERCENT");
    }

    @Test
    void userFileIsReadAndCanBeLaidOverTheBuiltIn(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("rates.yaml");
        Files.writeString(p, """
                rates:
                  - { importer: MX, hs: "87.03", percent: 50, source: "DOF decree (user)", from: 2026-01-01 }
                  - { importer: US, hs: ["8703.23"], percent: Free, source: "what-if" }
                """);
        TariffSchedule user = TariffReader.read(p);
        assertThat(user.name()).isEqualTo(p.toString());
        TariffSchedule s = TariffReader.builtIn().overriddenBy(user);
        assertThat(s.mfn("MX", HsCode.parse("8703.23"), LocalDate.of(2026, 1, 1)).orElseThrow().percent()).isEqualByComparingTo("50");
        assertThat(s.mfn("MX", HsCode.parse("8703.23"), LocalDate.of(2025, 12, 31)).orElseThrow().percent()).isEqualByComparingTo("20");
        assertThat(pct(s, "US", "8703.23")).isEqualByComparingTo("0");
        assertThat(pct(s, "US", "8703.24")).isEqualByComparingTo("2.5");

        Path json = dir.resolve("rates.json");
        Files.writeString(json, "{\"rates\": [{\"importer\": \"CA\", \"hs\": \"87.08\", \"percent\": \"6.0\", \"source\": \"x\"}]}");
        assertThat(pct(TariffReader.read(json), "CA", "8708.30")).isEqualByComparingTo("6");

        InputException e = catchThrowableOfType(InputException.class, () -> TariffReader.read(dir.resolve("missing.yaml")));
        assertThat(e.problems()).extracting(Problem::code).containsExactly("NO_SUCH_FILE");
    }

    @Test
    void badYamlIsLocated() {
        List<Problem> ps = problems("rates:\n  - { importer: US, hs: [87.03\n");
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).code()).isEqualTo("BAD_YAML");
        assertThat(ps.get(0).file()).isEqualTo("t.yaml");
        assertThat(ps.get(0).line()).isPositive();
    }

    @Test
    void everyProblemIsCollectedWithFileLineColumnAndCode() {
        List<Problem> ps = problems("""
                name: bad
                colour: red
                rates:
                  - importer: US
                    hs: ["87.03", "8703.2", "87x"]
                    percent: -2.5
                    source: a
                  - importer: usa
                    hs: []
                    percent: 101
                  - importer: CA
                    hs: "87.08"
                    percent: "2.5%"
                    source: b
                    from: 2024-13-01
                  - importer: MX
                    hs: "87.03"
                    percent: mxCars
                    source: c
                    from: 2025-01-01
                    until: 2024-01-01
                """);
        assertThat(ps).extracting(p -> p.code() + "@" + p.line() + ":" + p.path()).containsExactly(
                "UNKNOWN_FIELD@2:colour",
                "BAD_HS@5:rates[0].hs[1]",
                "BAD_HS@5:rates[0].hs[2]",
                "BAD_PERCENT@6:rates[0].percent",
                "BAD_IMPORTER@8:rates[1].importer",
                "EMPTY_SCOPE@9:rates[1].hs",
                "BAD_PERCENT@10:rates[1].percent",
                "MISSING_FIELD@8:rates[1].source",
                "BAD_NUMBER@13:rates[2].percent",
                "BAD_DATE@15:rates[2].from",
                "UNKNOWN_PARAM@18:rates[3].percent",
                "BAD_DATES@21:rates[3].until");
        assertThat(ps).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("t.yaml");
            assertThat(p.column()).isPositive();
        });
        assertThat(ps.get(3).message()).contains("-2.5").contains("not between 0 and 100");
        assertThat(ps.get(1).format()).startsWith("t.yaml:5:").contains("BAD_HS").contains("8703.2");
    }

    @Test
    void entriesTheLookupCannotTellApartAreReported() {
        List<Problem> ps = problems("""
                rates:
                  - { importer: US, hs: ["87.03"], percent: 2.5, source: a }
                  - { importer: US, hs: ["8702", "87.03"], percent: 3, source: b }
                  - { importer: CA, hs: ["87.03"], percent: 6.1, source: c }
                  - { importer: US, hs: ["87.03"], percent: 27.5, source: d, from: 2025-04-03 }
                """);
        assertThat(ps).extracting(p -> p.code() + "@" + p.line() + ":" + p.path()).containsExactly("DUPLICATE_SCOPE@3:rates[1].hs");
        assertThat(ps.get(0).message()).contains("rates[0] (line 2)");
    }

    @Test
    void wrongShapesAreReported() {
        assertThat(problems("- a\n- b\n")).extracting(Problem::code).containsExactly("BAD_TYPE");
        assertThat(problems("name: x\n")).extracting(Problem::code).containsExactly("MISSING_FIELD");
        assertThat(problems("rates: {}\n")).extracting(Problem::code).containsExactly("BAD_TYPE");
        assertThat(problems("rates:\n  - 5\n")).extracting(Problem::code).containsExactly("BAD_TYPE");
        assertThat(problems("params: { x: 120 }\nrates: []\n")).extracting(Problem::code).containsExactly("BAD_PERCENT");
        assertThat(problems("rates:\n  - { importer: US, hs: { a: 1 }, percent: 1, source: s }\n")).extracting(Problem::code).containsExactly("BAD_TYPE");
    }
}
