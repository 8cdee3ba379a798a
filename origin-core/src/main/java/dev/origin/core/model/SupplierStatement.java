package dev.origin.core.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A signed statement by the producer of a material, used to accumulate that producer's production
 * (SOR/94-14 s.14(2); SOR/2020-155 s.9). Two forms:
 * <ul>
 *   <li>net-cost form: the supplier's {@code netCost} and {@code vnm} for the material; the good's net
 *   cost then counts {@code netCost + addedCosts} (freight, duties, brokerage not in the supplier's
 *   net cost) for the material, and its VNM counts {@code vnm};</li>
 *   <li>originating-amount form: an amount of the supplier's net cost containing no non-originating
 *   value; VNM for the material is its value minus that amount.</li>
 * </ul>
 * {@code materials}, when given, are the non-originating materials the supplier used (with their
 * classification, s.14(5)(a)(ii)), tested against the good's tariff shift as if the producer used them.
 */
public record SupplierStatement(BigDecimal netCost, BigDecimal vnm, BigDecimal addedCosts,
                                BigDecimal originatingAmount, List<Material> materials) {
    public SupplierStatement {
        materials = materials == null ? null : List.copyOf(materials);
    }

    public boolean isNetCostForm() { return netCost != null; }
}
