package dev.origin.sim;

import dev.origin.core.fleet.Fleet;
import dev.origin.sim.Simulator.Choice;
import dev.origin.sim.Simulator.Decision;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Price-volume feedback (issue 8): the duty, re-sourcing and documentation costs a regime brings raise a
 * model's price in each destination (× the pass-through), and its volume there responds.
 *
 * <p>In each destination market d, with π the model's price change (a fraction) and π̄ the volume-weighted mean
 * over all models sold there, the new volume is q × max(0, 1 + own × (π − π̄) + market × π̄): {@code own} moves
 * buyers between models (a model whose price rises more than its rivals' loses share to them, so models built
 * outside North America, whose MFN duty is the same under every regime and already in today's prices, gain when
 * North American models pay more), {@code market} shrinks the whole market with the mean price. The changes
 * are measured against today's sourcing with free claims (the simulator's baseline). Defaults and ranges:
 * docs/simulation.md, "Price-volume feedback".
 *
 * @param own    own-price elasticity of a model's demand against its rivals (negative)
 * @param market aggregate price elasticity of new-vehicle demand (negative)
 */
public record Demand(BigDecimal own, BigDecimal market) {
    /** Volumes fixed (the simulator before issue 8). */
    public static final Demand NONE = new Demand(BigDecimal.ZERO, BigDecimal.ZERO);

    /** The cited defaults: own −3 (model-level, Berry-Levinsohn-Pakes 1995), market −1 (docs/simulation.md). */
    public static Demand defaults() {
        return new Demand(new BigDecimal("-3"), new BigDecimal("-1"));
    }

    public boolean isActive() {
        return own.signum() != 0 || market.signum() != 0;
    }

    public Demand withOwn(BigDecimal e) {
        return new Demand(e, market);
    }

    /**
     * A model's price change (fraction of its price) in each destination under a decision: the re-sourcing premium
     * per unit, plus, on shipments to another party, the duty paid and the documentation cost per unit shipped, times
     * the pass-through. A model built outside the territory pays the same MFN duty under every regime: 0.
     */
    static Map<String, Double> priceChange(Decision d, BigDecimal passThrough) {
        Fleet.Model m = d.model();
        Map<String, Double> out = new LinkedHashMap<>();
        double price = m.price().doubleValue();
        double pt = passThrough.doubleValue();
        if (d.choice() == Choice.NOT_ELIGIBLE || price <= 0) {
            for (String dest : m.volumes().keySet()) out.put(dest, 0.0);
            return out;
        }
        long total = m.totalVolume();
        double premium = total == 0 ? 0 : d.complianceCost().doubleValue() / total;
        long exported = d.exports().values().stream().mapToLong(Long::longValue).sum();
        double doc = exported == 0 ? 0 : d.documentationCost().doubleValue() / exported;
        for (var e : m.volumes().entrySet()) {
            String dest = e.getKey();
            double perUnit = premium;
            Long units = d.exports().get(dest);
            if (units != null && units > 0) perUnit += d.dutyPaid().getOrDefault(dest, BigDecimal.ZERO).doubleValue() / units + doc;
            out.put(dest, perUnit * pt / price);
        }
        return out;
    }

    /** The fleet with each model's volumes after the demand response to the prices of {@code decisions} (fleet order). */
    public Fleet respond(Fleet fleet, List<Decision> decisions, BigDecimal passThrough) {
        List<Map<String, Double>> pi = new ArrayList<>();
        Map<String, double[]> market = new HashMap<>(); // destination -> {Σ q, Σ q π}
        for (Decision d : decisions) {
            Map<String, Double> p = priceChange(d, passThrough);
            pi.add(p);
            for (var e : d.model().volumes().entrySet()) {
                double[] acc = market.computeIfAbsent(e.getKey(), k -> new double[2]);
                acc[0] += e.getValue();
                acc[1] += e.getValue() * p.get(e.getKey());
            }
        }
        double a = own.doubleValue(), b = this.market.doubleValue();
        List<Fleet.Model> out = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            Fleet.Model m = fleet.models().get(i);
            Map<String, Long> v = new LinkedHashMap<>();
            for (var e : m.volumes().entrySet()) {
                double[] acc = market.get(e.getKey());
                double mean = acc[0] == 0 ? 0 : acc[1] / acc[0];
                double factor = Math.max(0, 1 + a * (pi.get(i).get(e.getKey()) - mean) + b * mean);
                v.put(e.getKey(), Math.round(e.getValue() * factor));
            }
            out.add(withVolumes(m, v));
        }
        return new Fleet(fleet.id(), fleet.description(), fleet.synthetic(), out);
    }

    static Fleet.Model withVolumes(Fleet.Model m, Map<String, Long> v) {
        return new Fleet.Model(m.id(), m.maker(), m.model(), m.plant(), m.country(), m.vehicleClass(), m.hs(), m.price(), m.assembly(), v,
                m.technology(), m.assemblyPlant(), m.steelShare(), m.aluminumShare(), m.intangibles(), m.parts());
    }
}
