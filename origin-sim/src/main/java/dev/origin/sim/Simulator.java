package dev.origin.sim;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.engine.Finding;
import dev.origin.core.engine.Status;
import dev.origin.core.fleet.Fleet;
import dev.origin.core.regime.Regime;
import dev.origin.core.tariff.TariffSchedule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The policy simulator: for each model of a fleet and each regime, the maker's best response —
 * qualify as is, re-source at the cheapest cost (a real solver over the model's sourcing
 * alternatives, checked by the engine), or pay the MFN tariff on its cross-border shipments — and the
 * fleet outcomes rolled up from those decisions. Every verdict comes from the engine and the rule
 * packs; the solver only proposes plans.
 */
public final class Simulator {
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /**
     * Settings of a run.
     *
     * @param margin       percentage points of safety above each threshold when re-sourcing
     * @param passThrough  share of compliance costs and tariffs passed on to prices (0-1)
     * @param jobsPerMillion jobs per US$1 million of parts purchases, by country bucket (US, CA, MX, ROW)
     */
    public record Settings(LocalDate date, TariffSchedule tariffs, BigDecimal margin, BigDecimal passThrough,
                           Map<String, BigDecimal> jobsPerMillion) {
        public Settings { jobsPerMillion = Map.copyOf(jobsPerMillion); }

        /** Documented defaults (docs/simulation.md): margin 0, pass-through 0.5, jobs per $1M of parts output. */
        public static Settings defaults(LocalDate date, TariffSchedule tariffs) {
            return new Settings(date, tariffs, BigDecimal.ZERO, new BigDecimal("0.5"),
                    Map.of("US", new BigDecimal("3.2"), "CA", new BigDecimal("3.4"), "MX", new BigDecimal("7.5"), "ROW", BigDecimal.ZERO));
        }
    }

    /** What a maker does with a model under a regime. */
    public enum Choice {
        /** Originating as sourced today. */
        QUALIFIES,
        /** Re-sources at the cheapest cost that makes it originating, cheaper than the tariff. */
        RESOURCES,
        /** Pays the MFN tariff on its cross-border shipments (re-sourcing is impossible or dearer). */
        PAYS,
        /** Ships nothing to another party: the rule does not bite. */
        NOT_EXPOSED,
        /** Assembled outside the territory: cannot be originating under any regime; pays MFN. */
        NOT_ELIGIBLE
    }

    /**
     * One model's decision under one regime; every fleet figure is a sum of these.
     *
     * @param plan               part id → chosen alternative (1-based; absent = current source)
     * @param complianceCost     re-sourcing cost per year (premium per unit × all units produced)
     * @param tariffIfNotQualifying MFN duty per year on cross-border shipments if not originating
     * @param tariffsPaid        duty actually paid per year under the choice
     * @param purchasesBefore    parts purchases per year by country bucket, as sourced today
     * @param purchasesAfter     parts purchases per year by country bucket, under the choice
     * @param unmet              requirements re-sourcing cannot meet (when PAYS for that reason)
     */
    public record Decision(Fleet.Model model, String regime, Choice choice, Status statusBefore, Status statusAfter,
                           Map<String, Integer> plan, BigDecimal premiumPerUnit, BigDecimal complianceCost,
                           BigDecimal tariffIfNotQualifying, BigDecimal tariffsPaid, long exposedVolume,
                           Map<String, BigDecimal> purchasesBefore, Map<String, BigDecimal> purchasesAfter, List<String> unmet,
                           String note) {}

    private final Settings settings;

    public Simulator(Settings settings) {
        this.settings = settings;
    }

    /** Decisions for every model under every regime, in fleet order, one list per regime. */
    public Map<String, List<Decision>> run(Fleet fleet, List<Regime> regimes, IntConsumer progress) {
        Map<String, List<Decision>> out = new LinkedHashMap<>();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        for (Regime r : regimes) {
            Evaluator ev = Evaluator.of(r, settings.tariffs());
            // models are independent: decide them in parallel, keep fleet order
            List<Decision> ds = fleet.models().parallelStream().map(m -> {
                Decision d = decide(m, r, ev);
                if (progress != null) {
                    int n = done.incrementAndGet();
                    synchronized (progress) {
                        progress.accept(n);
                    }
                }
                return d;
            }).toList();
            out.put(r.id(), ds);
        }
        return out;
    }

    /** The best response for one model under one regime. */
    public Decision decide(Fleet.Model m, Regime regime, Evaluator ev) {
        LocalDate date = settings.date();
        Map<String, BigDecimal> before = purchases(m, Map.of());
        long exposed = 0;
        BigDecimal tariff = BigDecimal.ZERO;
        String dest = null;
        for (var e : m.volumes().entrySet()) {
            String d = e.getKey();
            if (!regime.parties().contains(d) || d.equals(m.country()) || e.getValue() == 0) continue;
            exposed += e.getValue();
            dest = dest == null ? d : dest;
            var rate = settings.tariffs().mfn(d, m.hs(), date);
            if (rate.isPresent()) {
                tariff = tariff.add(m.price().multiply(rate.get().percent()).multiply(BigDecimal.valueOf(e.getValue())).divide(HUNDRED));
            }
        }
        tariff = tariff.setScale(2, RoundingMode.HALF_UP);
        Determination d0 = ev.evaluate(GoodBuilder.good(m, Map.of(), dest, date), date, false);
        if (!regime.parties().contains(m.country())) {
            return new Decision(m, regime.id(), Choice.NOT_ELIGIBLE, d0.status(), d0.status(), Map.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                    tariff, tariff, exposed, before, before, List.of(), "assembled in " + m.country() + ", outside the territory");
        }
        if (exposed == 0) {
            return new Decision(m, regime.id(), Choice.NOT_EXPOSED, d0.status(), d0.status(), Map.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO, 0, before, before, List.of(), "no shipments to another party");
        }
        if (d0.status() == Status.ORIGINATING) {
            return new Decision(m, regime.id(), Choice.QUALIFIES, d0.status(), d0.status(), Map.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                    tariff, BigDecimal.ZERO, exposed, before, before, List.of(), null);
        }
        Resourcing.Result plan = Resourcing.cheapest(m, d0, ev, dest, date, settings.margin());
        if (plan.feasible()) {
            BigDecimal compliance = plan.premiumPerUnit().multiply(BigDecimal.valueOf(m.totalVolume())).setScale(2, RoundingMode.HALF_UP);
            if (compliance.compareTo(tariff) <= 0) {
                return new Decision(m, regime.id(), Choice.RESOURCES, d0.status(), Status.ORIGINATING, plan.plan(), plan.premiumPerUnit(),
                        compliance, tariff, BigDecimal.ZERO, exposed, before, purchases(m, plan.plan()), List.of(),
                        "re-sourcing costs " + compliance.toPlainString() + " a year, the tariff " + tariff.toPlainString());
            }
            return new Decision(m, regime.id(), Choice.PAYS, d0.status(), d0.status(), Map.of(), plan.premiumPerUnit(), BigDecimal.ZERO,
                    tariff, tariff, exposed, before, before, List.of(),
                    "re-sourcing would cost " + compliance.toPlainString() + " a year, more than the tariff " + tariff.toPlainString());
        }
        return new Decision(m, regime.id(), Choice.PAYS, d0.status(), d0.status(), Map.of(), null, BigDecimal.ZERO, tariff, tariff, exposed,
                before, before, plan.unmet(), "re-sourcing cannot meet: " + String.join(", ", plan.unmet()));
    }

    /** Parts purchases per year by country bucket (US, CA, MX, ROW) under a plan. */
    static Map<String, BigDecimal> purchases(Fleet.Model m, Map<String, Integer> plan) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String c : List.of("US", "CA", "MX", "ROW")) out.put(c, BigDecimal.ZERO);
        BigDecimal units = BigDecimal.valueOf(m.totalVolume());
        for (Fleet.Part p : m.parts()) {
            int o = plan.getOrDefault(p.id(), 0);
            String c = GoodBuilder.country(p, o);
            String bucket = GoodBuilder.PARTIES.contains(c) ? c : "ROW";
            out.merge(bucket, GoodBuilder.value(p, o).multiply(units), BigDecimal::add);
        }
        return out;
    }
}
