package dev.origin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code origin db}: the compliance workspace (docs/workspace.md). */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "The compliance workspace: parts, BOMs, suppliers, declarations, costs, the determinations ledger and certificates.",
        subcommands = {DbInitCommand.class, DbImportCommand.class, DbPartsCommand.class, DbShowCommand.class, DbLedgerCommand.class, DbCheckCommand.class,
                ReplayCommand.class, AuditCommand.class,
                RequalifyCommand.class, ExpiringCommand.class, ChaseCommand.class, CertifyCommand.class, PartyCommand.class})
final class DbCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static CommandLine.Help.Ansi ansi() {
        return CommandLine.Help.Ansi.OFF;
    }
}
