package dev.origin.cli;

import dev.origin.core.model.Use;
import dev.origin.core.model.VehicleKind;
import dev.origin.core.hs.HsCode;
import dev.origin.core.regime.DeMinimis;
import dev.origin.core.regime.Regime;
import dev.origin.core.rules.Rule;
import dev.origin.core.rules.RuleSyntax;
import dev.origin.core.rules.Rules;
import dev.origin.io.InputException;
import dev.origin.io.RulePackReader;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code origin rules ...}: inspect rule packs. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Inspect rule packs.",
        subcommands = {RulesCommand.Show.class, RulesCommand.Diff.class, RulesCommand.Import.class})
final class RulesCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The good a rule is looked up for, beyond its HS code: {@code --vehicle} and {@code --use}. */
    static final class GoodKind {
        @Option(names = "--vehicle", paramLabel = "KIND",
                description = "Vehicle kind of the good, or of the vehicle a part is for: ${COMPLETION-CANDIDATES} (default: the pack's kind for the HS code).")
        VehicleKind vehicle;
        @Option(names = "--use", defaultValue = "original-equipment", paramLabel = "USE",
                description = "Use of the good: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Use use;

        VehicleKind vehicle() { return vehicle; }

        Use use() { return use; }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show the rule that applies to an HS code under a regime.")
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "REGIME", completionCandidates = Converters.BuiltInRegimes.class,
                description = "Built-in regime (${COMPLETION-CANDIDATES}) or the path of a rule-pack file.")
        String regime;
        @Parameters(index = "1", paramLabel = "HS", description = "HS code of 6, 8 or 10 digits, dots optional (e.g. 8708.40).")
        HsCode code;
        @Mixin GoodKind good;
        @Option(names = "--alternative-staging", description = "The producer is under the alternative staging regime.")
        boolean staging;
        @Spec CommandSpec spec;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Regime r;
            try {
                r = RulePackReader.load(regime, Map.of());
            } catch (InputException e) {
                Inputs.report(err, e.problems());
                return 2;
            }
            Use use = good.use();
            out.println(r.name() + " (" + r.id() + ", revision " + r.revision() + ")");
            VehicleKind kind = r.vehicleKind(code, good.vehicle());
            Regime.ProductRule pr = r.ruleFor(code, kind, use, staging);
            out.println("HS " + code + (kind == null ? "" : ", vehicle kind " + kind) + ", " + use + (staging ? ", alternative staging" : ""));
            if (pr == null) {
                out.println("No product-specific rule for " + code + " in this pack for this vehicle kind and use.");
                out.println("Give the rule in the case file (`rule`), or use a pack that carries it (docs/rule-packs.md, NO_RULE).");
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
                out.println("Other rules for this code (other vehicle kinds, uses or staging, or replaced by the pack's own rule):");
                for (var o : others) {
                    out.println("  " + o.rule().id() + (o.vehicles().isEmpty() ? "" : " vehicles " + o.vehicles()) + (o.use() == null ? "" : " " + o.use())
                            + (o.staging() == null ? "" : o.staging() ? " alternative staging" : " normal staging") + " — " + o.rule().citation()
                            + (o.fallback() && pr != null && !pr.fallback() ? " (included rule, replaced by " + pr.rule().id() + ")" : ""));
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

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "What changed between two regimes: general provisions, and the rules for an HS code (or every scope).")
    static final class Diff implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FROM", completionCandidates = Converters.BuiltInRegimes.class,
                description = "The regime before: built-in (${COMPLETION-CANDIDATES}) or the path of a rule-pack file.")
        String from;
        @Parameters(index = "1", paramLabel = "TO", completionCandidates = Converters.BuiltInRegimes.class,
                description = "The regime after: built-in (${COMPLETION-CANDIDATES}) or the path of a rule-pack file.")
        String to;
        @Parameters(index = "2", paramLabel = "HS", arity = "0..1",
                description = "Compare the rules for this HS code (default: list every scope whose rule differs).")
        HsCode code;
        @Mixin GoodKind good;
        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Also show the thresholds in force on this date (with HS).")
        LocalDate date;
        @Spec CommandSpec spec;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Regime a;
            Regime b;
            try {
                a = RulePackReader.load(from, Map.of());
                b = RulePackReader.load(to, Map.of());
            } catch (InputException e) {
                Inputs.report(err, e.problems());
                return 2;
            }
            out.println("From " + a.name() + " to " + b.name());
            line(out, "de minimis", a.deMinimis().percent().toPlainString() + " % (" + a.deMinimis().citation() + ")",
                    b.deMinimis().percent().toPlainString() + " % (" + b.deMinimis().citation() + ")");
            line(out, "transaction value", a.transactionValue().name(), b.transactionValue().name());
            line(out, "NC when accumulating", String.valueOf(a.netCostRequiredWhenAccumulating()), String.valueOf(b.netCostRequiredWhenAccumulating()));
            line(out, "in force", a.inForceFrom() + " to " + a.inForceUntil(), b.inForceFrom() + " to " + b.inForceUntil());
            if (code != null) {
                var use = good.use();
                var ka = a.vehicleKind(code, good.vehicle());
                var kb = b.vehicleKind(code, good.vehicle());
                Regime.ProductRule ra = a.ruleFor(code, ka, use, false);
                Regime.ProductRule rb = b.ruleFor(code, kb, use, false);
                out.println("HS " + code + " (" + use + ")");
                line(out, "vehicle kind", String.valueOf(ka), String.valueOf(kb));
                line(out, "rule", ra == null ? "none" : RuleSyntax.format(ra.rule()), rb == null ? "none" : RuleSyntax.format(rb.rule()));
                line(out, "citation", ra == null ? "-" : ra.rule().citation(), rb == null ? "-" : rb.rule().citation());
                line(out, "automotive RVC", autoThreshold(a, code, ka, use), autoThreshold(b, code, kb, use));
                line(out, "VNM basis", vnmBasis(a, code, ka, use), vnmBasis(b, code, kb, use));
                if (date != null) {
                    line(out, "requirements on " + date, thresholds(a, ra, code, ka, use, date), thresholds(b, rb, code, kb, use, date));
                }
            } else {
                Map<String, Regime.ProductRule> ma = byScope(a);
                Map<String, Regime.ProductRule> mb = byScope(b);
                java.util.Set<String> scopes = new java.util.TreeSet<>(ma.keySet());
                scopes.addAll(mb.keySet());
                for (String sc : scopes) {
                    String ta = ma.containsKey(sc) ? RuleSyntax.format(ma.get(sc).rule()) : null;
                    String tb = mb.containsKey(sc) ? RuleSyntax.format(mb.get(sc).rule()) : null;
                    if (java.util.Objects.equals(ta, tb)) continue;
                    out.println(sc + ":");
                    out.println("  - " + (ta == null ? "(no rule)" : ta));
                    out.println("  + " + (tb == null ? "(no rule)" : tb));
                }
            }
            out.flush();
            return 0;
        }

        private static Map<String, Regime.ProductRule> byScope(Regime r) {
            Map<String, Regime.ProductRule> m = new java.util.LinkedHashMap<>();
            for (Regime.ProductRule pr : r.rules()) {
                String key = pr.scope() + (pr.vehicles().isEmpty() ? "" : " " + new java.util.TreeSet<>(pr.vehicles().stream().map(Object::toString).toList()))
                        + (pr.use() == null ? "" : " " + pr.use()) + (pr.staging() == null ? "" : pr.staging() ? " ASR" : "");
                m.putIfAbsent(key, pr);
            }
            return m;
        }

        private static String autoThreshold(Regime r, HsCode code, VehicleKind kind, Use use) {
            var t = r.automotive() == null ? null : r.automotive().thresholdFor(code, kind, use);
            return t == null ? "rule's own" : t.threshold() + " (" + t.citation() + ")";
        }

        private static String vnmBasis(Regime r, HsCode code, VehicleKind kind, Use use) {
            var t = r.automotive() == null ? null : r.automotive().tracingFor(code, kind, use);
            return t == null ? "all non-originating materials" : t.method() == Regime.Tracing.Method.TRACED
                    ? "traced materials only (" + t.citation() + ")" : "all NOM + NOM in listed materials (" + t.citation() + ")";
        }

        private static String thresholds(Regime r, Regime.ProductRule pr, HsCode code, VehicleKind kind, Use use, LocalDate on) {
            if (pr == null) return "-";
            var auto = r.automotive() == null ? null : r.automotive().thresholdFor(code, kind, use);
            List<String> parts = new java.util.ArrayList<>();
            for (Rule leaf : Rules.flatten(pr.rule())) {
                dev.origin.core.rules.Threshold t = null;
                if (leaf instanceof Rule.Rvc v) t = auto != null ? auto.threshold() : v.min();
                else if (leaf instanceof Rule.CoreParts c) t = c.ncMin();
                else if (leaf instanceof Rule.Lvc l) t = l.min();
                else if (leaf instanceof Rule.MetalPurchases m) t = m.min();
                else if (leaf instanceof Rule.NationalContent n) t = n.min();
                else if (leaf instanceof Rule.Intangibles i) t = i.min();
                if (t == null) continue;
                java.math.BigDecimal v = t.at(on);
                parts.add(leaf.kind() + " " + (v == null ? "n/a" : v.toPlainString()));
            }
            return String.join(", ", parts);
        }

        private static void line(PrintWriter out, String what, String a, String b) {
            out.println((a.equals(b) ? "  " : "* ") + what + ": " + a + (a.equals(b) ? "" : "  →  " + b));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Turn product-specific rules in legal English into a rule pack: NAFTA Schedule I (SOR/94-14, Justice Laws XML),",
                    "or, with --text, rules given as plain text in the same language (e.g. the USMCA's Annex 4-B)."})
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "SOR-94-14 Justice Laws XML file, or with --text a plain-text rule file.") java.nio.file.Path xml;
        @Option(names = "--text", description = "FILE is plain text: entries separated by blank lines, the provision on the first line, one rule limb per line (docs/rule-packs.md); writes a rule file to include.")
        boolean text;
        @Option(names = "--citation", paramLabel = "TEXT", defaultValue = "USMCA Annex 4-B",
                description = "With --text: what each rule's citation starts with (default: ${DEFAULT-VALUE}).")
        String citation;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the pack here (default: stdout).")
        java.nio.file.Path output;
        @Option(names = "--hs-nomenclature", paramLabel = "CSV", split = ",", splitSynopsisLabel = ",",
                description = "HS nomenclature CSV file(s) used to expand ranges in except/from lists (default: numeric enumeration).")
        List<java.nio.file.Path> nomenclature = new java.util.ArrayList<>();
        @Option(names = "--included-rules",
                description = "Write only the rules, as the rule file a pack includes (`include:`), e.g. the built-in nafta pack's nafta-schedule-i.yaml.")
        boolean includedRules;
        @Spec CommandSpec spec;

        @Override public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!java.nio.file.Files.isRegularFile(xml)) {
                err.println(xml + ": UNREADABLE: the file `" + xml + "` does not exist.");
                return 2;
            }
            for (var p : nomenclature) {
                if (!java.nio.file.Files.isRegularFile(p)) {
                    err.println(p + ": UNREADABLE: the file `" + p + "` does not exist.");
                    return 2;
                }
            }
            List<dev.origin.io.Problem> unwritable = new java.util.ArrayList<>();
            Outputs.check("--output", output, unwritable);
            if (!unwritable.isEmpty()) {
                Inputs.report(err, unwritable);
                return 2;
            }
            dev.origin.io.schedule.ImportResult result;
            try {
                var hsn = nomenclature.isEmpty() ? dev.origin.io.schedule.HsRanges.numeric()
                        : dev.origin.io.schedule.HsRanges.ofCsv(nomenclature.toArray(java.nio.file.Path[]::new));
                result = text ? dev.origin.io.schedule.ScheduleOneImporter.importText(
                        java.nio.file.Files.readString(xml), xml.getFileName().toString(), hsn, citation)
                        : dev.origin.io.schedule.ScheduleOneImporter.importFrom(xml, hsn);
            } catch (dev.origin.io.InputException e) {
                for (var p : e.problems()) err.println(p.format());
                return 2;
            } catch (java.io.IOException | RuntimeException e) {
                // not the expected XML (not XML at all, no Schedule I, a DOCTYPE): a problem of the input, not an internal error
                String why = e.getMessage() == null ? "unreadable" : e.getMessage().replaceFirst("^Cannot read the regulation XML: ", "")
                        .replace(String.valueOf(xml), "the file").replaceAll("\\s+", " ").replaceAll("\\.$", "");
                if (why.contains("DOCTYPE")) why = "a DOCTYPE is not allowed";
                if (text) {
                    // a plain-text rule file: the problem is in its text (e.g. a provision without rule text), at its line
                    err.println(dev.origin.io.Problem.of(String.valueOf(xml), 0, 0, "", dev.origin.core.engine.ErrorCode.RULE_SYNTAX,
                            dev.origin.io.Fields.shown(why) + ".").format());
                    return 2;
                }
                err.println(dev.origin.io.Problem.of(String.valueOf(xml), 0, 0, "", dev.origin.core.engine.ErrorCode.BAD_REGULATION_XML,
                        dev.origin.io.Fields.shown(why)).format());
                return 2;
            }
            String yaml = text ? dev.origin.io.schedule.RulePackWriter.toRuleFile(result)
                    : includedRules ? dev.origin.io.schedule.RulePackWriter.toIncludedRules(result)
                    : dev.origin.io.schedule.RulePackWriter.toYaml(result);
            if (output == null) out.print(yaml);
            else {
                Outputs.write("--output", output, yaml, unwritable);
                if (!unwritable.isEmpty()) {
                    Inputs.report(err, unwritable);
                    return 2;
                }
            }
            err.print(result.coverage().toText());
            out.flush();
            err.flush();
            return 0;
        }
    }
}
