package dev.origin.core.rules;

/** Method of calculating regional value content. */
public enum RvcMethod {
    /** Transaction value: (TV - VNM) / TV x 100. */
    TV,
    /** Net cost: (NC - VNM) / NC x 100. */
    NC,
    /** Either method at the producer's choice, with the same threshold. */
    EITHER
}
