package dev.origin.io;

import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.ErrorCode.Variant;
import dev.origin.core.engine.ErrorTemplate;
import dev.origin.core.hs.HsCode;
import dev.origin.core.hs.HsPrefix;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Reads typed fields from a {@link Tree} object, collecting every problem with its location rather
 * than stopping at the first. Methods return null when a field is absent or invalid.
 */
public final class Fields {
    /** Money amounts: at most this many decimals (US, Canadian and Mexican currencies). */
    static final int MONEY_SCALE = 2;
    /** Numbers: at most this many digits before the decimal point (a thousand million million; docs/errors.md, {@code NUMBER_TOO_LONG}). */
    public static final int MAX_INTEGER_DIGITS = 15;
    /** Numbers: at most this many digits after the decimal point. */
    public static final int MAX_FRACTION_DIGITS = 10;

    /** A decimal as the files write it: sign, digits, point; compiled once (it is matched for every amount). */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    final String file;
    final List<Problem> problems;

    public Fields(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    public void problem(Tree at, String path, String code, String message) {
        problems.add(new Problem(file, at == null ? 0 : at.line, at == null ? 0 : at.column, path, code, message));
    }

    /** A problem at {@code at} (null: no position) whose message is {@code template} filled with {@code args}. */
    public void problem(Tree at, String path, ErrorTemplate template, Object... args) {
        problems.add(Problem.of(file, at == null ? 0 : at.line, at == null ? 0 : at.column, path, template, args));
    }

    public static String sub(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Reports fields of {@code o} not in {@code allowed}. */
    public void onlyKnown(Tree.Obj o, String path, Set<String> allowed) {
        for (var e : o.fields.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                problem(e.getValue(), sub(path, e.getKey()), ErrorCode.UNKNOWN_FIELD, e.getKey());
            }
        }
    }

    public Tree.Obj obj(Tree t, String path, String what) {
        if (t instanceof Tree.Obj o) return o;
        problem(t, path, ErrorCode.BAD_TYPE, what, "an object", describe(t));
        return null;
    }

    /** Reads one part of an optional sub-object {@code parent.key}: null when absent or not an object. */
    public interface Part<T> {
        T read(Tree.Obj o, String path);
    }

    /**
     * An optional sub-object {@code parent.key} (a {@code what}) with only the {@code allowed} fields, read by
     * {@code part} at its path; null when absent or not an object (the latter reported).
     */
    public <T> T optionalObj(Tree.Obj parent, String key, String path, String what, Set<String> allowed, Part<T> part) {
        if (parent.get(key) == null) return null;
        String p = sub(path, key);
        Tree.Obj o = obj(parent.get(key), p, what);
        if (o == null) return null;
        onlyKnown(o, p, allowed);
        return part.read(o, p);
    }

    public Tree.Arr arr(Tree t, String path, String what) {
        if (t instanceof Tree.Arr a) return a;
        problem(t, path, ErrorCode.BAD_TYPE, what, "a list", describe(t));
        return null;
    }

    public String string(Tree.Obj o, String key, String path, boolean required) {
        Tree t = o.get(key);
        String p = sub(path, key);
        if (t == null || (t instanceof Tree.Scalar s && s.isNull())) {
            if (required) problem(o, p, ErrorCode.MISSING_FIELD, key);
            return null;
        }
        if (t instanceof Tree.Scalar s && s.type != Tree.Scalar.Type.BOOLEAN) {
            if (s.text.isBlank()) {
                problem(t, p, ErrorCode.EMPTY_VALUE, key);
                return null;
            }
            return s.text;
        }
        problem(t, p, Variant.FIELD_OF_TYPE, key, "text", describe(t));
        return null;
    }

    /** A word of a vocabulary type ({@code heavy-truck}, {@code aftermarket}), parsed once here; null when absent or bad. */
    public <E extends Enum<E> & dev.origin.core.model.Labelled> E word(Tree.Obj o, String key, String path, boolean required, Class<E> type) {
        String s = oneOf(o, key, path, required, Set.copyOf(dev.origin.core.model.Labelled.labels(type)));
        return s == null ? null : dev.origin.core.model.Labelled.parse(type, s);
    }

    public String oneOf(Tree.Obj o, String key, String path, boolean required, Set<String> values) {
        String s = string(o, key, path, required);
        if (s != null && !values.contains(s)) {
            problem(o.get(key), sub(path, key), ErrorCode.BAD_VALUE, s, String.join(", ", values.stream().sorted().toList()));
            return null;
        }
        return s;
    }

    public Boolean bool(Tree.Obj o, String key, String path) {
        Tree t = o.get(key);
        if (t == null || (t instanceof Tree.Scalar s && s.isNull())) return null;
        if (t instanceof Tree.Scalar s && s.type == Tree.Scalar.Type.BOOLEAN) return Boolean.valueOf(s.text);
        problem(t, sub(path, key), Variant.FIELD_OF_TYPE, key, "true or false", describe(t));
        return null;
    }

    /** A decimal given as a number or a string, read exactly. */
    public BigDecimal decimal(Tree.Obj o, String key, String path) {
        Tree t = o.get(key);
        if (t == null || (t instanceof Tree.Scalar s0 && s0.isNull())) return null;
        String p = sub(path, key);
        if (!(t instanceof Tree.Scalar s) || s.type == Tree.Scalar.Type.BOOLEAN) {
            problem(t, p, Variant.FIELD_NOT_A_NUMBER, key, describe(t));
            return null;
        }
        String text = s.text.strip();
        if (!NUMBER.matcher(text).matches()) {
            problem(t, p, ErrorCode.BAD_NUMBER, shown(s.text));
            return null;
        }
        BigDecimal v = text.length() > Tree.MAX_NUMBER_LENGTH ? null : new BigDecimal(text);
        if (v == null || Math.max(0, v.precision() - v.scale()) > MAX_INTEGER_DIGITS || v.stripTrailingZeros().scale() > MAX_FRACTION_DIGITS) {
            problem(t, p, ErrorCode.NUMBER_TOO_LONG, shown(s.text), MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS);
            return null;
        }
        return v;
    }

    /** A money amount: non-negative, at most two decimals. */
    public BigDecimal money(Tree.Obj o, String key, String path) {
        BigDecimal v = decimal(o, key, path);
        if (v == null) return null;
        Tree t = o.get(key);
        String text = ((Tree.Scalar) t).text;
        if (v.signum() < 0) {
            problem(t, sub(path, key), ErrorCode.NEGATIVE_AMOUNT, text);
            return null;
        }
        if (v.stripTrailingZeros().scale() > MONEY_SCALE) {
            problem(t, sub(path, key), ErrorCode.OVER_PRECISE_AMOUNT, text, MONEY_SCALE);
            return null;
        }
        return v.scale() < MONEY_SCALE ? v.setScale(MONEY_SCALE) : v;
    }

    /** A percentage between 0 and 100. */
    public BigDecimal percent(Tree.Obj o, String key, String path) {
        BigDecimal v = decimal(o, key, path);
        if (v != null && (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0)) {
            problem(o.get(key), sub(path, key), ErrorCode.BAD_PERCENT, v);
            return null;
        }
        return v;
    }

    public LocalDate date(Tree.Obj o, String key, String path) {
        String s = string(o, key, path, false);
        if (s == null) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problem(o.get(key), sub(path, key), ErrorCode.BAD_DATE, s);
            return null;
        }
    }

    public HsCode hs(Tree.Obj o, String key, String path, boolean required) {
        String s = string(o, key, path, required);
        if (s == null) return null;
        if (!HsCode.isValid(s)) {
            problem(o.get(key), sub(path, key), ErrorCode.BAD_HS, s);
            return null;
        }
        return HsCode.parse(s);
    }

    public HsPrefix hsPrefix(Tree t, String path) {
        if (t instanceof Tree.Scalar s && s.text != null && HsPrefix.isValid(s.text)) return HsPrefix.parse(s.text);
        problem(t, path, Variant.NOT_AN_HS_PREFIX, t instanceof Tree.Scalar s ? s.text : describe(t));
        return null;
    }

    /** A whole, non-negative count (capacities, units); 0 when absent or invalid. */
    public long count(Tree.Obj o, String key, String path) {
        BigDecimal v = decimal(o, key, path);
        if (v == null) return 0;
        if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0) {
            problem(o.get(key), sub(path, key), ErrorCode.BAD_COUNT, v);
            return 0;
        }
        return v.longValueExact();
    }

    /** An hourly wage {@code {rate, currency}} in USD, CAD or MXN; null when invalid. */
    public dev.origin.core.model.VehicleData.Wage wage(Tree t, String path) {
        Tree.Obj w = obj(t, path, "a wage");
        if (w == null) return null;
        onlyKnown(w, path, Set.of("rate", "currency"));
        BigDecimal rate = money(w, "rate", path);
        String cur = oneOf(w, "currency", path, true, Set.of("USD", "CAD", "MXN"));
        if (rate == null && w.get("rate") == null) problem(w, sub(path, "rate"), ErrorCode.MISSING_FIELD, "rate");
        return rate == null || cur == null ? null : new dev.origin.core.model.VehicleData.Wage(rate, cur);
    }

    /** Two capital letters A-Z: the form of an ISO 3166 alpha-2 code (whether assigned or not). */
    public static boolean isCountryCode(String c) {
        return c.length() == 2 && c.charAt(0) >= 'A' && c.charAt(0) <= 'Z' && c.charAt(1) >= 'A' && c.charAt(1) <= 'Z';
    }

    /** The ISO 3166 alpha-2 codes assigned to countries (the JDK's list). */
    public static final java.util.Set<String> ASSIGNED_COUNTRIES = java.util.Set.of(java.util.Locale.getISOCountries());

    /** A value as shown in a message: at most 40 characters, longer ones cut with an ellipsis. */
    public static String shown(String value) {
        if (value == null) return "";
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    static String describe(Tree t) {
        if (t == null) return "nothing";
        if (t instanceof Tree.Obj) return "an object";
        if (t instanceof Tree.Arr) return "a list";
        Tree.Scalar s = (Tree.Scalar) t;
        return switch (s.type) {
            case NULL -> "null";
            case BOOLEAN -> "`" + s.text + "`";
            case NUMBER -> "the number `" + shown(s.text) + "`";
            case STRING -> "the text `" + shown(s.text) + "`";
        };
    }
}
