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
     * @param staging      which makers' models are under the USMCA alternative staging regime, and when
     * @param documentationCost cost of documenting origin (certification, supplier declarations, LVC and
     *                     steel/aluminum records), US$ per model and year, paid by a model that claims the
     *                     preference; a maker pays the tariff instead when that is cheaper
     */
    public record Settings(LocalDate date, TariffSchedule tariffs, BigDecimal margin, BigDecimal passThrough,
                           Map<String, BigDecimal> jobsPerMillion, AlternativeStaging staging, BigDecimal documentationCost) {
        public Settings { jobsPerMillion = Map.copyOf(jobsPerMillion); }

        /** Without the alternative staging regime and without a documentation cost (the simulator before issue 8). */
        public Settings(LocalDate date, TariffSchedule tariffs, BigDecimal margin, BigDecimal passThrough, Map<String, BigDecimal> jobsPerMillion) {
            this(date, tariffs, margin, passThrough, jobsPerMillion, AlternativeStaging.NONE, BigDecimal.ZERO);
        }

        /** Documented defaults (docs/simulation.md): margin 0, pass-through 0.5, jobs per $1M of parts output. */
        public static Settings defaults(LocalDate date, TariffSchedule tariffs) {
            return new Settings(date, tariffs, BigDecimal.ZERO, new BigDecimal("0.5"),
                    Map.of("US", new BigDecimal("3.2"), "CA", new BigDecimal("3.4"), "MX", new BigDecimal("7.5"), "ROW", BigDecimal.ZERO));
        }

        public Settings withDate(LocalDate d) {
            return new Settings(d, tariffs, margin, passThrough, jobsPerMillion, staging, documentationCost);
        }

        public Settings withStaging(AlternativeStaging s) {
            return new Settings(date, tariffs, margin, passThrough, jobsPerMillion, s, documentationCost);
        }

        public Settings withDocumentationCost(BigDecimal usdPerModelYear) {
            return new Settings(date, tariffs, margin, passThrough, jobsPerMillion, staging, usdPerModelYear);
        }
    }

    /** What a maker does with a model under a regime. */
    public enum Choice {
        /** Originating as sourced today. */
        QUALIFIES,
        /** Re-sources at the cheapest cost that makes it originating, cheaper than the tariff. */
        RESOURCES,
        /** Pays the MFN tariff on its cross-border shipments (re-sourcing or documenting is impossible or dearer). */
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
     * @param alternativeStaging the model was evaluated under the alternative staging regime
     * @param exports            units per year shipped to each other party (the importers at stake)
     * @param dutyPaid           duty paid per year to each importer under the choice (sums to {@code tariffsPaid})
     * @param documentationCost  cost of documenting origin per year under the choice (0 when paying)
     */
    public record Decision(Fleet.Model model, String regime, Choice choice, Status statusBefore, Status statusAfter,
                           Map<String, Integer> plan, BigDecimal premiumPerUnit, BigDecimal complianceCost,
                           BigDecimal tariffIfNotQualifying, BigDecimal tariffsPaid, long exposedVolume,
                           Map<String, BigDecimal> purchasesBefore, Map<String, BigDecimal> purchasesAfter, List<String> unmet,
                           String note, boolean alternativeStaging, Map<String, Long> exports, Map<String, BigDecimal> dutyPaid,
                           BigDecimal documentationCost) {}

    private final Settings settings;

    public Simulator(Settings settings) {
        this.settings = settings;
    }

    /** Decisions for every model under every regime, in fleet order, one list per regime. */
    public Map<String, List<Decision>> run(Fleet models, List<Regime> regimes, IntConsumer progress) {
        Fleet fleet = CorporateMetals.apply(models);
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
        boolean staging = settings.staging().covers(m, date);
        Map<String, BigDecimal> before = purchases(m, Map.of());
        Map<String, Long> exports = new LinkedHashMap<>();
        Map<String, BigDecimal> duty = new LinkedHashMap<>();
        long exposed = 0;
        BigDecimal tariff = BigDecimal.ZERO;
        String dest = null;
        for (var e : m.volumes().entrySet()) {
            String d = e.getKey();
            if (!regime.parties().contains(d) || d.equals(m.country()) || e.getValue() == 0) continue;
            exposed += e.getValue();
            dest = dest == null ? d : dest;
            exports.put(d, e.getValue());
            var rate = settings.tariffs().mfn(d, m.hs(), date);
            BigDecimal owed = rate.isEmpty() ? BigDecimal.ZERO
                    : m.price().multiply(rate.get().percent()).multiply(BigDecimal.valueOf(e.getValue())).divide(HUNDRED);
            duty.put(d, owed.setScale(2, RoundingMode.HALF_UP));
            tariff = tariff.add(owed);
        }
        tariff = tariff.setScale(2, RoundingMode.HALF_UP);
        Map<String, BigDecimal> none = new LinkedHashMap<>();
        duty.keySet().forEach(k -> none.put(k, BigDecimal.ZERO.setScale(2)));
        Determination d0 = ev.evaluate(GoodBuilder.good(m, Map.of(), dest, date, staging), date, false);
        Outcomes o = new Outcomes(m, regime.id(), d0.status(), tariff, exposed, before, staging, exports, duty, none);
        if (!regime.parties().contains(m.country())) {
            return o.pays(Choice.NOT_ELIGIBLE, null, List.of(), "assembled in " + m.country() + ", outside the territory");
        }
        if (exposed == 0) {
            return new Decision(m, regime.id(), Choice.NOT_EXPOSED, d0.status(), d0.status(), Map.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO, 0, before, before, List.of(), "no shipments to another party", staging, exports, none,
                    BigDecimal.ZERO);
        }
        BigDecimal doc = settings.documentationCost().setScale(2, RoundingMode.HALF_UP);
        if (d0.status() == Status.ORIGINATING) {
            if (doc.compareTo(tariff) > 0) {
                return o.pays(Choice.PAYS, BigDecimal.ZERO, List.of(), "documenting origin would cost " + doc.toPlainString()
                        + " a year, more than the tariff " + tariff.toPlainString());
            }
            return new Decision(m, regime.id(), Choice.QUALIFIES, d0.status(), d0.status(), Map.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                    tariff, BigDecimal.ZERO, exposed, before, before, List.of(), null, staging, exports, none, doc);
        }
        Resourcing.Result plan = Resourcing.cheapest(m, d0, ev, dest, date, settings.margin(), staging);
        if (plan.feasible()) {
            BigDecimal compliance = plan.premiumPerUnit().multiply(BigDecimal.valueOf(m.totalVolume())).setScale(2, RoundingMode.HALF_UP);
            if (compliance.add(doc).compareTo(tariff) <= 0) {
                return new Decision(m, regime.id(), Choice.RESOURCES, d0.status(), Status.ORIGINATING, plan.plan(), plan.premiumPerUnit(),
                        compliance, tariff, BigDecimal.ZERO, exposed, before, purchases(m, plan.plan()), List.of(),
                        "re-sourcing costs " + compliance.toPlainString() + " a year" + (doc.signum() == 0 ? "" : " and documenting origin "
                        + doc.toPlainString()) + ", the tariff " + tariff.toPlainString(), staging, exports, none, doc);
            }
            return o.pays(Choice.PAYS, plan.premiumPerUnit(), List.of(), "re-sourcing would cost " + compliance.toPlainString() + " a year"
                    + (doc.signum() == 0 ? "" : " plus " + doc.toPlainString() + " documenting origin") + ", more than the tariff " + tariff.toPlainString());
        }
        return o.pays(Choice.PAYS, null, plan.unmet(), "re-sourcing cannot meet: " + String.join(", ", plan.unmet()));
    }

    /** What every paying decision of one model shares: the duty owed to each importer is paid. */
    private record Outcomes(Fleet.Model m, String regime, Status status, BigDecimal tariff, long exposed, Map<String, BigDecimal> before,
                            boolean staging, Map<String, Long> exports, Map<String, BigDecimal> duty, Map<String, BigDecimal> none) {
        Decision pays(Choice c, BigDecimal premium, List<String> unmet, String note) {
            BigDecimal prem = c == Choice.NOT_ELIGIBLE ? BigDecimal.ZERO : premium;
            return new Decision(m, regime, c, status, status, Map.of(), prem, BigDecimal.ZERO, tariff, tariff, exposed, before, before, unmet,
                    note, staging, exports, duty, BigDecimal.ZERO);
        }
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
