package dev.origin.core.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One node of the explanation tree: what was checked (rule or BOM line), the amount and threshold
 * involved, the outcome, and the citation. One tree is recorded per determination; {@link #failingPath()}
 * and the full tree are views of it.
 *
 * @param outcome TRUE met, FALSE not met, null informational or not evaluable
 */
public record TraceNode(String label, String ruleId, String citation, BigDecimal amount, BigDecimal threshold,
                        Boolean outcome, List<TraceNode> children) {

    public TraceNode {
        children = Collections.unmodifiableList(new ArrayList<>(children));
    }

    public static TraceNode leaf(String label, String ruleId, String citation, BigDecimal amount,
                                 BigDecimal threshold, Boolean outcome) {
        return new TraceNode(label, ruleId, citation, amount, threshold, outcome, List.of());
    }

    /**
     * The failing-path view: nodes whose outcome is false, with the failing descendants that explain
     * them; informational children of a failing node are kept. Null when nothing failed.
     */
    public TraceNode failingPath() {
        if (!Boolean.FALSE.equals(outcome)) return null;
        List<TraceNode> kept = new ArrayList<>();
        boolean anyFailingChild = children.stream().anyMatch(c -> Boolean.FALSE.equals(c.outcome));
        for (TraceNode c : children) {
            if (Boolean.FALSE.equals(c.outcome)) kept.add(c.failingPath());
            else if (!anyFailingChild || c.outcome == null) kept.add(c);
        }
        return new TraceNode(label, ruleId, citation, amount, threshold, outcome, kept);
    }

    /** Every node of the tree, depth first. */
    public List<TraceNode> flatten() {
        List<TraceNode> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(TraceNode n, List<TraceNode> out) {
        out.add(n);
        for (TraceNode c : n.children) collect(c, out);
    }
}
