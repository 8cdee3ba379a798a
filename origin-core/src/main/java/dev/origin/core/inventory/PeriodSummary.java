package dev.origin.core.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One averaging period under {@link InventoryMethod#AVERAGE_OVER_PERIOD} or
 * {@link InventoryMethod#AVERAGE_PRECEDING_PERIOD}.
 *
 * @param start                     first day
 * @param end                       last day
 * @param openingUnits              units in inventory at the beginning of the period
 * @param openingOriginatingUnits   of which originating
 * @param receivedUnits             units received during the period
 * @param receivedOriginatingUnits  of which originating
 * @param ratio                     this period's ratio of originating units to all units (opening plus received),
 *                                  as rounded; null when the period had no units
 * @param averageUnitValue          (opening plus received value) / (opening plus received units), as rounded;
 *                                  null when unvalued or no units
 * @param appliedRatio              ratio applied to this period's withdrawals: {@code ratio} over a period, the
 *                                  preceding period's ratio under the preceding-period method; null if none
 * @param withdrawnUnits            units withdrawn during the period
 * @param withdrawnOriginatingUnits of which originating (sum of the withdrawals)
 * @param withdrawnNonOriginatingValue value of the non-originating units withdrawn, null when unvalued
 * @param remainingUnits            units at the end of the period
 * @param remainingOriginatingUnits of which originating: {@code ratio} applied to the remaining units
 */
public record PeriodSummary(LocalDate start, LocalDate end,
                            BigDecimal openingUnits, BigDecimal openingOriginatingUnits,
                            BigDecimal receivedUnits, BigDecimal receivedOriginatingUnits,
                            BigDecimal ratio, BigDecimal averageUnitValue, BigDecimal appliedRatio,
                            BigDecimal withdrawnUnits, BigDecimal withdrawnOriginatingUnits,
                            BigDecimal withdrawnNonOriginatingValue,
                            BigDecimal remainingUnits, BigDecimal remainingOriginatingUnits) {

    /** Units withdrawn during the period considered non-originating. */
    public BigDecimal withdrawnNonOriginatingUnits() { return withdrawnUnits.subtract(withdrawnOriginatingUnits); }

    /** Units at the end of the period considered non-originating. */
    public BigDecimal remainingNonOriginatingUnits() { return remainingUnits.subtract(remainingOriginatingUnits); }
}
