package dev.origin.core.engine;

import dev.origin.core.model.Good;
import dev.origin.core.model.Material;
import dev.origin.core.model.MaterialKind;
import dev.origin.core.model.Origin;
import dev.origin.core.regime.Regime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The origin engine's facade: evaluates goods under one regime. Thread-safe and immutable; one
 * evaluator serves single-good explanations and bulk runs (pass {@code trace = false} in bulk).
 *
 * <p>Materials of unknown origin are evaluated as two bounds: the best case treats them as
 * originating, the worst case as non-originating. The verdict is {@link Status#UNDETERMINED}
 * exactly when the best case qualifies and the worst case does not.
 */
public final class Evaluator {
    private final Regime regime;

    private Evaluator(Regime regime) {
        this.regime = Objects.requireNonNull(regime, "regime");
    }

    public static Evaluator of(Regime regime) {
        return new Evaluator(regime);
    }

    public Regime regime() { return regime; }

    /** Evaluates {@code good} with the rules in force on {@code date}, recording the explanation trace. */
    public Determination evaluate(Good good, LocalDate date) {
        return evaluate(good, date, true);
    }

    /** Evaluates {@code good} on {@code date}; with {@code trace = false} no explanation tree is built. */
    public Determination evaluate(Good good, LocalDate date, boolean trace) {
        Objects.requireNonNull(date, "date");
        List<String> unknown = new ArrayList<>();
        collectUnknown(good.materials(), "", unknown);
        if (unknown.isEmpty()) {
            return new Run(regime, good, date, Scenario.WORST, trace).determine(null);
        }
        Determination best = new Run(regime, good, date, Scenario.BEST, trace).determine(null);
        Determination worst = new Run(regime, good, date, Scenario.WORST, trace).determine(null);
        Status status;
        Determination basis;
        if (worst.status() == Status.ORIGINATING) {
            status = Status.ORIGINATING;
            basis = worst;
        } else if (best.status() == Status.ORIGINATING) {
            status = Status.UNDETERMINED;
            basis = worst;
        } else {
            status = Status.NON_ORIGINATING;
            basis = best;
        }
        Set<Diagnostic> diags = new LinkedHashSet<>(worst.diagnostics());
        diags.addAll(best.diagnostics());
        var bounds = new Determination.Bounds(unknown, best, worst);
        return new Determination(good.id(), regime.id(), regime.revision(), date, status, basis.rvc(),
                basis.requirements(), basis.decidingRules(), new ArrayList<>(diags), basis.trace(), bounds,
                basis.totalCost(), basis.vnm());
    }

    /** Paths of materials whose declared origin is unknown, anywhere in the BOM (not counting accumulated lines). */
    static void collectUnknown(List<Material> materials, String prefix, List<String> out) {
        for (Material m : materials) {
            String path = prefix + m.id();
            if (m.isSelfProduced()) {
                collectUnknown(m.production().materials(), path + "/", out);
            } else if (m.statement() == null && m.origin() == Origin.UNKNOWN && !m.treatAsNonOriginating()
                    && m.kind() != MaterialKind.INDIRECT && m.kind() != MaterialKind.PACKING) {
                out.add(path);
            }
        }
    }

    /** How materials of unknown origin are treated in one run. */
    enum Scenario { BEST, WORST }
}
