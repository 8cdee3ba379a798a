package dev.origin.io.hs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.origin.core.hs.HsCode;
import dev.origin.core.hs.HsPrefix;
import dev.origin.core.hs.HsRange;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HS 2017 and HS 2022 nomenclatures of shared/data (skipped when that folder is absent) and the CSV reader. */
class HsNomenclatureTest {
    private static final java.util.Map<String, HsNomenclature> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The shared nomenclature file of an edition, or the test is skipped with the reason. */
    static Path sharedFile(String year) {
        String shared = System.getProperty("origin.shared.data");
        assumeTrue(shared != null, "system property origin.shared.data is not set (run through Maven); HS data tests skipped");
        Path f = Path.of(shared, "harmonized-system", "hs" + year + "-harmonized-system.csv");
        assumeTrue(Files.isRegularFile(f), "HS nomenclature " + f + " is absent; HS data tests skipped");
        return f;
    }

    /** The shared nomenclature of an edition, loaded once; skips the calling test when absent. */
    static HsNomenclature shared(String year) {
        Path f = sharedFile(year);
        return LOADED.computeIfAbsent(year, y -> {
            try {
                return HsNomenclature.load(f);
            } catch (InputException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        });
    }

    static HsNomenclature hs2017() { return shared("2017"); }
    static HsNomenclature hs2022() { return shared("2022"); }

    static HsCode code(String s) { return HsCode.parse(s); }

    @Test
    void bothEditionsLoadWithTheirEditionAndAllRowsButComtradeTotals() {
        // 6,710 and 6,940 data rows (SOURCE.md) less the TOTAL rows (chapter 99, 9999, 999999, "all commodities")
        // and, in 2017, a trailing blank row `,,,,`
        assertThat(hs2017().edition()).isEqualTo("HS2017");
        assertThat(hs2017().size()).isEqualTo(6710 - 4 - 1);
        assertThat(hs2022().edition()).isEqualTo("HS2022");
        assertThat(hs2022().size()).isEqualTo(6940 - 4);
        for (HsNomenclature n : List.of(hs2017(), hs2022())) {
            assertThat(n.entries()).filteredOn(e -> e.level() == 2).hasSize(96);   // 01-97 without 77
            assertThat(n.exists(HsPrefix.parse("99"))).isFalse();
            assertThat(n.exists(HsPrefix.parse("77"))).isFalse();
        }
    }

    @Test
    void subheadingsHeadingsAndChaptersExist() {
        for (HsNomenclature n : List.of(hs2017(), hs2022())) {
            assertThat(n.exists(code("8703.23"))).as(n.edition()).isTrue();
            assertThat(n.exists(code("8703.23.01"))).as("national code: its subheading is checked").isTrue();
            assertThat(n.exists(code("8703.23.01.90"))).isTrue();
            assertThat(n.exists(code("8703.99"))).as("8703 has no subheading .99 in %s", n.edition()).isFalse();
            assertThat(n.entries()).extracting(HsNomenclature.Entry::code).filteredOn(c -> c.startsWith("8703")).doesNotContain("870399");
            assertThat(n.exists(code("8703.99.10"))).isFalse();
            assertThat(n.exists(HsPrefix.parse("87"))).isTrue();
            assertThat(n.exists(HsPrefix.parse("87.03"))).isTrue();
            assertThat(n.exists(HsPrefix.parse("8708.99.14"))).isTrue();
            assertThat(n.exists(HsPrefix.parse("87.17"))).isFalse();
            assertThat(n.exists(HsRange.parse("8703.21-8703.90"))).isTrue();
            assertThat(n.exists(HsRange.parse("8703.21-8703.99"))).isFalse();
            assertThat(n.description("8501")).contains("Electric motors and generators (excluding generating sets)");
            assertThat(n.description("85.01")).isEqualTo(n.description("8501"));
            assertThat(n.description("8703.23")).hasValueSatisfying(d -> assertThat(d).startsWith("Vehicles;"));
            assertThat(n.description("8703.23.01")).isEmpty();
            assertThat(n.description("bogus")).isEmpty();
        }
    }

    @Test
    void editionsDiffer() {
        // HS2022 split 8701.20 (road tractors) by propulsion into 8701.21-.29
        assertThat(hs2017().exists(code("8701.20"))).isTrue();
        assertThat(hs2022().exists(code("8701.20"))).isFalse();
        assertThat(hs2017().exists(code("8701.21"))).isFalse();
        assertThat(hs2022().exists(code("8701.21"))).isTrue();
        // HS2022 added hybrid and electric trucks 8704.41-.60, windscreens 8708.22, flat panel displays 8524
        for (String s : List.of("8704.41", "8704.42", "8704.43", "8704.51", "8704.52", "8704.60", "8708.22")) {
            assertThat(hs2017().exists(code(s))).as(s).isFalse();
            assertThat(hs2022().exists(code(s))).as(s).isTrue();
        }
        assertThat(hs2017().exists(HsPrefix.parse("85.24"))).isFalse();
        assertThat(hs2022().exists(HsPrefix.parse("85.24"))).isTrue();
        // aircraft parts moved from 8803 to 8807 (unmanned aircraft 8806 added)
        assertThat(hs2017().exists(code("8803.30"))).isTrue();
        assertThat(hs2022().exists(code("8803.30"))).isFalse();
        assertThat(hs2022().exists(code("8807.30"))).isTrue();
        assertThat(hs2017().exists(HsPrefix.parse("88.07"))).isFalse();
        // both: 8507.60 (lithium-ion accumulators) predates HS2017
        assertThat(hs2017().exists(code("8507.60"))).isTrue();
        assertThat(hs2022().exists(code("8507.60"))).isTrue();
    }

    @Test
    void searchRanksByWordsMatchedThenByHowEarlyTheyAppearThenByCode() {
        List<HsNomenclature.Entry> hits = hs2022().search("electric motor", 10);
        assertThat(hits).hasSize(10);
        assertThat(hits.get(0).code()).isEqualTo("8501");
        assertThat(hits).extracting(HsNomenclature.Entry::code).startsWith("8501", "850110", "850120");
        assertThat(hits.get(0).dotted()).isEqualTo("85.01");
        assertThat(hits.get(1).dotted()).isEqualTo("8501.10");
        // case-insensitive, prefix of words: "MOTOR" finds "motors"; a word matching nothing does not exclude
        assertThat(hs2022().search("ELECTRIC MOTOR zzzz", 3)).isEqualTo(hits.subList(0, 3));
        // every hit of 2 matches comes before any hit of 1
        List<HsNomenclature.Entry> all = hs2022().search("electric motor", 10_000);
        int firstSingle = -1;
        for (int i = 0; i < all.size(); i++) {
            boolean both = all.get(i).description().toLowerCase().contains("electric")
                    && all.get(i).description().toLowerCase().contains("motor");
            if (!both && firstSingle < 0) firstSingle = i;
            if (both) assertThat(firstSingle).as("entry %s after a single-word match", all.get(i).code()).isEqualTo(-1);
        }
        assertThat(hs2022().search("zzzz qqqq", 5)).isEmpty();
        assertThat(hs2022().search("  ", 5)).isEmpty();
        assertThat(hs2022().search("motor", 0)).isEmpty();
        assertThat(hs2017().search("electric motor", 5).get(0).code()).isEqualTo("8501");
    }

    @Test
    void editionIsTakenFromTheFileNameElseTheTotalRow(@TempDir Path dir) throws Exception {
        String csv = "section,hscode,description,parent,level\nI,01,Animals; live,TOTAL,2\n"
                + "I,0101,\"Horses, asses, mules and hinnies; live\",01,4\nI,010121,\"Horses; live, \"\"pure-bred\"\"\",0101,6\n"
                + "TOTAL,TOTAL,Total of all HS2022 commodities,TOTAL,5\n,,,,\n";
        Path named = dir.resolve("hs2017-small.csv");
        Files.writeString(named, "\uFEFF" + csv.replace("\n", "\r\n"));
        HsNomenclature n = HsNomenclature.load(named);
        assertThat(n.edition()).isEqualTo("HS2017");
        assertThat(n.size()).isEqualTo(3);
        assertThat(n.description("010121")).contains("Horses; live, \"pure-bred\"");
        assertThat(n.entry("0101")).hasValueSatisfying(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.parent()).isEqualTo("01");
            assertThat(e.section()).isEqualTo("I");
        });
        assertThat(HsNomenclature.read(csv, "x.csv", null).edition()).isEqualTo("HS2022");
        assertThat(HsNomenclature.read(csv.replace("HS2022", "all"), "x.csv", null).edition()).isEqualTo("x.csv");
        assertThat(HsNomenclature.read("hscode,description\n01,\"Animals;\nlive\"\n0101,Horses\n", "y.csv", "HS2012").entry("0101"))
                .hasValueSatisfying(e -> assertThat(e.line()).as("a line break inside quotes").isEqualTo(4));
    }

    static List<Problem> problems(String text) {
        return catchThrowableOfType(InputException.class, () -> HsNomenclature.read(text, "bad.csv", "HS2022")).problems();
    }

    @Test
    void badFilesAreReportedWithFileLineAndColumn(@TempDir Path dir) {
        String head = "section,hscode,description,parent,level\n";
        assertThat(problems("")).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("BAD_HS_FILE");
            assertThat(p.format()).isEqualTo("bad.csv:1:1: BAD_HS_FILE: The file is empty.");
        });
        assertThat(problems("code,text\n01,x\n")).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("no column `hscode`"));
        List<Problem> ps = problems(head + "I,01,Animals,TOTAL,2\nI,0101,Horses,01,4\nI,01011,Odd,0101,6\n"
                + "I,0102,Cattle,01,6\nI,0101,Again,01,4\nI,0103,,01,4\nI,0201,Meat,02,4\nI,0104,x\n");
        assertThat(ps).extracting(Problem::format).containsExactly(
                "bad.csv:4:3: BAD_HS_FILE: `01011` is not an HS chapter, heading or subheading (2, 4 or 6 digits).",
                "bad.csv:5:18: BAD_HS_FILE: The level `6` of `0102` is not its number of digits (4).",
                "bad.csv:6:3: BAD_HS_FILE: `0101` is listed twice (first at line 3).",
                "bad.csv:7:8: BAD_HS_FILE: `0103` has no description.",
                "bad.csv:9:1: BAD_HS_FILE: The row has 3 fields; the header has 5.");
        assertThat(problems(head + "I,01,Animals,TOTAL,2\nI,0201,Meat,02,4\n")).extracting(Problem::format)
                .containsExactly("bad.csv:3:1: BAD_HS_FILE: `0201` has no enclosing chapter `02` in the file.");
        assertThat(problems(head + "I,01,\"Animals,TOTAL,2\n")).extracting(Problem::format)
                .containsExactly("bad.csv:2:6: BAD_HS_FILE: The quoted field opened here is never closed.");
        assertThat(problems(head + "I,01,Ani\"mals,TOTAL,2\n")).extracting(Problem::code).containsExactly("BAD_HS_FILE");
        assertThat(problems(head + "I,01,\"Animals\"x,TOTAL,2\n")).extracting(Problem::format)
                .containsExactly("bad.csv:2:15: BAD_HS_FILE: A quoted field must be followed by a comma or the end of the line.");
        assertThat(problems(head)).extracting(Problem::message).containsExactly("The file lists no HS chapter, heading or subheading.");
        assertThat(problems(head + "x,y,z,w,v\n".repeat(200))).hasSize(HsNomenclature.MAX_PROBLEMS + 1);

        Path missing = dir.resolve("nope.csv");
        InputException e = catchThrowableOfType(InputException.class, () -> HsNomenclature.load(missing));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("UNREADABLE");
            assertThat(p.file()).isEqualTo(missing.toString());
        });
    }

    @Test
    void notUtf8IsReported(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, "hscode,description\n01,Anim\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        InputException e = catchThrowableOfType(InputException.class, () -> HsNomenclature.load(f));
        assertThat(e.problems()).extracting(Problem::code).containsExactly("BAD_HS_FILE");
    }
}
