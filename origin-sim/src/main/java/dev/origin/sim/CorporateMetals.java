package dev.origin.sim;

import dev.origin.core.fleet.Fleet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steel and aluminum purchase requirement is met "by value of the vehicle producer's purchases at
 * the corporate level in the territories of one or more of the CUSMA countries" (SOR/2020-155 s.17(1),
 * (9)(a)): one share per producer, not per plant. The fleet states a share per model (its plant's
 * purchases); the producer's share is their average over its models assembled in a party, weighted by
 * the value of their production (price × units, a proxy for the steel and aluminum bought for them).
 */
final class CorporateMetals {
    private CorporateMetals() {}

    /** The fleet with each North American model's steel and aluminum shares replaced by its producer's. */
    static Fleet apply(Fleet fleet) {
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>(); // maker → steel·w, aluminum·w, w(steel), w(aluminum)
        for (Fleet.Model m : fleet.models()) {
            if (!GoodBuilder.PARTIES.contains(m.country())) continue;
            BigDecimal w = m.price().multiply(BigDecimal.valueOf(m.totalVolume()));
            BigDecimal[] s = sums.computeIfAbsent(m.maker(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            if (m.steelShare() != null) { s[0] = s[0].add(m.steelShare().multiply(w)); s[2] = s[2].add(w); }
            if (m.aluminumShare() != null) { s[1] = s[1].add(m.aluminumShare().multiply(w)); s[3] = s[3].add(w); }
        }
        List<Fleet.Model> out = new ArrayList<>();
        for (Fleet.Model m : fleet.models()) {
            BigDecimal[] s = sums.get(m.maker());
            if (s == null || !GoodBuilder.PARTIES.contains(m.country())) {
                out.add(m);
                continue;
            }
            BigDecimal steel = m.steelShare() == null || s[2].signum() == 0 ? m.steelShare() : s[0].divide(s[2], 2, RoundingMode.HALF_UP);
            BigDecimal alu = m.aluminumShare() == null || s[3].signum() == 0 ? m.aluminumShare() : s[1].divide(s[3], 2, RoundingMode.HALF_UP);
            out.add(new Fleet.Model(m.id(), m.maker(), m.model(), m.plant(), m.country(), m.vehicleClass(), m.hs(), m.price(), m.assembly(),
                    m.volumes(), m.technology(), m.assemblyPlant(), steel, alu, m.intangibles(), m.parts()));
        }
        return new Fleet(fleet.id(), fleet.description(), fleet.synthetic(), out);
    }
}
