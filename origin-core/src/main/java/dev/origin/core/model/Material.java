package dev.origin.core.model;

import dev.origin.core.hs.HsCode;
import java.math.BigDecimal;
import java.util.List;

/**
 * A material line of a bill of materials.
 *
 * @param value                  value of the line (for a self-produced material: its total cost unless given)
 * @param origin                 declared origin; null for a self-produced material (derived by evaluation)
 * @param country                ISO country where it was produced (informational in the general rules)
 * @param treatAsNonOriginating  the producer's choice to treat it as non-originating (SOR/2020-155 s.7(21); SOR/94-14 s.6(21))
 * @param intermediate           designated intermediate material (SOR/2020-155 s.8(6); SOR/94-14 s.7(4))
 * @param production             the producer's own production of it (self-produced), or null
 * @param part                   automotive data of the line (core part, tracing, plant wage), or null
 * @param statement              supplier statement for accumulation (SOR/2020-155 s.9(2)-(3); SOR/94-14 s.14(2)), or null
 * @param facts                  facts the HS code does not tell, stated by the producer (what the material is, e.g.
 *                               {@code parts thereof}), used by tariff shifts naming materials in words
 * @param providedForAsParts     whether the material is provided for as a part of the good in the good's heading or
 *                               subheading (criterion (d)), where the producer states it; null: taken as a part when
 *                               classified with a good whose provision covers both the good and its parts
 */
public record Material(String id, HsCode hs, BigDecimal value, Origin origin, String country, MaterialKind kind,
                       boolean treatAsNonOriginating, boolean intermediate, Production production,
                       SupplierStatement statement, PartData part, List<String> facts, Boolean providedForAsParts) {

    /** A line without a statement for criterion (d). */
    public Material(String id, HsCode hs, BigDecimal value, Origin origin, String country, MaterialKind kind,
                    boolean treatAsNonOriginating, boolean intermediate, Production production, SupplierStatement statement,
                    PartData part, List<String> facts) {
        this(id, hs, value, origin, country, kind, treatAsNonOriginating, intermediate, production, statement, part, facts, null);
    }

    public Material {
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    /** A self-produced material's own production: its cost sheet, materials and optional rule. */
    public record Production(CostSheet costs, List<Material> materials, dev.origin.core.rules.Rule rule) {
        public Production { materials = List.copyOf(materials); }
    }

    /** A line with no stated facts. */
    public Material(String id, HsCode hs, BigDecimal value, Origin origin, String country, MaterialKind kind,
                    boolean treatAsNonOriginating, boolean intermediate, Production production, SupplierStatement statement,
                    PartData part) {
        this(id, hs, value, origin, country, kind, treatAsNonOriginating, intermediate, production, statement, part, List.of());
    }

    /** A line without automotive data. */
    public Material(String id, HsCode hs, BigDecimal value, Origin origin, String country, MaterialKind kind,
                    boolean treatAsNonOriginating, boolean intermediate, Production production, SupplierStatement statement) {
        this(id, hs, value, origin, country, kind, treatAsNonOriginating, intermediate, production, statement, null);
    }

    /** True when the line states {@code fact} (case-insensitive, spaces normalised), as {@link Good#states}. */
    public boolean states(String fact) {
        return states(facts, fact);
    }

    /** True when {@code facts} contain {@code fact} (case-insensitive, spaces normalised). */
    public static boolean states(List<String> facts, String fact) {
        String want = fact.strip().replaceAll("\\s+", " ");
        return facts.stream().anyMatch(f -> f.strip().replaceAll("\\s+", " ").equalsIgnoreCase(want));
    }

    public boolean isSelfProduced() { return production != null; }

    /** The Table A.2 core-part category, or null. */
    public String corePart() { return part == null ? null : part.corePart(); }

    /** A plain material bought in: convenience factory. */
    public static Material of(String id, String hs, String value, Origin origin) {
        return new Material(id, HsCode.parse(hs), new BigDecimal(value), origin, null, MaterialKind.DIRECT,
                false, false, null, null, null);
    }
}
