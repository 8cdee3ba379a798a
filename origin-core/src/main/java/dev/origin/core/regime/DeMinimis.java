package dev.origin.core.regime;

import dev.origin.core.hs.HsCode;
import dev.origin.core.hs.HsRange;
import dev.origin.core.model.Material;
import java.math.BigDecimal;
import java.util.List;

/**
 * The de minimis provision of a regime: a good failing its tariff shift still originates when the
 * non-originating materials that fail it are worth no more than {@code percent} of the transaction
 * value (or of total cost where there is none); and a good subject to an RVC need not meet it when
 * all non-originating materials are within that limit (SOR/2020-155 s.5(1),(4); SOR/94-14 s.5(1),(5)).
 *
 * @param exclusions combinations of good and material for which the tariff-shift rescue is unavailable
 */
public record DeMinimis(BigDecimal percent, List<Rate> rates, List<Exclusion> exclusions,
                        String citation, String rvcCitation, boolean eitherBase) {

    /**
     * A provision measured on the transaction value, or on total cost only when there is none (NAFTA
     * s.5(1)(b)); with {@code eitherBase} the producer may use either (USMCA s.5(1)(a)(i)-(ii)).
     */
    public DeMinimis(BigDecimal percent, List<Rate> rates, List<Exclusion> exclusions, String citation, String rvcCitation) {
        this(percent, rates, exclusions, citation, rvcCitation, false);
    }

    public DeMinimis {
        rates = List.copyOf(rates);
        exclusions = List.copyOf(exclusions);
    }

    /** A different percentage for some goods (e.g. 9 % for heading 24.02 under NAFTA). */
    public record Rate(List<HsRange> goods, BigDecimal percent, String citation) {
        public Rate { goods = List.copyOf(goods); }
    }

    /**
     * De minimis does not apply to a non-originating material of {@code materials} (any when empty)
     * used in producing a good of {@code goods}; with {@code unlessDifferentSubheading} it does apply
     * when the material is of a different subheading than the good (chapters 1-27 rule). With
     * {@code materialFacts}, only to a material whose line states one of them (a material named in
     * words, e.g. "printed circuit assembly", SOR/94-14 s.5(4)(j)).
     */
    public record Exclusion(List<HsRange> goods, List<HsRange> materials, boolean unlessDifferentSubheading,
                            String citation, List<String> materialFacts) {
        public Exclusion {
            goods = List.copyOf(goods);
            materials = List.copyOf(materials);
            materialFacts = List.copyOf(materialFacts);
        }

        public Exclusion(List<HsRange> goods, List<HsRange> materials, boolean unlessDifferentSubheading, String citation) {
            this(goods, materials, unlessDifferentSubheading, citation, List.of());
        }

        public boolean applies(HsCode good, HsCode material) {
            return applies(good, material, List.of());
        }

        /** True for a material of {@code material} whose line states {@code facts}; a null material asks about the good. */
        public boolean applies(HsCode good, HsCode material, List<String> facts) {
            if (goods.stream().noneMatch(r -> r.contains(good))) return false;
            if (material == null) return materials.isEmpty() && materialFacts.isEmpty();
            if (!materials.isEmpty() && materials.stream().noneMatch(r -> r.contains(material))) return false;
            if (!materialFacts.isEmpty() && materialFacts.stream().noneMatch(f -> Material.states(facts, f))) return false;
            return !(unlessDifferentSubheading && !material.subheading().equals(good.subheading()));
        }
    }

    /** The percentage that applies to a good of {@code hs}. */
    public BigDecimal percentFor(HsCode hs) {
        for (Rate o : rates) if (o.goods().stream().anyMatch(r -> r.contains(hs))) return o.percent();
        return percent;
    }

    /** The exception that bars de minimis for this material in this good, or null. */
    public Exclusion exclusionFor(HsCode good, HsCode material) {
        return exclusionFor(good, material, List.of());
    }

    /** The exception that bars de minimis for this material, whose line states {@code facts}, in this good, or null. */
    public Exclusion exclusionFor(HsCode good, HsCode material, List<String> facts) {
        for (Exclusion e : exclusions) if (e.applies(good, material, facts)) return e;
        return null;
    }
}
