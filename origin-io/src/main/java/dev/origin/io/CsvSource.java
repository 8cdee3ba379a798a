package dev.origin.io;

import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.ErrorCode.Variant;
import dev.origin.core.engine.ErrorTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV text read row by row with Apache Commons CSV, each value located in the text so that a problem can name
 * the file, row and column of its cell. RFC 4180: comma-separated fields, double-quoted fields with {@code ""}
 * for a quote and with line breaks inside, CRLF, LF or CR line ends; blank lines are skipped and a leading
 * UTF-8 byte-order mark is dropped.
 *
 * <p>Commons CSV splits the text into values; this class then walks the text along those values to find where
 * each begins. Text that is not strict RFC 4180 (a quoted field never closed, characters after a closing quote,
 * a quote inside an unquoted field) is reported as one problem with the caller's code, at the place it occurs,
 * after which no more rows are returned.
 */
public final class CsvSource {
    /** How rows and problems are located. */
    public enum Locations {
        /** The physical line of the text and the character column on it (as an editor shows them). */
        LINE_AND_CHARACTER,
        /** The row number (the first row, usually the header, is 1) and the field number (as a spreadsheet shows them). */
        ROW_AND_FIELD
    }

    /** One row: its values and where each begins. */
    public static final class Row {
        private final List<String> values;
        private final int[] lines;
        private final int[] columns;

        Row(List<String> values, int[] lines, int[] columns) {
            this.values = values;
            this.lines = lines;
            this.columns = columns;
        }

        public List<String> values() { return values; }

        public int size() { return values.size(); }

        public String get(int field) { return values.get(field); }

        /** Where the row begins: the line of its first value. */
        public int line() { return lines[0]; }

        /** The line (or row) where value {@code field} (0-based) begins. */
        public int line(int field) { return lines[field]; }

        /** The column where value {@code field} (0-based) begins: its character column, or {@code field + 1}. */
        public int column(int field) { return columns[field]; }
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setLenientEof(true)       // a quote never closed is reported here, with its place
            .setTrailingData(true)     // so are characters after a closing quote
            .get();

    private final String text;
    private final String file;
    private final ErrorCode code;
    private final Locations locations;
    private final List<Problem> problems;
    private final int[] lineStarts;
    private final Iterator<CSVRecord> records;
    private int pos;
    private int row;
    private int field;
    private boolean failed;

    /**
     * @param file      the name used in problems
     * @param code      the problem code for text that is not CSV ({@code BAD_CSV}, or the code of the kind of file,
     *                  such as {@code BAD_HS_FILE}); the messages are those of {@code BAD_CSV}
     * @param problems  where problems are added
     */
    public CsvSource(String text, String file, ErrorCode code, Locations locations, List<Problem> problems) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.file = file;
        this.code = code;
        this.locations = locations;
        this.problems = problems;
        this.lineStarts = lineStarts(this.text);
        try {
            this.records = CSVParser.parse(this.text, FORMAT).iterator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a String cannot fail to be read
        }
    }

    /** All rows of {@code text}, up to the first problem (then added to {@code problems}). */
    public static List<Row> read(String text, String file, ErrorCode code, Locations locations, List<Problem> problems) {
        CsvSource csv = new CsvSource(text, file, code, locations, problems);
        List<Row> rows = new ArrayList<>();
        for (Row r = csv.next(); r != null; r = csv.next()) rows.add(r);
        return rows;
    }

    /** The next row, or null at the end of the text or after a problem (then added to the problems). */
    public Row next() {
        if (failed) return null;
        CSVRecord record;
        try {
            if (!records.hasNext()) return null;
            record = records.next();
        } catch (UncheckedIOException e) {
            row++;
            field = 0;
            return fail(pos, ErrorCode.BAD_CSV);
        }
        row++;
        while (pos < text.length() && isLineEnd(text.charAt(pos))) pos++;   // blank lines, skipped by the parser
        int n = record.size();
        List<String> values = Arrays.asList(record.values());
        int[] lines = new int[n];
        int[] columns = new int[n];
        for (field = 0; field < n; field++) {
            String v = values.get(field);
            lines[field] = line(pos);
            columns[field] = column(pos);
            if (pos < text.length() && text.charAt(pos) == '"') {
                if (!quoted(v)) return null;
            } else if (v.indexOf('"') >= 0) {
                return fail(pos + v.indexOf('"'), Variant.CSV_QUOTE_INSIDE_FIELD);
            } else if (text.startsWith(v, pos)) {
                pos += v.length();
            } else {
                return fail(pos, ErrorCode.BAD_CSV);
            }
            if (!separator(field == n - 1)) return null;
        }
        return new Row(List.copyOf(values), lines, columns);
    }

    /** Steps over the quoted field at {@code pos} whose value is {@code v}; false after reporting a problem. */
    private boolean quoted(String v) {
        int open = pos;
        int p = open + 1;
        for (int k = 0; k < v.length(); k++, p++) {
            if (p >= text.length()) break;
            char c = text.charAt(p);
            if (c == '"') {
                if (v.charAt(k) == '"' && p + 1 < text.length() && text.charAt(p + 1) == '"') {
                    p++;
                    continue;
                }
                fail(p + 1, Variant.CSV_TEXT_AFTER_QUOTE);   // it closed at p
                return false;
            }
            if (c != v.charAt(k)) {
                fail(p, ErrorCode.BAD_CSV);
                return false;
            }
        }
        if (p >= text.length()) {
            fail(open, Variant.CSV_QUOTE_NOT_CLOSED);
            return false;
        }
        if (text.charAt(p) != '"') {
            fail(p, ErrorCode.BAD_CSV);
            return false;
        }
        pos = p + 1;
        return true;
    }

    /** Steps over the comma after a field, or the line end after the last; false after reporting a problem. */
    private boolean separator(boolean last) {
        if (pos >= text.length()) return true;
        char c = text.charAt(pos);
        if (!last && c == ',') {
            pos++;
            return true;
        }
        if (last && isLineEnd(c)) {
            pos += c == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n' ? 2 : 1;
            return true;
        }
        fail(pos, Variant.CSV_TEXT_AFTER_QUOTE);
        return false;
    }

    /** Reports the problem {@code message} (a message of {@code BAD_CSV}) under this file's code. */
    private Row fail(int at, ErrorTemplate message) {
        failed = true;
        problems.add(new Problem(file, line(at), column(at), "", code.name(), message.message()));
        return null;
    }

    private int line(int offset) {
        if (locations == Locations.ROW_AND_FIELD) return row;
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    private int column(int offset) {
        if (locations == Locations.ROW_AND_FIELD) return field + 1;
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r';
    }

    /** Offsets at which the lines of {@code s} begin (after CRLF, LF or CR). */
    private static int[] lineStarts(String s) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
            if (isLineEnd(s.charAt(i))) starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
