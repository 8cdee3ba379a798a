package dev.origin.core.model;

/**
 * How high-wage material and manufacturing expenditures are measured (SOR/2020-155 s.18): on net cost,
 * or on annual purchase value.
 */
public enum LabourMethod implements Labelled {
    NET_COST("net-cost"),
    ANNUAL_PURCHASE("annual-purchase");

    private final String label;

    LabourMethod(String label) { this.label = label; }

    @Override public String label() { return label; }

    /** The constant named by {@code word}, or null when none is. */
    public static LabourMethod parse(String word) {
        return Labelled.parse(LabourMethod.class, word);
    }

    /** Every word, for messages and validation. */
    public static java.util.List<String> labels() {
        return Labelled.labels(LabourMethod.class);
    }

    @Override public String toString() { return label; }
}
