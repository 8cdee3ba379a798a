package dev.origin.core.inventory;

import dev.origin.core.model.Origin;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Units received in (or, when {@code opening}, held in the opening inventory of) a materials or finished goods
 * inventory, with their origin and optionally their value. Opening inventory: SOR/94-14 Sch. X s.1, 9, 10, 15;
 * SOR/2020-155 Sch. 8 s.1, 9, 10, 15. Values are those determined under s.7 of SOR/94-14 or s.8 of SOR/2020-155.
 *
 * @param date       date received
 * @param quantity   units, greater than zero
 * @param unitValue  value per unit, or null when the ledger is unvalued; derived from {@code totalValue} when
 *                   the receipt was given as a total (exact, or to 34 significant digits if the quotient does not
 *                   terminate)
 * @param totalValue value of all units, or null when the ledger is unvalued
 * @param origin     {@link Origin#ORIGINATING} or {@link Origin#NON_ORIGINATING}
 * @param opening    true for a line of opening inventory
 */
public record Receipt(LocalDate date, BigDecimal quantity, BigDecimal unitValue, BigDecimal totalValue,
                      Origin origin, boolean opening) implements InventoryEntry {

    public Receipt {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(origin, "origin");
        if (quantity.signum() <= 0) {
            throw new InventoryException(InventoryException.Code.INVENTORY_NON_POSITIVE_QUANTITY,
                    "Receipt quantity `" + quantity.toPlainString() + "` on " + date + " must be greater than zero.");
        }
        if (origin == Origin.UNKNOWN) {
            throw new InventoryException(InventoryException.Code.INVENTORY_UNKNOWN_ORIGIN,
                    "Receipt origin `" + origin.label() + "` on " + date
                            + " must be originating or non-originating (opening inventory may be treated as non-originating).");
        }
        if ((unitValue == null) != (totalValue == null)) {
            throw new IllegalArgumentException("unitValue and totalValue must both be given or both be null");
        }
        for (BigDecimal v : new BigDecimal[] {unitValue, totalValue}) {
            if (v != null && v.signum() < 0) {
                throw new InventoryException(InventoryException.Code.INVENTORY_NEGATIVE_VALUE,
                        "Receipt value `" + v.toPlainString() + "` on " + date + " must not be negative.");
            }
        }
    }

    /** A receipt valued per unit; the total is the exact product. */
    public static Receipt atUnitValue(LocalDate date, BigDecimal quantity, BigDecimal unitValue, Origin origin) {
        Objects.requireNonNull(unitValue, "unitValue");
        return new Receipt(date, quantity, unitValue, quantity.multiply(unitValue), origin, false);
    }

    /** A receipt valued in total; the unit value is derived. */
    public static Receipt atTotalValue(LocalDate date, BigDecimal quantity, BigDecimal totalValue, Origin origin) {
        Objects.requireNonNull(totalValue, "totalValue");
        Objects.requireNonNull(quantity, "quantity");
        BigDecimal unit = quantity.signum() > 0 ? divide(totalValue, quantity) : BigDecimal.ZERO;
        return new Receipt(date, quantity, unit, totalValue, origin, false);
    }

    /** A receipt without value (origin only, e.g. fungible goods). */
    public static Receipt unvalued(LocalDate date, BigDecimal quantity, Origin origin) {
        return new Receipt(date, quantity, null, null, origin, false);
    }

    /** The same receipt marked as a line of opening inventory. */
    public Receipt asOpening() {
        return new Receipt(date, quantity, unitValue, totalValue, origin, true);
    }

    /** Whether the receipt carries a value. */
    public boolean valued() { return totalValue != null; }

    static BigDecimal divide(BigDecimal a, BigDecimal b) {
        try {
            return a.divide(b);
        } catch (ArithmeticException nonTerminating) {
            return a.divide(b, new MathContext(34, RoundingMode.HALF_EVEN));
        }
    }
}
