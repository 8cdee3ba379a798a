package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code origin qualify} run as the process (its results encoded on the workers and written as bytes to standard
 * output, past the writers) prints byte for byte what it prints through the writers, in every format that renders
 * apart: with quotes and backslashes, characters beyond ASCII, control characters, DEL, C1 controls and
 * bidirectional overrides in ids (which the terminal escaping rewrites), invalid goods, and every trace.
 */
class RawStdoutTest {
    @TempDir Path dir;

    static final String HOSTILE = """
            {"goods": [
              {"id": "vanne à bille → 90 %", "hs": "8481.80", "producer": {"country": "MX"}, "destination": "US", "transactionValue": "100.00",
               "costs": {"otherProductCosts": "10.00"},
               "materials": [{"id": "v\\u0007\\u001b[31m", "hs": "8481.80", "value": "20.00", "origin": "non-originating", "country": "CN"},
                             {"id": "u\\u007f\\u0085\\u202e", "hs": "8481.90", "value": "5.00", "origin": "unknown"}],
               "rule": "CTH or RVC(NC) >= 50"},
              {"id": "bad", "hs": "84x", "producer": {"country": "CA"}},
              {"id": "quoted \\"\\\\ id\\u202a", "hs": "8481.80", "producer": {"country": "CA"}, "destination": "MX", "transactionValue": "50.00",
               "costs": {"otherProductCosts": "40.00"}, "rule": "RVC(NC) >= 50"}
            ]}
            """;

    @Test
    void bytesWrittenPastTheWritersAreThoseTheWritersWrite() throws IOException {
        assumeThat(Charset.defaultCharset()).as("results are encoded in UTF-8, the default charset here").isEqualTo(StandardCharsets.UTF_8);
        Path hostile = dir.resolve("hostile.json");
        Files.writeString(hostile, HOSTILE);
        Path mixed = dir.resolve("mixed.json");
        Files.writeString(mixed, QualifyStreamTest.MIXED);
        int compared = 0;
        for (Path f : new Path[] {hostile, mixed}) {
            for (String format : new String[] {"ndjson", "csv", "text"}) {
                for (String trace : new String[] {"none", "failing", "full"}) {
                    String[] args = {"qualify", "--regime", "usmca", "--date", "2023-07-01", "--format", format, "--trace", trace, f.toString()};
                    CliTest.Result writers = CliTest.run(args);
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    StringWriter err = new StringWriter();
                    int exit = Main.run(raw, new PrintWriter(err, true), args);
                    assertThat(exit).as("%s %s %s", f.getFileName(), format, trace).isEqualTo(writers.exit());
                    assertThat(err.toString()).as("stderr").isEqualTo(writers.err());
                    assertThat(raw.toString(StandardCharsets.UTF_8)).as("%s %s %s", f.getFileName(), format, trace).isEqualTo(writers.out());
                    assertThat(writers.out()).isNotEmpty();
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(18);
        // the escaping applies on this path too: no raw escape sequence from the hostile ids reaches the terminal
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        Main.run(raw, new PrintWriter(new StringWriter(), true), "qualify", "--regime", "usmca", "--date", "2023-07-01", "--format", "text", hostile.toString());
        assertThat(raw.toString(StandardCharsets.UTF_8)).doesNotContain("\u007f", "\u0085", "\u202e").contains("u\\u007F\\u0085\\u202E", "à bille →");
    }
}
