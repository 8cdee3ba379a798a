package dev.origin.store.importer;

import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.ErrorCode.Variant;
import dev.origin.core.engine.ErrorTemplate;
import dev.origin.core.hs.HsCode;
import dev.origin.io.Problem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The cells of one row, read by column name and checked; every problem is added with the file, row and column
 * of its cell, and the value read is then null, so that a row's other cells are still checked.
 */
final class Cells {
    /** Ids: at most 64 characters (the key columns), no control characters. */
    static final int MAX_ID = 64;
    static final int MAX_INTEGER_DIGITS = 15;
    static final int MAX_FRACTION_DIGITS = 10;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final Table table;
    private final Table.Row row;
    private final Map<String, Integer> index;
    private final List<Problem> problems;

    Cells(Table table, Table.Row row, Map<String, Integer> index, List<Problem> problems) {
        this.table = table;
        this.row = row;
        this.index = index;
        this.problems = problems;
    }

    int row() { return row.number(); }

    /** The raw text of {@code column}, trimmed; empty when absent. */
    String raw(String column) {
        Integer i = index.get(column);
        if (i == null || i >= row.cells().size()) {
            return "";
        }
        return row.cells().get(i).strip();
    }

    void problem(String column, ErrorTemplate t, Object... args) {
        Integer i = index.get(column);
        problems.add(Problem.of(table.source(), row.number(), i == null ? 0 : i + 1, column, t, args));
    }

    /** Text that must be given: an id or a name. */
    String required(String column, int max) {
        String v = raw(column);
        if (v.isEmpty()) {
            problem(column, ErrorCode.MISSING_FIELD, column);
            return null;
        }
        return text(column, v, max);
    }

    /** Text that may be empty (then null). */
    String optional(String column, int max) {
        String v = raw(column);
        return v.isEmpty() ? null : text(column, v, max);
    }

    private String text(String column, String v, int max) {
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '@') {
            problem(column, ErrorCode.FORMULA_TEXT, shown(v), String.valueOf(first));
            return null;
        }
        if (v.chars().anyMatch(ch -> ch < 0x20)) {
            problem(column, ErrorCode.BAD_VALUE, shown(v), "text without control characters (tabs, line breaks)");
            return null;
        }
        if (v.length() > max) {
            problem(column, Variant.CELL_TOO_LONG, v.length(), max);
            return null;
        }
        return v;
    }

    String country(String column, boolean required) {
        String v = raw(column);
        if (v.isEmpty()) {
            if (required) {
                problem(column, ErrorCode.MISSING_FIELD, column);
            }
            return null;
        }
        String up = v.toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(up).matches()) {
            problem(column, ErrorCode.BAD_COUNTRY, shown(v));
            return null;
        }
        return up;
    }

    String hs(String column) {
        String v = raw(column);
        if (v.isEmpty()) {
            return null;
        }
        if (!HsCode.isValid(v)) {
            problem(column, ErrorCode.BAD_HS, shown(v));
            return null;
        }
        return HsCode.parse(v).toString();
    }

    LocalDate date(String column, boolean required) {
        String v = raw(column);
        if (v.isEmpty()) {
            if (required) {
                problem(column, ErrorCode.MISSING_FIELD, column);
            }
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(v);
            if (d.getYear() < 1900 || d.getYear() > 2999) {
                problem(column, ErrorCode.BAD_DATE, shown(v));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problem(column, ErrorCode.BAD_DATE, shown(v));
            return null;
        }
    }

    /** A money amount: not negative, at most 2 decimals; null when empty. */
    BigDecimal money(String column) {
        BigDecimal v = decimal(column);
        if (v == null) {
            return null;
        }
        if (v.signum() < 0) {
            problem(column, ErrorCode.NEGATIVE_AMOUNT, v.toPlainString());
            return null;
        }
        if (v.stripTrailingZeros().scale() > 2) {
            problem(column, ErrorCode.OVER_PRECISE_AMOUNT, v.toPlainString(), 2);
            return null;
        }
        return v.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /** A quantity: greater than zero, at most 6 decimals, at most 12 digits before the point. */
    BigDecimal quantity(String column) {
        String s = raw(column);
        if (s.isEmpty()) {
            problem(column, ErrorCode.MISSING_FIELD, column);
            return null;
        }
        BigDecimal v = decimal(column);
        if (v == null) {
            return null;
        }
        if (v.signum() <= 0) {
            problem(column, Variant.QUANTITY_NOT_POSITIVE, v.toPlainString());
            return null;
        }
        if (v.stripTrailingZeros().scale() > 6 || v.precision() - v.scale() > 12) {
            problem(column, ErrorCode.NUMBER_TOO_LONG, shown(s), 12, 6);
            return null;
        }
        return v;
    }

    /** A percentage between 0 and 100, at most 4 decimals; null when empty. */
    BigDecimal percent(String column) {
        BigDecimal v = decimal(column);
        if (v == null) {
            return null;
        }
        if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0 || v.stripTrailingZeros().scale() > 4) {
            problem(column, ErrorCode.BAD_PERCENT, v.toPlainString());
            return null;
        }
        return v;
    }

    private BigDecimal decimal(String column) {
        String s = raw(column);
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > 40) {
            problem(column, ErrorCode.NUMBER_TOO_LONG, shown(s), MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS);
            return null;
        }
        if (!DECIMAL.matcher(s).matches()) {
            problem(column, ErrorCode.BAD_NUMBER, shown(s));
            return null;
        }
        BigDecimal v = new BigDecimal(s);
        if (Math.max(0, v.precision() - v.scale()) > MAX_INTEGER_DIGITS || v.stripTrailingZeros().scale() > MAX_FRACTION_DIGITS) {
            problem(column, ErrorCode.NUMBER_TOO_LONG, shown(s), MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS);
            return null;
        }
        return v;
    }

    /** One of {@code allowed} (case-insensitive), as written in {@code allowed}; null when empty. */
    String word(String column, List<String> allowed, boolean required) {
        String v = raw(column);
        if (v.isEmpty()) {
            if (required) {
                problem(column, ErrorCode.MISSING_FIELD, column);
            }
            return null;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) {
                return a;
            }
        }
        problem(column, ErrorCode.BAD_VALUE, shown(v), String.join(", ", allowed.stream().map(a -> "`" + a + "`").toList()));
        return null;
    }

    /** {@code true}/{@code yes}/{@code 1} or {@code false}/{@code no}/{@code 0}; false when empty. */
    Boolean flag(String column) {
        String v = raw(column).toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("false") || v.equals("no") || v.equals("0")) {
            return false;
        }
        if (v.equals("true") || v.equals("yes") || v.equals("1")) {
            return true;
        }
        problem(column, ErrorCode.BAD_VALUE, shown(raw(column)), "`true`, `false`");
        return null;
    }

    /** A value as shown in a message: at most 40 characters, control characters escaped. */
    static String shown(String v) {
        String s = v.length() > 40 ? v.substring(0, 40) + "..." : v;
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString().replace("`", "'");
    }
}
