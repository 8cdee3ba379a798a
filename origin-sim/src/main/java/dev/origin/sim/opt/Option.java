package dev.origin.sim.opt;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * One sourcing option of an {@link Item}: option 0 of an item is its current sourcing, any other option is a
 * re-sourcing move.
 *
 * @param id           option id, unique within its item
 * @param cost         extra cost per vehicle when this option is chosen (usually 0 for option 0)
 * @param coefficients contribution to each requirement, keyed by requirement id; an absent key means 0
 */
public record Option(String id, BigDecimal cost, Map<String, BigDecimal> coefficients) {
    public Option {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cost, "cost");
        coefficients = Map.copyOf(Objects.requireNonNull(coefficients, "coefficients"));
    }

    /** The coefficient of this option in the requirement with the given id (0 when absent). */
    public BigDecimal coefficient(String requirementId) {
        return coefficients.getOrDefault(requirementId, BigDecimal.ZERO);
    }
}
