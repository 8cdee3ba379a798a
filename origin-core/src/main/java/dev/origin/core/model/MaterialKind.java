package dev.origin.core.model;

/**
 * How a material line enters the origin determination (SOR/2020-155 s.7(23)-(27), ss.6-7 of
 * Part 4; SOR/94-14 s.7(11)-(19)).
 */
public enum MaterialKind {
    /** An ordinary material incorporated into the good. */
    DIRECT("direct"),
    /** Indirect material: originating wherever produced; its recorded cost stays in net cost. */
    INDIRECT("indirect"),
    /** Packing materials and containers for shipment: disregarded for the tariff shift and for VNM. */
    PACKING("packing"),
    /** Packaging for retail sale classified with the good: no tariff shift; counted in RVC. */
    PACKAGING("packaging"),
    /** Standard accessories, spare parts or tools delivered with the good: no tariff shift or de minimis; counted in RVC. */
    ACCESSORY("accessory");

    private final String label;

    MaterialKind(String label) { this.label = label; }

    public String label() { return label; }

    public static MaterialKind fromLabel(String s) {
        for (MaterialKind k : values()) if (k.label.equals(s)) return k;
        return null;
    }
}
