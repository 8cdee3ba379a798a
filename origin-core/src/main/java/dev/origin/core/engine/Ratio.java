package dev.origin.core.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An exact non-negative fraction, for percentages compared without rounding (sums of ratios included). */
record Ratio(BigDecimal num, BigDecimal den) implements Comparable<Ratio> {
    static final Ratio ZERO = new Ratio(BigDecimal.ZERO, BigDecimal.ONE);

    Ratio {
        if (den.signum() <= 0) throw new IllegalArgumentException("denominator must be positive");
    }

    /** {@code part / whole × 100} as a percentage. */
    static Ratio percent(BigDecimal part, BigDecimal whole) {
        return new Ratio(part.multiply(Checks.HUNDRED), whole);
    }

    static Ratio of(BigDecimal value) {
        return new Ratio(value, BigDecimal.ONE);
    }

    Ratio plus(Ratio o) {
        return new Ratio(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    Ratio min(Ratio o) {
        return compareTo(o) <= 0 ? this : o;
    }

    @Override public int compareTo(Ratio o) {
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    boolean atLeast(BigDecimal threshold) {
        return num.compareTo(threshold.multiply(den)) >= 0;
    }

    /** The value truncated to the reporting scale. */
    BigDecimal value() {
        return num.divide(den, Checks.PERCENT_SCALE, RoundingMode.DOWN);
    }
}
