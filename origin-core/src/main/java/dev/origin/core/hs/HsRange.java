package dev.origin.core.hs;

/**
 * An inclusive range of HS provisions of equal length, e.g. {@code 8703.21-8703.90}; a single
 * prefix is a range with {@code from == to}. A code is in the range when its first digits are.
 */
public record HsRange(HsPrefix from, HsPrefix to) {

    public HsRange {
        if (from.length() != to.length() || from.compareTo(to) > 0) {
            throw new IllegalArgumentException("`" + from + "-" + to + "` is not a valid HS range");
        }
    }

    /** Parses {@code 87}, {@code 8708.50} or {@code 8703.21-8703.90}. */
    public static HsRange parse(String text) {
        int dash = text.indexOf('-');
        if (dash < 0) {
            HsPrefix p = HsPrefix.parse(text.strip());
            return new HsRange(p, p);
        }
        return new HsRange(HsPrefix.parse(text.substring(0, dash).strip()), HsPrefix.parse(text.substring(dash + 1).strip()));
    }

    public boolean contains(HsCode code) {
        String d = code.digits();
        if (d.length() < from.length()) return false;
        // compare the first from.length() digits in place (no substring: this runs for every range of every lookup)
        return compareHead(d, from.digits()) >= 0 && compareHead(d, to.digits()) <= 0;
    }

    /** {@code code}'s first {@code bound.length()} characters compared with {@code bound} (both digits only). */
    private static int compareHead(String code, String bound) {
        for (int i = 0; i < bound.length(); i++) {
            int c = code.charAt(i) - bound.charAt(i);
            if (c != 0) return c;
        }
        return 0;
    }

    /** Number of digits compared: the more, the more specific. */
    public int specificity() { return from.length(); }

    @Override public String toString() {
        return from.equals(to) ? from.toString() : from + "-" + to;
    }
}
