package dev.origin.core.hs;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An edition of the Harmonized System nomenclature. Origin models two: HS 2017, which the USMCA applied from
 * its entry into force on 2020-07-01 and which stands in for NAFTA's editions (NAFTA ran on HS 1992 as later
 * amended up to HS 2017; earlier editions are not modelled), and HS 2022, in force from 2022-01-01.
 */
public enum HsEdition {
    HS2017,
    HS2022;

    private static final LocalDate HS2022_FROM = LocalDate.of(2022, 1, 1);

    /** The edition in force on {@code date}: HS 2022 from 2022-01-01, else HS 2017 (also for earlier dates). */
    public static HsEdition inForce(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return date.isBefore(HS2022_FROM) ? HS2017 : HS2022;
    }
}
