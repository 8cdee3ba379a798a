package dev.origin.core.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message of the error catalogue: a stable {@link #code()}, a severity and a sentence with named
 * placeholders such as {@code "Material `{path}` has no value."}. Either a code's own message
 * ({@link ErrorCode}) or another wording of the same code ({@link ErrorCode.Variant}).
 *
 * <p>{@link #message(Object...)} fills the placeholders in the order of their first appearance; a
 * placeholder that appears twice takes the same argument. Too few or too many arguments are a
 * programming error ({@link IllegalArgumentException}), never a wrong sentence shown to a user.
 */
public sealed interface ErrorTemplate permits ErrorCode, ErrorCode.Variant {

    /** The stable code, e.g. {@link ErrorCode#MISSING_VALUE}. */
    ErrorCode code();

    /** The severity and the sentence. */
    Wording wording();

    /** The severity a diagnostic of this message has unless the caller decides otherwise. */
    default Diagnostic.Severity severity() { return wording().severity(); }

    /** The sentence with its {@code {placeholders}}. */
    default String template() { return wording().template(); }

    /** The names of the placeholders, in the order {@link #message(Object...)} takes their values. */
    default List<String> placeholders() { return wording().placeholders(); }

    /** A severity and a sentence, with the names of its placeholders worked out once. */
    record Wording(Diagnostic.Severity severity, String template, List<String> placeholders) {
        public Wording(Diagnostic.Severity severity, String template) {
            this(severity, template, List.copyOf(ErrorTemplate.placeholders(template)));
        }
    }

    /**
     * The sentence with each placeholder replaced by its argument ({@link BigDecimal}s in plain notation).
     *
     * @throws IllegalArgumentException when the number of arguments is not the number of placeholders
     */
    default String message(Object... args) {
        List<String> names = placeholders();
        if (args.length != names.size()) {
            throw new IllegalArgumentException(this + " takes " + names.size() + " argument(s) " + names + " but was given " + args.length + ".");
        }
        // a plain scan, no regex: this runs for every diagnostic of every evaluation
        String t = template();
        StringBuilder sb = new StringBuilder(t.length() + 32);
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            int close = c == '{' ? t.indexOf('}', i) : -1;
            int k = close > i + 1 ? names.indexOf(t.substring(i + 1, close)) : -1;
            if (k >= 0) {
                Object v = args[k];
                sb.append(v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
                i = close + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /** A placeholder: a name in braces. */
    Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");

    /** The distinct placeholder names of {@code template}, in order of first appearance. */
    static List<String> placeholders(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!names.contains(m.group(1))) names.add(m.group(1));
        }
        return names;
    }
}
