package dev.origin.core.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders explanations: the steps a determination recorded become a tree of sentences
 * ({@link TraceNode}), outside the computation. The text and JSON views of the CLI, the reports and the
 * server all render from here.
 */
public final class Explanation {
    private Explanation() {}

    /** The full explanation tree of {@code step} in words. */
    public static TraceNode render(Step step) {
        List<TraceNode> kids = new ArrayList<>(step.children().size());
        for (Step c : step.children()) if (c != null) kids.add(render(c));
        return new TraceNode(step.kind().render(step.args(), step.outcome()), step.ruleId(), step.citation(), step.amount(),
                step.threshold(), step.outcome() == null ? null : step.outcome().asBoolean(), kids);
    }
}
