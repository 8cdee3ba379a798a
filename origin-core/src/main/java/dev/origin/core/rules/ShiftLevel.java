package dev.origin.core.rules;

/** Level of a change in tariff classification. */
public enum ShiftLevel {
    /** Change of chapter (2 digits). */
    CC(2),
    /** Change of tariff heading (4 digits). */
    CTH(4),
    /** Change of tariff subheading (6 digits). */
    CTSH(6),
    /** Change of (national, 8-digit) tariff item, e.g. NAFTA Schedule I "from any other tariff item". */
    CTI(8);

    private final int digits;

    ShiftLevel(int digits) { this.digits = digits; }

    /** Number of HS digits compared at this level. */
    public int digits() { return digits; }
}
