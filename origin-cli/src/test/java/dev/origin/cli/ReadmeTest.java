package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's `./origin` commands run and succeed, and its stated figures are what they print. */
class ReadmeTest {
    static final Path ROOT = Path.of(System.getProperty("origin.root", ".."));

    static List<String> commands() throws IOException {
        List<String> cmds = new ArrayList<>();
        boolean inShell = false;
        for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
            if (line.startsWith("```")) {
                inShell = line.equals("```shell");
                continue;
            }
            if (inShell && line.startsWith("./origin ")) {
                String cmd = line.substring("./origin ".length());
                int hash = cmd.indexOf('#');
                cmds.add((hash >= 0 ? cmd.substring(0, hash) : cmd).strip());
            }
        }
        return cmds;
    }

    @Test
    void everyReadmeCommandSucceeds(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        List<String> cmds = commands();
        assertThat(cmds).contains("demo").hasSizeGreaterThanOrEqualTo(5);
        for (String cmd : cmds) {
            String[] args = Arrays.stream(cmd.split("\\s+"))
                    .map(a -> a.startsWith("examples/") ? ROOT.resolve(a).toString()
                            : a.startsWith("scratch/") ? tmp.resolve(a.substring("scratch/".length())).toString()
                            : a.matches("[\\w-]+\\.(html|csv|json)") ? tmp.resolve(a).toString() : a).toArray(String[]::new);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            assertThat(code).as("./origin " + cmd + "\n" + err).isZero();
            assertThat(out.toString()).as("./origin " + cmd).isNotBlank();
            if (cmd.contains("net-cost-example.json")) {
                assertThat(out.toString()).contains("\"netCost\" : \"88.00\"", "\"vnm\" : \"40.00\"", "54.545454", "ORIGINATING");
            }
        }
    }
}
