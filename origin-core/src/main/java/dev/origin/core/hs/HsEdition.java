package dev.origin.core.hs;

/** An edition of the Harmonized System. */
public enum HsEdition {
    HS2017, HS2022;

    /** The edition in force on {@code date}: HS 2022 from 1 January 2022. */
    public static HsEdition inForce(java.time.LocalDate date) {
        return date.isBefore(java.time.LocalDate.of(2022, 1, 1)) ? HS2017 : HS2022;
    }
}
