package dev.origin.store.chase;

import dev.origin.core.model.Good;
import dev.origin.core.model.Material;
import dev.origin.core.model.MaterialKind;
import dev.origin.core.model.Origin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The materials of unknown origin of a good, by the declaration that would settle them, and the good as it would
 * be with some of those declarations answered. "Unknown" is what the engine evaluates as two bounds: a bought-in
 * line with origin {@code unknown}, no supplier statement, not treated as non-originating by choice, and not an
 * indirect or packing material (as {@code Evaluator} counts them).
 */
public final class Origins {
    private Origins() {}

    /** The declarations whose absence leaves materials of {@code good} of unknown origin, in BOM order. */
    public static Set<DeclarationKey> missing(Good good, Function<Material, DeclarationKey> keyOf) {
        Set<DeclarationKey> out = new LinkedHashSet<>();
        collect(good.materials(), keyOf, out);
        return out;
    }

    private static void collect(List<Material> ms, Function<Material, DeclarationKey> keyOf, Set<DeclarationKey> out) {
        for (Material m : ms) {
            if (m.isSelfProduced()) collect(m.production().materials(), keyOf, out);
            else if (isUnknown(m)) out.add(keyOf.apply(m));
        }
    }

    /** The value of the materials of unknown origin each missing declaration covers (summed over the BOM). */
    public static Map<DeclarationKey, java.math.BigDecimal> missingValues(Good good, Function<Material, DeclarationKey> keyOf) {
        Map<DeclarationKey, java.math.BigDecimal> out = new java.util.LinkedHashMap<>();
        values(good.materials(), keyOf, out);
        return out;
    }

    private static void values(List<Material> ms, Function<Material, DeclarationKey> keyOf, Map<DeclarationKey, java.math.BigDecimal> out) {
        for (Material m : ms) {
            if (m.isSelfProduced()) values(m.production().materials(), keyOf, out);
            else if (isUnknown(m)) out.merge(keyOf.apply(m), m.value() == null ? java.math.BigDecimal.ZERO : m.value(), java.math.BigDecimal::add);
        }
    }

    static boolean isUnknown(Material m) {
        return !m.isSelfProduced() && m.statement() == null && m.origin() == Origin.UNKNOWN && !m.treatAsNonOriginating()
                && m.kind() != MaterialKind.INDIRECT && m.kind() != MaterialKind.PACKING;
    }

    /** {@code good} with the unknown materials of the answered declarations given the answer's origin. */
    public static Good answered(Good good, Map<DeclarationKey, Origin> answers, Function<Material, DeclarationKey> keyOf) {
        if (answers.isEmpty()) return good;
        return new Good(good.id(), good.hs(), good.producerCountry(), good.destination(), good.date(), good.use(), good.vehicle(),
                good.transactionValue(), good.internationalShipping(), good.costs(), rewrite(good.materials(), answers, keyOf),
                good.rule(), good.whollyObtained(), good.vehicleData(), good.facts(), good.unassembled(), good.partsProvision());
    }

    private static List<Material> rewrite(List<Material> ms, Map<DeclarationKey, Origin> answers, Function<Material, DeclarationKey> keyOf) {
        List<Material> out = new ArrayList<>(ms.size());
        for (Material m : ms) {
            if (m.isSelfProduced()) {
                Material.Production p = m.production();
                out.add(new Material(m.id(), m.hs(), m.value(), m.origin(), m.country(), m.kind(), m.treatAsNonOriginating(),
                        m.intermediate(), new Material.Production(p.costs(), rewrite(p.materials(), answers, keyOf), p.rule()),
                        m.statement(), m.part(), m.facts(), m.providedForAsParts()));
            } else if (isUnknown(m) && answers.containsKey(keyOf.apply(m))) {
                out.add(new Material(m.id(), m.hs(), m.value(), answers.get(keyOf.apply(m)), m.country(), m.kind(),
                        m.treatAsNonOriginating(), m.intermediate(), null, m.statement(), m.part(), m.facts(), m.providedForAsParts()));
            } else {
                out.add(m);
            }
        }
        return out;
    }
}
