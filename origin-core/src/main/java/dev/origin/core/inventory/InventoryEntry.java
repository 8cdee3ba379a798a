package dev.origin.core.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of an inventory ledger: a {@link Receipt} (including opening inventory) or a {@link Withdrawal}. */
public sealed interface InventoryEntry permits Receipt, Withdrawal {
    /** Date of the entry; entries on the same date keep ledger order. */
    LocalDate date();

    /** Units received or withdrawn, greater than zero. */
    BigDecimal quantity();
}
