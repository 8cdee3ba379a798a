package dev.origin.core.engine;

import dev.origin.core.model.Material;
import dev.origin.core.model.MaterialKind;
import dev.origin.core.model.PartData;
import dev.origin.core.regime.Regime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The VNM of the automotive tracing schemes: traced materials (NAFTA light-duty, SOR/94-14 s.9,
 * Schedule IV) and the heavy-duty listed-materials method (SOR/94-14 s.10(1); SOR/2020-155 s.20(4)-(5)).
 * Steps of the explanation are appended to {@code steps} when recorded.
 */
final class TracedVnm {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private final Ctx ctx;
    private final Regime.Tracing t;
    private final List<Step> steps;

    TracedVnm(Ctx ctx, Regime.Tracing t, List<Step> steps) {
        this.ctx = ctx;
        this.t = t;
        this.steps = steps;
    }

    private void step(StepKind kind, BigDecimal amount, Object... args) {
        if (ctx.detail()) steps.add(Step.leaf(kind, t.citation(), amount, args));
    }

    /**
     * Value of traced materials in {@code materials}, through every tier (SOR/94-14 s.9: a designation
     * does not remove traced materials; a supplier's statement gives the traced value, or VM × (1 − RVC),
     * or VM × (1 − the RVC requirement), or the full value).
     */
    BigDecimal traced(List<Material> materials, String prefix) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Material m : materials) {
            String path = prefix + m.id();
            var tr = m.part() == null ? null : m.part().tracing();
            boolean stated = tr != null && (tr.value() != null || tr.rvc() != null || tr.rvcRequirement() != null || tr.full());
            if (!stated && m.isSelfProduced()) {
                List<Step> sub = new ArrayList<>();
                BigDecimal inner = new TracedVnm(ctx, t, sub).traced(m.production().materials(), path + "/");
                sum = sum.add(inner);
                if (ctx.detail()) steps.add(new Step(StepKind.TRACED_SELF_PRODUCED, List.of(path), null, t.citation(), inner, null, null, sub));
                continue;
            }
            BigDecimal value = m.value();
            if (stated) {
                BigDecimal v = tracedValue(tr, value);
                sum = sum.add(v);
                if (tr.value() != null) step(StepKind.TRACED_STATED_VALUE, v, path);
                else if (tr.rvc() != null) step(StepKind.TRACED_STATED_RVC, v, path, tr.rvc());
                else if (tr.rvcRequirement() != null) step(StepKind.TRACED_RVC_REQUIREMENT, v, path, tr.rvcRequirement());
                else step(StepKind.TRACED_NO_INFORMATION, v, path);
                continue;
            }
            boolean outside = m.country() == null ? !ctx.isOriginating(m.origin()) : !ctx.regime().parties().contains(m.country());
            boolean partly = !t.isListed(m.hs()) && t.isPartlyListed(m.hs());
            if (outside && partly) {
                ctx.report(ErrorCode.PARTLY_LISTED_CODE, "materials[" + path + "]", path, m.hs(), t.citation());
            }
            if (outside && (t.isListed(m.hs()) || partly) && m.kind() != MaterialKind.INDIRECT && m.kind() != MaterialKind.PACKING) {
                sum = sum.add(value);
                if (m.country() == null) step(StepKind.TRACED_OUTSIDE_NO_COUNTRY, value, path, m.hs());
                else step(StepKind.TRACED_OUTSIDE, value, path, m.hs(), m.country());
            } else {
                step(t.isListed(m.hs()) ? StepKind.TRACED_INSIDE : StepKind.TRACED_NOT_LISTED, BigDecimal.ZERO, path);
            }
        }
        return sum;
    }

    /**
     * Heavy-duty listed-materials method (SOR/94-14 s.10(1); SOR/2020-155 s.20(4)-(5)): what is added to
     * all non-originating materials: for each originating listed material, component, sub-component or
     * component assembly, the non-originating value inside it, as the supplier states it (value, VM × (1 −
     * RVC), VM × (1 − RVC requirement)), from its figures, or else its full value (s.10(1)(d)); and the
     * adjustments the producer may choose for non-originating ones (s.10(1)(a)(iii), (b)(ii), (e)(i)).
     */
    BigDecimal listed(List<Material> materials, List<BomAnalysis.Sub> subs) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Material m : materials) {
            if (m.treatAsNonOriginating()) continue;
            if (m.isSelfProduced()) {
                // s.10(1)(a)(iii): for a designated intermediate material that is not originating, the producer may
                // count the non-originating materials used to make it instead of its whole value (the lower is taken)
                BomAnalysis.Sub s = BomAnalysis.subOf(subs, m);
                if (s != null && s.designated() && !s.originating()) {
                    BigDecimal value = m.value() != null ? m.value() : s.analysis().totalCost();
                    BigDecimal inner = s.analysis().vnm();
                    if (value != null && inner.compareTo(value) < 0) {
                        sum = sum.add(inner.subtract(value));
                        step(StepKind.LISTED_INTERMEDIATE, inner.subtract(value), m.id(), inner, value);
                    }
                }
                continue;
            }
            var tr = m.part() == null ? null : m.part().tracing();
            BigDecimal value = m.value();
            if (!ctx.isOriginating(m.origin())) {
                // s.10(1)(b)(ii), (e)(i): for a non-originating listed material the producer may use the supplier's figure
                if (tr == null || tr.full()) continue;
                BigDecimal v = tracedValue(tr, value);
                sum = sum.add(v.subtract(value));
                step(StepKind.LISTED_SUPPLIER_FIGURE, v.subtract(value), m.id(), v, value);
                continue;
            }
            boolean hasRole = m.part() != null && m.part().heavyDuty() != null;
            if (tr == null && !hasRole && !t.isListed(m.hs())) continue;
            BigDecimal v;
            if (tr != null) {
                v = tracedValue(tr, value);
                step(tr.full() ? StepKind.LISTED_FULL_VALUE : StepKind.LISTED_STATEMENT, v, m.id());
            } else if (m.part() != null && m.part().figures() != null && m.part().figures().vnm() != null) {
                v = m.part().figures().vnm();
                step(StepKind.LISTED_FIGURES, v, m.id());
            } else {
                v = value;
                step(StepKind.LISTED_NO_INFORMATION, v, m.id());
                ctx.report(ErrorCode.NO_LISTED_MATERIAL_INFO, "materials[" + m.id() + "]", m.id(), m.hs(), t.citation());
            }
            sum = sum.add(v);
        }
        return sum;
    }

    /** The value a supplier statement gives: stated value, VM × (1 − RVC), VM × (1 − requirement), or the full value. */
    static BigDecimal tracedValue(PartData.Tracing tr, BigDecimal value) {
        if (tr.value() != null) return tr.value();
        if (tr.rvc() != null) return share(value, tr.rvc());
        if (tr.rvcRequirement() != null) return share(value, tr.rvcRequirement());
        return value;
    }

    private static BigDecimal share(BigDecimal value, BigDecimal rvc) {
        return value.multiply(HUNDRED.subtract(rvc)).divide(HUNDRED, 10, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
