package dev.origin.io.catalog;

import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.ErrorCode.Variant;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The tabular catalog format as CSV: a folder with {@code goods.csv} and {@code lines.csv} (docs/catalog-format.md).
 * Files are read as a stream (a catalog of millions of lines is not held as text); every problem is reported with
 * the file, the row (the header is row 1), the column's number in the file and its name.
 */
public final class CatalogCsv {
    private CatalogCsv() {}

    /** The file names of the two tables. */
    public static final String GOODS = "goods.csv", LINES = "lines.csv";
    /** At most this many problems are collected per table before reading stops. */
    static final int MAX_PROBLEMS = 100;

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(false).get();

    /**
     * Reads the two tables of the catalog in {@code dir}.
     *
     * @throws InputException with every problem found (up to {@value #MAX_PROBLEMS} per table) when a table cannot be read
     *                        or a cell is not of its column's type
     */
    public static Tables read(Path dir) throws InputException {
        List<Problem> problems = new ArrayList<>();
        List<GoodRow> goods = new ArrayList<>();
        List<LineRow> lines = new ArrayList<>();
        table(dir.resolve(GOODS), GoodRow.COLUMNS, List.of("good_id", "hs", "producer_country"), problems,
                c -> goods.add(new GoodRow(c.text("good_id"), c.text("hs"), c.text("producer_country"), c.text("destination"),
                        c.date("date"), c.text("use"), c.text("vehicle"), c.money("transaction_value"), c.money("international_shipping"),
                        c.money("originating_materials"), c.money("non_originating_materials"), c.money("other_costs"),
                        c.money("excluded_costs"), c.text("rule"), c.row)));
        table(dir.resolve(LINES), LineRow.COLUMNS, List.of("good_id", "line_id", "hs"), problems,
                c -> lines.add(new LineRow(c.text("good_id"), c.text("line_id"), c.text("parent_id"), c.text("hs"), c.money("value"),
                        c.text("origin"), c.text("country"), c.bool("self_produced"), c.bool("intermediate"), c.money("other_costs"),
                        c.money("excluded_costs"), c.text("declaration"), c.row)));
        if (!problems.isEmpty()) throw new InputException(problems);
        return new Tables(goods, lines);
    }

    /** The cells of one row, read by column name. */
    static final class Cells {
        final String file;
        final Map<String, Integer> index;
        final List<Problem> problems;
        CSVRecord record;
        long row;

        Cells(String file, Map<String, Integer> index, List<Problem> problems) {
            this.file = file;
            this.index = index;
            this.problems = problems;
        }

        String text(String col) {
            Integer i = index.get(col);
            if (i == null || i >= record.size()) return null;
            String v = record.get(i);
            return v.isEmpty() ? null : v;
        }

        BigDecimal money(String col) {
            String v = text(col);
            if (v == null) return null;
            try {
                if (v.length() > 40) throw new NumberFormatException();
                return new BigDecimal(v);
            } catch (NumberFormatException e) {
                problem(col, ErrorCode.BAD_NUMBER.message(v), ErrorCode.BAD_NUMBER);
                return null;
            }
        }

        LocalDate date(String col) {
            String v = text(col);
            if (v == null) return null;
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                problem(col, ErrorCode.BAD_DATE.message(v), ErrorCode.BAD_DATE);
                return null;
            }
        }

        boolean bool(String col) {
            String v = text(col);
            if (v == null || v.equalsIgnoreCase("false")) return false;
            if (v.equalsIgnoreCase("true")) return true;
            problem(col, ErrorCode.BAD_VALUE.message(v, "`true`, `false`"), ErrorCode.BAD_VALUE);
            return false;
        }

        void problem(String col, String message, ErrorCode code) {
            problems.add(new Problem(file, (int) row, index.get(col) + 1, col, code.name(), message));
        }
    }

    private static void table(Path path, List<String> columns, List<String> required, List<Problem> problems,
                              java.util.function.Consumer<Cells> rows) {
        String file = path.toString();
        if (!Files.isRegularFile(path)) {
            problems.add(Problem.of(file, 0, 0, "", Variant.FILE_DOES_NOT_EXIST, file));
            return;
        }
        int mark = problems.size();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(r, READ)) {
            var it = p.iterator();
            if (!it.hasNext()) {
                problems.add(Problem.of(file, 0, 0, "", ErrorCode.EMPTY_DOCUMENT));
                return;
            }
            CSVRecord header = it.next();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip();
                if (i == 0 && name.startsWith("\uFEFF")) name = name.substring(1);
                if (!columns.contains(name)) problems.add(Problem.of(file, 1, i + 1, name, ErrorCode.UNKNOWN_COLUMN, name));
                else if (index.putIfAbsent(name, i) != null) problems.add(Problem.of(file, 1, i + 1, name, Variant.COLUMN_TWICE, name));
            }
            for (String c : required) if (!index.containsKey(c)) problems.add(Problem.of(file, 1, 0, c, ErrorCode.MISSING_COLUMN, c));
            if (problems.size() > mark) return;
            Cells cells = new Cells(file, index, problems);
            while (problems.size() - mark < MAX_PROBLEMS) {
                CSVRecord rec;
                try {
                    if (!it.hasNext()) break;
                    rec = it.next();
                } catch (UncheckedIOException e) {
                    problems.add(Problem.of(file, (int) cells.row + 1, 0, "", ErrorCode.BAD_CSV));
                    break;
                }
                cells.record = rec;
                cells.row = rec.getRecordNumber();
                if (rec.size() != header.size()) {
                    problems.add(Problem.of(file, (int) cells.row, 1, "", ErrorCode.BAD_ROW, rec.size(), header.size()));
                    continue;
                }
                rows.accept(cells);
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.of(file, 0, 0, "", Variant.FILE_UNREADABLE_BECAUSE, String.valueOf(e.getMessage())));
        }
    }

    // ------------------------------------------------------------------ writing

    /** Writes the two tables of a catalog, row by row, into a folder (created when absent). */
    public static final class TableWriter implements AutoCloseable {
        private final Writer goods, lines;

        public TableWriter(Path dir) throws IOException {
            Files.createDirectories(dir);
            goods = new BufferedWriter(Files.newBufferedWriter(dir.resolve(GOODS), StandardCharsets.UTF_8), 1 << 16);
            lines = new BufferedWriter(Files.newBufferedWriter(dir.resolve(LINES), StandardCharsets.UTF_8), 1 << 16);
            header(goods, GoodRow.COLUMNS);
            header(lines, LineRow.COLUMNS);
        }

        private static void header(Writer w, List<String> cols) throws IOException {
            w.write(String.join(",", cols));
            w.write('\n');
        }

        public void good(GoodRow g) throws IOException {
            Writer w = goods;
            cell(w, g.goodId()); cell(w, g.hs()); cell(w, g.producerCountry()); cell(w, g.destination());
            cell(w, g.date() == null ? null : g.date().toString()); cell(w, g.use()); cell(w, g.vehicle());
            cell(w, g.transactionValue()); cell(w, g.internationalShipping()); cell(w, g.originatingMaterials());
            cell(w, g.nonOriginatingMaterials()); cell(w, g.otherCosts()); cell(w, g.excludedCosts());
            last(w, g.rule());
        }

        public void line(LineRow l) throws IOException {
            Writer w = lines;
            cell(w, l.goodId()); cell(w, l.lineId()); cell(w, l.parentId()); cell(w, l.hs()); cell(w, l.value()); cell(w, l.origin());
            cell(w, l.country()); cell(w, String.valueOf(l.selfProduced())); cell(w, String.valueOf(l.intermediate()));
            cell(w, l.otherCosts()); cell(w, l.excludedCosts()); last(w, l.declaration());
        }

        private static void cell(Writer w, BigDecimal v) throws IOException {
            if (v != null) w.write(v.toPlainString());
            w.write(',');
        }

        private static void cell(Writer w, String v) throws IOException {
            text(w, v);
            w.write(',');
        }

        private static void last(Writer w, String v) throws IOException {
            text(w, v);
            w.write('\n');
        }

        private static void text(Writer w, String v) throws IOException {
            if (v == null) return;
            boolean quote = false;
            for (int i = 0; i < v.length() && !quote; i++) {
                char ch = v.charAt(i);
                quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
            }
            if (!quote) {
                w.write(v);
                return;
            }
            w.write('"');
            w.write(v.replace("\"", "\"\""));
            w.write('"');
        }

        @Override public void close() throws IOException {
            try (goods; lines) {
                goods.flush();
                lines.flush();
            }
        }
    }

    /** Writes {@code t} as CSV into {@code dir}. */
    public static void write(Path dir, Tables t) throws IOException {
        try (TableWriter w = new TableWriter(dir)) {
            for (GoodRow g : t.goods()) w.good(g);
            for (LineRow l : t.lines()) w.line(l);
        }
    }
}
