package dev.origin.core.rules;

/**
 * What a requirement of a determination is about. The {@link #label()} is the public name used in
 * case-file results ({@code tariff-shift}, {@code rvc}, …; ../shared/spec/case-file.md).
 */
public enum RequirementKind {
    WHOLLY_OBTAINED("wholly-obtained"),
    TARIFF_SHIFT("tariff-shift"),
    DE_MINIMIS("de-minimis"),
    RVC("rvc"),
    CORE_PARTS("core-parts"),
    LVC("lvc"),
    STEEL("steel"),
    ALUMINUM("aluminum"),
    NATIONAL_CONTENT("national-content"),
    INTANGIBLES("intangibles"),
    /** Criterion (c): produced exclusively from originating materials. */
    ORIGINATING_MATERIALS("originating-materials"),
    /** Criterion (d): parts classified with the good, plus an RVC. */
    PARTS_RULE("parts-rule"),
    /** A fact the HS code does not tell (a described good, a process performed in the territory). */
    CONDITION("condition"),
    NO_CHANGE_REQUIRED("no-change-required"),
    ALL_OF("all-of"),
    ANY_OF("any-of"),
    /** The product-specific rule itself (reported when the pack has none for the good). */
    PRODUCT_RULE("psr");

    private final String label;

    RequirementKind(String label) { this.label = label; }

    /** The public name, e.g. {@code tariff-shift}. */
    public String label() { return label; }

    /**
     * True for the vehicle requirements that criterion (c) does not replace ("and the good satisfies all
     * other applicable requirements", SOR/2020-155 s.3(3); s.14-18).
     */
    public boolean isOtherRequirement() {
        return switch (this) {
            case CORE_PARTS, LVC, STEEL, ALUMINUM, NATIONAL_CONTENT, INTANGIBLES, CONDITION -> true;
            default -> false;
        };
    }

    @Override public String toString() { return label; }
}
