package dev.origin.core.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * One step of an explanation as data: what was checked ({@link StepKind}), the values it names
 * ({@code args}, already formatted as the user gave them: paths, HS codes, amounts), the rule and
 * citation, the amount and threshold involved, and the outcome. English is produced from steps by
 * {@link Explanation}, never inside the computation.
 *
 * @param outcome null for an informational step
 */
public record Step(StepKind kind, List<String> args, String ruleId, String citation, BigDecimal amount,
                   BigDecimal threshold, FindingStatus outcome, List<Step> children) {

    public Step {
        args = List.copyOf(args);
        children = List.copyOf(children);
    }

    static Step leaf(StepKind kind, String citation, BigDecimal amount, Object... args) {
        return new Step(kind, strings(args), null, citation, amount, null, null, List.of());
    }

    static Step of(StepKind kind, String ruleId, String citation, BigDecimal amount, BigDecimal threshold,
                   FindingStatus outcome, List<Step> children, Object... args) {
        return new Step(kind, strings(args), ruleId, citation, amount, threshold, outcome, children);
    }

    static List<String> strings(Object... args) {
        String[] out = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            out[i] = a == null ? "" : a instanceof BigDecimal b ? b.toPlainString() : a.toString();
        }
        return List.of(out);
    }
}
