package dev.origin.cli;

import java.util.Locale;

/**
 * The vocabulary the command line takes as words ({@code json}, {@code aftermarket}, {@code light-truck}):
 * enums whose {@code toString} is the word, converted by {@link Converters.Word} and listed in help by
 * picocli's {@code ${COMPLETION-CANDIDATES}}. Uses and vehicle kinds are core's own vocabulary
 * ({@code dev.origin.core.model.Use}, {@code VehicleKind}), whose {@code toString} is the word too.
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

    /** Output format of {@code qualify}: those of {@link Format}, and the streaming formats. */
    enum QualifyFormat {
        JSON, TEXT, NDJSON, CSV;

        @Override public String toString() { return of(this); }
    }

    /** Which explanations {@code qualify} writes ({@code --trace}). */
    enum Trace {
        NONE, FAILING, FULL;

        @Override public String toString() { return of(this); }
    }
}
