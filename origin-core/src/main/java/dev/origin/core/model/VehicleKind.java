package dev.origin.core.model;

/**
 * The kind of a vehicle, or for a part the kind of vehicle it is for (SOR/2020-155 s.1; SOR/94-14 s.1
 * light-duty / heavy-duty).
 */
public enum VehicleKind implements Labelled {
    PASSENGER_VEHICLE("passenger-vehicle"),
    LIGHT_TRUCK("light-truck"),
    HEAVY_TRUCK("heavy-truck"),
    OTHER("other");

    private final String label;

    VehicleKind(String label) { this.label = label; }

    @Override public String label() { return label; }

    /** The constant named by {@code word}, or null when none is. */
    public static VehicleKind parse(String word) {
        return Labelled.parse(VehicleKind.class, word);
    }

    /** Every word, for messages and validation. */
    public static java.util.List<String> labels() {
        return Labelled.labels(VehicleKind.class);
    }

    @Override public String toString() { return label; }
}
