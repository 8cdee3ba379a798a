package dev.origin.core.inventory;

import java.math.BigDecimal;

/**
 * Inventory after one ledger entry.
 *
 * @param entry            the entry just processed
 * @param units            units in inventory
 * @param originatingUnits originating units in inventory; null under the period methods, whose composition is
 *                         only known at the end of a period (see {@link PeriodSummary})
 * @param value            value of the units, or null when unvalued or under the period methods
 */
public record Balance(InventoryEntry entry, BigDecimal units, BigDecimal originatingUnits, BigDecimal value) {

    /** Non-originating units, or null when the composition is not known. */
    public BigDecimal nonOriginatingUnits() { return originatingUnits == null ? null : units.subtract(originatingUnits); }

    /** Value divided by units (34 significant digits if it does not terminate), or null. */
    public BigDecimal averageUnitValue() {
        return value == null || units.signum() == 0 ? null : Receipt.divide(value, units);
    }
}
