package dev.origin.store;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A part's costs per unit in US dollars from {@code validFrom} until the part's next sheet; every amount may be
 * null (not given). {@code unitCost} is a bought part's purchase price; the other amounts are those of a made
 * part or finished good (case-file {@code costs}, {@code transactionValue}, {@code internationalShipping}).
 */
public record CostSheet(String partId, LocalDate validFrom, BigDecimal unitCost, BigDecimal transactionValue,
                        BigDecimal internationalShipping, BigDecimal otherProductCosts, BigDecimal periodCosts,
                        BigDecimal otherCosts, BigDecimal salesPromotion, BigDecimal royalties, BigDecimal shipping,
                        BigDecimal nonAllowableInterest) {}
