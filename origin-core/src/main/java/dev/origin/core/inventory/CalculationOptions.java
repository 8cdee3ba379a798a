package dev.origin.core.inventory;

import java.util.Objects;

/**
 * Options of a calculation.
 *
 * @param period                          averaging periods, required by {@link InventoryMethod#AVERAGE_OVER_PERIOD}
 *                                        and {@link InventoryMethod#AVERAGE_PRECEDING_PERIOD}, ignored otherwise
 * @param rounding                        rounding of the average methods' figures, {@link Rounding#EXACT} by default
 * @param openingInventoryNonOriginating  consider all opening inventory non-originating
 *                                        (SOR/94-14 Sch. X s.9(3) and 15(3); SOR/2020-155 Sch. 8 s.9(3) and 15(3))
 */
public record CalculationOptions(AveragingPeriod period, Rounding rounding, boolean openingInventoryNonOriginating) {

    public CalculationOptions {
        Objects.requireNonNull(rounding, "rounding");
    }

    /** No period, exact figures, opening inventory of its recorded origin. */
    public static CalculationOptions defaults() { return new CalculationOptions(null, Rounding.EXACT, false); }

    public CalculationOptions withPeriod(AveragingPeriod p) { return new CalculationOptions(p, rounding, openingInventoryNonOriginating); }

    public CalculationOptions withRounding(Rounding r) { return new CalculationOptions(period, r, openingInventoryNonOriginating); }

    public CalculationOptions withOpeningInventoryNonOriginating(boolean b) { return new CalculationOptions(period, rounding, b); }
}
