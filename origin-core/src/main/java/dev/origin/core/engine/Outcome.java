package dev.origin.core.engine;

import java.util.List;

/**
 * The result of applying a rule tree to an analysed node: its status, the explanation step (null when
 * steps are not recorded), the requirement findings, the ids of the deciding rules, and the RVC figures.
 */
record Outcome(FindingStatus status, Step step, List<Finding> findings, List<String> deciding, RvcResult rvc) {

    boolean met() { return status == FindingStatus.MET; }

    /** A single finding explained by {@code step}, deciding by its own id. */
    static Outcome of(Finding f, Step step) {
        return new Outcome(f.status(), step, List.of(f), List.of(f.id()), null);
    }
}
