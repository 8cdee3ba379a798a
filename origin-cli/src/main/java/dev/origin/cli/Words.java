package dev.origin.cli;

import java.util.Locale;

/**
 * The vocabulary the command line takes as words ({@code json}, {@code aftermarket}, {@code light-truck}):
 * enums whose {@code toString} is the word, converted by {@link Converters.Word} and listed in help by
 * picocli's {@code ${COMPLETION-CANDIDATES}}. The engine takes uses and vehicle kinds as strings today:
 * {@link #toString()} is what it is given.
 */
final class Words {
    private Words() {}

    /** The word of a constant: its name in lower case with hyphens ({@code LIGHT_TRUCK} is {@code light-truck}). */
    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Output format of {@code qualify} and {@code compare}. */
    enum Format {
        JSON, TEXT;

        @Override public String toString() { return of(this); }
    }

    /** Use of a good (case file field {@code use}). */
    enum Use {
        ORIGINAL_EQUIPMENT, AFTERMARKET;

        @Override public String toString() { return of(this); }
    }

    /** Kind of a vehicle, or of the vehicle a part is for (case file field {@code vehicle}). */
    enum VehicleKind {
        PASSENGER_VEHICLE, LIGHT_TRUCK, HEAVY_TRUCK, OTHER;

        @Override public String toString() { return of(this); }
    }
}
