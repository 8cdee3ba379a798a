package dev.origin.core.engine;

import dev.origin.core.rules.RequirementKind;
import dev.origin.core.rules.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Applies a rule tree to an analysed node, one checker per provision, and decides the node's origin:
 * the product-specific rule, or criterion (c) (produced exclusively from originating materials), or
 * criterion (d) (the parts rule).
 */
final class RuleEvaluator {
    /** No material is waived from the tariff shift. */
    static final Predicate<Candidate> NO_WAIVER = c -> false;

    private final Ctx ctx;

    RuleEvaluator(Ctx ctx) { this.ctx = ctx; }

    /** A self-produced material: without a rule it is not originating. */
    Outcome decideSub(BomAnalysis a) {
        if (a.node().rule() == null) {
            return new Outcome(FindingStatus.NOT_MET, ctx.detail() ? Step.of(StepKind.NO_RULE_FOR_MATERIAL, null, null, null, null,
                    FindingStatus.NOT_MET, List.of(), a.node().hs()) : null, List.of(), List.of(), null);
        }
        return decide(a);
    }

    Outcome decide(BomAnalysis a) {
        Node n = a.node();
        if (n.rule() == null) {
            ctx.report(ErrorCode.NO_RULE, "hs", ctx.regime().id(), n.hs());
            Finding f = Finding.notEvaluable(ctx.regime().id() + ".psr", RequirementKind.PRODUCT_RULE, null, null, List.of("rule"))
                    .withNote("no rule");
            return new Outcome(FindingStatus.NOT_EVALUABLE, ctx.detail() ? Step.of(StepKind.NO_RULE, null, null, null, null,
                    FindingStatus.NOT_EVALUABLE, List.of(), n.hs()) : null, List.of(f), List.of(), null);
        }
        Outcome o = apply(n.rule(), a, NO_WAIVER);
        if (!o.met()) {
            Outcome d = PartsRuleCheck.check(ctx, this, a, o);
            if (d != null && d.met()) return d;
            if (d != null) o = d;
        }
        // requirements other than the tariff shift and the RVC still apply to a good made of originating
        // materials ("and the good satisfies all other applicable requirements", SOR/2020-155 s.3(3); s.13-18)
        if (!o.met() && a.allOriginating() && othersMet(o)) {
            // Criterion (c): produced entirely from originating materials (SOR/2020-155 s.3(3); SOR/94-14 s.4(3)).
            String id = ctx.regime().id() + ".criterion-c";
            String cite = ctx.cite("criterion-c");
            List<Finding> reqs = new ArrayList<>(o.findings());
            reqs.add(Finding.of(id, RequirementKind.ORIGINATING_MATERIALS, FindingStatus.MET, null, null, cite,
                    "produced exclusively from originating materials"));
            Step t = !ctx.detail() ? null : Step.of(StepKind.CRITERION_C_EITHER, null, null, null, null, FindingStatus.MET,
                    List.of(o.step(), Step.of(StepKind.CRITERION_C, id, cite, BigDecimal.ZERO, null, FindingStatus.MET, List.of())));
            return new Outcome(FindingStatus.MET, t, reqs, List.of(id), o.rvc());
        }
        return o;
    }

    private static boolean othersMet(Outcome o) {
        for (Finding q : o.findings()) if (q.kind().isOtherRequirement() && !q.status().isMet()) return false;
        return true;
    }

    /** Applies {@code rule}; materials matching {@code waived} are not tested for a tariff shift (criterion (d)). */
    Outcome apply(Rule rule, BomAnalysis a, Predicate<Candidate> waived) {
        if (rule instanceof Rule.TariffShift ts) return new TariffShiftCheck(ctx, ts, a).check(waived);
        if (rule instanceof Rule.Rvc rv) return RvcCheck.check(ctx, rv, a);
        if (rule instanceof Rule.WhollyObtained w) {
            boolean met = a.node().whollyObtained() || a.allOriginating();
            Finding f = Finding.of(w.id(), w.kind(), FindingStatus.of(met), null, null, w.citation(), null);
            return Outcome.of(f, ctx.detail() ? Step.of(met ? StepKind.WHOLLY_OBTAINED : StepKind.NOT_WHOLLY_OBTAINED, w.id(),
                    w.citation(), null, null, f.status(), List.of()) : null);
        }
        if (rule instanceof Rule.NoChangeRequired ncr) {
            return new Outcome(FindingStatus.MET, ctx.detail() ? Step.of(StepKind.NO_CHANGE_REQUIRED, ncr.id(), ncr.citation(), null,
                    null, FindingStatus.MET, List.of()) : null, List.of(), List.of(), null);
        }
        if (rule instanceof Rule.Condition c) {
            boolean met = a.node().top() && ctx.good().states(c.text());
            StepKind k = c.condition() == Rule.ConditionKind.GOOD ? (met ? StepKind.CONDITION_GOOD_STATED : StepKind.CONDITION_GOOD_NOT_STATED)
                    : (met ? StepKind.CONDITION_PROCESS_STATED : StepKind.CONDITION_PROCESS_NOT_STATED);
            return Checks.simple(ctx, c, null, null, met, k, List.of(), met ? "stated" : "not stated in `facts`", c.text());
        }
        if (rule instanceof Rule.CoreParts cp) return CoreParts.check(ctx, cp, a);
        if (rule instanceof Rule.Lvc lvc) return LvcCheck.check(ctx, lvc, a);
        if (rule instanceof Rule.MetalPurchases mp) return MetalCheck.check(ctx, mp);
        if (rule instanceof Rule.NationalContent nc) return ContentChecks.national(ctx, nc, a);
        if (rule instanceof Rule.Intangibles ip) return ContentChecks.intangibles(ctx, ip, a);
        if (rule instanceof Rule.AllOf all) return combine(all.id(), all.citation(), all.rules(), a, true, waived);
        Rule.AnyOf any = (Rule.AnyOf) rule;
        return combine(any.id(), any.citation(), any.rules(), a, false, waived);
    }

    Outcome combine(String id, String citation, List<Rule> rules, BomAnalysis a, boolean all, Predicate<Candidate> waived) {
        List<Outcome> outs = new ArrayList<>(rules.size());
        for (Rule r : rules) outs.add(apply(r, a, waived));
        FindingStatus status = all ? FindingStatus.MET : FindingStatus.NOT_MET;
        for (Outcome o : outs) status = all ? status.and(o.status()) : status.or(o.status());
        List<Finding> reqs = new ArrayList<>();
        LinkedHashSet<String> deciding = new LinkedHashSet<>();
        RvcResult rvc = null;
        for (Outcome o : outs) reqs.addAll(o.findings());
        if (status.isMet()) {
            for (Outcome o : outs) {
                if (!o.met()) continue;
                deciding.addAll(o.deciding());
                if (rvc == null) rvc = o.rvc();
                if (!all) break;
            }
        } else {
            for (Outcome o : outs) {
                if (o.met()) continue;
                if (status == FindingStatus.NOT_MET && o.status() == FindingStatus.NOT_EVALUABLE) continue;
                deciding.addAll(o.deciding());
            }
        }
        if (rvc == null) for (Outcome o : outs) if (o.rvc() != null) { rvc = o.rvc(); break; }
        Step t = null;
        if (ctx.detail()) {
            List<Step> kids = new ArrayList<>();
            for (Outcome o : outs) kids.add(o.step());
            t = Step.of(all ? StepKind.ALL_OF : StepKind.ANY_OF, id, citation, null, null, status, kids);
        }
        return new Outcome(status, t, reqs, new ArrayList<>(deciding), rvc);
    }
}
