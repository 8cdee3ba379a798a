package dev.origin.sim;

import dev.origin.core.fleet.Fleet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The uncertain assumptions of a simulation, each with the range docs/simulation.md gives ("Uncertainty"), and
 * how a value of each changes the fleet or the settings. The Monte Carlo ({@link MonteCarlo}) draws them
 * uniformly within their ranges; the tornado sets one at its low or high end with the others at their defaults.
 */
public enum Assumption {
    /** Mean documentation cost of a preference claim, tariff equivalent in percent (0-2 %, Anson et al. 2003). */
    DOCUMENTATION_COST("documentation cost (% of value)", 0, 2),
    /** Share of the content AALA does not attribute (below its 15 % threshold) that is Mexican (0-1, 49 CFR 583.5). */
    UNATTRIBUTED_TO_MEXICO("unattributed content that is Mexican", 0, 1),
    /** Factor on every re-sourcing premium of the fleet (0.5-1.5, our range around the recipe's cost indices). */
    RESOURCING_PREMIUM("re-sourcing premiums (factor)", 0.5, 1.5),
    /** Factor on the own non-originating share of core parts made in a party (0.8-1.2, our range around the recipe). */
    CORE_FOREIGN_SHARE("core parts' foreign share (factor)", 0.8, 1.2),
    /** Own-price elasticity of a model's demand (-6 to -1.5, model-level estimates in Berry-Levinsohn-Pakes 1995). */
    ELASTICITY("own-price elasticity", -6, -1.5);

    private static final Set<String> FIXED_GROUPS = Set.of("engine", "transmission", "battery");
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public final String label;
    public final double low;
    public final double high;

    Assumption(String label, double low, double high) {
        this.label = label;
        this.low = low;
        this.high = high;
    }

    /** The value each assumption has when nothing is drawn: the settings' own, and the fleet as given. */
    public static Map<Assumption, Double> defaults(Simulator.Settings s) {
        Map<Assumption, Double> m = new EnumMap<>(Assumption.class);
        m.put(DOCUMENTATION_COST, s.documentationCost().doubleValue());
        m.put(UNATTRIBUTED_TO_MEXICO, 0.5); // SampleAssumptions.UNATTRIBUTED_TO_MEXICO, as the sample fleet was generated
        m.put(RESOURCING_PREMIUM, 1.0);
        m.put(CORE_FOREIGN_SHARE, 1.0);
        m.put(ELASTICITY, s.demand().own().doubleValue());
        return m;
    }

    /** The settings under these values (documentation cost, elasticity). */
    static Simulator.Settings settings(Simulator.Settings s, Map<Assumption, Double> v) {
        return s.withDocumentationCost(decimal(v.get(DOCUMENTATION_COST), 4))
                .withDemand(s.demand().withOwn(decimal(v.get(ELASTICITY), 4)));
    }

    /** The fleet under these values (premiums, core parts' foreign shares, the Mexican share of unattributed content). */
    static Fleet fleet(Fleet f, Map<Assumption, Double> v) {
        double premium = v.get(RESOURCING_PREMIUM), core = v.get(CORE_FOREIGN_SHARE), mx = v.get(UNATTRIBUTED_TO_MEXICO);
        if (premium == 1.0 && core == 1.0 && mx == 0.5) return f;
        List<Fleet.Model> out = new ArrayList<>();
        for (Fleet.Model m : f.models()) {
            List<Fleet.Part> parts = new ArrayList<>();
            boolean na = GoodBuilder.PARTIES.contains(m.country());
            for (Fleet.Part p : m.parts()) {
                for (Fleet.Part q : na ? shiftUnattributed(p, mx) : List.of(p)) parts.add(scale(q, premium, core));
            }
            out.add(new Fleet.Model(m.id(), m.maker(), m.model(), m.plant(), m.country(), m.vehicleClass(), m.hs(), m.price(), m.assembly(),
                    m.volumes(), m.technology(), m.assemblyPlant(), m.steelShare(), m.aluminumShare(), m.intangibles(), parts));
        }
        return new Fleet(f.id(), f.description(), f.synthetic(), out);
    }

    private static Fleet.Part scale(Fleet.Part p, double premium, double core) {
        List<Fleet.Alternative> alts = new ArrayList<>();
        for (Fleet.Alternative a : p.alternatives()) {
            alts.add(premium == 1.0 ? a : new Fleet.Alternative(a.country(), a.premium().multiply(decimal(premium, 4)).setScale(2, RoundingMode.HALF_UP),
                    a.wage(), a.nonOriginatingShare()));
        }
        BigDecimal share = p.nonOriginatingShare();
        if (core != 1.0 && p.isCore() && GoodBuilder.PARTIES.contains(p.country())) {
            share = share.multiply(decimal(core, 4)).min(HUNDRED).setScale(2, RoundingMode.HALF_UP);
        }
        return new Fleet.Part(p.id(), p.group(), p.hs(), p.cost(), p.country(), p.wage(), share, alts);
    }

    /**
     * The sample fleet gives half of the content AALA leaves unattributed to Mexico and half to China
     * (`UNATTRIBUTED_TO_MEXICO` 0.5). A share s moves that content: above 0.5 the fraction (s − 0.5) ÷ 0.5 of each
     * Chinese part outside engine, transmission and battery becomes Mexican, below it the fraction (0.5 − s) ÷ 0.5 of
     * each such Mexican part becomes Chinese. An approximation: the fleet does not say which parts stood for the
     * unattributed rest, so all non-fixed Chinese and Mexican parts of a USMCA-assembled model stand for it. The moved
     * piece keeps the part's alternatives, with the destination country's replaced by the origin country.
     */
    static List<Fleet.Part> shiftUnattributed(Fleet.Part p, double mx) {
        if (mx == 0.5 || FIXED_GROUPS.contains(p.group())) return List.of(p);
        String from = mx > 0.5 ? "CN" : "MX", to = mx > 0.5 ? "MX" : "CN";
        if (!p.country().equals(from)) return List.of(p);
        BigDecimal moved = p.cost().multiply(decimal(Math.abs(mx - 0.5) / 0.5, 6)).setScale(2, RoundingMode.HALF_UP);
        if (moved.signum() == 0) return List.of(p);
        List<Fleet.Alternative> alts = new ArrayList<>();
        Fleet.Alternative target = null;
        for (Fleet.Alternative a : p.alternatives()) {
            if (a.country().equals(to)) {
                target = a;
                alts.add(new Fleet.Alternative(from, a.premium(), p.wage(), p.nonOriginatingShare()));
            } else {
                alts.add(a);
            }
        }
        BigDecimal share = to.equals("MX") ? (target != null && target.nonOriginatingShare() != null ? target.nonOriginatingShare()
                : GoodBuilder.REGIONAL_NON_ORIGINATING_SHARE) : HUNDRED;
        Fleet.Part piece = new Fleet.Part(p.id() + "-as-" + to.toLowerCase(), p.group(), p.hs(), moved, to,
                target != null ? target.wage() : p.wage(), share, alts);
        BigDecimal rest = p.cost().subtract(moved);
        if (rest.signum() == 0) return List.of(piece);
        return List.of(new Fleet.Part(p.id(), p.group(), p.hs(), rest, p.country(), p.wage(), p.nonOriginatingShare(), p.alternatives()), piece);
    }

    static BigDecimal decimal(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
    }
}
