package dev.origin.core.engine;

import dev.origin.core.hs.HsRange;
import dev.origin.core.model.VehicleData;
import dev.origin.core.rules.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** SOR/2020-155 s.17: corporate purchases of Table S steel or aluminum at least {@code min} % originating. */
final class MetalCheck {
    private MetalCheck() {}

    static Outcome check(Ctx ctx, Rule.MetalPurchases rule) {
        BigDecimal min = ctx.threshold(rule.min(), rule.id());
        if (min == null) return Checks.notInForce(ctx, rule);
        boolean steel = rule.metal() == Rule.Metal.STEEL;
        var p = steel ? ctx.good().vehicleData().steel() : ctx.good().vehicleData().aluminum();
        String field = steel ? "steel" : "aluminum";
        List<Step> kids = new ArrayList<>();
        BigDecimal originating = p == null ? null : p.originating();
        BigDecimal total = p == null ? null : p.total();
        if (p != null && !p.items().isEmpty()) {
            // only purchases of Table S goods count (SOR/2020-155 s.17, Table S)
            List<HsRange> table = ctx.auto() == null ? List.of() : steel ? ctx.auto().steelTable() : ctx.auto().aluminumTable();
            originating = BigDecimal.ZERO;
            total = BigDecimal.ZERO;
            for (VehicleData.Purchase it : p.items()) {
                boolean inTable = table.isEmpty() || table.stream().anyMatch(r -> r.contains(it.hs()));
                if (inTable) {
                    total = total.add(it.value());
                    if (it.originating()) originating = originating.add(it.value());
                }
                if (ctx.detail()) {
                    kids.add(Step.leaf(!inTable ? StepKind.METAL_NOT_TABLE_S : it.originating() ? StepKind.METAL_ORIGINATING
                            : StepKind.METAL_NON_ORIGINATING, rule.citation(), it.value(), it.hs(), it.originating() ? "originating" : "non-originating"));
                }
            }
        }
        if (originating == null || total == null || total.signum() <= 0) return Checks.notEvaluable(ctx, rule, min, field);
        Ratio share = Ratio.percent(originating, total);
        return Checks.simple(ctx, rule, share, min, share.atLeast(min), StepKind.METAL, kids, null, field, originating, total,
                Checks.display(share.value()), min);
    }
}
