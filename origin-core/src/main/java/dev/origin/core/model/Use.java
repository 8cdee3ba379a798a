package dev.origin.core.model;

/** What a part is for: original equipment of a vehicle, or the aftermarket. */
public enum Use implements Labelled {
    ORIGINAL_EQUIPMENT("original-equipment"),
    AFTERMARKET("aftermarket");

    private final String label;

    Use(String label) { this.label = label; }

    @Override public String label() { return label; }

    /** The constant named by {@code word}, or null when none is. */
    public static Use parse(String word) {
        return Labelled.parse(Use.class, word);
    }

    /** Every word, for messages and validation. */
    public static java.util.List<String> labels() {
        return Labelled.labels(Use.class);
    }

    @Override public String toString() { return label; }
}
