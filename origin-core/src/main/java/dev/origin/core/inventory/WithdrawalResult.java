package dev.origin.core.inventory;

import java.math.BigDecimal;
import java.util.List;

/**
 * Origin of one withdrawal. Originating plus non-originating quantity equals {@code quantity}; values are null
 * when the ledger is unvalued.
 *
 * @param withdrawal               the withdrawal
 * @param originatingQuantity      units considered originating
 * @param nonOriginatingQuantity   units considered non-originating
 * @param originatingValue         value of the originating units
 * @param nonOriginatingValue      value of the non-originating units (the value of non-originating materials)
 * @param draws                    receipts drawn from (FIFO, LIFO), empty for the average methods
 * @param originatingRatio         ratio applied (average methods), null otherwise; for the rolling average 0
 * @param averageUnitValue         average unit value applied (average methods), null otherwise or unvalued
 * @param explanation              one-line account of the figures
 */
public record WithdrawalResult(Withdrawal withdrawal,
                               BigDecimal originatingQuantity, BigDecimal nonOriginatingQuantity,
                               BigDecimal originatingValue, BigDecimal nonOriginatingValue,
                               List<Draw> draws, BigDecimal originatingRatio, BigDecimal averageUnitValue,
                               String explanation) {
    public WithdrawalResult {
        draws = List.copyOf(draws);
    }

    /** Units withdrawn. */
    public BigDecimal quantity() { return withdrawal.quantity(); }

    /** Non-originating ratio applied: 1 minus the originating ratio; null where that is null. */
    public BigDecimal nonOriginatingRatio() {
        return originatingRatio == null ? null : BigDecimal.ONE.subtract(originatingRatio);
    }
}
