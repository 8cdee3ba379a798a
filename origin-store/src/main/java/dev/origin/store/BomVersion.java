package dev.origin.store;

import java.time.LocalDate;
import java.util.List;

/**
 * A version of a part's bill of materials, in force from {@code validFrom} to {@code validTo} inclusive
 * ({@code validTo} null: open-ended), lines in line order.
 */
public record BomVersion(String partId, LocalDate validFrom, LocalDate validTo, List<BomLine> lines) {
    public BomVersion {
        lines = List.copyOf(lines);
    }

    /** True when this version is in force on {@code date} (bounds inclusive). */
    public boolean coversOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
