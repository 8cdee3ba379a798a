package dev.origin.core.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Rounding of the figures of the average methods. The sections themselves prescribe no rounding, so the default
 * {@link #EXACT} rounds nothing (a quotient that does not terminate is carried to 34 significant digits, the
 * originating ratio rounded down, so that no originating unit is ever created). The worked Examples round as they
 * print; a {@code Rounding} reproduces that, each scale null when the figure is not rounded:
 * <ul>
 *   <li>Sch. X / Sch. 8 Appendix A Example 3: ratio 2 decimals ("66%"), average unit value 2 decimals ($1.07);</li>
 *   <li>Appendix A Example 4: ratio 3 decimals ("40.4%"), units 0 decimals (1,091), average unit value and
 *       non-originating value per unit 2 decimals ($1.07, $0.64);</li>
 *   <li>Appendix B Example 3: ratio 3 decimals ("40.4%").</li>
 * </ul>
 *
 * @param ratioScale                    decimals of the originating ratio; the non-originating ratio is 1 minus it
 * @param quantityScale                 decimals of originating units withdrawn and remaining
 * @param unitValueScale                decimals of the average unit value
 * @param nonOriginatingUnitValueScale  decimals of average unit value × non-originating ratio (value per unit)
 * @param mode                          rounding mode of every scale given
 */
public record Rounding(Integer ratioScale, Integer quantityScale, Integer unitValueScale,
                       Integer nonOriginatingUnitValueScale, RoundingMode mode) {

    /** No rounding. */
    public static final Rounding EXACT = new Rounding(null, null, null, null, RoundingMode.HALF_UP);

    public Rounding {
        Objects.requireNonNull(mode, "mode");
    }

    /** Exact except for the ratio, rounded to {@code scale} decimals with {@code mode}. */
    public static Rounding ratio(int scale, RoundingMode mode) { return new Rounding(scale, null, null, null, mode); }

    public Rounding withQuantityScale(Integer s) { return new Rounding(ratioScale, s, unitValueScale, nonOriginatingUnitValueScale, mode); }

    public Rounding withUnitValueScale(Integer s) { return new Rounding(ratioScale, quantityScale, s, nonOriginatingUnitValueScale, mode); }

    public Rounding withNonOriginatingUnitValueScale(Integer s) { return new Rounding(ratioScale, quantityScale, unitValueScale, s, mode); }

    BigDecimal quantity(BigDecimal q) { return quantityScale == null ? q : q.setScale(quantityScale, mode); }

    BigDecimal unitValue(BigDecimal v) { return unitValueScale == null ? v : v.setScale(unitValueScale, mode); }

    BigDecimal nonOriginatingUnitValue(BigDecimal v) {
        return nonOriginatingUnitValueScale == null ? v : v.setScale(nonOriginatingUnitValueScale, mode);
    }
}
