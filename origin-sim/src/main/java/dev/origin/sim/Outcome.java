package dev.origin.sim;

import dev.origin.sim.Simulator.Choice;
import dev.origin.sim.Simulator.Decision;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fleet outcomes of one regime: every figure is a sum over the model decisions behind it
 * ({@link #decisions()}), so each can be traced to the models that make it.
 *
 * @param count             models by choice
 * @param volume            units per year by choice
 * @param tariffsPaid       MFN duty paid per year
 * @param complianceCost    re-sourcing premiums paid per year
 * @param purchasesBefore   parts purchases per year by country bucket (US, CA, MX, ROW), as sourced today
 * @param purchasesAfter    the same under the makers' choices
 * @param jobs              employment change by country bucket: change of purchases × jobs per US$1 million
 * @param priceEffect       average price change, percent: (compliance + tariffs) × pass-through ÷ value of all vehicles
 * @param regionalShare     North American share of parts purchases after the choices, percent
 * @param complianceRate    share of exposed volume that is originating after the choices, percent
 */
public record Outcome(String regime, List<Decision> decisions, Map<Choice, Long> count, Map<Choice, Long> volume,
                      BigDecimal tariffsPaid, BigDecimal complianceCost, Map<String, BigDecimal> purchasesBefore,
                      Map<String, BigDecimal> purchasesAfter, Map<String, BigDecimal> jobs, BigDecimal priceEffect,
                      BigDecimal regionalShare, BigDecimal complianceRate) {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Rolls the decisions of one regime up. */
    public static Outcome of(String regime, List<Decision> decisions, Simulator.Settings s) {
        Map<Choice, Long> count = new EnumMap<>(Choice.class);
        Map<Choice, Long> volume = new EnumMap<>(Choice.class);
        for (Choice c : Choice.values()) {
            count.put(c, 0L);
            volume.put(c, 0L);
        }
        BigDecimal tariffs = BigDecimal.ZERO;
        BigDecimal compliance = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;
        Map<String, BigDecimal> before = buckets();
        Map<String, BigDecimal> after = buckets();
        long exposed = 0;
        long qualified = 0;
        for (Decision d : decisions) {
            count.merge(d.choice(), 1L, Long::sum);
            volume.merge(d.choice(), d.model().totalVolume(), Long::sum);
            tariffs = tariffs.add(d.tariffsPaid());
            compliance = compliance.add(d.complianceCost());
            value = value.add(d.model().price().multiply(BigDecimal.valueOf(d.model().totalVolume())));
            d.purchasesBefore().forEach((k, v) -> before.merge(k, v, BigDecimal::add));
            d.purchasesAfter().forEach((k, v) -> after.merge(k, v, BigDecimal::add));
            if (d.choice() != Choice.NOT_EXPOSED && d.choice() != Choice.NOT_ELIGIBLE) {
                exposed += d.exposedVolume();
                if (d.choice() == Choice.QUALIFIES || d.choice() == Choice.RESOURCES) qualified += d.exposedVolume();
            }
        }
        Map<String, BigDecimal> jobs = new LinkedHashMap<>();
        for (String c : before.keySet()) {
            BigDecimal per = s.jobsPerMillion().getOrDefault(c, BigDecimal.ZERO);
            jobs.put(c, after.get(c).subtract(before.get(c)).multiply(per).divide(Simulator.MILLION, 1, RoundingMode.HALF_UP));
        }
        BigDecimal price = value.signum() == 0 ? BigDecimal.ZERO
                : compliance.add(tariffs).multiply(s.passThrough()).multiply(HUNDRED).divide(value, 4, RoundingMode.HALF_UP);
        BigDecimal all = after.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal na = all.subtract(after.get("ROW"));
        BigDecimal regional = all.signum() == 0 ? BigDecimal.ZERO : na.multiply(HUNDRED).divide(all, 4, RoundingMode.HALF_UP);
        BigDecimal rate = exposed == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(qualified).multiply(HUNDRED).divide(BigDecimal.valueOf(exposed), 4, RoundingMode.HALF_UP);
        return new Outcome(regime, List.copyOf(decisions), count, volume, tariffs.setScale(2, RoundingMode.HALF_UP),
                compliance.setScale(2, RoundingMode.HALF_UP), round(before), round(after), jobs, price, regional, rate);
    }

    private static Map<String, BigDecimal> buckets() {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (String c : List.of("US", "CA", "MX", "ROW")) m.put(c, BigDecimal.ZERO);
        return m;
    }

    private static Map<String, BigDecimal> round(Map<String, BigDecimal> m) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.setScale(2, RoundingMode.HALF_UP)));
        return out;
    }

    /** Share of all units, percent, with a choice. */
    public BigDecimal volumeShare(Choice c) {
        long all = volume.values().stream().mapToLong(Long::longValue).sum();
        return all == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(volume.get(c)).multiply(HUNDRED).divide(BigDecimal.valueOf(all), 2, RoundingMode.HALF_UP);
    }
}
