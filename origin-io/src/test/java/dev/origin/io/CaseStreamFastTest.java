package dev.origin.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.origin.core.model.Good;
import dev.origin.io.catalog.CatalogGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast path of {@link CaseStream} (a scan of bytes, goods read straight from tokens by {@link GoodParser}, in
 * batches that may be read on any thread) gives exactly what the whole-file reader gives ({@link CaseFileReader#load},
 * the oracle), and what the text path gives: the same goods, the same rejected goods with the same problems at the
 * same lines and columns, the same locations for the engine's paths. On generated catalogs, the example case files,
 * and goods that each break one rule (so that the fast path gives up on them and the tree path words the problem).
 */
class CaseStreamFastTest {
    @TempDir Path dir;

    private static final JsonFactory JSON = new JsonFactory();

    /** A valid good of the common shape, as the benchmark's fixture and `origin generate` write them. */
    static String good(String id, String extra, String material) {
        return "{\"id\": \"" + id + "\", \"hs\": \"8708.40\", \"producer\": {\"country\": \"MX\"}, \"vehicle\": \"passenger-vehicle\", "
                + "\"destination\": \"US\", \"date\": \"2023-07-01\", \"use\": \"original-equipment\", \"transactionValue\": \"695.84\", "
                + "\"internationalShipping\": \"5\", \"costs\": {\"otherProductCosts\": \"86.71\", \"periodCosts\": 42.6, \"netCost\": \"500\", "
                + "\"totalCost\": \"519.29\", \"allocation\": \"b\"}" + extra + ", \"materials\": [\n"
                + "  {\"id\": \"m1\", \"hs\": \"7606.12\", \"value\": \"42.06\", \"origin\": \"non-originating\", \"country\": \"MX\"},\n"
                + "  " + material + ",\n"
                + "  {\"id\": \"m3\", \"hs\": \"8708.99\", \"value\": 7, \"origin\": \"unknown\", \"kind\": \"indirect\"}\n]}";
    }

    private static final String PLAIN_M2 = "{\"id\": \"m2\", \"hs\": \"3926.90\", \"value\": \"0.5\", \"origin\": \"originating\"}";

    /** One change each to a valid good: most make it invalid, some make it valid but outside the fast path. */
    static final List<String[]> CHANGES = List.of(
            new String[] {"", PLAIN_M2},
            new String[] {", \"hs\": \"8708.99\"", PLAIN_M2},
            new String[] {", \"whollyObtained\": false", PLAIN_M2},
            new String[] {", \"facts\": [\"gear boxes\"]", PLAIN_M2},
            new String[] {", \"colour\": \"red\"", PLAIN_M2},
            new String[] {", \"rule\": \"CTH\"", PLAIN_M2},
            new String[] {", \"steel\": {\"originating\": \"10\", \"total\": \"5\"}", PLAIN_M2},
            new String[] {"", "{\"id\": \"m2\", \"hs\": \"3926.90\", \"value\": \"-1.00\", \"origin\": \"originating\"}"},
            new String[] {"", "{\"id\": \"m2\", \"hs\": \"3926.90\", \"value\": \"1.005\", \"origin\": \"originating\"}"},
            new String[] {"", "{\"id\": \"m2\", \"hs\": \"3926.90\", \"value\": \"1.500\", \"origin\": \"originating\"}"},
            new String[] {"", "{\"id\": \"m2\", \"hs\": \"3926.90\", \"value\": \" 1.50 \", \"origin\": \"originating\"}"},
            new String[] {"", "{\"id\": \"m2\", \"hs\": \"3926.90\", \"value\": \"1.\", \"origin\": \"originating\"}"},
            new String[] {"", "{\"id\": \"m2\", \"hs\": \"3926.90\", \"value\": 1e2, \"origin\": \"originating\"}"},
            new String[] {"", "{\"id\": \"m2\", \"hs\": \"3926.90\", \"value\": \"1234567890123456\", \"origin\": \"originating\"}"},
            new String[] {"", "{\"id\": \"m2\", \"hs\": \"3926.90\", \"value\": \"000000000000000012.30\", \"origin\": \"originating\"}"},
            new String[] {"", "{\"id\": \"m2\", \"hs\": \"39\", \"value\": \"1.50\", \"origin\": \"originating\"}"},
            new String[] {"", "{\"id\": \"m2\", \"hs\": 392690, \"value\": \"1.50\", \"origin\": \"originating\"}"},
            new String[] {"", "{\"id\": \"m1\", \"hs\": \"3926.90\", \"value\": \"1.50\", \"origin\": \"originating\"}"},
            new String[] {"", "{\"id\": \"m2\", \"hs\": \"3926.90\", \"value\": \"1.50\", \"origin\": \"maybe\"}"},
            new String[] {"", "{\"id\": \"m2\", \"hs\": \"3926.90\", \"value\": \"1.50\"}"},
            new String[] {"", "{\"id\": \"m2\", \"hs\": \"3926.90\", \"origin\": \"originating\"}"},
            new String[] {"", "{\"id\": \"m2\", \"hs\": \"3926.90\", \"value\": null, \"origin\": \"originating\"}"},
            new String[] {"", "{\"id\": \"m2\", \"hs\": \"3926.90\", \"value\": \"1.50\", \"origin\": \"originating\", \"country\": \"mx\"}"},
            new String[] {"", "{\"id\": \"m2\", \"hs\": \"3926.90\", \"value\": \"1.50\", \"origin\": \"originating\", \"kind\": \"other\"}"},
            new String[] {"", "{\"id\": \"m2\", \"hs\": \"3926.90\", \"value\": \"1.50\", \"origin\": \"originating\", \"value\": \"2.00\"}"},
            new String[] {"", "{\"id\": \"\", \"hs\": \"3926.90\", \"value\": \"1.50\", \"origin\": \"originating\"}"},
            new String[] {"", "{\"id\": 2, \"hs\": \"3926.90\", \"value\": \"1.50\", \"origin\": \"originating\"}"},
            new String[] {"", "{\"id\": \"m2\", \"hs\": \"3926.90\", \"value\": \"1.50\", \"origin\": \"originating\", \"statement\": {\"originatingAmount\": \"1.00\"}}"},
            new String[] {"", "{\"id\": \"m2\", \"hs\": \"3926.90\", \"value\": \"1.50\", \"origin\": \"originating\", \"treatAsNonOriginating\": true}"},
            new String[] {"", "{\"id\": \"m2\", \"hs\": \"3926.90\", \"selfProduced\": true, \"costs\": {\"totalCost\": \"3.00\"}, \"materials\": []}"},
            new String[] {"", "{\"id\": \"m2\", \"ref\": \"G1\"}"},
            new String[] {"", "\"m2\""},
            new String[] {", \"date\": \"2023-02-30\"", PLAIN_M2},
            new String[] {", \"producer\": {\"country\": \"MX\", \"city\": \"Puebla\"}", PLAIN_M2},
            new String[] {", \"vehicle\": \"boat\"", PLAIN_M2},
            new String[] {", \"destination\": null", PLAIN_M2},
            new String[] {", \"internationalShipping\": \"900.00\"", PLAIN_M2},
            new String[] {", \"costs\": {\"netCost\": \"600\", \"totalCost\": \"500\"}", PLAIN_M2},
            new String[] {", \"costs\": {\"excludedCosts\": {\"royalties\": \"1.00\"}}", PLAIN_M2},
            new String[] {", \"costs\": {\"allocation\": \"d\"}", PLAIN_M2},
            new String[] {", \"costs\": []", PLAIN_M2},
            new String[] {", \"materials\": {}", PLAIN_M2});

    /** Every change as a good of one file (the later value of a repeated key is a DUPLICATE_KEY problem). */
    private static String changed() {
        StringBuilder sb = new StringBuilder("{\"goods\": [\n");
        for (int i = 0; i < CHANGES.size(); i++) {
            sb.append(i == 0 ? "" : ",\n").append(good("G" + i, CHANGES.get(i)[0], CHANGES.get(i)[1]));
        }
        sb.append(",\n  42,\n{\"hs\": \"8708.40\"}, {\"id\": \"G-ref\", \"hs\": \"8708.40\", \"producer\": {\"country\": \"MX\"}, "
                + "\"materials\": [{\"id\": \"x\", \"ref\": \"G0\"}]}\n]}\n");
        return sb.toString();
    }

    static Stream<String> files() throws Exception {
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        new CatalogGenerator(CatalogGenerator.Settings.of(300).withShape(4, 2).withSeed(7)).writeCaseFile(generated, false);
        String changed = changed();
        return Stream.of(
                generated.toString(StandardCharsets.UTF_8),
                changed,
                // on one line: the columns of the first line are shifted by where each good starts
                changed.replace("\n", " "),
                // line breaks of other kinds, a byte-order mark, and a character beyond ASCII: read as text
                changed.replace("\n", "\r\n"),
                "\uFEFF" + changed,
                changed.replace("\"G3\"", "\"G3-é\""),
                Files.readString(Path.of("../examples/passenger-vehicle.json")),
                Files.readString(Path.of("../examples/net-cost-example.json")),
                Files.readString(Path.of("../examples/contract-sample.json")));
    }

    @ParameterizedTest
    @MethodSource("files")
    void givesWhatTheWholeFileReaderAndTheTextPathGive(String text) throws Exception {
        Path f = dir.resolve("case.json");
        Files.writeString(f, text);
        CaseFile whole = CaseFileReader.load(f);
        List<Object> expected = new ArrayList<>();
        int g = 0;
        int r = 0;
        for (int i = 0; i < whole.goods().size() + whole.rejected().size(); i++) {
            if (r < whole.rejected().size() && whole.rejected().get(r).index() == i) expected.add(whole.rejected().get(r++));
            else expected.add(whole.goods().get(g++));
        }
        List<Object> fast = new ArrayList<>();
        List<Object> textPath = new ArrayList<>();
        try (CaseStream s = CaseStream.open(f); CaseStream t = CaseStream.open(f, CaseStream.MAX_REPORTED_WHOLE, false)) {
            assertThat(s.size()).isEqualTo(expected.size());
            // the fast path takes every plain ASCII file here (and only those)
            assertThat(s.fast()).isEqualTo(!text.contains("é") && !text.startsWith("\uFEFF{\"goods\": [\n{\"id\": \"G0\"") || text.startsWith("\uFEFF"));
            assertThat(t.fast()).isFalse();
            // batches of uneven sizes, read out of order: what the workers of `qualify` do
            List<CaseStream.Batch> batches = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(3);
            for (CaseStream.Batch b = s.nextBatch(1 + random.nextInt(7)); b != null; b = s.nextBatch(1 + random.nextInt(7))) batches.add(b);
            List<List<CaseStream.Entry>> read = new ArrayList<>();
            for (int i = batches.size() - 1; i >= 0; i--) read.add(0, s.read(batches.get(i)));
            for (List<CaseStream.Entry> entries : read) {
                for (CaseStream.Entry e : entries) {
                    CaseStream.Entry te = t.next();
                    assertThat(e.index()).isEqualTo(te.index()).isEqualTo(fast.size());
                    fast.add(e.good() != null ? e.good() : e.rejected());
                    textPath.add(te.good() != null ? te.good() : te.rejected());
                    String id = e.good() != null ? e.good().id() : e.rejected().id();
                    for (String path : List.of("", "hs", "costs.totalCost", "costs.netCost", "materials[m2]", "materials[m3].value", "m1",
                            "materials[L2].hs", "L1")) {
                        assertThat(e.sources().where(id, path)).isEqualTo(whole.sources().where(id, path)).isEqualTo(te.sources().where(id, path));
                    }
                }
            }
            assertThat(t.next()).isNull();
        }
        assertThat(fast).isEqualTo(expected);
        assertThat(textPath).isEqualTo(expected);
    }

    /** Text that is not JSON, or not a file the scan of bytes is sure of: it gives up (the text path words the problem). */
    static Stream<String> notSure() {
        String g = "{\"id\": \"A\", \"hs\": \"8708.40\", \"producer\": {\"country\": \"MX\"}}";
        return Stream.of("", " ", "[]", "{}", "{\"goods\": []}", "{\"goods\": {}}", "{\"goods\": [" + g + "]} x", "{\"goods\": [" + g + ",]}",
                "{\"goods\": [" + g + "], \"version\": 1}", "{\"goods\": [" + g + "], \"goods\": [" + g + "]}",
                "{\"goods\": [" + g + ", " + g + "]}", "{\"goods\": [" + g.replace("8708.40", "8708\u0007.40") + "]}",
                "{\"goods\": [" + g.replace("\"MX\"", "01") + "]}", "{\"goods\": [" + g.replace("\"MX\"", "1.") + "]}",
                "{\"goods\": [" + g.replace("\"MX\"", "-") + "]}", "{\"goods\": [" + g.replace("\"MX\"", "tru") + "]}",
                "{\"goods\": [" + g.replace("\"MX\"", "nulll") + "]}", "{\"goods\": [" + g.replace("\"MX\"", "'MX'") + "]}",
                "{\"goods\": [" + g.replace("\"MX\"", "\"M\\x\"") + "]}", "{\"goods\": [" + g.replace("\"MX\"", "\"\\uD800\"") + "]}",
                "{\"goods\": [" + g.replace("\"MX\"", "1e") + "]}", "{\"goods\": [" + g.replace("\"MX\"", "[1 2]") + "]}",
                "{\"goods\": [" + g.replace("\"MX\"", "{\"a\" 1}") + "]}", "{\"goods\": [" + g.replace("\"MX\"", "\"Mé\"") + "]}",
                "{\"goods\": [" + g.replace("\"id\": \"A\"", "\"id\": 1") + "]}", "{\"goods\": [" + g + "]",
                "{\"goods\": [" + "[".repeat(95) + "]".repeat(95) + "]}", "{\"goods\": [" + g.replace("\"MX\"", "1" + "0".repeat(250)) + "]}",
                "{\"goods\": [" + g.replace("\"MX\"", "/* c */ 1") + "]}");
    }

    @ParameterizedTest
    @MethodSource("notSure")
    void theScanOfBytesGivesUpOnWhatItIsNotSureOf(String text) throws Exception {
        assertThat(ByteScan.scan(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))).isNull();
    }

    @Test
    void theScanOfBytesFindsTheGoodsIdsAndRefsTheTextScanFinds() throws Exception {
        String text = "{\"goods\": [\r\n {\"id\": \"a\", \"x\": {\"ref\": \"b\", \"y\": [{\"ref\": 7}, {\"ref\": {\"ref\": \"c\"}}]}, \"ref\": \"top\"},\r"
                + "\t5, [1.5e-3, -0, true, false, null, \"s\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"], {\"id\": null, \"id\": \"b\"},\n{\"id\": \"c\"}, {}\n]\n}\n";
        ByteScan.Result r = ByteScan.scan(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        assertThat(r).isNotNull();
        assertThat(r.count).isEqualTo(6);
        assertThat(r.ids).isEqualTo(java.util.Map.of("a", 0, "c", 4));
        assertThat(r.referenced).containsExactlyInAnyOrder("b", "7", "c");
        // where each good starts: line and column as Jackson counts them (CR LF one break, CR alone one)
        List<Integer> lines = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        try (JsonParser p = JSON.createParser(new java.io.StringReader(text))) {
            p.nextToken();
            p.nextToken();
            p.nextToken();
            while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                lines.add(p.currentTokenLocation().getLineNr());
                columns.add(p.currentTokenLocation().getColumnNr());
                p.skipChildren();
            }
        }
        assertThat(lines).containsExactly(2, 3, 3, 3, 4, 4);
        assertThat(java.util.Arrays.stream(r.lines, 0, 6).boxed().toList()).isEqualTo(lines);
        assertThat(java.util.Arrays.stream(r.columns, 0, 6).boxed().toList()).isEqualTo(columns);
        // the same count, ids and refs as the text scan of CaseStream: read through it, then compare
        Path f = dir.resolve("scan.json");
        Files.writeString(f, text);
        try (CaseStream s = CaseStream.open(f); CaseStream t = CaseStream.open(f, CaseStream.MAX_REPORTED_WHOLE, false)) {
            assertThat(s.fast()).isTrue();
            assertThat(s.size()).isEqualTo(t.size()).isEqualTo(6);
        }
    }

    @Test
    void theFastPathReadsTheCommonGoodsItselfAndBuildsTheSameGoods() throws Exception {
        // the test above would pass if the fast path gave up on every good: here it must read them
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CatalogGenerator(CatalogGenerator.Settings.of(50).withShape(5, 0).withSeed(11)).writeCaseFile(out, false);
        Path f = dir.resolve("flat.json");
        Files.write(f, out.toByteArray());
        List<Good> oracle = CaseFileReader.load(f).goods();
        assertThat(oracle).hasSize(50);
        String text = changed();
        Path c = dir.resolve("changed.json");
        Files.writeString(c, text);
        CaseFile changed = CaseFileReader.load(c);
        GoodParser parser = new GoodParser();
        // the first change is none: a good of every common field
        String first = good("G0", "", PLAIN_M2);
        try (JsonParser p = JSON.createParser(first)) {
            Good g = parser.read(p);
            assertThat(g).isNotNull().isEqualTo(changed.goods().get(0));
            assertThat(g.costs().periodCosts()).isEqualByComparingTo("42.60");
        }
        String json = out.toString(StandardCharsets.UTF_8);
        int read = 0;
        for (Good expected : oracle) {
            int at = json.indexOf("{\"id\":\"" + expected.id() + "\"");
            if (at < 0) at = json.indexOf("{\"id\": \"" + expected.id() + "\"");
            assertThat(at).as("good %s in the generated file", expected.id()).isNotNegative();
            try (JsonParser p = JSON.createParser(json.substring(at))) {
                Good g = parser.read(p);
                if (g != null) {
                    assertThat(g).isEqualTo(expected);
                    read++;
                }
            }
        }
        assertThat(read).isEqualTo(oracle.size());
    }
}
