package dev.origin.sim;

import dev.origin.core.fleet.Fleet;
import dev.origin.core.regime.Regime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Uncertainty of the fleet outcomes (issue 8): a seeded Monte Carlo over the uncertain assumptions
 * ({@link Assumption}, each drawn uniformly within its range), a tornado (each assumption at its low and high end
 * with the others at their defaults) and the robustness of the Montreal claim. Draw i uses its own random stream
 * derived from the seed and i, so the result does not depend on the order the draws run in. Draws run in parallel
 * on all cores; every simulator run shares one {@link EngineCache}, so the engine's results are reused wherever a
 * good's inputs are unchanged.
 */
public final class MonteCarlo {
    /** A fleet outcome of one regime, as a number. */
    public enum Metric {
        COMPLIANCE_RATE("compliance rate (% of exposed volume)", o -> o.complianceRate().doubleValue()),
        REGIONAL_SHARE("North American share of parts purchases (%)", o -> o.regionalShare().doubleValue()),
        TARIFFS("tariffs paid per year (US$ million)", o -> o.tariffsPaid().doubleValue() / 1e6),
        RESOURCING_COST("re-sourcing cost per year (US$ million)", o -> o.complianceCost().doubleValue() / 1e6),
        PURCHASES_US("change of parts purchases, United States (US$ million)", o -> change(o, "US")),
        PURCHASES_CA("change of parts purchases, Canada (US$ million)", o -> change(o, "CA")),
        PURCHASES_MX("change of parts purchases, Mexico (US$ million)", o -> change(o, "MX")),
        PURCHASES_ROW("change of parts purchases, rest of world (US$ million)", o -> change(o, "ROW")),
        JOBS_US("change of parts jobs, United States", o -> o.jobs().get("US").doubleValue()),
        JOBS_CA("change of parts jobs, Canada", o -> o.jobs().get("CA").doubleValue()),
        JOBS_MX("change of parts jobs, Mexico", o -> o.jobs().get("MX").doubleValue()),
        PRICE_EFFECT("average vehicle price change (%)", o -> o.priceEffect().doubleValue());

        public final String label;
        final ToDoubleFunction<Outcome> of;

        Metric(String label, ToDoubleFunction<Outcome> of) {
            this.label = label;
            this.of = of;
        }

        public double of(Outcome o) {
            return of.applyAsDouble(o);
        }

        private static double change(Outcome o, String c) {
            return o.purchasesAfter().get(c).subtract(o.purchasesBefore().get(c)).doubleValue() / 1e6;
        }
    }

    /** The headline outcomes the tornado explains. */
    public static final List<Metric> HEADLINE = List.of(Metric.REGIONAL_SHARE, Metric.COMPLIANCE_RATE, Metric.PURCHASES_CA, Metric.JOBS_US);

    /** A 90 % interval (5th to 95th percentile of the draws) around the point estimate at the defaults. */
    public record Interval(double low, double point, double high) {
        public boolean contains(double v) {
            return low <= v && v <= high;
        }
    }

    /** One assumption's effect on one outcome: the outcome with the assumption at its low and at its high end. */
    public record Bar(Assumption assumption, double atLow, double atHigh) {
        public double swing() {
            return Math.abs(atHigh - atLow);
        }
    }

    /**
     * The Montreal claim in the draws: the share of draws (percent) in which Canada's proposal, against NAFTA in the
     * same draw, lowers Canadian parts purchases, and in which it lowers jobs in all three countries (the US claim).
     */
    public record Claim(String proposal, String baseline, double lowersCanadianPurchases, double lowersJobsEverywhere) {}

    /**
     * @param point     the outcomes at the defaults, one per regime
     * @param intervals regime → metric → interval
     * @param tornado   regime → headline metric → bars, largest swing first
     * @param claim     the Montreal claim's robustness, or null when the regimes lack Canada's proposal or NAFTA
     */
    public record Result(List<Outcome> point, Map<String, Map<Metric, Interval>> intervals, Map<String, Map<Metric, List<Bar>>> tornado,
                         Claim claim, int draws, long seed) {}

    public static final String CANADA = "canada-proposal-2018";
    public static final String NAFTA = "nafta";

    private final Fleet fleet;
    private final List<Regime> regimes;
    private final Simulator.Settings settings;
    private final EngineCache cache;

    public MonteCarlo(Fleet fleet, List<Regime> regimes, Simulator.Settings settings, EngineCache cache) {
        this.fleet = fleet;
        this.regimes = List.copyOf(regimes);
        this.settings = settings;
        this.cache = cache;
    }

    /** The outcomes, one per regime, with every assumption at {@code values}. */
    public List<Outcome> outcomes(Map<Assumption, Double> values, boolean parallel) {
        Simulator.Settings s = Assumption.settings(settings, values);
        var decisions = new Simulator(s, cache).run(Assumption.fleet(fleet, values), regimes, null, parallel);
        List<Outcome> out = new ArrayList<>();
        for (var e : decisions.entrySet()) out.add(Outcome.of(e.getKey(), e.getValue(), s));
        return out;
    }

    /** The values of draw {@code i}: each assumption uniform in its range, from a stream of its own. */
    static Map<Assumption, Double> draw(long seed, int i) {
        SplittableRandom r = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (i + 1)));
        Map<Assumption, Double> v = new EnumMap<>(Assumption.class);
        for (Assumption a : Assumption.values()) v.put(a, a.low + (a.high - a.low) * r.nextDouble());
        return v;
    }

    /** Runs {@code draws} draws with {@code seed}, the tornado and the claim. */
    public Result run(int draws, long seed) {
        return run(draws, seed, null);
    }

    /** The number of runs of the whole fleet {@link #run} reports to its progress: the point, the draws, the tornado's two ends per assumption. */
    public static int steps(int draws) {
        return 1 + draws + 2 * Assumption.values().length;
    }

    /** The same; {@code progress} (may be null) receives the number of fleet runs done, up to {@link #steps}. */
    public Result run(int draws, long seed, java.util.function.IntConsumer progress) {
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.IntConsumer tick = progress == null ? n -> { } : progress;
        Map<Assumption, Double> defaults = Assumption.defaults(settings);
        List<Outcome> point = outcomes(defaults, true);
        tick.accept(done.incrementAndGet());
        List<List<Outcome>> all = IntStream.range(0, draws).parallel().mapToObj(i -> {
            List<Outcome> o = outcomes(draw(seed, i), false);
            tick.accept(done.incrementAndGet());
            return o;
        }).toList();
        Map<String, Map<Metric, Interval>> intervals = new LinkedHashMap<>();
        for (int k = 0; k < point.size(); k++) {
            Map<Metric, Interval> byMetric = new EnumMap<>(Metric.class);
            for (Metric m : Metric.values()) {
                double[] xs = new double[all.size()];
                for (int i = 0; i < xs.length; i++) xs[i] = m.of(all.get(i).get(k));
                double p = m.of(point.get(k));
                byMetric.put(m, xs.length == 0 ? new Interval(p, p, p) : new Interval(percentile(xs, 5), p, percentile(xs, 95)));
            }
            intervals.put(point.get(k).regime(), byMetric);
        }
        return new Result(point, intervals, tornado(defaults, () -> tick.accept(done.incrementAndGet())), claim(all), draws, seed);
    }

    /** Each assumption at its low and high end, the others at their defaults; bars sorted by swing, largest first. */
    private Map<String, Map<Metric, List<Bar>>> tornado(Map<Assumption, Double> defaults, Runnable tick) {
        Map<Assumption, List<List<Outcome>>> ends = new EnumMap<>(Assumption.class);
        List<Assumption> as = List.of(Assumption.values());
        List<List<List<Outcome>>> runs = as.parallelStream().map(a -> {
            Map<Assumption, Double> lo = new EnumMap<>(defaults), hi = new EnumMap<>(defaults);
            lo.put(a, a.low);
            hi.put(a, a.high);
            List<Outcome> atLow = outcomes(lo, false);
            tick.run();
            List<Outcome> atHigh = outcomes(hi, false);
            tick.run();
            return List.of(atLow, atHigh);
        }).toList();
        for (int i = 0; i < as.size(); i++) ends.put(as.get(i), runs.get(i));
        Map<String, Map<Metric, List<Bar>>> out = new LinkedHashMap<>();
        for (int k = 0; k < regimes.size(); k++) {
            Map<Metric, List<Bar>> byMetric = new EnumMap<>(Metric.class);
            for (Metric m : Metric.values()) {
                List<Bar> bars = new ArrayList<>();
                for (Assumption a : as) bars.add(new Bar(a, m.of(ends.get(a).get(0).get(k)), m.of(ends.get(a).get(1).get(k))));
                bars.sort((x, y) -> Double.compare(y.swing(), x.swing()));
                byMetric.put(m, bars);
            }
            out.put(regimes.get(k).id(), byMetric);
        }
        return out;
    }

    private Claim claim(List<List<Outcome>> all) {
        int c = -1, n = -1;
        for (int k = 0; k < regimes.size(); k++) {
            if (regimes.get(k).id().equals(CANADA)) c = k;
            if (regimes.get(k).id().equals(NAFTA)) n = k;
        }
        if (c < 0 || n < 0 || all.isEmpty()) return null;
        int purchases = 0, jobs = 0;
        for (List<Outcome> d : all) {
            Outcome ca = d.get(c), na = d.get(n);
            if (Metric.PURCHASES_CA.of(ca) < Metric.PURCHASES_CA.of(na)) purchases++;
            if (Metric.JOBS_US.of(ca) < Metric.JOBS_US.of(na) && Metric.JOBS_CA.of(ca) < Metric.JOBS_CA.of(na)
                    && Metric.JOBS_MX.of(ca) < Metric.JOBS_MX.of(na)) jobs++;
        }
        return new Claim(CANADA, NAFTA, 100.0 * purchases / all.size(), 100.0 * jobs / all.size());
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] xs, double pct) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(pct / 100.0 * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }
}
