package dev.origin.cli;

import dev.origin.core.engine.ErrorCode;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.sim.Wording;
import dev.origin.store.CostSheet;
import dev.origin.store.Declaration;
import dev.origin.store.GoodInput;
import dev.origin.store.HsClassification;
import dev.origin.store.InputLine;
import dev.origin.store.LedgerEntry;
import dev.origin.store.Part;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code origin db show PART}: a part, its classification history, BOM as of a date with origins, costs, declarations, determinations. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a part: HS history, the BOM in force (every level) with value, origin and its basis, costs, declarations and determinations.")
final class DbShowCommand implements Callable<Integer> {
    @Mixin WorkspaceOption db;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The BOM, costs and declarations in force on this date (default: today).")
    LocalDate date;

    @Parameters(index = "0", paramLabel = "PART", description = "The part's id.")
    String part;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workspace ws = db.open(err);
        if (ws == null) return 2;
        LocalDate on = date != null ? date : LocalDate.now();
        Optional<Part> found = ws.read(tx -> tx.parts().get(part));
        if (found.isEmpty()) {
            Inputs.report(err, List.of(Problem.of("PART", 0, 0, "", ErrorCode.UNKNOWN_PART, part)));
            return 2;
        }
        Part p = found.get();
        out.println(p.id() + ": " + p.description());
        out.println("  " + DbPartsCommand.source(p) + (p.country() != null ? ", produced in " + p.country() : "")
                + (p.destination() != null ? ", sold into " + p.destination() : "") + (p.vehicle() != null ? ", for a " + p.vehicle() : ""));
        List<HsClassification> hs = ws.read(tx -> tx.parts().hsHistory(p.id()));
        for (HsClassification h : hs) out.println("  HS " + h.hs() + " from " + (h.validFrom().getYear() <= 1900 ? "the start" : h.validFrom()));
        Optional<CostSheet> sheet = ws.read(tx -> tx.costs().on(p.id(), on));
        sheet.ifPresent(s -> out.println("  Costs from " + s.validFrom() + ": " + costs(s)));
        if (p.source() == Part.Source.MAKE) {
            out.println();
            try {
                GoodInput in = ws.input(p.id(), on);
                out.println("Bill of materials on " + on + " (every level):");
                List<List<String>> rows = new ArrayList<>();
                for (InputLine l : in.lines()) {
                    rows.add(List.of("  ".repeat(l.level() - 1) + l.partId(), l.description(), l.hs(), l.quantity().stripTrailingZeros().toPlainString(),
                            l.value() == null ? "(its cost)" : l.value().toPlainString(), l.origin(),
                            l.declaration() != null ? "declaration " + l.declaration().id() + " to " + l.declaration().validTo() : l.basis()));
                }
                out.print(Wording.table(List.of("Component", "Description", "HS", "Qty", "Value", "Origin", "Basis"), rows));
            } catch (InputException e) {
                out.println("The engine's input cannot be built on " + on + ":");
                for (Problem x : e.problems()) out.println("  " + x.format());
            }
        } else {
            List<Declaration> ds = ws.read(tx -> tx.declarations().forPart(p.id()));
            out.println();
            out.println(ds.isEmpty() ? "No supplier declaration covers it." : "Declarations covering it:");
            for (Declaration d : ds) {
                out.println("  " + d.id() + " from " + d.supplierId() + ", " + d.validFrom() + " to " + d.validTo() + ", "
                        + (d.statement() == Declaration.Statement.ORIGINATING ? "originating, criterion " + d.criterion() : "non-originating")
                        + (d.withdrawn() ? ", withdrawn" + (d.withdrawnOn() != null ? " from " + d.withdrawnOn() : "") : "")
                        + (d.validOn(on) ? " (valid on " + on + ")" : ""));
            }
            List<String> used = ws.read(tx -> new ArrayList<>(tx.boms().whereUsed(p.id())));
            if (!used.isEmpty()) out.println("Used in: " + String.join(", ", used));
        }
        List<LedgerEntry> dets = ws.read(tx -> tx.ledger().forPart(p.id()));
        if (!dets.isEmpty()) {
            out.println();
            out.println("Determinations:");
            for (LedgerEntry e : dets) {
                out.println("  #" + e.id() + " " + e.verdict() + " under " + e.regime() + " as of " + e.asOf() + " (" + e.reason() + ", " + e.createdAt() + ")");
            }
        }
        out.flush();
        return 0;
    }

    private static String costs(CostSheet s) {
        List<String> parts = new ArrayList<>();
        add(parts, "unit cost", s.unitCost());
        add(parts, "transaction value", s.transactionValue());
        add(parts, "other product costs", s.otherProductCosts());
        add(parts, "period costs", s.periodCosts());
        add(parts, "other costs", s.otherCosts());
        add(parts, "royalties", s.royalties());
        add(parts, "sales promotion", s.salesPromotion());
        add(parts, "shipping", s.shipping());
        add(parts, "non-allowable interest", s.nonAllowableInterest());
        return parts.isEmpty() ? "(no amounts)" : String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, java.math.BigDecimal v) {
        if (v != null) parts.add(name + " " + v.toPlainString());
    }
}
