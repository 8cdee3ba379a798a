package dev.origin.core.regime;

/**
 * How an originating core part rolls up into a vehicle's VNM (SOR/2020-155 s.14; named option
 * `roll-up`, docs/automotive.md): as wholly originating whatever option qualified it (`panel-2023`, the 2023
 * panel reading), or with its own non-originating materials unless it qualified counting all of them
 * (`us-cbp`).
 */
public enum RollUpPolicy implements dev.origin.core.model.Labelled {
    PANEL_2023("panel-2023"),
    US_CBP("us-cbp");

    private final String label;

    RollUpPolicy(String label) { this.label = label; }

    @Override public String label() { return label; }

    /** The constant named by {@code word}, or null when none is. */
    public static RollUpPolicy parse(String word) {
        return dev.origin.core.model.Labelled.parse(RollUpPolicy.class, word);
    }

    /** Every word, for messages and validation. */
    public static java.util.List<String> labels() {
        return dev.origin.core.model.Labelled.labels(RollUpPolicy.class);
    }

    @Override public String toString() { return label; }
}
