package dev.origin.core.model;

/**
 * The role of a material in a NAFTA heavy-duty automotive good (SOR/94-14 s.10, Schedule V): a listed
 * material, an automotive component, a sub-component or an automotive component assembly. The role
 * decides how the material counts under s.10(1) and whether it may be designated an intermediate
 * material (not a component, sub-component or component assembly: s.7(4), s.10(9)(a)).
 */
public enum HeavyDutyRole implements Labelled {
    LISTED_MATERIAL("listed-material"),
    COMPONENT("component"),
    SUB_COMPONENT("sub-component"),
    COMPONENT_ASSEMBLY("component-assembly");

    private final String label;

    HeavyDutyRole(String label) { this.label = label; }

    @Override public String label() { return label; }

    /** True for a component, sub-component or component assembly, which s.7(4) and s.10(9)(a) bar from designation. */
    public boolean barsDesignation() { return this != LISTED_MATERIAL; }

    /** The role named by a case-file word, or null. */
    public static HeavyDutyRole parse(String word) {
        return Labelled.parse(HeavyDutyRole.class, word);
    }

    @Override public String toString() { return label; }
}
