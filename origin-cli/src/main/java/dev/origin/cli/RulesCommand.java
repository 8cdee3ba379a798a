package dev.origin.cli;

import dev.origin.core.hs.HsCode;
import dev.origin.core.regime.DeMinimis;
import dev.origin.core.regime.Regime;
import dev.origin.core.rules.Rule;
import dev.origin.core.rules.RuleSyntax;
import dev.origin.core.rules.Rules;
import dev.origin.io.InputException;
import dev.origin.io.RulePackReader;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code origin rules ...}: inspect rule packs. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Inspect rule packs.",
        subcommands = RulesCommand.Show.class)
final class RulesCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show the rule that applies to an HS code under a regime.")
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "REGIME") String regime;
        @Parameters(index = "1", paramLabel = "HS") String hs;
        @picocli.CommandLine.Option(names = "--vehicle", paramLabel = "KIND",
                description = "Vehicle kind of the good, or of the vehicle a part is for (default: the pack's kind for the HS code).")
        String vehicle;
        @picocli.CommandLine.Option(names = "--use", defaultValue = "original-equipment", paramLabel = "USE",
                description = "original-equipment (default) or aftermarket.")
        String use;
        @picocli.CommandLine.Option(names = "--alternative-staging", description = "The producer is under the alternative staging regime.")
        boolean staging;
        @Spec CommandSpec spec;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!HsCode.isValid(hs)) {
                err.println("HS: BAD_HS: `" + hs + "` is not an HS code of 6, 8 or 10 digits (e.g. `8708.40`).");
                return 2;
            }
            Regime r;
            try {
                r = RulePackReader.load(regime, Map.of());
            } catch (InputException e) {
                Inputs.report(err, e.problems());
                return 2;
            }
            HsCode code = HsCode.parse(hs);
            out.println(r.name() + " (" + r.id() + ", revision " + r.revision() + ")");
            String kind = r.vehicleKind(code, vehicle);
            Regime.ProductRule pr = r.ruleFor(code, kind, use, staging);
            out.println("HS " + code + (kind == null ? "" : ", vehicle kind " + kind) + ", " + use + (staging ? ", alternative staging" : ""));
            if (pr == null) {
                out.println("No product-specific rule for " + code + " in this pack for this vehicle kind and use.");
                out.println("Give the rule in the case file (`rule`), or use a pack that carries it.");
            } else {
                out.println("Rule " + pr.rule().id() + " for " + pr.scope() + " — " + pr.rule().citation());
                out.println("  " + RuleSyntax.format(pr.rule()));
                for (Rule leaf : Rules.flatten(pr.rule())) {
                    if (leaf instanceof Rule.AllOf || leaf instanceof Rule.AnyOf) continue;
                    out.println("    " + leaf.id() + " (" + leaf.kind() + ")");
                }
            }
            var others = r.rules().stream().filter(x -> x != pr && x.match(code) >= 0).toList();
            if (!others.isEmpty()) {
                out.println("Other rules for this code (other vehicle kinds, uses or staging):");
                for (var o : others) {
                    out.println("  " + o.rule().id() + (o.vehicles().isEmpty() ? "" : " vehicles " + o.vehicles()) + (o.use() == null ? "" : " " + o.use())
                            + (o.staging() == null ? "" : o.staging() ? " alternative staging" : " normal staging") + " — " + o.rule().citation());
                }
            }
            if (r.automotive() != null) {
                var t = r.automotive().thresholdFor(code, kind, use);
                if (t != null) out.println("Automotive RVC requirement (net cost): " + t.threshold() + " — " + t.citation());
                var tr = r.automotive().tracingFor(code, kind, use);
                if (tr != null) out.println("VNM by " + (tr.method() == Regime.Tracing.Method.TRACED ? "tracing" : "listed materials") + " — " + tr.citation());
            }
            DeMinimis dm = r.deMinimis();
            out.println("De minimis: " + dm.percentFor(code).toPlainString() + " % (" + dm.citation() + "; RVC exemption " + dm.rvcCitation() + ")");
            DeMinimis.Exclusion ex = dm.exclusionFor(code, null);
            if (ex != null) out.println("  not available for this good: " + ex.citation());
            out.flush();
            return 0;
        }
    }
}
