package dev.origin.core.engine;

import dev.origin.core.rules.Rule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Helpers every checker shares: percentages, the not-in-force and not-evaluable findings. */
final class Checks {
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Scale of reported percentages; comparisons never use it (they cross-multiply exactly). */
    static final int PERCENT_SCALE = 10;

    private Checks() {}

    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, PERCENT_SCALE, RoundingMode.DOWN);
    }

    /** A percentage for explanations: at most 4 decimals, truncated. */
    static String display(BigDecimal pct) {
        return pct.setScale(4, RoundingMode.DOWN).stripTrailingZeros().toPlainString();
    }

    /** A requirement whose threshold is not in force on the date: not met (the rule did not exist), with a warning. */
    static Outcome notInForce(Ctx ctx, Rule r) {
        ctx.report(ErrorCode.THRESHOLD_NOT_IN_FORCE, "", r.id(), ctx.thresholdDate());
        Finding f = Finding.of(r.id(), r.kind(), FindingStatus.NOT_MET, null, null, r.citation(), "no threshold in force")
                .withBasis(Finding.Basis.NO_THRESHOLD_IN_FORCE);
        return Outcome.of(f, ctx.detail() ? Step.of(StepKind.NO_THRESHOLD_IN_FORCE, r.id(), r.citation(), null, null, f.status(),
                List.of(), r.kind(), ctx.thresholdDate()) : null);
    }

    /** A requirement that needs facts the case file does not give: NOT_EVALUABLE, naming them. */
    static Outcome notEvaluable(Ctx ctx, Rule r, BigDecimal min, String... missing) {
        Finding f = Finding.notEvaluable(r.id(), r.kind(), min, r.citation(), List.of(missing));
        return Outcome.of(f, ctx.detail() ? Step.of(StepKind.NOT_EVALUABLE, r.id(), r.citation(), null, min, f.status(),
                List.of(), r.kind(), String.join(", ", missing)) : null);
    }

    /** A threshold test with one finding. */
    static Outcome simple(Ctx ctx, Rule r, Ratio value, BigDecimal min, boolean met, StepKind kind, List<Step> kids, String note,
                          Object... args) {
        BigDecimal v = value == null ? null : value.value();
        Finding f = Finding.of(r.id(), r.kind(), FindingStatus.of(met), v, min, r.citation(), note);
        if (value != null) f = f.withAmounts(Finding.withRatio(java.util.Map.of(), value));
        return Outcome.of(f, ctx.detail() ? Step.of(kind, r.id(), r.citation(), v, min, f.status(), kids, args) : null);
    }
}
