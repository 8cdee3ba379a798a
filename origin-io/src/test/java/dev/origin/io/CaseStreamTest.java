package dev.origin.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.origin.core.engine.Diagnostic;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading a case file good by good ({@link CaseStream}) gives what the whole-file reader gives ({@link CaseFileReader#load},
 * the oracle): the same goods, the same rejected goods with the same located problems, the same problems of the
 * whole file; and it reads only as far as it is asked.
 */
class CaseStreamTest {
    @TempDir Path dir;

    /** Valid and invalid goods, duplicate keys inside a good, goods named by `ref` before and after their use, a BOM. */
    static Stream<String> files() {
        return Stream.of(
                CaseFileLoadTest.THREE,
                "\uFEFF" + CaseFileLoadTest.THREE,
                """
                {"goods": [
                  {"id": "car", "hs": "8703.23", "producer": {"country": "MX"},
                   "materials": [{"id": "e", "ref": "engine", "intermediate": true},
                                 {"id": "s", "hs": "8708.99", "value": "5.00", "origin": "unknown"}]},
                  {"id": "engine", "hs": "8407.34", "producer": {"country": "MX"},
                   "costs": {"otherProductCosts": "10.00"},
                   "materials": [{"id": "p", "ref": "piston", "value": "3.00"}]},
                  {"id": "piston", "hs": "8409.91", "producer": {"country": "MX"}, "hs": "8409.99",
                   "materials": [{"id": "x", "hs": "7208.51", "value": "1.00", "origin": "non-originating", "country": "CN"}]},
                  {"id": "loose", "hs": "8708.40", "producer": {"country": "MX"},
                   "materials": [{"id": "r", "ref": "nowhere"}, {"id": "c", "ref": "car"}]},
                  "not a good",
                  {"hs": "8708.40", "producer": {"country": "XYZ"}}
                ]}
                """,
                """
                {"goods": [{"id": "a", "hs": "8708.40", "producer": {"country": "MX"},
                  "materials": [{"id": "m", "ref": "a"}]}]}
                """);
    }

    @ParameterizedTest
    @MethodSource("files")
    void givesWhatTheWholeFileReaderGives(String text) throws Exception {
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
        List<Object> streamed = new ArrayList<>();
        try (CaseStream s = CaseStream.open(f)) {
            assertThat(s.size()).isEqualTo(expected.size());
            for (CaseStream.Entry e = s.next(); e != null; e = s.next()) {
                streamed.add(e.good() != null ? e.good() : e.rejected());
                // the engine's paths are located as the whole file's source map locates them
                String id = e.good() != null ? e.good().id() : e.rejected().id();
                for (String path : List.of("", "costs.totalCost", "materials[e]", "e/p", "m1", "materials[m1].hs")) {
                    assertThat(e.sources().where(id, path)).isEqualTo(whole.sources().where(id, path));
                }
            }
        }
        assertThat(streamed).isEqualTo(expected);
    }

    static Stream<String> wholeFileProblems() {
        return Stream.of(
                """
                {"goods": [{"id": "A", "hs": "8708.40", "producer": {"country": "MX"}},
                           {"id": "A", "hs": "87", "producer": {"country": "MX"}}]}
                """,
                "{\"version\": 1, \"goods\": []}",
                "{\"goods\": [{\"id\": \"A\"}",
                "{\"goods\": [{\"id\": \"A\", \"hs\": \"8708.40\", \"producer\": {\"country\": \"MX\"}}]} {}",
                "[1, 2]",
                "",
                "{\"goods\": {\"id\": \"A\"}, \"goods\": []}",
                "{\"goods\": [" + "[".repeat(120) + "]".repeat(120) + "]}",
                "{\"goods\": [{\"id\": \"A\", \"hs\": \"8708.40\", \"producer\": {\"country\": \"MX\"}, \"transactionValue\": 1" + "0".repeat(300) + "}]}");
    }

    @ParameterizedTest
    @MethodSource("wholeFileProblems")
    void aFileThatFailsAsAWholeIsReportedAsTheWholeFileReaderReportsIt(String text) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, text);
        InputException whole = catchThrowableOfType(InputException.class, () -> CaseFileReader.load(f));
        InputException streamed = catchThrowableOfType(InputException.class, () -> CaseStream.open(f).close());
        assertThat(whole).isNotNull();
        assertThat(streamed).isNotNull();
        assertThat(streamed.problems()).isEqualTo(whole.problems());
        // a file too large to be read again whole gets the scan's own problems: those of the file as a whole, the same
        InputException scanned = catchThrowableOfType(InputException.class, () -> CaseStream.open(f, 0).close());
        assertThat(scanned.problems()).isNotEmpty().isSubsetOf(whole.problems());
        assertThat(scanned.problems()).extracting(Problem::code).containsAnyElementsOf(whole.problems().stream().map(Problem::code).toList());
    }

    @Test
    void readsOnlyAsFarAsItIsAsked() throws Exception {
        Path f = dir.resolve("many.json");
        StringBuilder sb = new StringBuilder("{\"goods\": [\n");
        for (int i = 0; i < 2000; i++) {
            sb.append(i == 0 ? "" : ",\n").append("{\"id\": \"G").append(i).append("\", \"hs\": \"8708.40\", \"producer\": {\"country\": \"MX\"}, ")
                    .append("\"materials\": [{\"id\": \"m\", \"hs\": \"8708.99\", \"value\": \"1.00\", \"origin\": \"originating\"}]}");
        }
        Files.writeString(f, sb.append("\n]}\n"));
        try (CaseStream s = CaseStream.open(f)) {
            assertThat(s.size()).isEqualTo(2000);
            for (int i = 0; i < 3; i++) assertThat(s.next().good().id()).isEqualTo("G" + i);
            assertThat(s.goodsRead()).isEqualTo(3);
            // a diagnostic of good 3 is placed on its own line of the file
            Problem p = s.next().sources().locate(new Diagnostic(Diagnostic.Severity.ERROR, "BAD_HS", "m", "G3", "materials[m].hs"));
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.path()).isEqualTo("goods[3].materials[0].hs");
        }
    }

    @Test
    void aYamlFileBeyondTheLimitIsRefusedBeforeItIsRead() throws IOException {
        Path f = dir.resolve("big.yaml");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(CaseStream.MAX_WHOLE_BYTES + 1); // sparse: nothing is written
        }
        InputException e = catchThrowableOfType(InputException.class, () -> CaseStream.open(f));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("TOO_LARGE");
            assertThat(p.message()).contains(String.valueOf(CaseStream.MAX_WHOLE_BYTES + 1), "YAML", "good by good");
        });
    }
}
