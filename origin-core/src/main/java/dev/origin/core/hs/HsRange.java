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
        String head = d.substring(0, from.length());
        return head.compareTo(from.digits()) >= 0 && head.compareTo(to.digits()) <= 0;
    }

    /** Number of digits compared: the more, the more specific. */
    public int specificity() { return from.length(); }

    @Override public String toString() {
        return from.equals(to) ? from.toString() : from + "-" + to;
    }
}
