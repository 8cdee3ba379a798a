package dev.origin.core.inventory;

import dev.origin.core.model.Origin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An ordered inventory ledger of receipts and withdrawals for one materials inventory or finished goods inventory.
 * Dates must not decrease; entries on the same date are processed in ledger order (as in the tables of the
 * Examples, where the shipment of 01/10 precedes the receipt of 01/10). Either every receipt carries a value
 * or none does.
 */
public final class InventoryLedger {
    private final List<InventoryEntry> entries;
    private final boolean valued;

    private InventoryLedger(List<InventoryEntry> entries) {
        this.entries = List.copyOf(entries);
        LocalDate previous = null;
        int valuedCount = 0;
        int receipts = 0;
        for (InventoryEntry e : this.entries) {
            if (previous != null && e.date().isBefore(previous)) {
                throw new InventoryException(InventoryException.Code.INVENTORY_OUT_OF_ORDER,
                        "Entry dated `" + e.date() + "` comes after an entry dated " + previous
                                + "; ledger entries must be in date order.");
            }
            previous = e.date();
            if (e instanceof Receipt r) {
                receipts++;
                if (r.valued()) valuedCount++;
            }
        }
        if (valuedCount != 0 && valuedCount != receipts) {
            throw new InventoryException(InventoryException.Code.INVENTORY_PARTIAL_VALUES,
                    "Only `" + valuedCount + "` of " + receipts + " receipts carry a value; value all receipts or none.");
        }
        this.valued = receipts > 0 && valuedCount == receipts;
    }

    /** A ledger of the given entries, in order. */
    public static InventoryLedger of(List<? extends InventoryEntry> entries) {
        return new InventoryLedger(new ArrayList<>(entries));
    }

    public static Builder builder() { return new Builder(); }

    /** The entries in processing order. */
    public List<InventoryEntry> entries() { return entries; }

    /** Whether the receipts carry values. */
    public boolean valued() { return valued; }

    /** Builds a ledger line by line. */
    public static final class Builder {
        private final List<InventoryEntry> entries = new ArrayList<>();

        private Builder() { }

        /** A line of opening inventory valued per unit. */
        public Builder opening(LocalDate date, String quantity, String unitValue, Origin origin) {
            entries.add(Receipt.atUnitValue(date, new BigDecimal(quantity), new BigDecimal(unitValue), origin).asOpening());
            return this;
        }

        /** A line of opening inventory without value. */
        public Builder opening(LocalDate date, String quantity, Origin origin) {
            entries.add(Receipt.unvalued(date, new BigDecimal(quantity), origin).asOpening());
            return this;
        }

        /** A receipt valued per unit. */
        public Builder receive(LocalDate date, String quantity, String unitValue, Origin origin) {
            entries.add(Receipt.atUnitValue(date, new BigDecimal(quantity), new BigDecimal(unitValue), origin));
            return this;
        }

        /** A receipt without value. */
        public Builder receive(LocalDate date, String quantity, Origin origin) {
            entries.add(Receipt.unvalued(date, new BigDecimal(quantity), origin));
            return this;
        }

        /** Any receipt. */
        public Builder add(InventoryEntry entry) {
            entries.add(entry);
            return this;
        }

        /** A withdrawal or shipment. */
        public Builder withdraw(LocalDate date, String quantity) {
            entries.add(new Withdrawal(date, new BigDecimal(quantity)));
            return this;
        }

        public InventoryLedger build() { return new InventoryLedger(entries); }
    }
}
