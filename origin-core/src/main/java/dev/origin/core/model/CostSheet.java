package dev.origin.core.model;

import java.math.BigDecimal;

/**
 * The producer's cost sheet for a good (or a self-produced material), per unit or per period.
 * Material amounts here are in addition to itemised material lines. Total cost is the sum of all
 * materials, other product costs, period costs and other costs unless {@code totalCost} is given;
 * net cost is total cost minus excluded costs unless {@code netCost} is given (allocation routes
 * (a) and (c) of SOR/2020-155 s.7(11) / SOR/94-14 s.6(11) yield a net cost directly).
 *
 * @param allocation the net-cost allocation route used ({@code a}, {@code b} or {@code c}); informational
 */
public record CostSheet(BigDecimal originatingMaterials, BigDecimal nonOriginatingMaterials,
                        BigDecimal otherProductCosts, BigDecimal periodCosts, BigDecimal otherCosts,
                        ExcludedCosts excluded, BigDecimal totalCost, BigDecimal netCost, String allocation) {

    /** Sum of the non-material cost elements (other product, period and other costs). */
    public BigDecimal nonMaterialCosts() {
        return otherProductCosts.add(periodCosts).add(otherCosts);
    }

    /** Lump-sum material amounts (originating + non-originating). */
    public BigDecimal lumpMaterials() {
        return originatingMaterials.add(nonOriginatingMaterials);
    }
}
