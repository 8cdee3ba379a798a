package dev.origin.cli;

import dev.origin.sim.Wording;
import dev.origin.store.Declaration;
import dev.origin.store.LedgerEntry;
import dev.origin.store.Part;
import dev.origin.store.Tx;
import dev.origin.store.Workspace;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code origin db parts}: every part with its HS code, source, origin evidence and latest determination. */
@Command(name = "parts", mixinStandardHelpOptions = true,
        description = "List the parts: HS code, made or bought, the declaration a bought part relies on, and the latest determination of each finished good.")
final class DbPartsCommand implements Callable<Integer> {
    @Mixin WorkspaceOption db;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Classifications and declarations as of this date (default: today).")
    LocalDate date;

    @Option(names = "--finished", description = "Only the finished goods (parts no BOM uses).")
    boolean finished;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Workspace ws = db.open(spec.commandLine().getErr());
        if (ws == null) return 2;
        LocalDate on = date != null ? date : LocalDate.now();
        List<List<String>> rows = ws.read(tx -> {
            List<List<String>> r = new ArrayList<>();
            List<String> top = tx.parts().finished().stream().map(Part::id).toList();
            for (Part p : finished ? tx.parts().finished() : tx.parts().all()) {
                r.add(List.of(p.id(), p.description(), tx.parts().hsOn(p.id(), on).orElse("(none)"), source(p), evidence(tx, p, on),
                        top.contains(p.id()) ? latest(tx, p.id()) : ""));
            }
            return r;
        });
        if (rows.isEmpty()) {
            out.println("The workspace has no parts; load some with `origin db import FILE` or `origin db init --sample`.");
        } else {
            out.print(Wording.table(List.of("Part", "Description", "HS", "Source", "Origin evidence on " + on, "Latest determination"), rows));
            out.println(rows.size() + (rows.size() == 1 ? " part." : " parts."));
        }
        out.flush();
        return 0;
    }

    static String source(Part p) {
        return p.source() == Part.Source.MAKE ? "made at " + p.plantId() : "bought from " + p.supplierId();
    }

    /** For a bought part: the declaration it relies on and until when, or why it has none. */
    static String evidence(Tx tx, Part p, LocalDate on) {
        if (p.source() == Part.Source.MAKE) return "";
        String country = p.country() != null ? p.country()
                : tx.suppliers().get(p.supplierId()).map(dev.origin.store.Supplier::country).orElse(null);
        if (country != null && !dev.origin.store.GoodInputs.TERRITORY.contains(country)) return "made in " + country + ": non-originating";
        Optional<Declaration> d = tx.declarations().validFor(p.id(), p.supplierId(), on);
        if (d.isEmpty()) {
            List<Declaration> any = tx.declarations().forPart(p.id());
            return any.isEmpty() ? "no declaration: unknown" : "no valid declaration (" + any.get(any.size() - 1).id() + " "
                    + (any.get(any.size() - 1).withdrawn() ? "withdrawn" : "ended " + any.get(any.size() - 1).validTo()) + "): unknown";
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(on, d.get().validTo());
        return d.get().id() + " until " + d.get().validTo() + (days <= 90 ? " (" + days + " days)" : "") + ": "
                + (d.get().statement() == Declaration.Statement.ORIGINATING ? "originating (" + d.get().criterion() + ")" : "non-originating");
    }

    static String latest(Tx tx, String part) {
        List<LedgerEntry> all = tx.ledger().forPart(part);
        if (all.isEmpty()) return "none";
        LedgerEntry e = all.get(all.size() - 1);
        return "#" + e.id() + " " + e.verdict() + " (" + e.regime() + ", " + e.asOf() + ")";
    }
}
