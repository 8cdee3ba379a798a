package dev.origin.core.hs;

/**
 * A prefix of the HS nomenclature used in rules: a chapter ({@code 87}), a heading ({@code 87.08}
 * or {@code 8708}), a subheading ({@code 8708.50}) or a national tariff item ({@code 8708.99.14}).
 */
public record HsPrefix(String digits) implements Comparable<HsPrefix> {

    public HsPrefix {
        if (digits == null || digits.length() < 2 || digits.length() > 10 || digits.length() % 2 != 0
                || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("`" + digits + "` is not an HS chapter, heading or subheading");
        }
    }

    /** Parses {@code 87}, {@code 87.08}, {@code 8708}, {@code 8708.50}, {@code 870850}. */
    public static HsPrefix parse(String text) {
        String d = digitsOf(text);
        if (d == null || d.length() < 2 || d.length() > 10 || d.length() % 2 != 0) {
            throw new IllegalArgumentException("`" + text + "` is not an HS chapter, heading or subheading");
        }
        return new HsPrefix(d);
    }

    public static boolean isValid(String text) {
        String d = digitsOf(text);
        return d != null && d.length() >= 2 && d.length() <= 10 && d.length() % 2 == 0;
    }

    /** True when {@code code} falls under this prefix. */
    public boolean contains(HsCode code) {
        return code.digits().startsWith(digits);
    }

    /** The level this prefix names: 2 = chapter, 4 = heading, 6 = subheading, more = national item. */
    public int length() { return digits.length(); }

    @Override public int compareTo(HsPrefix o) { return digits.compareTo(o.digits); }

    @Override public String toString() { return dotted(digits); }

    static String digitsOf(String text) {
        if (text == null) return null;
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') sb.append(c);
            else if (c != '.' && c != ' ') return null;
        }
        String t = text.strip();
        if (t.startsWith(".") || t.endsWith(".") || t.contains("..")) return null;
        return sb.toString();
    }

    static String dotted(String d) {
        if (d.length() <= 2) return d;
        if (d.length() == 4) return d.substring(0, 2) + "." + d.substring(2);
        StringBuilder sb = new StringBuilder(d.substring(0, 4));
        for (int i = 4; i < d.length(); i += 2) sb.append('.').append(d, i, Math.min(i + 2, d.length()));
        return sb.toString();
    }
}
