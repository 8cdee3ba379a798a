package dev.origin.sim;

import dev.origin.core.fleet.Fleet;
import dev.origin.core.regime.Regime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backtest's calibration (issue 8), as code that anyone can re-run: each free assumption is fitted on the targets
 * of {@code observed.yaml} marked {@code calibrate}, and only on them, within the range docs/simulation.md gives for
 * it; held-out targets are never read here. The fitted values are what {@link Backtest.Assumptions#calibrated()} holds
 * (CalibrationTest re-runs this fit and compares).
 *
 * <p>The free assumptions fitted: the mean documentation cost of a NAFTA claim and of a USMCA claim (tariff
 * equivalents, 0 to 2 % of value, Anson et al. 2003). Each calibration target is the vehicles' duty-paid share of one
 * year; the cost fitted on it is that of the agreement in force in the year (2019: NAFTA; 2023: USMCA, both halves).
 * The share rises with the cost (more importers find claiming dearer than the duty, more makers pay), so each fit is
 * a bisection of the range, with the price-volume feedback and everything else as the backtest runs it. The engine's
 * results are shared by every run: the documentation cost changes no good.
 */
public final class Calibration {
    /** Lowest and highest mean documentation cost admitted (percent of value; docs/simulation.md, "Calibration"). */
    public static final BigDecimal LOW = BigDecimal.ZERO;
    public static final BigDecimal HIGH = new BigDecimal("2");
    /** Bisection steps: the range of 2 points halved 14 times, about 0.0001 point. */
    static final int STEPS = 14;

    /**
     * One fitted assumption.
     *
     * @param pack      the pack whose documentation cost was fitted ({@code nafta} or {@code usmca})
     * @param parameter the assumption, in words
     * @param target    the calibration target it was fitted on
     * @param value     the fitted value, rounded to 4 decimals
     * @param predicted the target's prediction at that value
     * @param atLow     the prediction at the low end of the range
     * @param atHigh    the prediction at the high end (when the observed figure is outside [atLow, atHigh] the value
     *                  is the nearer end: the range does not allow more)
     */
    public record Fit(String pack, String parameter, Backtest.Target target, BigDecimal value, BigDecimal predicted, BigDecimal atLow, BigDecimal atHigh) {}

    private Calibration() {}

    /** Fits every documentation cost on its calibration target; {@code base} as for {@link Backtest}. */
    public static List<Fit> fit(Fleet fleet, Simulator.Settings base) {
        Backtest start = new Backtest(fleet, base, new Backtest.Assumptions(LOW, LOW), new EngineCache(), new LinkedHashMap<String, Regime>());
        Map<String, BigDecimal> values = new LinkedHashMap<>(Map.of("nafta", LOW, "usmca", LOW));
        List<Fit> fits = new ArrayList<>();
        for (Backtest.Target t : Backtest.observed()) {
            if (t.heldOut()) continue; // never fitted on a held-out target
            if (!t.name().equals("vehicles-duty-paid-share")) throw new IllegalStateException("no assumption is fitted on " + t.name());
            List<Backtest.Half> halves = Backtest.inForce(t.year());
            String pack = halves.get(0).pack();
            for (Backtest.Half h : halves) {
                if (!h.pack().equals(pack)) throw new IllegalStateException(t.year() + " mixes two agreements; calibrate on a year under one");
            }
            BigDecimal observed = new BigDecimal(t.observed());
            BigDecimal lo = LOW, hi = HIGH;
            BigDecimal atLow = share(start, values, pack, lo, t), atHigh = share(start, values, pack, hi, t);
            BigDecimal value;
            if (observed.compareTo(atLow) <= 0) {
                value = lo;
            } else if (observed.compareTo(atHigh) >= 0) {
                value = hi;
            } else {
                for (int i = 0; i < STEPS; i++) {
                    BigDecimal mid = lo.add(hi).divide(BigDecimal.valueOf(2), 8, RoundingMode.HALF_UP);
                    if (share(start, values, pack, mid, t).compareTo(observed) < 0) lo = mid;
                    else hi = mid;
                }
                value = lo.add(hi).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP);
            }
            values.put(pack, value);
            fits.add(new Fit(pack, "documentation cost of a " + pack.toUpperCase() + " claim (%)", t, value,
                    share(start, values, pack, value, t).setScale(2, RoundingMode.HALF_UP), atLow.setScale(2, RoundingMode.HALF_UP),
                    atHigh.setScale(2, RoundingMode.HALF_UP)));
        }
        return fits;
    }

    /** The fitted assumptions as the backtest takes them. */
    public static Backtest.Assumptions assumptions(List<Fit> fits) {
        Map<String, BigDecimal> v = new LinkedHashMap<>(Map.of("nafta", LOW, "usmca", LOW));
        for (Fit f : fits) v.put(f.pack(), f.value());
        return new Backtest.Assumptions(v.get("nafta"), v.get("usmca"));
    }

    /** The target's prediction with the documentation cost of {@code pack} at {@code v}, the other costs as fitted so far. */
    private static BigDecimal share(Backtest start, Map<String, BigDecimal> values, String pack, BigDecimal v, Backtest.Target t) {
        Map<String, BigDecimal> m = new LinkedHashMap<>(values);
        m.put(pack, v);
        Backtest b = start.with(new Backtest.Assumptions(m.get("nafta"), m.get("usmca")));
        return b.ofYear(t.year(), ds -> Backtest.dutyPaidShare(ds, null));
    }
}
