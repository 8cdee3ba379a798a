package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.rules.RuleSyntax;
import dev.origin.core.rules.RuleSyntaxException;
import dev.origin.io.CaseFileReader;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.io.RulePackReader;
import dev.origin.io.TariffReader;
import dev.origin.io.fleet.FleetReader;
import dev.origin.io.hs.HsNomenclature;
import dev.origin.io.schedule.HsRanges;
import dev.origin.io.schedule.ScheduleOneImporter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzing every parser that exists (issue 12, item 1): seeded mutations of the example files, the conformance
 * cases, the built-in packs, tariffs and fleet, plus hostile documents (deep nesting, huge numbers, long digit
 * strings, invalid UTF-8, duplicate keys, BOM cycles, billion laughs in YAML and XML, external entities), and
 * the command line with fuzzed options. Every input must end in a result or a clear error: no hang (each input
 * has a time limit), no exception other than the reader's, no {@link Error} (stack overflow, out of memory), no
 * exit code other than 0 or 2, no Java or library wording in messages.
 *
 * <p>The seed is fixed ({@code -Dfuzz.seed=N} to change it); {@code -Dfuzz.scale=10} runs ten times as many
 * inputs. Inputs that fail are written to {@code origin-cli/target/fuzz-failures/}; the figures of a run to
 * {@code origin-cli/target/fuzz-report.txt} (see docs/RELIABILITY.md).
 */
class FuzzTest {
    static final long SEED = Long.getLong("fuzz.seed", 12L);
    static final double SCALE = Double.parseDouble(System.getProperty("fuzz.scale", "1"));
    static final Path ROOT = CliTest.ROOT;
    static final Path SEEDS = ROOT.resolve("origin-cli/src/test/resources/fuzz/seeds");
    static final Path FAILURES = Path.of("target/fuzz-failures");
    static final Pattern INTERNALS = Pattern.compile(
            "com\\.fasterxml|snakeyaml|org\\.yaml|java\\.|javax\\.|Exception|\\[Source|line: \\d|StreamReadConstraints|\\tat |internal error");
    static final List<String> REPORT = new ArrayList<>();

    private static ExecutorService exec = newExecutor();

    static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void writeReport() throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/fuzz-report.txt"), REPORT, StandardCharsets.UTF_8);
        exec.shutdownNow();
    }

    /** What a parser does with one input; throws only what the parser documents. */
    interface Target {
        void accept(String input) throws Exception;
    }

    /** The command line's output for one run is clean: exit 0 or 2, no stack trace, no internals. */
    static void assertClean(CliTest.Result r) {
        assertThat(r.exit()).as(r.err()).isIn(0, 2);
        assertThat(ownWords(r.err())).doesNotContainPattern(INTERNALS);
        assertThat(r.out()).doesNotContain("\u001b");
    }

    /** Text without the user's values (between backticks), which may hold anything. */
    static String ownWords(String s) {
        return s.replaceAll("`[^`\n]*`", "``").replaceAll("\\(at [^\n]*\\)", "(at)");
    }

    static void checkMessages(List<Problem> problems) {
        for (Problem p : problems) {
            String f = ownWords(p.format());
            if (INTERNALS.matcher(f).find()) throw new AssertionError("library wording in a message: " + f);
            if (f.length() > 2_000) throw new AssertionError("a message of " + f.length() + " characters: " + f.substring(0, 200));
        }
        if (problems.size() != problems.stream().distinct().count()) throw new AssertionError("duplicated diagnostics: " + problems);
    }

    /** Runs {@code count} inputs of {@code gen} through {@code target}; returns the failures. */
    static void fuzz(String parser, int count, java.util.function.Function<Random, String> gen, Target target) throws IOException {
        int n = (int) Math.max(1, count * SCALE);
        Random rnd = new Random(SEED ^ parser.hashCode());
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String input = gen.apply(rnd);
            String failure = runOne(input, target);
            if (failure != null) {
                Files.createDirectories(FAILURES);
                Path saved = FAILURES.resolve(parser.replaceAll("\\W+", "-") + "-" + i + ".txt");
                Files.writeString(saved, input);
                failures.add(saved + ": " + failure);
                if (failures.size() >= 20) break;
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        String line = String.format("%-22s %,9d inputs %7.1f s  seed %d  failures %d", parser, n, secs, SEED, failures.size());
        System.out.println("fuzz: " + line);
        REPORT.add(line);
        assertThat(failures).as(parser + " inputs that did not end in a result or a clear error").isEmpty();
    }

    private static String runOne(String input, Target target) {
        if (exec.isShutdown()) exec = newExecutor();   // another class's fuzzing after this one's @AfterAll
        Future<?> f = exec.submit(() -> {
            try {
                target.accept(input);
            } catch (InputException e) {
                checkMessages(e.problems());
            } catch (RuleSyntaxException e) {
                if (INTERNALS.matcher(e.getMessage()).find()) throw new AssertionError("library wording: " + e.getMessage());
            }
            return null;
        });
        try {
            f.get(10, TimeUnit.SECONDS);
            return null;
        } catch (TimeoutException e) {
            f.cancel(true);
            exec.shutdownNow();
            exec = newExecutor();
            return "no answer within 10 s";
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            StackTraceElement[] st = c.getStackTrace();
            return c + (st.length > 0 ? " at " + st[0] : "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    // ------------------------------------------------------------------ generators

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = RulePackReader.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> files(Path dir, String... ext) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> Stream.of(ext).anyMatch(e -> p.toString().endsWith(e))).sorted().map(FuzzTest::read).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String[] HOSTILE = {
        "{", "}", "[", "]", "\"", ":", ",", "\n", "---\n", "...\n", "\u0000", "\u001b[2J", "\u0007", "\uFEFF", "\u202E",
        "\ud800", "é", "&a ", "*a", "<<: *a\n", "!!binary ", "!!java.lang.Object ", "? ", "- ", "|\n", ">-\n", "#", "%YAML 1.1\n",
        "-0", "1e999", "1E-999", "NaN", "-Infinity", "0x1F", "1_000", "0.0000000000001", "99999999999999999999999999", "-1",
        "1.005", "100.0000000001", "((((((", "))))))", "${min}", "${", "@2023-02-30", "@FY", "RVC(NC) >= ", "except from ",
        "more than one of [", "CTH", "and", "or", ";", "\"\"", "null", "true", "~", "<!DOCTYPE x>", "&lol;", "<![CDATA[", "]]>",
        "<Schedule>", "</Schedule>", "<Label>SCHEDULE I</Label>", "\r\n", "\t",
    };

    static String hostile(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> "9".repeat(1 + r.nextInt(400));
            case 1 -> "[".repeat(1 + r.nextInt(300));
            case 2 -> "(".repeat(1 + r.nextInt(300)) + "CTH" + ")".repeat(r.nextInt(300));
            case 3 -> "0." + "0".repeat(r.nextInt(300)) + "1";
            default -> HOSTILE[r.nextInt(HOSTILE.length)];
        };
    }

    static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    /** One to four random edits of {@code s}. */
    static String mutate(String s, Random r) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int len = b.length();
            int at = len == 0 ? 0 : r.nextInt(len);
            int span = len == 0 ? 0 : Math.min(len - at, 1 + r.nextInt(Math.max(1, Math.min(200, len / 4 + 1))));
            switch (r.nextInt(9)) {
                case 0 -> b.delete(at, at + span);
                case 1 -> b.insert(at, b.substring(at, at + span));
                case 2, 3 -> b.insert(at, hostile(r));
                case 4 -> { // an extreme number in place of a number
                    Matcher m = NUMBER.matcher(b);
                    if (m.find(at) || m.find(0)) b.replace(m.start(), m.end(), r.nextBoolean() ? "9".repeat(1 + r.nextInt(60)) : hostile(r));
                }
                case 5 -> { // a line twice (duplicate keys, duplicate ids)
                    int ls = b.lastIndexOf("\n", at) + 1;
                    int le = b.indexOf("\n", at);
                    if (le < 0) le = len;
                    if (le >= ls) b.insert(le, "\n" + b.substring(ls, le));
                }
                case 6 -> b.setLength(at);
                case 7 -> { if (len > 0) b.setCharAt(at, (char) r.nextInt(128)); }
                default -> { // a quoted value replaced
                    int q = b.indexOf("\"", at);
                    int q2 = q < 0 ? -1 : b.indexOf("\"", q + 1);
                    if (q2 > q) b.replace(q + 1, q2, hostile(r));
                }
            }
        }
        return b.toString();
    }

    static java.util.function.Function<Random, String> mutants(List<String> seeds, List<java.util.function.Function<Random, String>> specials) {
        return r -> {
            if (!specials.isEmpty() && r.nextInt(20) == 0) return specials.get(r.nextInt(specials.size())).apply(r);
            return mutate(seeds.get(r.nextInt(seeds.size())), r);
        };
    }

    static String nested(String open, String inner, String close, int depth) {
        return open.repeat(depth) + inner + close.repeat(depth);
    }

    static String yamlBillionLaughs(Random r) {
        StringBuilder b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            char c = (char) ('a' + i);
            char p = (char) ('a' + i - 1);
            b.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, "*" + p))).append("]\n");
        }
        return b.append(r.nextBoolean() ? "goods: *j\n" : "models: *j\n").toString();
    }

    static String refChain(Random r) {
        int n = 1 + r.nextInt(3000);
        boolean cycle = r.nextBoolean();
        StringBuilder b = new StringBuilder("{\"goods\": [");
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(',');
            String next = i + 1 < n ? "G" + (i + 1) : cycle ? "G0" : null;
            b.append("{\"id\": \"G").append(i).append("\", \"hs\": \"8708.99\", \"producer\": {\"country\": \"US\"}, \"rule\": \"CTH\", \"transactionValue\": \"10.00\"");
            if (next != null) {
                b.append(", \"materials\": [{\"id\": \"m\", \"hs\": \"8708.40\", \"value\": \"1.00\", \"selfProduced\": true, \"ref\": \"").append(next).append("\"}]");
            }
            b.append('}');
        }
        return b.append("]}").toString();
    }

    /** Goods that each use the next one twice: 2^n material lines when expanded. */
    static String refDiamond(Random r) {
        int n = 2 + r.nextInt(r.nextInt(10) == 0 ? 40 : 16);
        StringBuilder b = new StringBuilder("{\"goods\": [");
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(',');
            b.append("{\"id\": \"G").append(i).append("\", \"hs\": \"8708.99\", \"producer\": {\"country\": \"US\"}, \"rule\": \"CTH\", \"transactionValue\": \"10.00\"");
            b.append(", \"materials\": [");
            if (i + 1 < n) {
                b.append("{\"id\": \"a\", \"value\": \"1.00\", \"ref\": \"G").append(i + 1).append("\"}, ");
                b.append("{\"id\": \"b\", \"value\": \"1.00\", \"ref\": \"G").append(i + 1).append("\"}");
            } else {
                b.append("{\"id\": \"a\", \"hs\": \"7318.15\", \"value\": \"1.00\", \"origin\": \"non-originating\"}");
            }
            b.append("]}");
        }
        return b.append("]}").toString();
    }

    // ------------------------------------------------------------------ the parsers

    @Test
    void caseFiles() throws IOException {
        List<String> seeds = new ArrayList<>(files(ROOT.resolve("examples"), ".json", ".yaml"));
        seeds.addAll(files(ROOT.resolve("conformance"), ".json", ".yaml"));
        var gen = mutants(seeds, List.of(
                r -> "{\"goods\": " + nested("[", "", "]", 1 + r.nextInt(5000)) + "}",
                r -> "goods:\n" + nested("- ", "x", "", 1 + r.nextInt(200)),
                FuzzTest::yamlBillionLaughs,
                FuzzTest::refChain,
                FuzzTest::refDiamond,
                r -> "{\"goods\": [{\"id\": \"A\", \"id\": \"A\", \"hs\": \"" + hostile(r) + "\"}]}"));
        fuzz("case files", 25_000, gen, s -> {
            boolean yaml = s.indexOf('{') != 0 && !s.startsWith("\uFEFF{");
            var cf = CaseFileReader.load(s, yaml ? "f.yaml" : "f.json", yaml);
            checkMessages(cf.problems());
        });
    }

    @Test
    void ruleSyntax() throws IOException {
        List<String> seeds = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)rule: \"([^\"]+)\"").matcher(String.join("\n",
                Stream.of(RulePackReader.BUILT_IN.toArray(String[]::new)).map(id -> resource("/dev/origin/packs/" + id + ".yaml")).toList()));
        while (m.find()) seeds.add(m.group(1));
        seeds.add("NCR and RVC(NC) >= [66 @2020-07-01, 69 @2021-07-01, 72 @2022-07-01, 75 @2023-07-01]");
        seeds.add("CTH except from more than one of [8413.50, 8413.60], [8466.93.10], [8537.10]");
        var gen = mutants(seeds, List.of(
                r -> nested("(", "CTH", ")", 1 + r.nextInt(20_000)),
                r -> "CTH" + " and CTH".repeat(r.nextInt(20_000)),
                r -> "RVC(NC) >= " + "9".repeat(1 + r.nextInt(5_000)),
                r -> "RVC(NC) >= [" + "50 @2020-01-01, ".repeat(r.nextInt(2_000)) + "60]"));
        fuzz("rule syntax", 40_000, gen, s -> RuleSyntax.parse(s, Map.of("min", java.math.BigDecimal.TEN)));
    }

    @Test
    void rulePacks() throws IOException {
        List<String> seeds = RulePackReader.BUILT_IN.stream().map(id -> resource("/dev/origin/packs/" + id + ".yaml")).toList();
        var gen = mutants(seeds, List.of(FuzzTest::yamlBillionLaughs, r -> "rules: " + nested("[", "", "]", 1 + r.nextInt(3000))));
        fuzz("rule packs", 8_000, gen, s -> RulePackReader.read(s, "p.yaml", true, Map.of()));
    }

    @Test
    void tariffFiles() throws IOException {
        var gen = mutants(List.of(resource(TariffReader.BUILT_IN_RESOURCE)), List.of(FuzzTest::yamlBillionLaughs));
        fuzz("tariff files", 4_000, gen, s -> TariffReader.read(s, "t.yaml", true, Map.of()));
    }

    @Test
    void fleetFiles() throws IOException {
        String yaml = read(SEEDS.resolve("fleet-two-models.yaml"));
        var gen = mutants(List.of(yaml), List.of(FuzzTest::yamlBillionLaughs,
                r -> "models: " + nested("[", "", "]", 1 + r.nextInt(3000)),
                r -> yaml + "---\n" + yaml));
        fuzz("fleet files (YAML)", 8_000, gen, s -> FleetReader.read(s, "f.yaml", true));
    }

    @Test
    void fleetFilesCsv() throws IOException {
        String csv = read(SEEDS.resolve("fleet.csv"));
        var gen = mutants(List.of(csv), List.of(r -> csv.replace("model_id,", "model_id,model_id,"),
                r -> csv + "m1,X,Y,US,passenger-vehicle,8703.23," + "9".repeat(r.nextInt(500)) + ",1,1,1,,,,US:1,,,,p,engine,8407.34,1,US,,,,,\n"));
        fuzz("fleet files (CSV)", 8_000, gen, s -> FleetReader.readCsv(s, "f.csv"));
    }

    @Test
    void hsNomenclature() throws IOException {
        var gen = mutants(List.of(read(SEEDS.resolve("hs-excerpt.csv"))), List.of());
        fuzz("HS nomenclature CSV", 6_000, gen, s -> HsNomenclature.read(s, "hs.csv", "HS 2022"));
    }

    @Test
    void regulationXml() throws IOException {
        String seed = read(SEEDS.resolve("schedule-i-excerpt.xml"));
        var gen = mutants(List.of(seed), List.of(
                r -> "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><Regulation>&c;</Regulation>",
                r -> "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Regulation>&x;</Regulation>",
                r -> nested("<a>", "", "</a>", 1 + r.nextInt(5000))));
        fuzz("regulation XML", 4_000, gen, s -> {
            try {
                ScheduleOneImporter.importFrom(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)), "s.xml", HsRanges.numeric());
            } catch (IOException e) {
                // the command reports it as BAD_REGULATION_XML (see FuzzCorpusTest); it must not hide an entity's content
                if (String.valueOf(e.getMessage()).contains("root:")) throw new AssertionError("external entity read: " + e.getMessage());
            } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
                // the command reports runtime failures of the importer as BAD_REGULATION_XML too
            }
        });
    }

    // ------------------------------------------------------------------ the command line

    @Test
    void commandLine(@TempDir Path dir) throws IOException {
        Random r0 = new Random(SEED);
        List<Path> inputs = new ArrayList<>();
        List<String> cases = new ArrayList<>(files(ROOT.resolve("examples"), ".json", ".yaml"));
        for (int i = 0; i < 40; i++) {
            String text = mutate(cases.get(r0.nextInt(cases.size())), r0);
            Path p = dir.resolve("case" + i + (r0.nextBoolean() ? ".json" : ".yaml"));
            Files.writeString(p, text);
            inputs.add(p);
        }
        Path invalidUtf8 = dir.resolve("invalid-utf8.json");
        Files.write(invalidUtf8, new byte[] {'{', '"', 'g', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', ':', '1', '}'});
        inputs.add(invalidUtf8);
        Path fleetYaml = SEEDS.resolve("fleet-two-models.yaml");
        Path badFleet = dir.resolve("fleet.yaml");
        Files.writeString(badFleet, mutate(read(fleetYaml), r0));
        String[] dates = {"2023-07-01", "2019-06-17", "2020-02-29", "2021-02-29", "0000-01-01", "9999-12-31", "+10000-01-01", "2023-7-1", "", "x"};
        String[] numbers = {"0", "1", "-1", "0.5", "1e9", "99999999999999999999", "NaN", "", "2", "100", "0.0000000001"};
        // sizes and counts: the small valid ones run quickly, the others must be refused before any work (docs/cli.md, "Limits")
        String[] counts = {"0", "1", "2", "-1", "1e9", "2147483648", "99999999999999999999", "100000001", "x", "", " 3", "0x10", "NaN"};
        // values that never make a command that would block or open a workspace valid (serve, bench, expiring, replay, audit)
        // (no hexadecimal: picocli may read `0x10` as 16)
        String[] refused = {"-1", "x", "", "1e9", "99999999999999999999", "NaN", "-9223372036854775809"};
        Path out = dir.resolve("generated");
        var gen = (java.util.function.Function<Random, String>) r -> {
            List<String> a = new ArrayList<>();
            String file = inputs.get(r.nextInt(inputs.size())).toString();
            switch (r.nextInt(12)) {
                case 7 -> {
                    a.addAll(List.of("generate", "--goods", pick(r, counts), "--fan-out", pick(r, counts), "--depth", pick(r, counts),
                            "--seed", pick(r, counts), "--format", pick(r, List.of("json", "ndjson", "csv", "xml"))));
                    if (r.nextBoolean()) a.addAll(List.of("--suppliers", pick(r, counts), "--declarations", pick(r, counts)));
                    if (r.nextBoolean()) a.addAll(List.of("--unknown", pick(r, numbers), "--intermediate", pick(r, numbers)));
                    if (r.nextBoolean()) a.addAll(List.of("--hs-mix", pick(r, List.of("engine", "gearbox", "boat", "")) + "=" + pick(r, counts)));
                    if (r.nextBoolean()) a.addAll(List.of("--date", pick(r, dates)));
                    a.addAll(List.of("--out", out.resolve("c" + r.nextInt(3)).toString()));
                }
                case 8 -> {
                    a.addAll(List.of("simulate", "--regimes", "usmca", "--fleet", fleetYaml.toString(), "--draws", pick(r, List.of("-1", "10001", "x", "1e9", "0")),
                            "--seed", pick(r, counts), "--elasticity", pick(r, numbers), "--market-elasticity", pick(r, numbers)));
                    if (r.nextBoolean()) a.addAll(List.of("--param", "usmca:" + pick(r, List.of("min", "lvc-min", "x", "")) + "=" + pick(r, numbers)));
                    if (r.nextBoolean()) a.add("--alternative-staging");
                }
                case 9 -> {
                    switch (r.nextInt(5)) {
                        case 0 -> a.addAll(List.of("serve", "--port", r.nextBoolean() ? "65536" : pick(r, refused), "--max-request-size", pick(r, counts)));
                        case 1 -> a.addAll(List.of("serve", "--port", pick(r, counts), "--max-request-size", pick(r, refused)));
                        case 2 -> a.addAll(List.of("bench", "--lines", pick(r, refused), "--repeats", pick(r, counts), "--workload",
                                pick(r, List.of("multi-level", "deep", "x"))));
                        case 3 -> a.addAll(List.of("bench", "--lines", pick(r, counts), "--repeats", pick(r, refused)));
                        default -> a.addAll(List.of("expiring", "--days", pick(r, List.of("0", "-1", "3661", "x", "1e9", "99999999999999999999")),
                                "--date", pick(r, dates)));
                    }
                }
                case 10 -> a.addAll(List.of(pick(r, List.of("replay", "audit")), pick(r, List.of("x", "1e5", "99999999999999999999", "", "NaN")),
                        "--out", dir.resolve("a.zip").toString()));
                case 11 -> {
                    a.addAll(List.of("backtest", "--documentation-cost-nafta", pick(r, List.of("-1", "x", "NaN", "")),
                            "--documentation-cost-usmca", pick(r, numbers), "--format", pick(r, List.of("text", "json", "xml"))));
                }
                case 0, 1 -> {
                    a.addAll(List.of(r.nextBoolean() ? "qualify" : "explain", "--regime", pick(r, RulePackReader.BUILT_IN), "--date", pick(r, dates)));
                    if (r.nextBoolean()) a.addAll(List.of("--param", pick(r, List.of("min", "national-min", "roll-up", "x")) + "=" + pick(r, numbers)));
                    if (r.nextInt(4) == 0) a.addAll(List.of("--format", pick(r, List.of("json", "text", "xml"))));
                    a.add(file);
                }
                case 2 -> a.addAll(List.of("compare", "--date", pick(r, dates), "--param", "usmca:min=" + pick(r, numbers), file));
                case 3 -> {
                    a.addAll(List.of("simulate", "--draws", "0", "--regimes", "usmca", "--fleet", r.nextBoolean() ? fleetYaml.toString() : badFleet.toString(),
                            "--margin", pick(r, numbers), "--pass-through", pick(r, numbers), "--date", pick(r, dates)));
                    if (r.nextBoolean()) a.addAll(List.of("--jobs", "US=" + pick(r, numbers)));
                    if (r.nextBoolean()) a.addAll(List.of("--documentation-cost", pick(r, numbers)));
                    if (r.nextInt(3) == 0) {
                        a.addAll(List.of("--sweep", "us-proposal-2017:min=" + pick(r, numbers) + ".." + pick(r, numbers) + "/" + pick(r, numbers)));
                        a.set(4, "usmca,us-proposal-2017");
                    }
                }
                case 4 -> a.addAll(List.of("rules", "show", pick(r, RulePackReader.BUILT_IN), pick(r, List.of("8703.23", "8708.40", "87", "9".repeat(40), "")),
                        "--vehicle", pick(r, List.of("passenger-vehicle", "light-truck", "heavy-truck", "other", "boat"))));
                case 5 -> a.addAll(List.of("rules", "diff", pick(r, RulePackReader.BUILT_IN), pick(r, RulePackReader.BUILT_IN), "--date", pick(r, dates)));
                default -> a.addAll(List.of("hs", "search", pick(r, List.of("engine", "", "((", "\u001b[2J")), "--limit", pick(r, numbers)));
            }
            return String.join("\u0001", a);
        };
        fuzz("command line", 1_200, gen, s -> {
            CliTest.Result res = CliTest.run(s.split("\u0001", -1));
            assertClean(res);
        });
    }

    /** The commands whose options {@link #commandLine} fuzzes. */
    static final java.util.Set<String> FUZZED_COMMANDS = java.util.Set.of("qualify", "explain", "compare", "simulate", "rules", "hs", "generate",
            "serve", "bench", "expiring", "replay", "audit", "backtest");
    /** The commands it leaves out, and why. */
    static final Map<String, String> UNFUZZED_COMMANDS = Map.of(
            "demo", "no options: it runs the built-in data",
            "users", "names, roles and token ids of the workspace's accounts; no sizes or ranges (UsersTokenTest)",
            "db", "its imports are fuzzed by ImportFuzzTest; its other subcommands take ids and dates of the workspace",
            "help", "picocli's help");

    @Test
    void everyCommandOfTheHelpIsFuzzedOrLeftOutForAReason() {
        java.util.Set<String> all = Main.commandLine().getSubcommands().keySet();
        java.util.Set<String> covered = new java.util.TreeSet<>(FUZZED_COMMANDS);
        covered.addAll(UNFUZZED_COMMANDS.keySet());
        assertThat(covered).as("commands of `origin --help`").isEqualTo(new java.util.TreeSet<>(all));
    }

    static <T> T pick(Random r, List<T> xs) {
        return xs.get(r.nextInt(xs.size()));
    }

    static String pick(Random r, String[] xs) {
        return xs[r.nextInt(xs.length)];
    }
}
