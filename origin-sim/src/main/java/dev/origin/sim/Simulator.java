package dev.origin.sim;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Diagnostic;
import dev.origin.core.engine.ErrorCode;
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
     * @param documentationCost mean cost of documenting origin for one shipment (certification, supplier
     *                     declarations, LVC and steel/aluminum records) as a tariff equivalent, percent of its
     *                     value; it varies across importers of record, uniformly from 0 to twice the mean
     *                     ({@link Claim}), and an importer claims the preference only when it costs less than
     *                     the duty (FEDS Notes, July 2025; docs/simulation.md). 0 = every originating shipment claims.
     * @param demand       the price-volume feedback ({@link Demand}); {@link Demand#NONE} keeps volumes fixed
     */
    public record Settings(LocalDate date, TariffSchedule tariffs, BigDecimal margin, BigDecimal passThrough,
                           Map<String, BigDecimal> jobsPerMillion, AlternativeStaging staging, BigDecimal documentationCost,
                           Demand demand) {
        public Settings { jobsPerMillion = Map.copyOf(jobsPerMillion); }

        /** Without the alternative staging regime, a documentation cost or price-volume feedback (the simulator before issue 8). */
        public Settings(LocalDate date, TariffSchedule tariffs, BigDecimal margin, BigDecimal passThrough, Map<String, BigDecimal> jobsPerMillion) {
            this(date, tariffs, margin, passThrough, jobsPerMillion, AlternativeStaging.NONE, BigDecimal.ZERO, Demand.NONE);
        }

        /**
         * Documented defaults (docs/simulation.md): margin 0, pass-through 0.5, jobs per $1M of parts output, the cited
         * demand elasticities ({@link Demand#defaults()}).
         */
        public static Settings defaults(LocalDate date, TariffSchedule tariffs) {
            return new Settings(date, tariffs, BigDecimal.ZERO, new BigDecimal("0.5"),
                    Map.of("US", new BigDecimal("3.2"), "CA", new BigDecimal("3.4"), "MX", new BigDecimal("7.5"), "ROW", BigDecimal.ZERO))
                    .withDemand(Demand.defaults());
        }

        public Settings withDate(LocalDate d) {
            return new Settings(d, tariffs, margin, passThrough, jobsPerMillion, staging, documentationCost, demand);
        }

        public Settings withStaging(AlternativeStaging s) {
            return new Settings(date, tariffs, margin, passThrough, jobsPerMillion, s, documentationCost, demand);
        }

        public Settings withDocumentationCost(BigDecimal percentOfExports) {
            return new Settings(date, tariffs, margin, passThrough, jobsPerMillion, staging, percentOfExports, demand);
        }

        public Settings withDemand(Demand d) {
            return new Settings(date, tariffs, margin, passThrough, jobsPerMillion, staging, documentationCost, d);
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
     * @param dutyOwed           duty per year to each importer if nothing claimed the preference
     * @param documentationCost  cost of documenting origin per year of the shipments that claim
     */
    public record Decision(Fleet.Model model, String regime, Choice choice, Status statusBefore, Status statusAfter,
                           Map<String, Integer> plan, BigDecimal premiumPerUnit, BigDecimal complianceCost,
                           BigDecimal tariffIfNotQualifying, BigDecimal tariffsPaid, long exposedVolume,
                           Map<String, BigDecimal> purchasesBefore, Map<String, BigDecimal> purchasesAfter, List<String> unmet,
                           String note, boolean alternativeStaging, Map<String, Long> exports, Map<String, BigDecimal> dutyOwed,
                           Map<String, BigDecimal> dutyPaid, BigDecimal documentationCost) {
        /** Share (0-1) of the value shipped to {@code importer} on which duty was paid. */
        /** The same decision with the purchases before the choice measured elsewhere (at today's volumes, before demand responds). */
        Decision withPurchasesBefore(Map<String, BigDecimal> p) {
            return new Decision(model, regime, choice, statusBefore, statusAfter, plan, premiumPerUnit, complianceCost, tariffIfNotQualifying,
                    tariffsPaid, exposedVolume, p, purchasesAfter, unmet, note, alternativeStaging, exports, dutyOwed, dutyPaid, documentationCost);
        }

        public BigDecimal paidShare(String importer) {
            BigDecimal owed = dutyOwed.getOrDefault(importer, BigDecimal.ZERO);
            if (owed.signum() == 0) return choice == Choice.PAYS || choice == Choice.NOT_ELIGIBLE ? BigDecimal.ONE : BigDecimal.ZERO;
            return dutyPaid.getOrDefault(importer, BigDecimal.ZERO).divide(owed, 6, RoundingMode.HALF_UP);
        }
    }

    private final Settings settings;
    private final EngineCache cache;

    public Simulator(Settings settings) {
        this(settings, new EngineCache());
    }

    /** A simulator that shares the engine's results with other runs through {@code cache} (same tariff schedule). */
    public Simulator(Settings settings, EngineCache cache) {
        this.settings = settings;
        this.cache = cache;
    }

    public Settings settings() { return settings; }

    /**
     * Decisions for every model under every regime, in fleet order, one list per regime. With price-volume
     * feedback ({@link Settings#demand()}), the makers first choose at today's volumes; the volumes then respond to
     * the prices those choices give ({@link Demand#respond}) and the models are decided again at the new volumes
     * (the engine's results are reused: the goods do not depend on volumes). Purchases before are today's.
     */
    /**
     * The number of steps {@link #run} reports to its progress callback for {@code models} under {@code regimes}: one per
     * model, regime and pass (two passes with price-volume feedback).
     */
    public int steps(Fleet models, List<Regime> regimes) {
        return models.models().size() * regimes.size() * (settings.demand().isActive() ? 2 : 1);
    }

    public Map<String, List<Decision>> run(Fleet models, List<Regime> regimes, IntConsumer progress) {
        return run(models, regimes, progress, true);
    }

    /** The same; {@code progress} (may be null) receives the number of steps done, up to {@link #steps}; {@code parallel} false decides the models one after the other (for callers that run whole fleets in parallel). */
    public Map<String, List<Decision>> run(Fleet models, List<Regime> regimes, IntConsumer progress, boolean parallel) {
        Fleet fleet = CorporateMetals.apply(models);
        Map<String, List<Decision>> out = new LinkedHashMap<>();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        for (Regime r : regimes) {
            Evaluator ev = Evaluator.of(r, settings.tariffs());
            List<Decision> ds = decideAll(fleet, r, ev, parallel, progress, done);
            if (settings.demand().isActive()) {
                Fleet moved = settings.demand().respond(fleet, ds, settings.passThrough());
                List<Decision> again = decideAll(moved, r, ev, parallel, progress, done);
                List<Decision> kept = new ArrayList<>(again.size());
                for (int i = 0; i < again.size(); i++) kept.add(again.get(i).withPurchasesBefore(ds.get(i).purchasesBefore()));
                ds = kept;
            }
            out.put(r.id(), ds);
        }
        return out;
    }

    private List<Decision> decideAll(Fleet fleet, Regime r, Evaluator ev, boolean parallel, IntConsumer progress,
                                     java.util.concurrent.atomic.AtomicInteger done) {
        // models are independent: decide them in parallel, keep fleet order
        var stream = parallel ? fleet.models().parallelStream() : fleet.models().stream();
        return stream.map(m -> {
            Decision d = decide(m, r, ev);
            if (progress != null) {
                int n = done.incrementAndGet();
                synchronized (progress) {
                    progress.accept(n);
                }
            }
            return d;
        }).toList();
    }

    /**
     * The errors the engine finds in the goods the models are (as sourced today) under each regime: problems of the
     * input that leave a model without a determination, such as an HS code for which a pack has no rule, or labour
     * figures beyond the net cost. Each names its model ({@link Diagnostic#good()}) and a path inside the model's good
     * (docs/findings.md), to be placed in the fleet file. Found before any simulation (the engine's results are kept in
     * the cache for the run), so that a caller can refuse the fleet with them instead of simulating models that
     * cannot be decided.
     */
    public List<Diagnostic> errors(Fleet models, List<Regime> regimes) {
        Fleet fleet = CorporateMetals.apply(models);
        List<Diagnostic> out = new ArrayList<>();
        for (Regime r : regimes) {
            Evaluator ev = Evaluator.of(r, settings.tariffs());
            for (Fleet.Model m : fleet.models()) {
                boolean staging = settings.staging().covers(m, settings.date());
                Determination d = cache.determination(ev, GoodBuilder.good(m, Map.of(), null, settings.date(), staging), settings.date());
                for (Diagnostic x : d.diagnostics()) {
                    if (!x.isError()) continue;
                    // a fleet cannot give a rule of its own, as the engine's wording for a case file suggests
                    Diagnostic e = x.code().equals(ErrorCode.NO_RULE.name()) && "hs".equals(x.path())
                            ? Diagnostic.of(ErrorCode.Variant.NO_RULE_FOR_MODEL, m.id(), "hs", r.id(), m.hs(), m.id()) : x;
                    if (!out.contains(e)) out.add(e);
                }
            }
        }
        return out;
    }

    /** The best response for one model under one regime. */
    public Decision decide(Fleet.Model m, Regime regime, Evaluator ev) {
        LocalDate date = settings.date();
        boolean staging = settings.staging().covers(m, date);
        Map<String, BigDecimal> before = purchases(m, Map.of());
        Map<String, Long> exports = new LinkedHashMap<>();
        Map<String, BigDecimal> owed = new LinkedHashMap<>();
        Map<String, BigDecimal> paid = new LinkedHashMap<>();
        long exposed = 0;
        BigDecimal tariff = BigDecimal.ZERO;
        BigDecimal claimCost = BigDecimal.ZERO; // documentation plus duty on unclaimed shipments, when originating
        BigDecimal docCost = BigDecimal.ZERO;
        String dest = null;
        for (var e : m.volumes().entrySet()) {
            String d = e.getKey();
            if (!regime.parties().contains(d) || d.equals(m.country()) || e.getValue() == 0) continue;
            exposed += e.getValue();
            dest = dest == null ? d : dest;
            exports.put(d, e.getValue());
            BigDecimal value = m.price().multiply(BigDecimal.valueOf(e.getValue()));
            var rate = settings.tariffs().mfn(d, m.hs(), date);
            BigDecimal pct = rate.isEmpty() ? BigDecimal.ZERO : rate.get().percent();
            BigDecimal duty = value.multiply(pct).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            owed.put(d, duty);
            tariff = tariff.add(duty);
            Claim c = Claim.of(pct, settings.documentationCost());
            BigDecimal unclaimedDuty = duty.multiply(c.unclaimed()).setScale(2, RoundingMode.HALF_UP);
            BigDecimal doc = value.multiply(c.documentation()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            paid.put(d, unclaimedDuty);
            claimCost = claimCost.add(unclaimedDuty).add(doc);
            docCost = docCost.add(doc);
        }
        Map<String, BigDecimal> none = new LinkedHashMap<>();
        owed.keySet().forEach(k -> none.put(k, BigDecimal.ZERO.setScale(2)));
        dev.origin.core.model.Good g0 = GoodBuilder.good(m, Map.of(), dest, date, staging);
        Determination d0 = cache.determination(ev, g0, date);
        Payer o = new Payer(m, regime.id(), d0.status(), tariff, exposed, before, staging, exports, owed);
        if (!regime.parties().contains(m.country())) {
            return o.pays(Choice.NOT_ELIGIBLE, null, List.of(), "assembled in " + m.country() + ", outside the territory");
        }
        if (exposed == 0) {
            return new Decision(m, regime.id(), Choice.NOT_EXPOSED, d0.status(), d0.status(), Map.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO, 0, before, before, List.of(), "no shipments to another party", staging, exports, owed, none,
                    BigDecimal.ZERO);
        }
        BigDecimal unclaimed = paid.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        String claimNote = unclaimed.signum() == 0 ? null : "documenting origin costs " + Wording.money(docCost) + " a year; "
                + Wording.money(unclaimed) + " of duty is paid on the shipments whose importers do not claim";
        if (d0.status() == Status.ORIGINATING) {
            return new Decision(m, regime.id(), Choice.QUALIFIES, d0.status(), d0.status(), Map.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                    tariff, unclaimed, exposed, before, before, List.of(), claimNote, staging, exports, owed, paid, docCost);
        }
        String firstDest = dest;
        Resourcing.Result plan = cache.plan(ev, g0, m, settings.margin(),
                () -> Resourcing.cheapest(m, d0, ev, firstDest, date, settings.margin(), staging));
        if (plan.feasible()) {
            BigDecimal compliance = plan.premiumPerUnit().multiply(BigDecimal.valueOf(m.totalVolume())).setScale(2, RoundingMode.HALF_UP);
            if (compliance.add(claimCost).compareTo(tariff) <= 0) {
                return new Decision(m, regime.id(), Choice.RESOURCES, d0.status(), Status.ORIGINATING, plan.plan(), plan.premiumPerUnit(),
                        compliance, tariff, unclaimed, exposed, before, purchases(m, plan.plan()), List.of(),
                        "re-sourcing costs " + Wording.money(compliance) + " a year, the tariff " + Wording.money(tariff)
                        + (claimNote == null ? "" : "; " + claimNote), staging, exports, owed, paid, docCost);
            }
            return o.pays(Choice.PAYS, plan.premiumPerUnit(), List.of(), "re-sourcing would cost " + Wording.money(compliance) + " a year"
                    + (claimCost.signum() == 0 ? "" : " plus " + Wording.money(claimCost) + " claiming") + ", more than the tariff " + Wording.money(tariff));
        }
        return o.pays(Choice.PAYS, null, plan.unmet(), "re-sourcing cannot meet: " + String.join(", ", plan.unmet()));
    }

    /**
     * Whether the importers of an originating shipment claim the preference. The cost of documenting a
     * claim, as a tariff equivalent, is spread uniformly from 0 to twice {@code mean} over importers; an
     * importer claims when it is below the MFN rate. So a share max(0, 1 − rate ÷ (2 × mean)) pays the
     * duty, and the claims cost on average half the rate (or the mean, when every importer claims).
     *
     * @param unclaimed     share (0-1) of the value whose importers pay the duty
     * @param documentation cost of the claims, percent of the value shipped
     */
    record Claim(BigDecimal unclaimed, BigDecimal documentation) {
        static Claim of(BigDecimal ratePct, BigDecimal meanPct) {
            if (meanPct.signum() == 0) return new Claim(BigDecimal.ZERO, BigDecimal.ZERO);
            BigDecimal top = meanPct.multiply(BigDecimal.valueOf(2));
            if (ratePct.compareTo(top) >= 0) return new Claim(BigDecimal.ZERO, meanPct);
            BigDecimal claimed = ratePct.divide(top, 6, RoundingMode.HALF_UP);
            // claimed share × mean cost of the claims (rate ÷ 2)
            return new Claim(BigDecimal.ONE.subtract(claimed), claimed.multiply(ratePct).divide(BigDecimal.valueOf(2), 6, RoundingMode.HALF_UP));
        }
    }

    /** What every paying decision of one model shares: the duty owed to each importer is paid. */
    private record Payer(Fleet.Model m, String regime, Status status, BigDecimal tariff, long exposed, Map<String, BigDecimal> before,
                         boolean staging, Map<String, Long> exports, Map<String, BigDecimal> owed) {
        Decision pays(Choice c, BigDecimal premium, List<String> unmet, String note) {
            BigDecimal prem = c == Choice.NOT_ELIGIBLE ? BigDecimal.ZERO : premium;
            return new Decision(m, regime, c, status, status, Map.of(), prem, BigDecimal.ZERO, tariff, tariff, exposed, before, before, unmet,
                    note, staging, exports, owed, owed, BigDecimal.ZERO);
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
