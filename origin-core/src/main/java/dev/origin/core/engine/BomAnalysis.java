package dev.origin.core.engine;

import dev.origin.core.model.Material;
import dev.origin.core.regime.Regime;
import java.math.BigDecimal;
import java.util.List;

/**
 * The amounts of one producible node, computed once before any rule is applied: cost sheet, value of
 * non-originating materials (all, traced or listed), the materials to test for a tariff shift, the
 * self-produced materials with their own outcomes, and the core parts. Immutable.
 *
 * @param unclassified   non-originating materials given only as a lump sum: counted in VNM, not testable for a shift
 * @param tracedVnm      VNM of traced or listed materials when a tracing scheme applies (SOR/94-14 s.9, s.10), else null
 * @param amountStatement a supplier statement of the originating-amount form was used (NC only, SOR/2020-155 s.9(2)(b))
 * @param vnmSteps       the contribution of each line to VNM (empty when steps are not recorded)
 */
record BomAnalysis(Node node, BigDecimal totalCost, BigDecimal netCost, BigDecimal excluded, BigDecimal vnm,
                   BigDecimal unclassified, BigDecimal tracedVnm, Regime.Tracing tracing, CoreParts core, List<Sub> subs,
                   BigDecimal adjustedTv, boolean accumulating, boolean amountStatement, boolean anyNonOriginating,
                   List<Candidate> candidates, List<Step> vnmSteps, List<Step> tracedSteps) {

    /** A self-produced material: whether it was designated, its analysis and outcome. */
    record Sub(String path, Material material, boolean designated, BomAnalysis analysis, Outcome outcome) {
        boolean originating() { return outcome.met(); }
    }

    /** The self-produced material of {@code subs} made for line {@code m}, or null. */
    static Sub subOf(List<Sub> subs, Material m) {
        for (Sub s : subs) if (s.material() == m) return s;
        return null;
    }

    /** The VNM of the RVC: traced or listed when such a method applies (SOR/94-14 s.9(1), s.10(1)), else all. */
    BigDecimal reportedVnm() { return tracing != null ? tracedVnm : vnm; }

    /** No non-originating material at all (for criterion (c) and wholly obtained). */
    boolean allOriginating() { return !anyNonOriginating && candidates.isEmpty(); }
}
