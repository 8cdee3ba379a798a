package dev.origin.core.engine;

import dev.origin.core.model.Material;
import dev.origin.core.rules.RvcMethod;
import dev.origin.core.rules.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The content tests of the 2017-18 proposals: national content and regional content with intangibles. */
final class ContentChecks {
    private ContentChecks() {}

    /**
     * National content (model of the 2017 US proposal, docs/automotive.md): (originating materials
     * produced in the country + (net cost − all materials) when the producer is there) ÷ net cost.
     */
    static Outcome national(Ctx ctx, Rule.NationalContent rule, BomAnalysis a) {
        BigDecimal min = ctx.threshold(rule.min(), rule.id());
        if (min == null) return Checks.notInForce(ctx, rule);
        if (a.netCost() == null || a.netCost().signum() <= 0) return Checks.notEvaluable(ctx, rule, min, "costs");
        var good = ctx.good();
        String x = rule.country();
        boolean producerThere = x.equals(good.producerCountry());
        BigDecimal national = BigDecimal.ZERO;
        BigDecimal allMaterials = good.costs().lumpMaterials();
        List<Step> kids = new ArrayList<>();
        if (producerThere && good.costs().originatingMaterials().signum() > 0) {
            national = national.add(good.costs().originatingMaterials());
            if (ctx.detail()) kids.add(Step.leaf(StepKind.NATIONAL_LUMP_SUM, rule.citation(), good.costs().originatingMaterials(), x));
        }
        for (Material m : good.materials()) {
            BigDecimal v = m.value() != null ? m.value() : BigDecimal.ZERO;
            allMaterials = allMaterials.add(v);
            String where = m.country() != null ? m.country() : m.isSelfProduced() ? good.producerCountry() : null;
            boolean orig = m.isSelfProduced() || ctx.isOriginating(m.origin());
            if (orig && x.equals(where) && !m.treatAsNonOriginating()) {
                national = national.add(v);
                if (ctx.detail()) kids.add(Step.leaf(StepKind.NATIONAL_MATERIAL, rule.citation(), v, m.id(), x));
            }
        }
        if (producerThere) {
            BigDecimal added = a.netCost().subtract(allMaterials);
            if (added.signum() > 0) {
                national = national.add(added);
                if (ctx.detail()) kids.add(Step.leaf(StepKind.NATIONAL_ADDED, rule.citation(), added, x));
            }
        }
        Ratio share = Ratio.percent(national, a.netCost());
        return Checks.simple(ctx, rule, share, min, share.atLeast(min), StepKind.NATIONAL_CONTENT, kids, x + " content",
                x, Checks.display(share.value()), min);
    }

    /** Canada's 2018 idea, as modelled: (NC − VNM + a) ÷ (NC + b) × 100 with North American (a) and total (b) intangibles. */
    static Outcome intangibles(Ctx ctx, Rule.Intangibles rule, BomAnalysis a) {
        BigDecimal min = ctx.threshold(rule.min(), rule.id());
        if (min == null) return Checks.notInForce(ctx, rule);
        if (a.netCost() == null || a.netCost().signum() <= 0) return Checks.notEvaluable(ctx, rule, min, "costs");
        var ip = ctx.good().vehicleData().intangibles();
        BigDecimal na = ip == null || ip.northAmerican() == null ? BigDecimal.ZERO : ip.northAmerican();
        BigDecimal tot = ip == null || ip.total() == null ? BigDecimal.ZERO : ip.total();
        if (na.compareTo(tot) > 0) {
            ctx.report(ErrorCode.BAD_INTANGIBLES, "intangibles", na, tot);
        }
        BigDecimal vnm = a.reportedVnm();
        Ratio value = Ratio.percent(a.netCost().subtract(vnm).add(na), a.netCost().add(tot));
        boolean met = value.atLeast(min);
        List<Step> kids = ctx.detail() ? List.of(Step.of(StepKind.INTANGIBLES_FORMULA, null, rule.citation(), value.value(), min,
                FindingStatus.of(met), List.of(), a.netCost(), vnm, na, tot)) : List.of();
        Outcome o = Checks.simple(ctx, rule, value, min, met, StepKind.INTANGIBLES, kids, ip == null ? "no intangibles given" : null,
                Checks.display(value.value()), min);
        RvcResult r = new RvcResult(RvcMethod.NC, value.value(), min, a.netCost(), null, vnm, met);
        return new Outcome(o.status(), o.step(), o.findings(), o.deciding(), r);
    }
}
