package dev.origin.core.model;

/** Origin status of a material as declared: three-valued, unknown when no valid supplier declaration exists. */
public enum Origin {
    ORIGINATING("originating"), NON_ORIGINATING("non-originating"), UNKNOWN("unknown");

    private final String label;

    Origin(String label) { this.label = label; }

    /** The case-file spelling, e.g. {@code non-originating}. */
    public String label() { return label; }

    /** Parses the case-file spelling; null when not recognised. */
    public static Origin fromLabel(String s) {
        for (Origin o : values()) if (o.label.equals(s)) return o;
        return null;
    }
}
