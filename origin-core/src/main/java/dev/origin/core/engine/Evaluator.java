package dev.origin.core.engine;

import dev.origin.core.model.Good;
import dev.origin.core.model.Material;
import dev.origin.core.model.MaterialKind;
import dev.origin.core.model.Origin;
import dev.origin.core.regime.Regime;
import dev.origin.core.tariff.TariffSchedule;
import java.math.BigDecimal;
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
    private final TariffSchedule tariffs;

    private Evaluator(Regime regime, TariffSchedule tariffs) {
        this.regime = Objects.requireNonNull(regime, "regime");
        this.tariffs = tariffs;
    }

    public static Evaluator of(Regime regime) {
        return builder(regime).build();
    }

    /** A builder for an evaluator of {@code regime}. */
    public static Builder builder(Regime regime) {
        return new Builder(regime);
    }

    /**
     * Configures an evaluator: the regime (required) and the tariff schedule for the duty consequence
     * (optional). {@link #build()} rejects settings that contradict each other, naming the setting.
     */
    public static final class Builder {
        private final Regime regime;
        private TariffSchedule tariffs;

        private Builder(Regime regime) {
            if (regime == null) throw new IllegalArgumentException("An evaluator needs a regime (`regime` is null).");
            this.regime = regime;
        }

        /** The MFN tariff schedule used for goods with a destination. */
        public Builder tariffs(TariffSchedule schedule) {
            this.tariffs = Objects.requireNonNull(schedule, "tariffs");
            return this;
        }

        /**
         * The evaluator.
         *
         * @throws IllegalArgumentException when the tariff schedule has no rates for any party of the regime
         */
        public Evaluator build() {
            if (tariffs != null && !tariffs.importers().isEmpty() && regime.parties().stream().noneMatch(tariffs.importers()::contains)) {
                throw new IllegalArgumentException("The tariff schedule `" + tariffs.name() + "` has rates for none of the parties of `"
                        + regime.id() + "` (" + String.join(", ", new java.util.TreeSet<>(regime.parties())) + "); give `tariffs` for them.");
            }
            return new Evaluator(regime, tariffs);
        }
    }

    /** An evaluator that also reports the tariff consequence for goods with a {@code destination}. */
    public static Evaluator of(Regime regime, TariffSchedule tariffs) {
        return tariffs == null ? of(regime) : builder(regime).tariffs(tariffs).build();
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
            return withTariff(GoodEvaluation.determine(regime, good, date, Scenario.WORST, trace), good);
        }
        Determination best = GoodEvaluation.determine(regime, good, date, Scenario.BEST, trace);
        Determination worst = GoodEvaluation.determine(regime, good, date, Scenario.WORST, trace);
        Status status;
        Determination basis;
        if (worst.status() == Status.ORIGINATING) {
            status = Status.ORIGINATING;
            basis = worst;
        } else if (best.status() != Status.NON_ORIGINATING || worst.status() == Status.UNDETERMINED) {
            // the unknown origins decide it, or facts are missing in one of the cases
            status = Status.UNDETERMINED;
            basis = worst;
        } else {
            status = Status.NON_ORIGINATING;
            basis = best;
        }
        Set<Diagnostic> diags = new LinkedHashSet<>(worst.diagnostics());
        diags.addAll(best.diagnostics());
        var bounds = new Determination.Bounds(unknown, best, worst);
        return withTariff(new Determination(good.id(), regime.id(), regime.revision(), date, status, basis.rvc(),
                basis.findings(), basis.decidingRules(), new ArrayList<>(diags), basis.explanation(), bounds,
                basis.totalCost(), basis.vnm(), null), good);
    }

    /**
     * The duty consequence for the importing party: the customs value is the transaction value adjusted
     * as the regime adjusts it (international shipment excluded); an undetermined good cannot claim the
     * preference, so MFN applies until its unknown origins are documented.
     */
    private Determination withTariff(Determination d, Good good) {
        if (tariffs == null || good.destination() == null) return d;
        String imp = good.destination();
        if (!regime.parties().contains(imp)) {
            return d.withTariff(new Determination.Tariff(imp, null, null, null, null, null,
                    imp + " is not a party to " + regime.id() + ": no preference to claim"));
        }
        var rate = tariffs.mfn(imp, good.hs(), d.date());
        BigDecimal mfn = rate.map(dev.origin.core.tariff.Rate::percent).orElse(null);
        boolean originating = d.status() == Status.ORIGINATING;
        BigDecimal applied = originating ? BigDecimal.ZERO : mfn;
        BigDecimal value = good.adjustedTransactionValue();
        if (value == null) {
            String note = (originating ? "preferential" : d.status() == Status.UNDETERMINED ? "undetermined: MFN until origin is documented"
                    : "MFN") + (mfn == null ? "; no MFN rate known for " + imp + " / HS " + good.hs() : "; MFN " + mfn.toPlainString() + " %")
                    + "; no transaction value, so no duty amount";
            return d.withTariff(new Determination.Tariff(imp, applied, mfn, null, null, null, note));
        }
        var c = dev.origin.core.tariff.TariffConsequence.of(rate, imp, good.hs(), d.date(), value, originating);
        String note = d.status() == Status.UNDETERMINED ? "undetermined: MFN until origin is documented; " + c.note() : c.note();
        return d.withTariff(new Determination.Tariff(imp, applied, mfn, value, c.dutyOwed(), c.savedByQualifying(), note));
    }

    /** Paths of materials whose declared origin is unknown, anywhere in the BOM (not counting accumulated lines). */
    static void collectUnknown(List<Material> materials, String prefix, List<String> out) {
        for (Material m : materials) {
            // the path is built only for the lines that need it (this runs for every line of every good)
            if (m.isSelfProduced()) {
                collectUnknown(m.production().materials(), prefix + m.id() + "/", out);
            } else if (m.statement() == null && m.origin() == Origin.UNKNOWN && !m.treatAsNonOriginating()
                    && m.kind() != MaterialKind.INDIRECT && m.kind() != MaterialKind.PACKING) {
                out.add(prefix + m.id());
            }
        }
    }

    /** How materials of unknown origin are treated in one run. */
    enum Scenario { BEST, WORST }
}
