package dev.origin.core.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Units withdrawn from inventory: materials withdrawn for production of a good, or a shipment of goods.
 *
 * @param date     date of withdrawal or shipment
 * @param quantity units, greater than zero
 */
public record Withdrawal(LocalDate date, BigDecimal quantity) implements InventoryEntry {
    public Withdrawal {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() <= 0) {
            throw new InventoryException(InventoryException.Code.INVENTORY_NON_POSITIVE_QUANTITY,
                    "Withdrawal quantity `" + quantity.toPlainString() + "` on " + date + " must be greater than zero.");
        }
    }
}
