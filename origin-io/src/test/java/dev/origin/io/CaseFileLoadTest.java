package dev.origin.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.origin.core.engine.Diagnostic;
import dev.origin.core.engine.ErrorCode;
import dev.origin.core.model.Good;
import org.junit.jupiter.api.Test;

/** Reading good by good: a bad good is rejected with its located problems, the others are read; and locating the engine's paths. */
class CaseFileLoadTest {

    static final String THREE = """
            {"goods": [
              {"id": "A", "hs": "8708.40", "producer": {"country": "MX"},
               "materials": [{"id": "m1", "hs": "8708.99", "value": "5.00", "origin": "originating"}]},
              {"id": "B", "hs": "87x", "producer": {"country": "MX"},
               "materials": [{"id": "m1", "hs": "8708.99", "origin": "originating"}]},
              {"id": "C", "hs": "8708.50", "producer": {"country": "US"}}
            ]}
            """;

    @Test
    void aGoodWithProblemsIsRejectedWithThemAndTheOthersAreRead() throws InputException {
        CaseFile cf = CaseFileReader.load(THREE, "three.json", false);
        assertThat(cf.goods()).extracting(Good::id).containsExactly("A", "C");
        assertThat(cf.rejected()).singleElement().satisfies(r -> {
            assertThat(r.index()).isEqualTo(1);
            assertThat(r.id()).isEqualTo("B");
            assertThat(r.problems()).extracting(Problem::format).containsExactly(
                    "three.json:4:21: BAD_HS: `87x` is not an HS code of 6, 8 or 10 digits (e.g. `8708.40`). (at goods[1].hs)",
                    "three.json:5:18: MISSING_FIELD: The required field `value` is missing. (at goods[1].materials[0].value)");
            assertThat(r.problems()).allSatisfy(p -> {
                assertThat(p.good()).isEqualTo("B");
                assertThat(p.isError()).isTrue();
            });
        });
        assertThat(cf.problems()).hasSize(2);
    }

    @Test
    void theOldReadStillRefusesTheWholeFile() {
        InputException e = catchThrowableOfType(InputException.class, () -> CaseFileReader.read(THREE, "three.json", false));
        assertThat(e.problems()).extracting(Problem::code).containsExactly("BAD_HS", "MISSING_FIELD");
    }

    @Test
    void problemsOfTheWholeFileStillFailItAndListEveryProblem() {
        String dup = """
                {"goods": [{"id": "A", "hs": "8708.40", "producer": {"country": "MX"}},
                           {"id": "A", "hs": "87", "producer": {"country": "MX"}}]}
                """;
        InputException e = catchThrowableOfType(InputException.class, () -> CaseFileReader.load(dup, "d.json", false));
        assertThat(e.problems()).extracting(Problem::code).containsExactly("DUPLICATE_ID", "BAD_HS");
        InputException top = catchThrowableOfType(InputException.class,
                () -> CaseFileReader.load("{\"version\": 1, \"goods\": []}", "t.json", false));
        assertThat(top.problems()).extracting(Problem::code).containsExactly("UNKNOWN_FIELD", "NO_GOODS");
        InputException syntax = catchThrowableOfType(InputException.class, () -> CaseFileReader.load("{\"goods\": [", "s.json", false));
        assertThat(syntax.problems()).extracting(Problem::code).containsExactly("BAD_JSON");
    }

    @Test
    void aDuplicateKeyInsideAGoodBelongsToThatGood() throws InputException {
        CaseFile cf = CaseFileReader.load("""
                {"goods": [{"id": "A", "hs": "8708.40", "hs": "8708.50", "producer": {"country": "MX"}},
                           {"id": "B", "hs": "8708.40", "producer": {"country": "MX"}}]}
                """, "k.json", false);
        assertThat(cf.goods()).extracting(Good::id).containsExactly("B");
        assertThat(cf.rejected().get(0).problems()).extracting(Problem::code, Problem::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("DUPLICATE_KEY", "goods[0].hs"));
    }

    static final String BOM = """
            {"goods": [
              {"id": "other", "hs": "8708.40", "producer": {"country": "MX"}},
              {"id": "G", "hs": "8708.40", "producer": {"country": "MX"},
               "costs": {"totalCost": "10.00"},
               "materials": [
                 {"id": "m1", "hs": "8708.99", "selfProduced": true,
                  "costs": {"otherCosts": "1.00"},
                  "materials": [
                    {"id": "sub", "hs": "7318.15", "value": "1.00", "origin": "non-originating"}]},
                 {"id": "m2", "hs": "8708.99", "value": "2.00", "origin": "originating",
                  "statement": {"netCost": "2.00", "vnm": "1.00",
                                "materials": [{"id": "x", "hs": "7318.15", "value": "1.00"}]}},
                 {"id": "m3", "hs": "8708.99", "ref": "part"}]},
              {"id": "part", "hs": "8708.99", "producer": {"country": "MX"},
               "costs": {"otherCosts": "1.00"},
               "materials": [{"id": "deep", "hs": "7318.15", "value": "3.00", "origin": "unknown"}]}
            ]}
            """;

    static String where(String path) throws InputException {
        SourceMap.Location l = CaseFileReader.load(BOM, "bom.json", false).sources().where("G", path);
        return l.line() + ":" + l.column() + " " + l.path();
    }

    @Test
    void theEnginesPathsAreFoundInTheFile() throws InputException {
        assertThat(where("")).isEqualTo("3:3 goods[1]");
        assertThat(where("costs")).isEqualTo("4:13 goods[1].costs");
        assertThat(where("costs.totalCost")).isEqualTo("4:27 goods[1].costs.totalCost");
        assertThat(where("m1")).isEqualTo("6:6 goods[1].materials[0]");
        assertThat(where("m1/sub")).isEqualTo("9:9 goods[1].materials[0].materials[0]");
        assertThat(where("m1/costs.otherCosts")).isEqualTo("7:31 goods[1].materials[0].costs.otherCosts");
        assertThat(where("materials[m1/sub]")).isEqualTo("9:9 goods[1].materials[0].materials[0]");
        assertThat(where("materials[m1].materials[sub].hs")).isEqualTo("9:29 goods[1].materials[0].materials[0].hs");
        assertThat(where("materials[m2].statement.materials[x]")).isEqualTo("12:35 goods[1].materials[1].statement.materials[0]");
        assertThat(where("materials[sub]")).as("an id alone, further down").isEqualTo("9:9 goods[1].materials[0].materials[0]");
        assertThat(where("m3/deep")).as("through a ref").isEqualTo("16:18 goods[2].materials[0]");
        assertThat(where("m3/costs")).isEqualTo("15:13 goods[2].costs");
    }

    @Test
    void aPathNotInTheFileIsPlacedAtTheDeepestPartThatIsAndNamedInFull() throws InputException {
        assertThat(where("transactionValue")).isEqualTo("3:3 goods[1].transactionValue");
        assertThat(where("m2/costs")).isEqualTo("10:6 goods[1].materials[1].costs");
        assertThat(where("m9/sub")).isEqualTo("3:3 goods[1].materials[m9].sub");
        assertThat(where("materials[m1].materials[nope].hs")).isEqualTo("6:6 goods[1].materials[0].materials[nope].hs");
        SourceMap.Location unknown = CaseFileReader.load(BOM, "bom.json", false).sources().where("nobody", "costs");
        assertThat(unknown).isEqualTo(new SourceMap.Location("bom.json", 0, 0, "costs"));
    }

    @Test
    void anEngineErrorOnAFieldIsPlacedAtThatField() throws InputException {
        CaseFile cf = CaseFileReader.load("""
                {"goods": [{"id": "A", "hs": "8708.40", "producer": {"country": "MX"},
                            "transactionValue": "3.15", "internationalShipping": "0.15"}]}
                """, "s.json", false);
        Problem p = cf.sources().locate(Diagnostic.of(ErrorCode.SHIPPING_EXCEEDS_VALUE, "A", "internationalShipping",
                new java.math.BigDecimal("4.00"), new java.math.BigDecimal("3.15")));
        assertThat(p.format()).isEqualTo("s.json:2:66: SHIPPING_EXCEEDS_VALUE: International shipping `4.00` exceeds the transaction"
                + " value `3.15`. (at goods[0].internationalShipping)");
    }

    @Test
    void aDiagnosticIsLocatedKeepingItsGoodAndSeverity() throws InputException {
        SourceMap sm = CaseFileReader.load(BOM, "bom.json", false).sources();
        Problem p = sm.locate(Diagnostic.of(ErrorCode.MISSING_VALUE, "G", "m1/sub", "m1/sub"));
        assertThat(p.format()).isEqualTo("bom.json:9:9: MISSING_VALUE: Material `m1/sub` has no value. (at goods[1].materials[0].materials[0])");
        assertThat(p.good()).isEqualTo("G");
        Problem w = sm.locate(Diagnostic.of(ErrorCode.FISCAL_YEAR_ASSUMED, "G", "fiscalYearStart", "usmca.passenger-vehicle"));
        assertThat(w.isError()).isFalse();
        assertThat(w.format()).startsWith("bom.json:3:3: warning: FISCAL_YEAR_ASSUMED: Rule `usmca.passenger-vehicle` steps")
                .endsWith("(at goods[1].fiscalYearStart)");
    }
}
