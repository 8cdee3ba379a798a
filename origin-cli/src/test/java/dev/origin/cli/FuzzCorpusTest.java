package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inputs that found bugs (issue 12), kept as regression tests. A file of {@code fuzz/corpus} is named
 * {@code COMMAND--CODE--what.ext}: it is given to {@code origin COMMAND} and must end with that code (exit 2),
 * or with {@code OK} (exit 0), and never with an internal error, a stack trace or library wording. A file of a
 * command that takes no input file ({@code generate}, {@code serve}, {@code bench}) holds its command line.
 */
class FuzzCorpusTest {
    static final Path CORPUS = CliTest.ROOT.resolve("origin-cli/src/test/resources/fuzz/corpus");

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.sorted().toList().stream();
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void endsInAClearErrorOrAResult(Path file) {
        String[] name = file.getFileName().toString().split("--");
        String command = name[0];
        String code = name[1];
        CliTest.Result r = switch (command) {
            case "qualify" -> CliTest.run("qualify", "--regime", "usmca", "--date", "2023-07-01", file.toString());
            case "simulate" -> CliTest.run("simulate", "--draws", "0", "--regimes", "usmca", "--fleet", file.toString());
            case "import" -> CliTest.run("rules", "import", file.toString());
            // a command line (options, sizes and ranges) in a file: the arguments separated by white space
            case "generate", "serve", "bench" -> CliTest.run(read(file).strip().split("\\s+"));
            default -> throw new IllegalArgumentException(command);
        };
        FuzzTest.assertClean(r);
        if (code.equals("OK")) {
            assertThat(r.exit()).as(r.err()).isZero();
        } else {
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains(": " + code + ": ");
        }
    }

    @Test
    void controlCharactersOfIdsAreEscapedOnOutput() {
        CliTest.Result r = CliTest.run("qualify", "--regime", "usmca", "--date", "2023-07-01",
                CORPUS.resolve("qualify--OK--control-characters-in-id.json").toString());
        assertThat(r.out()).contains("A\\u001B[31mRED\\u0007").doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void outputFilesInAMissingFolderAreReportedBeforeAnyWork(@TempDir Path dir) {
        String missing = dir.resolve("no/such/folder/report.html").toString();
        for (String option : List.of("--html", "--json", "--csv")) {
            CliTest.Result r = CliTest.run("simulate", "--draws", "0", "--regimes", "usmca", option, missing);
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.out()).as("nothing was simulated").isEmpty();
            assertThat(r.err()).startsWith(option + ": CANNOT_WRITE: The output file `" + missing + "` cannot be written: the folder `");
        }
        CliTest.Result folder = CliTest.run("simulate", "--draws", "0", "--regimes", "usmca", "--json", dir.toString());
        assertThat(folder.err()).contains("CANNOT_WRITE").contains("it is a folder");
        CliTest.Result imp = CliTest.run("rules", "import", CliTest.ROOT.resolve("origin-cli/src/test/resources/fuzz/seeds/schedule-i-excerpt.xml").toString(),
                "--output", missing);
        assertThat(imp.exit()).isEqualTo(2);
        assertThat(imp.err()).startsWith("--output: CANNOT_WRITE:");
    }

    @Test
    void aSweepOfTooManyPointsIsRefusedBeforeAnyWork() {
        long start = System.nanoTime();
        CliTest.Result r = CliTest.run("simulate", "--draws", "0", "--regimes", "us-proposal-2017", "--sweep", "us-proposal-2017:min=50..100/0.0001");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("--sweep: BAD_SWEEP: `us-proposal-2017:min=50..100/0.0001` gives 500001 thresholds; a sweep has at most 201."
                + System.lineSeparator() + "1 problem; nothing was evaluated." + System.lineSeparator());
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }
}
