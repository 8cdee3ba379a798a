package dev.origin.core.engine;

import dev.origin.core.engine.Diagnostic.Severity;
import dev.origin.core.engine.Evaluator.Scenario;
import dev.origin.core.hs.HsCode;
import dev.origin.core.hs.HsPrefix;
import dev.origin.core.model.CostSheet;
import dev.origin.core.model.Good;
import dev.origin.core.model.Material;
import dev.origin.core.model.MaterialKind;
import dev.origin.core.model.Origin;
import dev.origin.core.regime.DeMinimis;
import dev.origin.core.regime.Regime;
import dev.origin.core.rules.Rule;
import dev.origin.core.rules.Rules;
import dev.origin.core.rules.RvcMethod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One evaluation of a good under one scenario for unknown origins. Implements the general
 * provisions: originating criteria, tariff shift with de minimis, RVC by TV and NC, self-produced
 * and intermediate materials, roll-up and accumulation. Package-private: the public face is
 * {@link Evaluator}.
 */
final class Run {
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Scale of reported percentages; comparisons never use it (they cross-multiply exactly). */
    static final int PERCENT_SCALE = 10;

    private final Regime regime;
    private final Good good;
    private final LocalDate date;
    private final Scenario scenario;
    private final boolean trace;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    /** While true, tariff-shift failures of materials in the good's own subheading are waived (criterion (d)). */
    private boolean waiveOwnSubheading;

    Run(Regime regime, Good good, LocalDate date, Scenario scenario, boolean trace) {
        this.regime = regime;
        this.good = good;
        this.date = date;
        this.scenario = scenario;
        this.trace = trace;
    }

    // ---------------------------------------------------------------- analysis of a producible node

    /** A good or a self-produced material, with what the evaluation needs of it. */
    private record Node(String path, HsCode hs, CostSheet costs, List<Material> materials, Rule rule,
                        java.math.BigDecimal adjustedTv, boolean whollyObtained, boolean intermediate, boolean top) {}

    /** A non-originating material to be tested against a tariff shift; {@code inputs} are what it was made of. */
    private record Candidate(String path, HsCode hs, BigDecimal value, List<Candidate> inputs) {}

    /** Everything computed for a node before its rule is applied. */
    private static final class Analysis {
        Node node;
        BigDecimal totalCost;         // null when no cost sheet
        BigDecimal netCost;           // null when no cost sheet
        BigDecimal excluded = BigDecimal.ZERO;
        BigDecimal vnm = BigDecimal.ZERO;
        /** Non-originating materials given only as a lump sum: counted in VNM, not testable for a tariff shift. */
        BigDecimal unclassified = BigDecimal.ZERO;
        BigDecimal adjustedTv;
        boolean accumulating;
        boolean anyNonOriginating;
        final List<Candidate> candidates = new ArrayList<>();
        final List<TraceNode> vnmLines = new ArrayList<>();
        final List<TraceNode> subTraces = new ArrayList<>();

        BigDecimal deMinimisBase() { return adjustedTv != null ? adjustedTv : totalCost; }
    }

    /** Result of applying a rule tree. */
    private record Outcome(Boolean met, TraceNode trace, List<Requirement> requirements, List<String> deciding,
                           RvcResult rvc) {}

    Determination determine(Void unused) {
        Rule rule = ruleFor(good.rule(), good.hs(), "", true);
        Node top = new Node("", good.hs(), good.costs(), good.materials(), rule, good.adjustedTransactionValue(),
                good.whollyObtained(), false, true);
        if (!regime.isInForce(date)) {
            warn("REGIME_NOT_IN_FORCE", "The regime `" + regime.id() + "` is not in force on " + date
                    + "; its rules are applied anyway.", "");
        }
        if (good.transactionValue() != null && good.internationalShipping() != null
                && good.internationalShipping().compareTo(good.transactionValue()) > 0) {
            error("SHIPPING_EXCEEDS_VALUE", "International shipping `" + good.internationalShipping()
                    + "` exceeds the transaction value `" + good.transactionValue() + "`.", "internationalShipping");
        }
        Analysis a = analyze(top);
        Outcome o = decide(a);
        Status status = Boolean.TRUE.equals(o.met()) ? Status.ORIGINATING : Status.NON_ORIGINATING;
        TraceNode root = null;
        if (trace) {
            List<TraceNode> kids = new ArrayList<>();
            kids.add(costTrace(a));
            kids.add(vnmTrace(a));
            kids.addAll(a.subTraces);
            kids.add(o.trace());
            root = new TraceNode("Good `" + good.id() + "` (" + good.hs() + ") under " + regime.name() + " on " + date
                    + (scenario == Scenario.BEST ? " [unknown origins treated as originating]" : ""),
                    regime.id(), null, null, null, o.met(), kids);
        }
        return new Determination(good.id(), regime.id(), regime.revision(), date, status, o.rvc(), o.requirements(),
                o.deciding(), diagnostics, root, null, a.totalCost, a.vnm);
    }

    private Rule ruleFor(Rule override, HsCode hs, String path, boolean top) {
        if (override != null) return Rules.withIds(override, top ? "psr" : "psr[" + path + "]", null);
        Regime.ProductRule pr = regime.ruleFor(hs);
        return pr == null ? null : pr.rule();
    }

    private Analysis analyze(Node n) {
        Analysis a = new Analysis();
        a.node = n;
        a.adjustedTv = n.adjustedTv();
        CostSheet c = n.costs();
        BigDecimal materialsSum = BigDecimal.ZERO;
        BigDecimal accumulationAdjustment = BigDecimal.ZERO;
        if (c != null && c.nonOriginatingMaterials().signum() > 0) {
            a.vnm = a.vnm.add(c.nonOriginatingMaterials());
            a.anyNonOriginating = true;
            a.unclassified = c.nonOriginatingMaterials();
            vnmLine(a, "Non-originating materials given as a lump sum", c.nonOriginatingMaterials(), null);
        }
        for (Material m : n.materials()) {
            String path = at(n, m.id());
            BigDecimal value = m.value();
            if (m.isSelfProduced()) {
                Material.Production p = m.production();
                Rule subRule = ruleFor(p.rule(), m.hs(), path, false);
                Node sub = new Node(path, m.hs(), p.costs(), p.materials(), subRule, null, false, m.intermediate(), false);
                Analysis sa = analyze(sub);
                Outcome so = decideSub(sa);
                boolean subOriginating = Boolean.TRUE.equals(so.met());
                if (value == null) value = sa.totalCost;
                if (value == null) {
                    error("MISSING_COST", "Self-produced material `" + path + "` gives neither a value nor a cost sheet.", path);
                    value = BigDecimal.ZERO;
                }
                if (trace) a.subTraces.add(subTrace(path, m, sa, so));
                if (m.intermediate()) {
                    if (subRule == null) {
                        warn("NO_RULE", "Intermediate material `" + path + "` (" + m.hs() + ") has no rule in `" + regime.id()
                                + "`, so it is treated as non-originating.", path);
                    }
                    if (m.treatAsNonOriginating() || !subOriginating) {
                        addVnm(a, path, "Intermediate material, non-originating: full value", value);
                    } else {
                        vnmLine(a, "Intermediate material `" + path + "` is originating: its non-originating materials "
                                + "are not counted (roll-up)", BigDecimal.ZERO, regime.cite("roll-up"));
                    }
                } else {
                    // not designated: only its own non-originating materials count, and its excluded costs stay excluded
                    a.excluded = a.excluded.add(sa.excluded);
                    if (m.treatAsNonOriginating()) {
                        addVnm(a, path, "Self-produced material treated as non-originating", value);
                    } else {
                        a.vnm = a.vnm.add(sa.vnm);
                        a.anyNonOriginating |= sa.anyNonOriginating;
                        if (trace) a.vnmLines.add(new TraceNode("Self-produced material `" + path + "` (not designated): "
                                + "its own non-originating materials", null, regime.cite("self-produced"), sa.vnm, null, null,
                                sa.vnmLines));
                    }
                }
                if (!subOriginating) {
                    a.candidates.add(new Candidate(path, m.hs(), value, List.copyOf(sa.candidates)));
                }
                materialsSum = materialsSum.add(value);
                continue;
            }
            if (value == null) {
                error("MISSING_VALUE", "Material `" + path + "` has no value.", path);
                value = BigDecimal.ZERO;
            }
            materialsSum = materialsSum.add(value);
            if (m.kind() == MaterialKind.INDIRECT) {
                vnmLine(a, "Indirect material `" + path + "`: originating wherever produced", BigDecimal.ZERO, regime.cite("indirect"));
                continue;
            }
            if (m.kind() == MaterialKind.PACKING) {
                vnmLine(a, "Packing material `" + path + "`: disregarded", BigDecimal.ZERO, regime.cite("packing"));
                continue;
            }
            boolean testedForShift = m.kind() == MaterialKind.DIRECT;
            if (m.statement() != null) {
                a.accumulating = true;
                var s = m.statement();
                BigDecimal contribution;
                if (m.treatAsNonOriginating()) {
                    contribution = value;
                } else if (s.isNetCostForm()) {
                    contribution = s.vnm();
                    BigDecimal added = s.addedCosts() == null ? BigDecimal.ZERO : s.addedCosts();
                    accumulationAdjustment = accumulationAdjustment.add(s.netCost()).add(added).subtract(value);
                } else {
                    contribution = value.subtract(s.originatingAmount());
                }
                addVnm(a, path, "Accumulated under a supplier statement", contribution);
                if (testedForShift) {
                    if (s.materials() != null) {
                        for (Material sm : s.materials()) {
                            a.candidates.add(new Candidate(path + "/" + sm.id(), sm.hs(), sm.value(), null));
                        }
                    } else if (!isOriginating(m.origin())) {
                        a.candidates.add(new Candidate(path, m.hs(), value, null));
                    }
                }
                continue;
            }
            boolean nonOriginating = !isOriginating(m.origin());
            if (nonOriginating || m.treatAsNonOriginating()) {
                String why = nonOriginating
                        ? (m.origin() == Origin.UNKNOWN ? "Origin unknown, counted as non-originating (worst case)" : "Non-originating")
                        : "Originating, treated as non-originating at the producer's choice";
                addVnm(a, path, why, value);
            } else if (trace) {
                vnmLine(a, "Material `" + path + "`: " + (m.origin() == Origin.UNKNOWN
                        ? "origin unknown, counted as originating (best case)" : "originating"), BigDecimal.ZERO, null);
            }
            if (nonOriginating && testedForShift) a.candidates.add(new Candidate(path, m.hs(), value, null));
        }
        if (c != null) {
            BigDecimal total = c.totalCost() != null ? c.totalCost()
                    : materialsSum.add(c.lumpMaterials()).add(c.nonMaterialCosts());
            a.totalCost = total;
            a.excluded = a.excluded.add(c.excluded().total());
            if (c.netCost() != null) {
                a.netCost = c.netCost();
            } else {
                a.netCost = total.subtract(a.excluded).add(accumulationAdjustment);
            }
            if (c.totalCost() != null && c.totalCost().compareTo(materialsSum.add(c.lumpMaterials())) < 0) {
                error("TOTAL_COST_TOO_LOW", "Total cost `" + c.totalCost() + "` is less than the materials it contains (`"
                        + materialsSum.add(c.lumpMaterials()) + "`).", at(n, "costs.totalCost"));
            }
        }
        return a;
    }

    private void addVnm(Analysis a, String path, String why, BigDecimal value) {
        a.vnm = a.vnm.add(value);
        if (value.signum() > 0) a.anyNonOriginating = true;
        vnmLine(a, why + ": `" + path + "`", value, null);
    }

    private void vnmLine(Analysis a, String label, BigDecimal amount, String citation) {
        if (trace) a.vnmLines.add(TraceNode.leaf(label, null, citation, amount, null, null));
    }

    private boolean isOriginating(Origin o) {
        return o == Origin.ORIGINATING || (o == Origin.UNKNOWN && scenario == Scenario.BEST);
    }

    private static String at(Node n, String leaf) {
        return n.path().isEmpty() ? leaf : n.path() + "/" + leaf;
    }

    // ---------------------------------------------------------------- deciding

    private Outcome decideSub(Analysis a) {
        if (a.node.rule() == null) {
            return new Outcome(false, TraceNode.leaf("No rule for " + a.node.hs() + ": not originating", null, null,
                    null, null, false), List.of(), List.of(), null);
        }
        return decide(a);
    }

    private Outcome decide(Analysis a) {
        Node n = a.node;
        if (n.rule() == null) {
            error("NO_RULE", "The rule pack `" + regime.id() + "` has no product-specific rule for HS " + n.hs()
                    + "; give a `rule` in the case file.", "hs");
            return new Outcome(null, TraceNode.leaf("No product-specific rule for " + n.hs(), null, null, null, null, null),
                    List.of(new Requirement(regime.id() + ".psr", "psr", null, null, null, null, "no rule")),
                    List.of(), null);
        }
        Outcome o = apply(n.rule(), a);
        if (!Boolean.TRUE.equals(o.met())) {
            Outcome d = partsRule(n, a, o);
            if (d != null) return d;
        }
        if (!Boolean.TRUE.equals(o.met()) && !a.anyNonOriginating && a.candidates.isEmpty()) {
            // Criterion (c): produced entirely from originating materials (SOR/2020-155 s.3(c); SOR/94-14 s.4(3)).
            String id = regime.id() + ".criterion-c";
            String cite = regime.cite("criterion-c");
            List<Requirement> reqs = new ArrayList<>(o.requirements());
            reqs.add(new Requirement(id, "originating-materials", true, null, null, cite,
                    "produced exclusively from originating materials"));
            TraceNode t = new TraceNode("Either the product-specific rule or: produced exclusively from originating materials",
                    null, null, null, null, true, List.of(o.trace(),
                    TraceNode.leaf("No non-originating material was used", id, cite, BigDecimal.ZERO, null, true)));
            return new Outcome(true, t, reqs, List.of(id), o.rvc());
        }
        return o;
    }

    /**
     * Criterion (d) (SOR/2020-155 s.3(4)(a); SOR/94-14 s.4(4)(b)): when non-originating materials cannot
     * change classification because they share the good's subheading (or undivided heading), the good
     * originates if it meets the rest of its rule and an RVC of 60 % (TV) or 50 % (NC). Origin assumes
     * such materials are parts of the good, as the subheading provides for both; the trace says so.
     */
    private Outcome partsRule(Node n, Analysis a, Outcome failed) {
        Regime.PartsRule pr = regime.partsRule();
        if (pr == null || pr.excluded().stream().anyMatch(r -> r.contains(n.hs()))) return null;
        boolean sameSubheading = a.candidates.stream().anyMatch(c -> c.hs() != null && c.hs().subheading().equals(n.hs().subheading()));
        if (!sameSubheading || Rules.flatten(n.rule()).stream().noneMatch(r -> r instanceof Rule.TariffShift)) return null;
        waiveOwnSubheading = true;
        Outcome rest;
        try {
            rest = apply(n.rule(), a);
        } finally {
            waiveOwnSubheading = false;
        }
        String id = regime.id() + ".criterion-d";
        Outcome rvc = combine(id, pr.citation(), List.of(
                new Rule.Rvc(id + ".tv", RvcMethod.TV, dev.origin.core.rules.Threshold.of(pr.tvMin()), pr.citation()),
                new Rule.Rvc(id + ".nc", RvcMethod.NC, dev.origin.core.rules.Threshold.of(pr.ncMin()), pr.citation())), a, false);
        Boolean met = and(rest.met(), rvc.met());
        if (!Boolean.TRUE.equals(met)) return null;
        List<Requirement> reqs = new ArrayList<>(failed.requirements());
        reqs.addAll(rvc.requirements());
        List<String> deciding = new ArrayList<>(rest.deciding());
        deciding.addAll(rvc.deciding());
        TraceNode t = !trace ? null : node("Criterion (d): the materials that cannot change classification are parts in the good's own subheading "
                + n.hs().subheading().substring(0, 4) + "." + n.hs().subheading().substring(4) + "; the rest of the rule and an RVC of "
                + pr.tvMin().toPlainString() + " % (TV) or " + pr.ncMin().toPlainString() + " % (NC) suffice", id, pr.citation(), null, null, true,
                List.of(failed.trace(), rest.trace(), rvc.trace()));
        return new Outcome(true, t, reqs, deciding, rvc.rvc());
    }

    private Outcome apply(Rule rule, Analysis a) {
        if (rule instanceof Rule.TariffShift ts) return tariffShift(ts, a);
        if (rule instanceof Rule.Rvc rv) return rvc(rv, a);
        if (rule instanceof Rule.WhollyObtained w) {
            boolean met = a.node.whollyObtained() || (!a.anyNonOriginating && a.candidates.isEmpty());
            Requirement r = new Requirement(w.id(), w.kind(), met, null, null, w.citation(), null);
            return new Outcome(met, node(met ? "Wholly obtained or produced in the territory"
                    : "Not wholly obtained: non-originating materials were used", w.id(), w.citation(), null, null, met,
                    List.of()), List.of(r), List.of(w.id()), null);
        }
        if (rule instanceof Rule.NoChangeRequired ncr) {
            return new Outcome(true, node("No change in tariff classification required", ncr.id(), ncr.citation(), null,
                    null, true, List.of()), List.of(), List.of(), null);
        }
        if (rule instanceof Rule.AllOf all) return combine(all.id(), all.citation(), all.rules(), a, true);
        Rule.AnyOf any = (Rule.AnyOf) rule;
        return combine(any.id(), any.citation(), any.rules(), a, false);
    }

    private Outcome combine(String id, String citation, List<Rule> rules, Analysis a, boolean all) {
        int mark = diagnostics.size();
        List<Outcome> outs = new ArrayList<>(rules.size());
        for (Rule r : rules) outs.add(apply(r, a));
        Boolean met = all ? Boolean.TRUE : Boolean.FALSE;
        for (Outcome o : outs) met = all ? and(met, o.met()) : or(met, o.met());
        if (!all && Boolean.TRUE.equals(met)) {
            // data missing for an alternative that was not needed is not a problem of the input
            diagnostics.subList(mark, diagnostics.size()).removeIf(x -> x.isError() && x.code().startsWith("MISSING_"));
        }
        List<Requirement> reqs = new ArrayList<>();
        LinkedHashSet<String> deciding = new LinkedHashSet<>();
        RvcResult rvc = null;
        for (Outcome o : outs) reqs.addAll(o.requirements());
        if (Boolean.TRUE.equals(met)) {
            for (Outcome o : outs) {
                if (!Boolean.TRUE.equals(o.met())) continue;
                deciding.addAll(o.deciding());
                if (rvc == null) rvc = o.rvc();
                if (!all) break;
            }
        } else {
            for (Outcome o : outs) {
                if (Boolean.TRUE.equals(o.met())) continue;
                if (Boolean.FALSE.equals(met) && o.met() == null) continue;
                deciding.addAll(o.deciding());
            }
        }
        if (rvc == null) for (Outcome o : outs) if (o.rvc() != null) { rvc = o.rvc(); break; }
        TraceNode t = null;
        if (trace) {
            List<TraceNode> kids = new ArrayList<>();
            for (Outcome o : outs) kids.add(o.trace());
            t = new TraceNode(all ? "All of the following" : "Any one of the following alternatives", id, citation,
                    null, null, met, kids);
        }
        return new Outcome(met, t, reqs, new ArrayList<>(deciding), rvc);
    }

    private static Boolean and(Boolean x, Boolean y) {
        if (Boolean.FALSE.equals(x) || Boolean.FALSE.equals(y)) return false;
        if (x == null || y == null) return null;
        return true;
    }

    private static Boolean or(Boolean x, Boolean y) {
        if (Boolean.TRUE.equals(x) || Boolean.TRUE.equals(y)) return true;
        if (x == null || y == null) return null;
        return false;
    }

    // ---------------------------------------------------------------- tariff shift and de minimis

    private Outcome tariffShift(Rule.TariffShift ts, Analysis a) {
        HsCode goodHs = a.node.hs();
        List<Candidate> failing = new ArrayList<>();
        List<TraceNode> lines = new ArrayList<>();
        for (Candidate c : a.candidates) failing.addAll(failures(c, ts, goodHs, lines));
        if (waiveOwnSubheading) failing.removeIf(c -> c.hs() != null && c.hs().subheading().equals(goodHs.subheading()));
        String describe = describe(ts);
        List<Requirement> reqs = new ArrayList<>();
        String untested = null;
        if (a.unclassified.signum() > 0) {
            untested = "non-originating materials given as a lump sum (" + a.unclassified.toPlainString()
                    + ") have no classification and were not tested";
            warn("UNCLASSIFIED_MATERIALS", "Non-originating materials worth `" + a.unclassified.toPlainString() + "` are given as a lump sum "
                    + "without an HS code, so rule `" + ts.id() + "` was tested on the itemised materials only; itemise them to test them.",
                    at(a.node, "costs.nonOriginatingMaterials"));
            lines.add(TraceNode.leaf("Lump-sum non-originating materials: no classification, not tested", null, null, a.unclassified, null, null));
        }
        if (failing.isEmpty()) {
            reqs.add(new Requirement(ts.id(), ts.kind(), true, null, null, ts.citation(), untested));
            return new Outcome(true, node("Every non-originating material satisfies " + describe, ts.id(), ts.citation(),
                    null, null, true, lines), reqs, List.of(ts.id()), null);
        }
        BigDecimal failingValue = BigDecimal.ZERO;
        DeMinimis.Exclusion barred = null;
        for (Candidate f : failing) {
            failingValue = failingValue.add(f.value());
            DeMinimis.Exclusion ex = regime.deMinimis().exclusionFor(goodHs, f.hs());
            if (ex != null && barred == null) barred = ex;
        }
        DeMinimis dm = regime.deMinimis();
        BigDecimal base = a.deMinimisBase();
        BigDecimal pct = dm.percentFor(goodHs);
        String dmId = regime.id() + ".de-minimis";
        List<TraceNode> dmKids = new ArrayList<>(lines);
        if (barred == null && base != null && base.signum() > 0
                && failingValue.multiply(HUNDRED).compareTo(pct.multiply(base)) <= 0) {
            BigDecimal share = percent(failingValue, base);
            reqs.add(new Requirement(ts.id(), ts.kind(), false, null, null, ts.citation(),
                    "not met by materials worth " + failingValue.toPlainString()));
            reqs.add(new Requirement(dmId, "de-minimis", true, share, pct, dm.citation(),
                    "non-originating materials failing the shift are within de minimis"));
            dmKids.add(TraceNode.leaf("De minimis: materials failing the shift are " + failingValue.toPlainString() + " = "
                    + display(share) + " % of " + baseName(a) + " " + base.toPlainString() + ", not more than " + pct.toPlainString()
                    + " %", dmId, dm.citation(), failingValue, pct, true));
            return new Outcome(true, node(describe + " is met by virtue of de minimis", ts.id(), ts.citation(), failingValue,
                    null, true, dmKids), reqs, List.of(ts.id(), dmId), null);
        }
        Boolean met = false;
        String note = "not met by materials worth " + failingValue.toPlainString();
        if (barred != null) {
            dmKids.add(TraceNode.leaf("De minimis is not available for this good and material", dmId, barred.citation(),
                    null, null, false));
        } else if (base != null && base.signum() > 0) {
            BigDecimal share = percent(failingValue, base);
            dmKids.add(TraceNode.leaf("De minimis: materials failing the shift are " + failingValue.toPlainString() + " = "
                    + display(share) + " % of " + baseName(a) + " " + base.toPlainString() + ", more than " + pct.toPlainString()
                    + " %", dmId, dm.citation(), failingValue, pct, false));
        } else {
            dmKids.add(TraceNode.leaf("De minimis cannot be tested: no transaction value and no cost sheet", dmId, dm.citation(),
                    null, null, false));
        }
        reqs.add(new Requirement(ts.id(), ts.kind(), met, null, null, ts.citation(), note));
        return new Outcome(met, node("Not every non-originating material satisfies " + describe, ts.id(), ts.citation(),
                failingValue, null, met, dmKids), reqs, List.of(ts.id()), null);
    }

    /**
     * The failing materials of a candidate: none when it shifts itself; otherwise, for a self-produced
     * material, the producer may instead test the materials it was made of (SOR/94-14 s.4(8);
     * SOR/2020-155 s.4(6)) and the cheaper of the two failures is reported.
     */
    private List<Candidate> failures(Candidate c, Rule.TariffShift ts, HsCode goodHs, List<TraceNode> lines) {
        if (c.hs() != null && shifts(c.hs(), goodHs, ts)) {
            if (trace) lines.add(TraceNode.leaf("`" + c.path() + "` (" + c.hs() + ") → " + goodHs + ": changes as required",
                    null, null, c.value(), null, true));
            return List.of();
        }
        if (c.inputs() != null) {
            List<TraceNode> sub = new ArrayList<>();
            List<Candidate> inner = new ArrayList<>();
            for (Candidate i : c.inputs()) inner.addAll(failures(i, ts, goodHs, sub));
            BigDecimal innerValue = inner.stream().map(Candidate::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (innerValue.compareTo(c.value()) < 0 || inner.isEmpty()) {
                if (trace) lines.add(new TraceNode("`" + c.path() + "` (" + c.hs() + ") does not change, so the materials it was"
                        + " made of are tested instead", null, regime.cite("self-produced-shift"), c.value(), null, inner.isEmpty(), sub));
                return inner;
            }
        }
        if (trace) lines.add(TraceNode.leaf("`" + c.path() + "` (" + (c.hs() == null ? "unclassified" : c.hs()) + ") → "
                + goodHs + ": does not change as required", null, null, c.value(), null, false));
        return List.of(c);
    }

    static boolean shifts(HsCode material, HsCode goodHs, Rule.TariffShift ts) {
        for (HsPrefix ex : ts.except()) if (ex.contains(material)) return false;
        for (HsPrefix f : ts.from()) if (f.contains(material)) return true;
        if (ts.level() == null) return false;
        int d = ts.level().digits();
        return !material.digits().substring(0, d).equals(goodHs.digits().substring(0, d));
    }

    private static String describe(Rule.TariffShift ts) {
        StringBuilder sb = new StringBuilder();
        if (ts.level() != null) {
            sb.append(ts.level() == dev.origin.core.rules.ShiftLevel.CC ? "a change from any other chapter"
                    : ts.level() == dev.origin.core.rules.ShiftLevel.CTH ? "a change from any other heading"
                    : "a change from any other subheading");
        }
        if (!ts.from().isEmpty()) sb.append(sb.isEmpty() ? "a change from " : ", or from ").append(join(ts.from()));
        if (!ts.except().isEmpty()) sb.append(" except from ").append(join(ts.except()));
        return sb.toString();
    }

    private static String join(List<HsPrefix> ps) {
        StringBuilder sb = new StringBuilder();
        for (HsPrefix p : ps) sb.append(sb.isEmpty() ? "" : ", ").append(p);
        return sb.toString();
    }

    // ---------------------------------------------------------------- regional value content

    private Outcome rvc(Rule.Rvc rv, Analysis a) {
        BigDecimal min = rv.min().at(date);
        List<Requirement> reqs = new ArrayList<>();
        if (min == null) {
            error("THRESHOLD_NOT_IN_FORCE", "Rule `" + rv.id() + "` sets no threshold for " + date + ".", "");
            reqs.add(new Requirement(rv.id(), rv.kind(), null, null, null, rv.citation(), "no threshold in force"));
            return new Outcome(null, TraceNode.leaf("No RVC threshold in force on " + date, rv.id(), rv.citation(), null,
                    null, null), reqs, List.of(rv.id()), null);
        }
        // De minimis exemption: all non-originating materials within the limit (SOR/2020-155 s.5(4); SOR/94-14 s.5(5)).
        DeMinimis dm = regime.deMinimis();
        BigDecimal base = a.deMinimisBase();
        BigDecimal pct = dm.percentFor(a.node.hs());
        if (base != null && base.signum() > 0 && a.vnm.multiply(HUNDRED).compareTo(pct.multiply(base)) <= 0) {
            String dmId = regime.id() + ".de-minimis-rvc";
            BigDecimal share = percent(a.vnm, base);
            reqs.add(new Requirement(rv.id(), rv.kind(), true, null, min, rv.citation(), "not required: de minimis"));
            reqs.add(new Requirement(dmId, "de-minimis", true, share, pct, dm.rvcCitation(),
                    "all non-originating materials within de minimis"));
            TraceNode t = node("RVC of " + min.toPlainString() + " % not required", rv.id(), rv.citation(), null, min, true,
                    List.of(TraceNode.leaf("All non-originating materials (" + a.vnm.toPlainString() + ") are " + display(share)
                            + " % of " + baseName(a) + " " + base.toPlainString() + ", not more than " + pct.toPlainString() + " %",
                            dmId, dm.rvcCitation(), a.vnm, pct, true)));
            return new Outcome(true, t, reqs, List.of(rv.id(), dmId), null);
        }
        boolean ncOnly = (regime.netCostRequiredWhenAccumulating() && a.accumulating)
                || (regime.netCostRequiredForIntermediate() && a.node.intermediate());
        List<RvcMethod> methods = new ArrayList<>();
        if (rv.method() != RvcMethod.NC && !ncOnly) methods.add(RvcMethod.TV);
        if (rv.method() != RvcMethod.TV || ncOnly) methods.add(RvcMethod.NC);
        RvcResult best = null;
        List<TraceNode> kids = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (RvcMethod m : methods) {
            BigDecimal basis = m == RvcMethod.TV ? a.adjustedTv : a.netCost;
            if (basis == null) {
                missing.add(m == RvcMethod.TV ? "transaction value" : "cost sheet (net cost)");
                continue;
            }
            if (basis.signum() <= 0) {
                error("NONPOSITIVE_BASIS", "The " + (m == RvcMethod.TV ? "adjusted transaction value" : "net cost") + " of `"
                        + label(a) + "` is `" + basis.toPlainString() + "`, so no RVC can be computed.", at(a.node, "costs"));
                continue;
            }
            BigDecimal value = percent(basis.subtract(a.vnm), basis);
            boolean met = basis.subtract(a.vnm).multiply(HUNDRED).compareTo(min.multiply(basis)) >= 0;
            RvcResult r = new RvcResult(m, value, min, m == RvcMethod.NC ? a.netCost : null,
                    m == RvcMethod.TV ? a.adjustedTv : null, a.vnm, met);
            if (trace) {
                String name = m == RvcMethod.TV ? "TV" : "NC";
                kids.add(TraceNode.leaf("RVC (" + name + ") = (" + name + " " + basis.toPlainString() + " − VNM " + a.vnm.toPlainString()
                        + ") / " + name + " × 100 = " + display(value) + " %, " + (met ? "not less than " : "less than ")
                        + min.toPlainString() + " %", rv.id(), regime.cite(m == RvcMethod.TV ? "rvc-tv" : "rvc-nc"), value, min, met));
            }
            if (best == null || better(r, best)) best = r;
        }
        if (best == null) {
            String what = String.join(" or ", missing);
            error(missing.contains("cost sheet (net cost)") ? "MISSING_COST" : "MISSING_TRANSACTION_VALUE",
                    "`" + label(a) + "` has no " + what + ", which rule `" + rv.id() + "` needs.",
                    at(a.node, missing.contains("cost sheet (net cost)") ? "costs" : "transactionValue"));
            reqs.add(new Requirement(rv.id(), rv.kind(), null, null, min, rv.citation(), "missing " + what));
            return new Outcome(null, TraceNode.leaf("RVC cannot be computed: missing " + what, rv.id(), rv.citation(), null,
                    min, null), reqs, List.of(rv.id()), null);
        }
        if (ncOnly && rv.method() != RvcMethod.NC && trace) {
            kids.add(TraceNode.leaf("Net cost method required (accumulation or intermediate material)", null,
                    regime.cite("net-cost-required"), null, null, null));
        }
        reqs.add(new Requirement(rv.id(), rv.kind(), best.met(), best.value(), min, rv.citation(),
                best.method() == RvcMethod.NC ? "net cost method" : "transaction value method"));
        TraceNode t = node("Regional value content of at least " + min.toPlainString() + " % (" + rv.method() + ")",
                rv.id(), rv.citation(), best.value(), min, best.met(), kids);
        return new Outcome(best.met(), t, reqs, List.of(rv.id()), best);
    }

    /** Prefers a met result; among equals, the larger margin over the threshold. */
    private static boolean better(RvcResult r, RvcResult than) {
        if (r.met() != than.met()) return r.met();
        return r.value().compareTo(than.value()) > 0;
    }

    // ---------------------------------------------------------------- helpers

    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, PERCENT_SCALE, RoundingMode.DOWN);
    }

    private static String display(BigDecimal pct) {
        return pct.setScale(4, RoundingMode.DOWN).stripTrailingZeros().toPlainString();
    }

    private static String baseName(Analysis a) {
        return a.adjustedTv != null ? "the adjusted transaction value" : "total cost";
    }

    private String label(Analysis a) {
        return a.node.top() ? good.id() : a.node.path();
    }

    private TraceNode node(String label, String id, String cite, BigDecimal amount, BigDecimal threshold, Boolean met,
                           List<TraceNode> kids) {
        return trace ? new TraceNode(label, id, cite, amount, threshold, met, kids) : null;
    }

    private TraceNode costTrace(Analysis a) {
        if (a.totalCost == null) {
            return TraceNode.leaf("No cost sheet given", null, null, null, null, null);
        }
        List<TraceNode> kids = List.of(
                TraceNode.leaf("Total cost", null, regime.cite("total-cost"), a.totalCost, null, null),
                TraceNode.leaf("Excluded costs (incl. those of self-produced materials not designated)", null,
                        regime.cite("excluded-costs"), a.excluded, null, null));
        return new TraceNode("Net cost", regime.id() + ".net-cost", regime.cite("net-cost"), a.netCost, null, null, kids);
    }

    private TraceNode vnmTrace(Analysis a) {
        return new TraceNode("Value of non-originating materials (VNM)", regime.id() + ".vnm", regime.cite("vnm"), a.vnm,
                null, null, a.vnmLines);
    }

    private TraceNode subTrace(String path, Material m, Analysis sa, Outcome so) {
        List<TraceNode> kids = new ArrayList<>();
        kids.add(costTrace(sa));
        kids.add(vnmTrace(sa));
        kids.addAll(sa.subTraces);
        if (so.trace() != null) kids.add(so.trace());
        return new TraceNode("Self-produced material `" + path + "` (" + m.hs() + ")" + (m.intermediate() ? ", designated intermediate" : "")
                + ": " + (Boolean.TRUE.equals(so.met()) ? "originating" : "not originating"), null,
                regime.cite(m.intermediate() ? "intermediate" : "self-produced"), sa.totalCost, null, so.met(), kids);
    }

    private void error(String code, String message, String path) {
        add(new Diagnostic(Severity.ERROR, code, message, good.id(), path));
    }

    private void warn(String code, String message, String path) {
        add(new Diagnostic(Severity.WARNING, code, message, good.id(), path));
    }

    private void add(Diagnostic d) {
        if (!diagnostics.contains(d)) diagnostics.add(d);
    }
}
