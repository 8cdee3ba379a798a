package dev.origin.store.chase;

import java.util.Comparator;
import java.util.Objects;

/** A supplier declaration that can be asked for: who supplies ({@code supplier}) which part ({@code part}). */
public record DeclarationKey(String supplier, String part) implements Comparable<DeclarationKey> {
    /** The supplier recorded when a BOM line names none. */
    public static final String NO_SUPPLIER = "(no supplier recorded)";

    private static final Comparator<DeclarationKey> ORDER = Comparator.comparing(DeclarationKey::supplier)
            .thenComparing(DeclarationKey::part);

    public DeclarationKey {
        Objects.requireNonNull(part, "part");
        supplier = supplier == null || supplier.isBlank() ? NO_SUPPLIER : supplier;
    }

    @Override public int compareTo(DeclarationKey o) { return ORDER.compare(this, o); }

    @Override public String toString() { return supplier + " / " + part; }
}
