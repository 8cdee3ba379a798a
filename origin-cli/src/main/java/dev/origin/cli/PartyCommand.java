package dev.origin.cli;

import dev.origin.store.Change;
import dev.origin.store.Parties;
import dev.origin.store.Workspace;
import dev.origin.store.cert.Party;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code origin db party}: records a party named on certificates (exporter, producer, importer/customer, certifier). */
@Command(name = "party", mixinStandardHelpOptions = true,
        description = "Add or replace a party named on certificates: an exporter, producer, certifier, or an importer (a customer).")
public final class PartyCommand implements Callable<Integer> {
    @Mixin WorkspaceOption db;

    @Parameters(index = "0", paramLabel = "ID", description = "The party's id in the workspace.")
    String id;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Legal name.") String name;
    @Option(names = "--address", paramLabel = "TEXT", description = "Address (street, city, region).") String address;
    @Option(names = "--country", paramLabel = "CC", description = "ISO country code, e.g. MX.") String country;
    @Option(names = "--phone", paramLabel = "TEXT", description = "Telephone number.") String phone;
    @Option(names = "--email", paramLabel = "TEXT", description = "E-mail address.") String email;
    @Option(names = "--tax-id", paramLabel = "TEXT", description = "Tax identification number (NAFTA Form 434).") String taxId;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Workspace w = db.open(err);
        if (w == null) return 2;
        Change c;
        try {
            c = w.write(tx -> new Parties(tx).put(id, new Party(name, address, country, phone, email, taxId)));
        } catch (dev.origin.store.WorkflowException e) {
            return WorkspaceOptions.fail(err, e);
        }
        out.println("party " + id + ": " + c.name().toLowerCase(java.util.Locale.ROOT));
        return 0;
    }
}
