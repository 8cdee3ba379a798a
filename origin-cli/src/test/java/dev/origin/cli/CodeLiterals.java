package dev.origin.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the string literals of Java source that are used as problem codes: the code argument of
 * {@code new Problem(…)}, {@code new Diagnostic(…)}, {@code new BadValue(…)} and {@code Word<>(…)} (the command
 * line's converters), {@code problem(…)}, {@code error(…)}, {@code warn(…)} and {@code missing(…)}; constants declared as {@code static final String X_Y = "X_Y"}; and codes printed
 * inside messages of the form {@code "--option: CODE: …"}. Other literals, even in capitals ({@code "CTH"},
 * {@code "USD"}, {@code "YAML"} in a message), are not codes. Comments are ignored.
 */
final class CodeLiterals {
    /** A code-like literal and the 1-based line it is on. */
    record Found(String code, int line) {}

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]+[A-Z]");
    /** Calls whose arguments include a code, and the 0-based position of that argument. */
    private static final Pattern CALL = Pattern.compile(
            "(new\\s+Problem|new\\s+Diagnostic|new\\s+BadValue|Word<>|\\bproblem|\\berror|\\bwarn|\\bmissing)\\s*\\(");
    /** A constant named as its value, with an underscore (a code, not a word such as {@code USCA = "USCA"}). */
    private static final Pattern CONSTANT = Pattern.compile("static\\s+final\\s+String\\s+([A-Z]+_[A-Z_]*[A-Z])\\s*=\\s*\"");
    private static final Pattern IN_MESSAGE = Pattern.compile(": ([A-Z][A-Z_]+[A-Z]): ");

    private CodeLiterals() {}

    private record Literal(int start, int end, String value) {}

    static List<Found> find(String source) {
        StringBuilder masked = new StringBuilder(source);
        List<Literal> literals = mask(source, masked);
        String code = masked.toString();
        List<Found> out = new ArrayList<>();
        Matcher call = CALL.matcher(code);
        while (call.find()) {
            String name = call.group(1).replaceAll("\\s+", " ");
            int index = switch (name) {
                case "new Problem" -> 4;
                case "new Diagnostic", "missing", "Word<>" -> 1;
                case "problem" -> 2;
                default -> 0;
            };
            int[] arg = argument(code, call.end(), index);
            if (arg == null) continue;
            for (Literal l : literals) {
                if (l.start() >= arg[0] && l.end() <= arg[1] && CODE.matcher(l.value()).matches()) out.add(at(source, l.start(), l.value()));
            }
        }
        Matcher constant = CONSTANT.matcher(code);
        while (constant.find()) {
            for (Literal l : literals) {
                if (l.start() == constant.end() - 1 && l.value().equals(constant.group(1))) out.add(at(source, l.start(), l.value()));
            }
        }
        for (Literal l : literals) {
            Matcher m = IN_MESSAGE.matcher(l.value());
            while (m.find()) out.add(at(source, l.start(), m.group(1)));
        }
        return out;
    }

    private static Found at(String source, int offset, String code) {
        return new Found(code, (int) source.substring(0, offset).chars().filter(c -> c == '\n').count() + 1);
    }

    /** Offsets [start, end) of argument {@code index} of the call whose argument list starts at {@code from}. */
    private static int[] argument(String code, int from, int index) {
        int depth = 0, n = 0, start = from;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') depth++;
            else if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
            else if (c == ')' || (c == ',' && depth == 0)) {
                if (n == index) return new int[] {start, i};
                if (c == ')') return null;
                n++;
                start = i + 1;
            }
        }
        return null;
    }

    /** Blanks comments and the contents of string, text-block and character literals in {@code masked}; returns the string literals. */
    private static List<Literal> mask(String s, StringBuilder masked) {
        List<Literal> literals = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                i = blank(masked, i, end < 0 ? s.length() : end);
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = blank(masked, i, end < 0 ? s.length() : end + 2);
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? s.length() : end;
                blank(masked, i + 3, end);
                i = Math.min(s.length(), end + 3);
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                char q = s.charAt(i);
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != q && s.charAt(j) != '\n') {
                    if (s.charAt(j) == '\\' && j + 1 < s.length()) value.append(s.charAt(j++));
                    value.append(s.charAt(j++));
                }
                blank(masked, i + 1, j);
                if (q == '"') literals.add(new Literal(i, j + 1, value.toString()));
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int blank(StringBuilder masked, int from, int to) {
        for (int k = from; k < to; k++) if (masked.charAt(k) != '\n') masked.setCharAt(k, ' ');
        return to;
    }
}
