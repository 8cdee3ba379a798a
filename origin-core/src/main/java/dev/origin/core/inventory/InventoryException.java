package dev.origin.core.inventory;

/** Bad inventory input: one plain sentence, the offending value in backticks, and a stable {@link Code}. */
public final class InventoryException extends RuntimeException {

    /** Stable error codes. */
    public enum Code {
        /** A withdrawal exceeds the units in inventory at its date. */
        INVENTORY_SHORTFALL,
        /** A quantity is zero or negative. */
        INVENTORY_NON_POSITIVE_QUANTITY,
        /** A unit or total value is negative. */
        INVENTORY_NEGATIVE_VALUE,
        /** An entry is dated before the entry preceding it in the ledger. */
        INVENTORY_OUT_OF_ORDER,
        /** A receipt's origin is neither originating nor non-originating. */
        INVENTORY_UNKNOWN_ORIGIN,
        /** Some receipts carry a value and others do not. */
        INVENTORY_PARTIAL_VALUES,
        /** The method needs values and the receipts carry none. */
        INVENTORY_VALUES_REQUIRED,
        /** The rolling average method received an originating receipt. */
        INVENTORY_ORIGINATING_RECEIPT,
        /** A period method was called without an averaging period, or with one the section does not allow. */
        INVENTORY_INVALID_PERIOD,
        /** A withdrawal is dated before the first averaging period. */
        INVENTORY_BEFORE_FIRST_PERIOD,
        /** A withdrawal has no preceding period (with inventory) to take its ratio from. */
        INVENTORY_NO_PRECEDING_PERIOD
    }

    private final Code code;

    public InventoryException(Code code, String sentence) {
        super(sentence);
        this.code = code;
    }

    /** The stable code, e.g. {@code INVENTORY_SHORTFALL}. */
    public Code code() { return code; }
}
