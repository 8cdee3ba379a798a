package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.engine.ErrorCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The error catalogue and its documentation cannot drift: every code of {@link ErrorCode} is explained in
 * docs/errors.md, every code the sources report is in the catalogue, and every example of docs/errors.md
 * that shows an {@code origin} command prints exactly the lines shown.
 */
class ErrorCatalogueTest {
    static final Path DOC = CliTest.ROOT.resolve("docs/errors.md");
    static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());

    @Test
    void everyCodeOfTheCatalogueIsDocumented() throws IOException {
        String doc = Files.readString(DOC);
        List<String> missing = Arrays.stream(ErrorCode.values()).map(Enum::name)
                .filter(c -> !doc.contains("### `" + c + "`")).toList();
        assertThat(missing).as("codes without a section `### `CODE`` in docs/errors.md").isEmpty();
        Matcher heading = Pattern.compile("(?m)^### `([A-Z_]+)`").matcher(doc);
        while (heading.find()) assertThat(CODES).as("documented code").contains(heading.group(1));
    }

    @Test
    void everyCodeTheSourcesReportIsInTheCatalogue() throws IOException {
        List<String> unknown = new ArrayList<>();
        int seen = 0;
        List<Path> files;
        try (Stream<Path> s = Files.walk(CliTest.ROOT)) {
            files = s.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                    && !p.toString().contains("/target/")).toList();
        }
        for (Path f : files) {
            for (CodeLiterals.Found x : CodeLiterals.find(Files.readString(f))) {
                seen++;
                if (!CODES.contains(x.code())) unknown.add(CliTest.ROOT.relativize(f) + ":" + x.line() + ": " + x.code());
            }
        }
        assertThat(seen).as("code literals seen (the scan works)").isGreaterThan(40);
        assertThat(unknown).as("codes not in ErrorCode; add them to the catalogue and docs/errors.md").isEmpty();
    }

    @Test
    void theScanFindsCodesInEachFormAndNothingElse() {
        String source = """
                class X {
                    static final String NOT_LISTED_A = "NOT_LISTED_A";
                    static final String LABEL = "LABEL_TEXT";
                    private static final String USCA = "USCA";
                    void m(Fields f, List<Problem> problems) {
                        problems.add(new Problem(file, 1, 2, "path.x", "NOT_LISTED_B", "The `YAML` value " + (yaml ? "YAML" : "JSON") + "."));
                        f.problem(at, "path", "NOT_LISTED_C", "Message with \\"QUOTES_X\\" " + Set.of("CTH", "CTSH"));
                        error(ok ? "NOT_LISTED_D" : "MISSING_VALUE", "m", path);
                        warn("NOT_LISTED_E", "m", "");
                        missing(rule, "NOT_LISTED_F", "what", "path", min);
                        err.println("--good: NOT_LISTED_G: no good `" + good + "`.");
                        out.add(new Diagnostic(Diagnostic.Severity.WARNING, "NOT_LISTED_H", "m", good, path));
                        String s = Set.of("USD", "CAD", "MXN").toString(); // new Problem(f, 0, 0, "", "IN_A_COMMENT", "m")
                        f.problem(at, path, ErrorCode.BAD_HS, "VALUE_ARG");
                        throw new BadValue("NOT_LISTED_I", "`" + text + "` is not a date.");
                        cl.registerConverter(Format.class, new Converters.Word<>(Format.class, "NOT_LISTED_J"));
                    }
                }
                """;
        assertThat(CodeLiterals.find(source)).extracting(CodeLiterals.Found::code).containsExactlyInAnyOrder(
                "NOT_LISTED_A", "NOT_LISTED_B", "NOT_LISTED_C", "NOT_LISTED_D", "MISSING_VALUE", "NOT_LISTED_E", "NOT_LISTED_F",
                "NOT_LISTED_G", "NOT_LISTED_H", "NOT_LISTED_I", "NOT_LISTED_J");
        assertThat(CodeLiterals.find(source)).filteredOn(x -> !CODES.contains(x.code())).hasSize(10)
                .anySatisfy(x -> assertThat(x).isEqualTo(new CodeLiterals.Found("NOT_LISTED_B", 6)));
    }

    /** An example of docs/errors.md: the files it writes, the command and the lines it prints on stderr. */
    record Example(String title, List<String[]> files, String[] args, List<String> err) {}

    static final Pattern BLOCK = Pattern.compile("(?ms)^```(\\w+)(?: ([\\w./-]+))?\\n(.*?)^```\\n");

    static List<Example> examples() throws IOException {
        String doc = Files.readString(DOC);
        List<Example> out = new ArrayList<>();
        List<String[]> files = new ArrayList<>();
        String title = "";
        int pos = 0;
        Matcher b = BLOCK.matcher(doc);
        while (b.find()) {
            String before = doc.substring(pos, b.start());
            Matcher h = Pattern.compile("(?m)^### (.+)$").matcher(before);
            while (h.find()) {
                title = h.group(1);
                files.clear();
            }
            pos = b.end();
            if (b.group(2) != null) {
                files.add(new String[] {b.group(2), b.group(3)});
            } else if (b.group(1).equals("console") && b.group(3).startsWith("$ origin ")) {
                List<String> lines = new ArrayList<>(b.group(3).lines().toList());
                String[] args = lines.remove(0).substring("$ origin ".length()).strip().split("\\s+");
                out.add(new Example(title, List.copyOf(files), args, lines));
            }
        }
        return out;
    }

    @Test
    void mostCodesHaveAnExampleThatIsRun() throws IOException {
        assertThat(examples()).hasSizeGreaterThan(40);
    }

    @TestFactory
    Stream<DynamicTest> everyExampleOfTheDocsPrintsWhatTheDocsSay(@TempDir Path dir) throws IOException {
        return examples().stream().map(e -> DynamicTest.dynamicTest(e.title() + ": origin " + String.join(" ", e.args()), () -> {
            Path here = Files.createTempDirectory(dir, "example");
            for (String[] f : e.files()) {
                Path p = here.resolve(f[0]);
                Files.createDirectories(p.getParent());
                Files.writeString(p, f[1]);
            }
            String[] args = Arrays.stream(e.args()).map(a -> Files.exists(here.resolve(a)) ? here.resolve(a).toString() : a).toArray(String[]::new);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            List<String> printed = err.toString().replace(here + java.io.File.separator, "").lines().toList();
            assertThat(printed).as("stderr of origin " + String.join(" ", e.args())).isEqualTo(e.err());
        }));
    }
}
