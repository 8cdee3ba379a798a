package dev.origin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code origin} command. */
@Command(name = "origin", mixinStandardHelpOptions = true, version = "origin 0.1.0",
        description = "Rules of origin for North American auto trade: NAFTA 1994, USMCA and the 2017-2018 proposals.",
        subcommands = {QualifyCommand.class, ExplainCommand.class, RulesCommand.class, DemoCommand.class, HsCommand.class, CompareCommand.class, SimulateCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (0 ok, 2 invalid input or usage, 1 internal error). */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line writing to the given streams (used by tests and embedders). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("origin: internal error: " + ex);
            return 1;
        });
        return cl.execute(args);
    }
}
