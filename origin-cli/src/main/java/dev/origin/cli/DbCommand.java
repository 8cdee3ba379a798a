package dev.origin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code origin db}: the compliance workspace (docs/workspace.md). */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "The compliance workspace: parts, BOMs, suppliers, declarations, determinations and certificates in a database.",
        subcommands = {RequalifyCommand.class, ExpiringCommand.class, ChaseCommand.class, CertifyCommand.class, PartyCommand.class,
                CommandLine.HelpCommand.class})
public final class DbCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
