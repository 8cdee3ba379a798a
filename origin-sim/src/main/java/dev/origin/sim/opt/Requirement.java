package dev.origin.sim.opt;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A linear requirement {@code Σ_i Σ_j a_ij x_ij ≥ bound}, the coefficients {@code a_ij} being given by the options.
 *
 * @param id    requirement id, unique within a {@link Problem}, used as key in {@link Option#coefficients()}
 * @param label human-readable description (e.g. "RVC (net cost) ≥ 75 %")
 * @param bound right-hand side
 */
public record Requirement(String id, String label, BigDecimal bound) {
    public Requirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(bound, "bound");
    }
}
