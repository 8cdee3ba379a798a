package dev.origin.core.engine;

import dev.origin.core.hs.HsCode;
import dev.origin.core.hs.HsEdition;
import dev.origin.core.hs.PartsProvisions;
import dev.origin.core.regime.PartsRuleReading;
import dev.origin.core.regime.Regime;
import dev.origin.core.rules.RequirementKind;
import dev.origin.core.rules.Rule;
import dev.origin.core.rules.Rules;
import dev.origin.core.rules.RvcMethod;
import dev.origin.core.rules.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Criterion (d), the parts rule (SOR/94-14 s.4(4)(b), NAFTA Art. 401(d); SOR/2020-155 s.3(4)(a), USMCA
 * Art. 4.2(d)): a good that fails its tariff shift only because non-originating materials provided for as
 * parts cannot change classification is originating if it meets the rest of its rule and an RVC of 60 %
 * (TV) or 50 % (NC). It applies in two cases, and in no other:
 * <ul>
 *   <li>the good was imported unassembled or disassembled and classified as assembled under GIR 2(a)
 *       ({@code unassembled} on the good): every failing material is waived;</li>
 *   <li>the materials are classified in the good's own subheading, or its heading when the heading is not
 *       subdivided, and that provision "provides for and specifically describes both the good itself and
 *       its parts" (SOR/94-14 s.4(4)(b)(ii)) — decided from the HS nomenclature ({@link PartsProvisions}),
 *       or from the good's {@code partsProvision} where the producer states it. A material the producer
 *       states is not provided for as a part ({@code providedForAsParts: false}) is not waived.</li>
 * </ul>
 * The finding says which case applied ({@link Finding.Basis}), or why none did.
 */
final class PartsRuleCheck {
    private PartsRuleCheck() {}

    /** The outcome under criterion (d) for a node whose rule failed, or null when the criterion has nothing to say. */
    static Outcome check(Ctx ctx, RuleEvaluator rules, BomAnalysis a, Outcome failed) {
        Node n = a.node();
        Regime.PartsRule pr = ctx.regime().partsRule();
        if (pr == null || pr.excluded().stream().anyMatch(r -> r.contains(n.hs()))) return null;
        boolean unassembled = n.top() && ctx.good().unassembled();
        boolean classedWith = false;
        for (Candidate c : a.candidates()) {
            if (sameProvision(c.hs(), n.hs())) {
                classedWith = true;
                break;
            }
        }
        if (!unassembled && !classedWith) return null;
        if (Rules.flatten(n.rule()).stream().noneMatch(r -> r instanceof Rule.TariffShift)) return null;
        String id = ctx.regime().id() + ".criterion-d";
        Finding.Basis basis;
        Predicate<Candidate> waived;
        String provision = provisionOf(n.hs());
        if (unassembled) {
            basis = Finding.Basis.UNASSEMBLED_GIR_2A;
            waived = c -> true;
        } else {
            Boolean stated = n.top() ? ctx.good().partsProvision() : null;
            var found = PartsProvisions.forGood(n.hs(), HsEdition.inForce(ctx.date()));
            // the USMCA's s.3(4)(a) read literally needs no parts provision: a named option of the pack (docs/parts-rule.md)
            boolean literal = ctx.regime().partsRuleReading() == PartsRuleReading.LITERAL;
            if (!literal && (Boolean.FALSE.equals(stated) || (stated == null && found.isEmpty()))) {
                // the materials share the good's provision, but it does not provide for parts: the criterion does not apply
                Finding f = Finding.of(id, RequirementKind.PARTS_RULE, FindingStatus.NOT_MET, null, null, pr.citation(),
                        "the provision " + provision + " of the good does not provide for both the good and its parts"
                                + (stated == null ? " (HS nomenclature)" : " (as stated)"));
                return withFinding(ctx, failed, f, failed.status(), StepKind.PARTS_RULE_NO_PROVISION, provision);
            }
            basis = stated != null ? Finding.Basis.PARTS_STATED : literal && found.isEmpty() ? Finding.Basis.SAME_PROVISION_LITERAL
                    : Finding.Basis.PARTS_PROVISION;
            waived = c -> sameProvision(c.hs(), n.hs()) && !Boolean.FALSE.equals(c.asParts());
        }
        Outcome rest = rules.apply(n.rule(), a, waived);
        Outcome rvc = rules.combine(id, pr.citation(), List.of(
                new Rule.Rvc(id + ".tv", RvcMethod.TV, Threshold.of(pr.tvMin()), pr.citation()),
                new Rule.Rvc(id + ".nc", RvcMethod.NC, Threshold.of(pr.ncMin()), pr.citation())), a, false, RuleEvaluator.NO_WAIVER);
        FindingStatus status = rest.status().and(rvc.status());
        String why = basis == Finding.Basis.UNASSEMBLED_GIR_2A ? "imported unassembled, classified as assembled (GIR 2(a))"
                : "materials provided for as parts in " + provision + (basis == Finding.Basis.PARTS_STATED ? " (as stated)" : "");
        List<String> missing = status != FindingStatus.NOT_EVALUABLE ? List.of() : java.util.stream.Stream.concat(
                rest.findings().stream(), rvc.findings().stream()).flatMap(x -> x.missing().stream()).distinct().toList();
        Finding f = new Finding(id, RequirementKind.PARTS_RULE, status, rvc.rvc() == null ? null : rvc.rvc().value(), null,
                pr.citation(), java.util.Map.of(), missing, basis, why);
        // not met: the good fails; not evaluable (e.g. no value for the RVC): it may qualify once the facts are given
        if (!status.isMet()) return withFinding(ctx, failed, f, failed.status().or(status), StepKind.PARTS_RULE_NOT_MET, why);
        List<Finding> reqs = new ArrayList<>(failed.findings());
        reqs.addAll(rvc.findings());
        reqs.add(f);
        List<String> deciding = new ArrayList<>(rest.deciding());
        deciding.addAll(rvc.deciding());
        Step t = !ctx.detail() ? null : Step.of(StepKind.PARTS_RULE_MET, id, pr.citation(), null, null, FindingStatus.MET,
                List.of(failed.step(), rest.step(), rvc.step()), why, pr.tvMin(), pr.ncMin());
        return new Outcome(FindingStatus.MET, t, reqs, deciding, rvc.rvc());
    }

    /** The failed outcome, with the criterion's finding and the reason it did not help. */
    private static Outcome withFinding(Ctx ctx, Outcome failed, Finding f, FindingStatus status, StepKind kind, String arg) {
        List<Finding> reqs = new ArrayList<>(failed.findings());
        reqs.add(f);
        Step t = !ctx.detail() ? null : Step.of(StepKind.CRITERION_D_EITHER, null, null, null, null, status,
                List.of(failed.step(), Step.of(kind, f.id(), f.citation(), null, null, f.status(), List.of(), arg)));
        return new Outcome(status, t, reqs, failed.deciding(), failed.rvc());
    }

    /** Same subheading; or same heading where the heading is not subdivided (subheading digits xx00). */
    static boolean sameProvision(HsCode material, HsCode good) {
        return material != null && material.subheading().equals(good.subheading());
    }

    private static String provisionOf(HsCode hs) {
        String s = hs.subheading();
        return s.endsWith("00") ? s.substring(0, 2) + "." + s.substring(2, 4) : s.substring(0, 4) + "." + s.substring(4);
    }
}
