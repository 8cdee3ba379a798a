package dev.origin.sim.opt;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Result of {@link Optimizer}.
 *
 * @param feasible whether a choice meeting every requirement (checked exactly in BigDecimal) was found
 * @param choice   item id → chosen option id, in item order; empty when infeasible
 * @param cost     exact total cost of the choice; {@code null} when infeasible
 * @param unmet    when infeasible: the requirements that cannot be met even choosing, per item, the option that
 *                 maximises that requirement's coefficient; all requirements when each is reachable on its own but
 *                 not jointly; empty when feasible (or when no conclusion was reached, see {@code note})
 * @param method   {@code "ojalgo"}, {@code "exhaustive"} or {@code "branch-and-bound"}: what produced this plan
 * @param note     explanation when the plan is not a plain proven optimum or proven infeasibility (solver fallback,
 *                 unproven optimality, search space too large); empty otherwise
 */
public record Plan(boolean feasible, Map<String, String> choice, BigDecimal cost, List<String> unmet, String method,
                   String note) {
    public Plan {
        choice = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(choice, "choice")));
        unmet = List.copyOf(Objects.requireNonNull(unmet, "unmet"));
        Objects.requireNonNull(method, "method");
        note = note == null ? "" : note;
        if (feasible && cost == null) {
            throw new IllegalArgumentException("a feasible plan has a cost");
        }
    }

    /** A plan without a note. */
    public Plan(boolean feasible, Map<String, String> choice, BigDecimal cost, List<String> unmet, String method) {
        this(feasible, choice, cost, unmet, method, "");
    }

    /** Number of items moved away from their current sourcing (option 0) — needs the problem for option order. */
    public int moves(Problem problem) {
        int moves = 0;
        for (Item item : problem.items()) {
            String chosen = choice.get(item.id());
            if (chosen != null && !chosen.equals(item.options().get(0).id())) {
                moves++;
            }
        }
        return moves;
    }
}
