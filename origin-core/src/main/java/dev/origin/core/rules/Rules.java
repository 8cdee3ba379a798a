package dev.origin.core.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Operations on rule trees. */
public final class Rules {
    private Rules() {}

    /**
     * Returns the rule with ids assigned where missing: the root gets {@code prefix}, children get
     * {@code prefix.kind} ({@code psr.tariff-shift}, {@code psr.rvc}), numbered when a kind repeats
     * among siblings ({@code psr.rvc.2}); nested groups get their position ({@code psr.2}, then
     * {@code psr.2.rvc}). Existing ids are kept. Citations missing on children are
     * inherited from the parent.
     */
    public static Rule withIds(Rule rule, String prefix, String citation) {
        return assign(rule, rule.id() != null ? rule.id() : prefix, citation);
    }

    private static Rule assign(Rule r, String id, String inherited) {
        String cite = r.citation() != null ? r.citation() : inherited;
        if (r instanceof Rule.TariffShift t) return new Rule.TariffShift(id, t.level(), t.from(), t.except(), t.fromDescribed(), t.exceptDescribed(), t.atMostOneOf(), cite);
        if (r instanceof Rule.Rvc v) return new Rule.Rvc(id, v.method(), v.min(), cite);
        if (r instanceof Rule.WhollyObtained) return new Rule.WhollyObtained(id, cite);
        if (r instanceof Rule.NoChangeRequired) return new Rule.NoChangeRequired(id, cite);
        if (r instanceof Rule.NationalContent n) return new Rule.NationalContent(id, n.country(), n.min(), cite);
        if (r instanceof Rule.CoreParts c) return new Rule.CoreParts(id, c.ncMin(), c.tvMin(), cite);
        if (r instanceof Rule.Lvc l) return new Rule.Lvc(id, l.min(), l.hwmmeMin(), cite);
        if (r instanceof Rule.MetalPurchases m) return new Rule.MetalPurchases(id, m.metal(), m.min(), cite);
        if (r instanceof Rule.Intangibles i) return new Rule.Intangibles(id, i.min(), cite);
        if (r instanceof Rule.Condition c) return new Rule.Condition(id, c.condition(), c.text(), cite);
        if (r instanceof Rule.AllOf a) return new Rule.AllOf(id, children(a.rules(), id, cite), cite);
        Rule.AnyOf a = (Rule.AnyOf) r;
        return new Rule.AnyOf(id, children(a.rules(), id, cite), cite);
    }

    private static List<Rule> children(List<Rule> rules, String parentId, String cite) {
        Map<RequirementKind, Integer> seen = new HashMap<>();
        List<Rule> out = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            Rule c = rules.get(i);
            boolean group = c instanceof Rule.AllOf || c instanceof Rule.AnyOf;
            int n = group ? 0 : seen.merge(c.kind(), 1, Integer::sum);
            String id = c.id() != null ? c.id()
                    : group ? parentId + "." + (i + 1) : parentId + "." + c.kind() + (n > 1 ? "." + n : "");
            out.add(assign(c, id, cite));
        }
        return out;
    }

    /** All rules of the tree, depth first. */
    public static List<Rule> flatten(Rule rule) {
        List<Rule> out = new ArrayList<>();
        walk(rule, out);
        return out;
    }

    private static void walk(Rule r, List<Rule> out) {
        out.add(r);
        if (r instanceof Rule.AllOf a) a.rules().forEach(c -> walk(c, out));
        if (r instanceof Rule.AnyOf a) a.rules().forEach(c -> walk(c, out));
    }

    /** True when the tree contains an RVC rule. */
    public static boolean hasRvc(Rule rule) {
        return flatten(rule).stream().anyMatch(r -> r instanceof Rule.Rvc);
    }
}
