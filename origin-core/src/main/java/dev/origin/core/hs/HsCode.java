package dev.origin.core.hs;

import java.util.Objects;

/**
 * A Harmonized System code of at least six digits (national digits optional), e.g. {@code 8703.23}
 * or {@code 8703.23.01}. Dots and spaces are ignored when parsing; the canonical form keeps digits only.
 */
public final class HsCode implements Comparable<HsCode> {
    private final String digits;

    private HsCode(String digits) {
        this.digits = digits;
    }

    /** Parses {@code 8703.23}, {@code 870323} or {@code 8703.23.01}; six to ten digits. */
    public static HsCode parse(String text) {
        String d = HsPrefix.digitsOf(text);
        if (d == null || d.length() < 6 || d.length() > 10 || d.length() % 2 != 0) {
            throw new IllegalArgumentException("`" + text + "` is not an HS code of 6, 8 or 10 digits");
        }
        return new HsCode(d);
    }

    /** True when {@code text} parses as an HS code. */
    public static boolean isValid(String text) {
        String d = HsPrefix.digitsOf(text);
        return d != null && d.length() >= 6 && d.length() <= 10 && d.length() % 2 == 0;
    }

    public String digits() { return digits; }

    /** Two-digit chapter, e.g. {@code 87}. */
    public String chapter() { return digits.substring(0, 2); }

    /** Four-digit heading, e.g. {@code 8703}. */
    public String heading() { return digits.substring(0, 4); }

    /** Six-digit subheading, e.g. {@code 870323}. */
    public String subheading() { return digits.substring(0, 6); }

    /** True when this code falls under {@code prefix} (chapter, heading, subheading or longer). */
    public boolean isUnder(HsPrefix prefix) {
        return digits.startsWith(prefix.digits());
    }

    @Override public int compareTo(HsCode o) { return digits.compareTo(o.digits); }
    @Override public boolean equals(Object o) { return o instanceof HsCode h && h.digits.equals(digits); }
    @Override public int hashCode() { return Objects.hash(digits); }

    /** Dotted form: {@code 8703.23} or {@code 8703.23.01}. */
    @Override public String toString() { return HsPrefix.dotted(digits); }
}
