package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.io.RulePackReader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** The typed options of every command: converters' errors, descriptions, help, and docs/cli.md. */
class OptionsTest {
    static final String CASE = CliTest.example("net-cost-example.json");

    /** Every command of {@code origin}, set up as {@link Main} sets it up, by qualified name ("origin rules show"). */
    static List<CommandLine> commands() {
        List<CommandLine> all = new ArrayList<>();
        walk(Main.configure(Main.commandLine()), all);
        return all;
    }

    private static void walk(CommandLine cl, List<CommandLine> all) {
        all.add(cl);
        for (CommandLine sub : cl.getSubcommands().values()) walk(sub, all);
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(new String[] {"qualify", "--regime", "usmca", "--date", "2023-13-01", CASE},
                        "--date: BAD_DATE: `2023-13-01` is not a date of the form YYYY-MM-DD."),
                Arguments.of(new String[] {"explain", "--regime", "usmca", "--date", "01/07/2023", CASE},
                        "--date: BAD_DATE: `01/07/2023` is not a date of the form YYYY-MM-DD."),
                Arguments.of(new String[] {"compare", "--date", "2023-7-1", CASE}, "--date: BAD_DATE: `2023-7-1` is not a date of the form YYYY-MM-DD."),
                Arguments.of(new String[] {"simulate", "--date", "tomorrow"}, "--date: BAD_DATE: `tomorrow` is not a date of the form YYYY-MM-DD."),
                Arguments.of(new String[] {"rules", "diff", "nafta", "usmca", "8703.23", "--date", "2023-02-30"},
                        "--date: BAD_DATE: `2023-02-30` is not a date of the form YYYY-MM-DD."),
                Arguments.of(new String[] {"qualify", "--regime", "usmca", "--param", "min", CASE},
                        "--param: BAD_PARAM: `min` is not of the form NAME=VALUE."),
                Arguments.of(new String[] {"qualify", "--regime", "usmca", "--param", "=70", CASE},
                        "--param: BAD_PARAM: A parameter needs a name before `=`, as in `min=70`."),
                Arguments.of(new String[] {"qualify", "--regime", "usmca", "--param", "min=", CASE},
                        "--param: BAD_PARAM: A parameter needs a value after `=`, as in `min=70`."),
                Arguments.of(new String[] {"qualify", "--regime", "usmca", "--param", "min=7 0", CASE},
                        "--param: BAD_PARAM: `7 0` is not a parameter value (letters, digits, `.` and `-`)."),
                Arguments.of(new String[] {"compare", "--param", "min", CASE}, "--param: BAD_PARAM: `min` is not of the form REGIME:NAME=VALUE."),
                Arguments.of(new String[] {"compare", "--param", "min=70", CASE},
                        "--param: BAD_PARAM: `min` is not of the form REGIME:NAME (as in `us-proposal-2017:min=75`)."),
                Arguments.of(new String[] {"simulate", "--param", "nafta:=70"},
                        "--param: BAD_PARAM: `nafta:` is not of the form REGIME:NAME (as in `us-proposal-2017:min=75`)."),
                Arguments.of(new String[] {"qualify", "--regime", "usmca", "--format", "xml", CASE}, "--format: BAD_FORMAT: `xml` is not json, text, ndjson or csv."),
                Arguments.of(new String[] {"qualify", "--regime", "usmca", "--trace", "some", CASE}, "--trace: BAD_VALUE: `some` is not none, failing or full."),
                Arguments.of(new String[] {"compare", "--format", "JSON", CASE}, "--format: BAD_FORMAT: `JSON` is not json or text."),
                Arguments.of(new String[] {"rules", "show", "usmca", "87x"}, "HS: BAD_HS: `87x` is not an HS code of 6, 8 or 10 digits (e.g. `8708.40`)."),
                Arguments.of(new String[] {"rules", "diff", "nafta", "usmca", "8703.2"},
                        "HS: BAD_HS: `8703.2` is not an HS code of 6, 8 or 10 digits (e.g. `8708.40`)."),
                Arguments.of(new String[] {"rules", "show", "usmca", "8708.40", "--use", "spare"},
                        "--use: BAD_VALUE: `spare` is not original-equipment or aftermarket."),
                Arguments.of(new String[] {"rules", "diff", "nafta", "usmca", "8703.23", "--vehicle", "car"},
                        "--vehicle: BAD_VALUE: `car` is not passenger-vehicle, light-truck, heavy-truck or other."),
                Arguments.of(new String[] {"hs", "search", "motor", "--limit", "many"}, "--limit: BAD_LIMIT: `many` is not a positive number of lines."),
                Arguments.of(new String[] {"simulate", "--margin", "-1"}, "--margin: BAD_PARAM: `-1` is negative."),
                Arguments.of(new String[] {"simulate", "--margin", "five"}, "--margin: BAD_PARAM: `five` is not a number."),
                Arguments.of(new String[] {"simulate", "--pass-through", "1.5"}, "--pass-through: BAD_PARAM: `1.5` is not a share between 0 and 1."),
                Arguments.of(new String[] {"simulate", "--jobs", "JP=3"}, "--jobs: BAD_PARAM: `JP` is not US, CA, MX or ROW."),
                Arguments.of(new String[] {"simulate", "--jobs", "US"}, "--jobs: BAD_PARAM: `US` is not of the form COUNTRY=JOBS."),
                Arguments.of(new String[] {"simulate", "--sweep", "min=50..100"},
                        "--sweep: BAD_SWEEP: `min=50..100` is not of the form PACK:PARAM=FROM..TO/STEP."),
                Arguments.of(new String[] {"simulate", "--sweep", "usmca:min=50..100/0"},
                        "--sweep: BAD_SWEEP: `usmca:min=50..100/0` is not of the form PACK:PARAM=FROM..TO/STEP."));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badValues")
    void aBadValueExitsTwoWithOneLocatedLineNamingIt(String[] args, String line) {
        CliTest.Result r = CliTest.run(args);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly(line, "1 problem; nothing was evaluated.");
    }

    @Test
    void everyBadValueIsReportedAtOnceAndNothingRuns() {
        CliTest.Result r = CliTest.run("compare", "--format", "xml", "--param", "bad", "--date", "x", CASE);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly(
                "--format: BAD_FORMAT: `xml` is not json or text.",
                "--param: BAD_PARAM: `bad` is not of the form REGIME:NAME=VALUE.",
                "--date: BAD_DATE: `x` is not a date of the form YYYY-MM-DD.",
                "3 problems; nothing was evaluated.");
    }

    @Test
    void aBadPositionalValueIsNotAlsoReportedAsMissing() {
        CliTest.Result r = CliTest.run("rules", "diff", "nafta", "usmca", "87x", "--use", "spare");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("HS: BAD_HS: `87x`", "--use: BAD_VALUE: `spare`", "2 problems")
                .doesNotContain("Missing", "Unmatched", "Usage");
    }

    @Test
    void aMalformedCommandLineKeepsPicocliMessageAndUsage() {
        CliTest.Result r = CliTest.run("qualify", "--regime", "usmca", "--bogus", CASE);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Unknown option: '--bogus'").contains("Usage: origin qualify").doesNotContain("\tat ");
    }

    @Test
    void typedValuesReachTheCommands() {
        CliTest.Result r = CliTest.run("rules", "show", "usmca", "870323", "--vehicle", "light-truck", "--use", "aftermarket");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("HS 8703.23, vehicle kind light-truck, aftermarket");
    }

    @Test
    void everyOptionAndParameterOfEveryCommandHasADescription() {
        List<String> missing = new ArrayList<>();
        for (CommandLine cl : commands()) {
            CommandSpec spec = cl.getCommandSpec();
            for (ArgSpec arg : spec.args()) {
                if (String.join("", arg.description()).isBlank()) missing.add(spec.qualifiedName() + " " + name(arg));
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void helpWorksForEveryCommand() {
        for (CommandLine cl : commands()) {
            String name = cl.getCommandSpec().qualifiedName();
            List<String> args = new ArrayList<>(List.of(name.split(" ")).subList(1, name.split(" ").length));
            args.add("--help");
            CliTest.Result r = CliTest.run(args.toArray(String[]::new));
            assertThat(r.exit()).as(name + " --help\n" + r.err()).isZero();
            assertThat(r.err()).as(name).isEmpty();
            assertThat(r.out()).as(name).contains("Usage: " + name + " ");
        }
    }

    @Test
    void regimeHelpListsEveryBuiltInAndTheRegimesSynopsisIsReadable() {
        CliTest.Result q = CliTest.run("qualify", "--help");
        for (String id : RulePackReader.BUILT_IN) assertThat(q.out().replaceAll("\\s+", " ")).contains(id);
        assertThat(CliTest.run("compare", "--help").out()).contains("[--regimes=REGIME[,REGIME...]]...");
        assertThat(List.of(CompareCommand.DEFAULT_REGIMES.split(","))).containsExactlyInAnyOrderElementsOf(RulePackReader.BUILT_IN);
    }

    /**
     * docs/cli.md gives a synopsis for every command that runs, naming each of its options (required ones
     * outside brackets) and its positional parameters, in brackets exactly when they are optional.
     */
    @Test
    void theDocsSynopsesAgreeWithTheCommands() throws IOException {
        List<String> synopses = synopses(Files.readAllLines(CliTest.ROOT.resolve("docs/cli.md")));
        List<String> problems = new ArrayList<>();
        for (CommandLine cl : commands()) {
            CommandSpec spec = cl.getCommandSpec();
            String name = spec.qualifiedName();
            if (!cl.getSubcommands().isEmpty() || name.equals("origin help")) continue;
            String synopsis = synopses.stream().filter(s -> s.equals(name) || s.startsWith(name + " ")).findFirst().orElse(null);
            if (synopsis == null) {
                problems.add(name + ": no synopsis");
                continue;
            }
            for (OptionSpec o : spec.options()) {
                if (o.usageHelp() || o.versionHelp()) continue;
                String opt = Pattern.quote(o.longestName()) + "(?![\\w-])";
                if (!Pattern.compile(opt).matcher(synopsis).find()) problems.add(name + ": " + o.longestName() + " missing");
                else if (o.required() == Pattern.compile("\\[" + opt).matcher(synopsis).find()) problems.add(name + ": " + o.longestName() + " brackets");
            }
            for (PositionalParamSpec p : spec.positionalParameters()) {
                String label = Pattern.quote(p.paramLabel()) + "(?![\\w-])";
                boolean optional = p.arity().min == 0;
                if (!Pattern.compile(label).matcher(synopsis).find()) problems.add(name + ": " + p.paramLabel() + " missing");
                else if (optional != Pattern.compile("\\[" + label).matcher(synopsis).find()) problems.add(name + ": " + p.paramLabel() + " brackets");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The {@code origin ...} lines of the code blocks, each joined with its indented continuation lines. */
    static List<String> synopses(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean inBlock = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
            } else if (inBlock && line.startsWith("origin")) {
                out.add(line.strip());
            } else if (inBlock && !out.isEmpty() && line.startsWith(" ")) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + line.strip());
            }
        }
        return out;
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }
}
