package dev.origin.sim;

import dev.origin.core.fleet.Fleet;
import dev.origin.core.regime.Regime;
import dev.origin.io.InputException;
import dev.origin.io.RulePackReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A threshold sweep: the same fleet under one rule pack with its regional threshold parameter set to
 * each value in turn, recording the North American share of parts purchases and the compliance rate.
 */
public final class Sweep {
    /** One point of the curve. */
    public record Point(BigDecimal threshold, Outcome outcome) {}

    private Sweep() {}

    /**
     * Runs {@code pack} with {@code param} = each of {@code thresholds} (other overrides fixed).
     *
     * @throws InputException when the pack or a parameter is invalid
     */
    public static List<Point> run(Fleet fleet, String pack, String param, List<BigDecimal> thresholds, Map<String, String> overrides,
                                  Simulator sim, Simulator.Settings settings) throws InputException {
        return run(fleet, pack, param, thresholds, overrides, sim, settings, null);
    }

    /** The same; {@code progress} (may be null) receives the steps done over the whole sweep, up to {@link #steps}. */
    public static List<Point> run(Fleet fleet, String pack, String param, List<BigDecimal> thresholds, Map<String, String> overrides,
                                  Simulator sim, Simulator.Settings settings, java.util.function.IntConsumer progress) throws InputException {
        List<Point> out = new ArrayList<>();
        for (BigDecimal t : thresholds) {
            Map<String, String> o = new LinkedHashMap<>(overrides);
            o.put(param, t.toPlainString());
            Regime r = RulePackReader.load(pack, o);
            int base = out.size() * sim.steps(fleet, List.of(r));
            var decisions = sim.run(fleet, List.of(r), progress == null ? null : n -> progress.accept(base + n)).get(r.id());
            out.add(new Point(t, Outcome.of(r.id(), decisions, settings)));
        }
        return out;
    }

    /** The steps a sweep over {@code points} thresholds reports. */
    public static int steps(Fleet fleet, int points, Simulator sim) {
        return points * fleet.models().size() * (sim.settings().demand().isActive() ? 2 : 1);
    }

    /** Thresholds from {@code from} to {@code to} inclusive in steps of {@code step}. */
    public static List<BigDecimal> range(BigDecimal from, BigDecimal to, BigDecimal step) {
        List<BigDecimal> out = new ArrayList<>();
        for (BigDecimal t = from; t.compareTo(to) <= 0; t = t.add(step)) out.add(t);
        return out;
    }

    /**
     * The threshold at which the regional share peaks, when it first rises and then falls (the
     * Head-Mayer-Melitz pattern), else null.
     */
    public static Point peak(List<Point> curve) {
        if (curve.size() < 3) return null;
        int best = 0;
        for (int i = 1; i < curve.size(); i++) {
            if (curve.get(i).outcome().regionalShare().compareTo(curve.get(best).outcome().regionalShare()) > 0) best = i;
        }
        boolean rises = curve.get(best).outcome().regionalShare().compareTo(curve.get(0).outcome().regionalShare()) > 0;
        boolean falls = curve.get(best).outcome().regionalShare().compareTo(curve.get(curve.size() - 1).outcome().regionalShare()) > 0;
        return rises && falls ? curve.get(best) : null;
    }
}
