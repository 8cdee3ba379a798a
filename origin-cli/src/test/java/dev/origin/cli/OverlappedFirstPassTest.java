package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code origin qualify} with its first pass beside the evaluation (CaseStream.openOverlapped, GoodPipeline's held
 * results) prints exactly what it prints with the first pass before it: the same stdout, stderr and exit status, on
 * valid files and on files that fail as a whole only at their end (a duplicate id, a second top-level key, trailing
 * content), whose results must never reach stdout; on files with goods named by {@code ref} (read first, so the run
 * starts again); on a file the byte scan is not sure of (a character beyond ASCII); and on invalid goods. The large
 * files have more goods than GoodPipeline.HOLD, so the evaluation waits for the first pass at least once.
 */
class OverlappedFirstPassTest {
    @TempDir Path dir;

    @AfterEach
    void restore() {
        QualifyCommand.overlap = true;
    }

    /** A flat good of the rule-by-text kind, its values varied by {@code i}. */
    private static String good(int i) {
        return String.format(Locale.ROOT, "{\"id\": \"G%d\", \"hs\": \"8481.80\", \"producer\": {\"country\": \"MX\"}, \"destination\": \"US\", "
                + "\"transactionValue\": \"%d.00\", \"costs\": {\"otherProductCosts\": \"10.00\"}, \"materials\": ["
                + "{\"id\": \"v\", \"hs\": \"8481.80\", \"value\": \"%d.%02d\", \"origin\": \"non-originating\", \"country\": \"CN\"}, "
                + "{\"id\": \"u\", \"hs\": \"8481.90\", \"value\": \"5.00\", \"origin\": \"%s\"}], \"rule\": \"CTH or RVC(NC) >= 50\"}",
                i, 100 + i % 50, 10 + i % 40, i % 100, i % 3 == 0 ? "unknown" : "originating");
    }

    private Path file(String name, int goods, IntFunction<String> item, String after) throws IOException {
        StringBuilder sb = new StringBuilder("{\"goods\": [\n");
        for (int i = 0; i < goods; i++) sb.append(i == 0 ? "" : ",\n").append(item.apply(i));
        sb.append("\n]").append(after).append("}\n");
        Path f = dir.resolve(name);
        Files.writeString(f, sb, StandardCharsets.UTF_8);
        return f;
    }

    private static CliTest.Result qualify(boolean overlap, String format, Path f, String... more) {
        QualifyCommand.overlap = overlap;
        List<String> args = new ArrayList<>(List.of("qualify", "--regime", "usmca", "--date", "2023-07-01", "--format", format));
        args.addAll(List.of(more));
        args.add(f.toString());
        return CliTest.run(args.toArray(String[]::new));
    }

    /** Both ways print the same; the overlapped run's result. */
    private static CliTest.Result same(String format, Path f, String... more) {
        CliTest.Result before = qualify(false, format, f, more);
        CliTest.Result beside = qualify(true, format, f, more);
        assertThat(beside.exit()).as("exit of %s", f.getFileName()).isEqualTo(before.exit());
        assertThat(beside.err()).as("stderr of %s", f.getFileName()).isEqualTo(before.err());
        assertThat(beside.out()).as("stdout of %s", f.getFileName()).isEqualTo(before.out());
        return beside;
    }

    @Test
    void aValidFileGivesTheSameResultsBothWays() throws IOException {
        int n = GoodPipeline.HOLD + 3_000;
        CliTest.Result r = same("ndjson", file("valid.json", n, OverlappedFirstPassTest::good, ""));
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).hasSize(n);
        same("json", file("small.json", 40, OverlappedFirstPassTest::good, ""));
        same("csv", file("small.json", 40, OverlappedFirstPassTest::good, ""));
    }

    @Test
    void aFileFailingAsAWholeAtItsEndPrintsNoResult() throws IOException {
        int n = GoodPipeline.HOLD + 3_000;
        Path duplicate = file("duplicate.json", n, i -> good(i == n - 1 ? 7 : i), "");
        Path key = file("key.json", 300, OverlappedFirstPassTest::good, ", \"other\": 1");
        Path trailing = dir.resolve("trailing.json");
        Files.writeString(trailing, Files.readString(file("t.json", 300, OverlappedFirstPassTest::good, "")) + "{}");
        for (Path f : new Path[] {duplicate, key, trailing}) {
            CliTest.Result r = same("ndjson", f);
            assertThat(r.exit()).as("%s", f.getFileName()).isEqualTo(2);
            assertThat(r.out()).as("%s", f.getFileName()).isEmpty();
        }
        assertThat(qualify(true, "ndjson", duplicate).err()).contains("DUPLICATE_ID");
        // with bad options too: the problems reported are those reported without overlap
        Path noTariffs = dir.resolve("missing-tariffs.yaml");
        for (Path f : new Path[] {duplicate, key, file("fine.json", 30, OverlappedFirstPassTest::good, "")}) {
            assertThat(same("ndjson", f, "--tariffs", noTariffs.toString()).exit()).isEqualTo(2);
        }
        assertThat(same("ndjson", key, "--param", "nosuch=1").err()).contains("UNKNOWN_FIELD");
        // files that cannot be read at all
        Files.createDirectories(dir.resolve("a-directory.json"));
        assertThat(same("ndjson", dir.resolve("a-directory.json")).err()).contains("UNREADABLE");
        assertThat(same("ndjson", dir.resolve("missing.json")).err()).contains("UNREADABLE");
        assertThat(qualify(true, "json", key).err()).contains("UNKNOWN_FIELD");
        assertThat(qualify(true, "json", trailing).err()).contains("TRAILING_CONTENT");
    }

    @Test
    void goodsNamedByRefAreReadFirstAsWithoutOverlap() throws IOException {
        int n = GoodPipeline.HOLD + 500;
        // the last good is a sub-assembly that the first good uses; its evaluation needs it from the start
        Path f = file("refs.json", n, i -> i == 0
                ? "{\"id\": \"top\", \"hs\": \"8481.80\", \"producer\": {\"country\": \"MX\"}, \"destination\": \"US\", \"transactionValue\": \"90.00\", "
                  + "\"costs\": {\"otherProductCosts\": \"10.00\"}, \"materials\": [{\"id\": \"s\", \"ref\": \"sub\", \"intermediate\": true}], "
                  + "\"rule\": \"RVC(NC) >= 50\"}"
                : i == n - 1
                ? "{\"id\": \"sub\", \"hs\": \"8481.90\", \"producer\": {\"country\": \"MX\"}, \"costs\": {\"otherProductCosts\": \"4.00\"}, "
                  + "\"materials\": [{\"id\": \"x\", \"hs\": \"7208.51\", \"value\": \"20.00\", \"origin\": \"non-originating\", \"country\": \"CN\"}]}"
                : good(i), "");
        CliTest.Result r = same("ndjson", f);
        assertThat(r.out().lines().count()).isGreaterThan(GoodPipeline.HOLD);
        // the sub-assembly was read before the first good: its line is in the first good's explanation
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("{\"good\":\"top\"").contains("Self-produced material `s`");
    }

    @Test
    void aFileTheByteScanIsNotSureOfAndInvalidGoodsGiveTheSameBothWays() throws IOException {
        Path accents = file("accents.json", 300, i -> i == 299 ? good(i).replace("\"G299\"", "\"Vanne à bille 299\"") : good(i), "");
        CliTest.Result r = same("ndjson", accents);
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).hasSize(300);
        Path invalid = file("invalid.json", 300, i -> i % 100 == 50 ? good(i).replace("\"8481.80\"", "\"84x\"") : good(i), "");
        CliTest.Result bad = same("ndjson", invalid);
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("BAD_HS");
        assertThat(bad.out().lines()).hasSize(297);
    }
}
