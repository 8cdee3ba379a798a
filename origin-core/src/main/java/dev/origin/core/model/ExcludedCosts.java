package dev.origin.core.model;

import java.math.BigDecimal;

/**
 * The four categories of excluded costs contained in total cost (SOR/2020-155 s.1 "excluded costs";
 * SOR/94-14 s.2(1)). Amounts are non-negative; zero when absent.
 */
public record ExcludedCosts(BigDecimal salesPromotion, BigDecimal royalties, BigDecimal shipping,
                            BigDecimal nonAllowableInterest) {
    public static final ExcludedCosts NONE =
            new ExcludedCosts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public BigDecimal total() {
        return salesPromotion.add(royalties).add(shipping).add(nonAllowableInterest);
    }
}
