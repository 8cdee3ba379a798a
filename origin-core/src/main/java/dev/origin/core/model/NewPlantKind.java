package dev.origin.core.model;

/** New-plant relief: a new plant or a refit (SOR/94-14 s.13(2)-(3); SOR/2020-155 s.20(8)). */
public enum NewPlantKind implements Labelled {
    NEW_PLANT("new-plant"),
    REFIT("refit");

    private final String label;

    NewPlantKind(String label) { this.label = label; }

    @Override public String label() { return label; }

    /** The constant named by {@code word}, or null when none is. */
    public static NewPlantKind parse(String word) {
        return Labelled.parse(NewPlantKind.class, word);
    }

    /** Every word, for messages and validation. */
    public static java.util.List<String> labels() {
        return Labelled.labels(NewPlantKind.class);
    }

    @Override public String toString() { return label; }
}
