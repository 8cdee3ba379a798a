package dev.origin.cli;

import dev.origin.core.hs.HsCode;
import dev.origin.io.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The {@code origin} command. */
@Command(name = "origin", mixinStandardHelpOptions = true, version = "origin 0.1.0",
        description = "Rules of origin for North American auto trade: NAFTA 1994, USMCA and the 2017-2018 proposals.")
public final class Main implements Runnable {
    /** The commands, in the order the usage lists them. */
    private static final List<Class<?>> COMMANDS = List.of(QualifyCommand.class, ExplainCommand.class, RulesCommand.class, DemoCommand.class,
            HsCommand.class, CompareCommand.class, SimulateCommand.class, BacktestCommand.class, ServeCommand.class, UsersCommand.class,
            DbCommand.class, ReplayCommand.class, AuditCommand.class, ExpiringCommand.class, GenerateCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        rawStdout = new java.io.FileOutputStream(java.io.FileDescriptor.out);
        System.exit(run(args));
    }

    /**
     * The process's standard output as bytes, under the writer {@link #run(String...)} gives the commands: set only
     * when the command line runs as the process ({@link #main}); null for embedders and tests writing to writers.
     * {@code qualify} writes results rendered and encoded on its worker threads straight to it.
     */
    private static volatile java.io.OutputStream rawStdout;

    /** {@link #rawStdout} when the writers encode in UTF-8 (the default charset), the encoding results are rendered in; else null. */
    static java.io.OutputStream rawStdout() {
        return java.nio.charset.StandardCharsets.UTF_8.equals(java.nio.charset.Charset.defaultCharset()) ? rawStdout : null;
    }

    /** Runs the command line as {@link #main} does with {@code stdout} as the process's standard output (for tests). */
    static int run(java.io.OutputStream stdout, java.io.PrintWriter err, String... args) {
        java.io.OutputStream before = rawStdout;
        rawStdout = stdout;
        try {
            return run(new java.io.PrintWriter(stdout, true), err, args);
        } finally {
            rawStdout = before;
        }
    }

    /** Runs the command line and returns the exit status (0 ok, 2 invalid input or usage, 1 internal error). */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line writing to the given streams (used by tests and embedders). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = configure(commandLine(args));
        cl.setOut(new java.io.PrintWriter(new Escaping(out), true));
        cl.setErr(new java.io.PrintWriter(new Escaping(err), true));
        return cl.execute(args);
    }

    /** The command line of {@code origin} with all its commands (unconfigured). */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> c : COMMANDS) cl.addSubcommand(c);
        return cl;
    }

    /**
     * The command line for {@code args}: when the first names a command, {@code origin} with that command alone, as
     * the rest cannot matter to what runs (picocli builds the model of every command it is given, from their
     * annotations, about 0.15 s at every start with all of them; docs/PERFORMANCE.md); else with all of them (usage,
     * {@code help}, an unknown command and its suggestions).
     */
    static CommandLine commandLine(String... args) {
        if (args.length > 0) {
            for (Class<?> c : COMMANDS) {
                Command command = c.getAnnotation(Command.class);
                if (command.name().equals(args[0]) && c != CommandLine.HelpCommand.class) {
                    CommandLine cl = new CommandLine(new Main());
                    cl.addSubcommand(c);
                    return cl;
                }
            }
        }
        return commandLine();
    }

    /**
     * Sets up a command line of {@code origin} (or of one of its commands): the converters of the types
     * several commands take, and error handling. Every value an option or parameter does not take is
     * reported, each as {@code --option: CODE: sentence}, with the count, and the command does not run
     * (exit 2); otherwise a malformed command line (unknown option, missing parameter) gets picocli's
     * message and usage (exit 2); an exception of the command is an internal error (exit 1).
     */
    static CommandLine configure(CommandLine cl) {
        cl.registerConverter(LocalDate.class, new Converters.Date());
        cl.registerConverter(HsCode.class, new Converters.Hs());
        cl.registerConverter(Words.Format.class, new Converters.Word<>(Words.Format.class, "BAD_FORMAT"));
        cl.registerConverter(Words.QualifyFormat.class, new Converters.Word<>(Words.QualifyFormat.class, "BAD_FORMAT"));
        cl.registerConverter(Words.Trace.class, new Converters.Word<>(Words.Trace.class, "BAD_VALUE"));
        cl.registerConverter(dev.origin.core.model.Use.class, new Converters.Word<>(dev.origin.core.model.Use.class, "BAD_VALUE"));
        cl.registerConverter(dev.origin.core.model.VehicleKind.class, new Converters.Word<>(dev.origin.core.model.VehicleKind.class, "BAD_VALUE"));
        collectErrors(cl);
        cl.setExecutionStrategy(Main::execute);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("origin: internal error: " + ex);
            return 1;
        });
        return cl;
    }

    /** Bad values are collected rather than thrown, so that all of them are reported at once. */
    private static void collectErrors(CommandLine cl) {
        cl.getCommandSpec().parser().collectErrors(true);
        for (CommandLine sub : cl.getSubcommands().values()) collectErrors(sub);
    }

    private static int execute(ParseResult parsed) {
        List<ParseResult> chain = new ArrayList<>();
        for (ParseResult p = parsed; p != null; p = p.subcommand()) chain.add(p);
        CommandLine.RunLast run = new CommandLine.RunLast();
        if (chain.stream().anyMatch(p -> p.isUsageHelpRequested() || p.isVersionHelpRequested())) return run.execute(parsed);
        // picocli may report a bad value twice, and an unconvertible positional parameter also as missing or
        // unmatched: bad values are reported first (once each), other errors only when there are none
        Set<Problem> problems = new LinkedHashSet<>();
        ParameterException malformed = null;
        for (ParseResult p : chain) {
            for (Exception e : p.errors()) {
                Problem bad = badValue(e);
                if (bad != null) problems.add(bad);
                else if (malformed == null) {
                    malformed = e instanceof ParameterException pe ? pe : new ParameterException(p.commandSpec().commandLine(), e.getMessage(), e);
                }
            }
        }
        if (!problems.isEmpty()) {
            Inputs.report(chain.get(chain.size() - 1).commandSpec().commandLine().getErr(), new ArrayList<>(problems));
            return CommandLine.ExitCode.USAGE;
        }
        if (malformed != null) throw malformed;
        return run.execute(parsed);
    }

    /** The value picocli quotes last in its message ({@code … '--goods': '12x' is not an int}), or the message. */
    private static String quoted(String message) {
        if (message == null) return "";
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)' is not").matcher(message);
        return m.find() ? m.group(1) : message;
    }

    /** The problem of a value its option or parameter does not take, or null for any other parse error. */
    private static Problem badValue(Exception e) {
        if (!(e instanceof ParameterException pe) || pe.getArgSpec() == null) return null;
        ArgSpec arg = pe.getArgSpec();
        String where = arg.isOption() ? ((OptionSpec) arg).longestName() : arg.paramLabel();
        if (pe.getCause() instanceof Converters.BadValue bad) return new Problem(where, 0, 0, "", bad.code, bad.getMessage());
        // picocli's own conversion of a whole number (--goods, --port, --seed, …): a value that is not one, or too large
        Class<?> t = arg.type();
        if (pe.getCause() != null && (t == int.class || t == Integer.class || t == long.class || t == Long.class)) {
            boolean isInt = t == int.class || t == Integer.class;
            String value = pe.getValue() != null ? pe.getValue() : quoted(pe.getMessage());
            return Problem.of(where, 0, 0, "", dev.origin.core.engine.ErrorCode.Variant.NOT_A_WHOLE_NUMBER, dev.origin.io.Fields.shown(value),
                    isInt ? Integer.MIN_VALUE : Long.MIN_VALUE, isInt ? Integer.MAX_VALUE : Long.MAX_VALUE);
        }
        if (pe.getCause() != null && (t == double.class || t == Double.class)) {
            String value = pe.getValue() != null ? pe.getValue() : quoted(pe.getMessage());
            return new Problem(where, 0, 0, "", "BAD_NUMBER", dev.origin.core.engine.ErrorCode.BAD_NUMBER.message(dev.origin.io.Fields.shown(value)));
        }
        // picocli's own check of a NAME=VALUE option (--param, --jobs): the value has no `=`
        if (pe.getCause() == null && arg.isOption() && Map.class.isAssignableFrom(arg.type()) && pe.getValue() != null && !pe.getValue().contains("=")) {
            return new Problem(where, 0, 0, "", "BAD_PARAM", "`" + pe.getValue() + "` is not of the form " + arg.paramLabel() + ".");
        }
        return null;
    }
}
