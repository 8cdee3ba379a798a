package dev.origin.io.catalog;

import dev.origin.core.engine.ErrorCode.Variant;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tabular catalog format as Parquet ({@code goods.parquet}, {@code lines.parquet}), written and read through
 * DuckDB's {@code COPY ... TO (FORMAT PARQUET)} and {@code read_parquet} (in-process, no Hadoop). Column types are
 * those of docs/catalog-format.md: money {@code DECIMAL(18,2)}, {@code date} a DATE, flags BOOLEAN, the rest text.
 */
public final class CatalogParquet {
    private CatalogParquet() {}

    public static final String GOODS = "goods.parquet", LINES = "lines.parquet";

    /** DuckDB types of the columns. */
    static String type(String column) {
        return switch (column) {
            case "transaction_value", "international_shipping", "originating_materials", "non_originating_materials", "other_costs",
                 "excluded_costs", "value" -> "DECIMAL(18,2)";
            case "date" -> "DATE";
            case "self_produced", "intermediate" -> "BOOLEAN";
            default -> "VARCHAR";
        };
    }

    /** The typed column list of {@code read_csv} for a table. */
    static String csvColumns(List<String> columns) {
        return columns.stream().map(c -> "'" + c + "': '" + type(c) + "'").collect(Collectors.joining(", ", "{", "}"));
    }

    /** Converts the CSV tables in {@code csvDir} into Parquet tables in {@code outDir} (created when absent). */
    public static void fromCsv(Path csvDir, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            copy(s, csvDir.resolve(CatalogCsv.GOODS), GoodRow.COLUMNS, outDir.resolve(GOODS));
            copy(s, csvDir.resolve(CatalogCsv.LINES), LineRow.COLUMNS, outDir.resolve(LINES));
        } catch (SQLException e) {
            throw new IOException("DuckDB could not write Parquet: " + e.getMessage(), e);
        }
    }

    private static void copy(Statement s, Path csv, List<String> columns, Path out) throws SQLException {
        s.execute("COPY (SELECT * FROM read_csv(" + literal(csv) + ", header = true, auto_detect = false, columns = "
                + csvColumns(columns) + ")) TO " + literal(out) + " (FORMAT PARQUET)");
    }

    static String literal(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    /**
     * Reads the Parquet tables in {@code dir}.
     *
     * @throws InputException when a table is missing or cannot be read as the format's Parquet
     */
    public static Tables read(Path dir) throws InputException {
        List<GoodRow> goods = new ArrayList<>();
        List<LineRow> lines = new ArrayList<>();
        for (String f : List.of(GOODS, LINES)) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new InputException(List.of(Problem.of(dir.resolve(f).toString(), 0, 0, "", Variant.FILE_DOES_NOT_EXIST, dir.resolve(f))));
            }
        }
        Path at = dir.resolve(GOODS);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT " + String.join(", ", GoodRow.COLUMNS) + " FROM read_parquet(" + literal(at) + ")")) {
                long row = 1;
                while (r.next()) {
                    java.sql.Date d = r.getDate(5);
                    goods.add(new GoodRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4), d == null ? null : d.toLocalDate(),
                            r.getString(6), r.getString(7), dec(r, 8), dec(r, 9), dec(r, 10), dec(r, 11), dec(r, 12), dec(r, 13),
                            r.getString(14), ++row));
                }
            }
            at = dir.resolve(LINES);
            try (ResultSet r = s.executeQuery("SELECT " + String.join(", ", LineRow.COLUMNS) + " FROM read_parquet(" + literal(at) + ")")) {
                long row = 1;
                while (r.next()) {
                    lines.add(new LineRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4), dec(r, 5), r.getString(6),
                            r.getString(7), r.getBoolean(8), r.getBoolean(9), dec(r, 10), dec(r, 11), r.getString(12), ++row));
                }
            }
        } catch (SQLException e) {
            throw new InputException(List.of(Problem.of(at.toString(), 0, 0, "", Variant.FILE_UNREADABLE_BECAUSE, firstLine(e.getMessage()))));
        }
        return new Tables(goods, lines);
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown reason";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    private static BigDecimal dec(ResultSet r, int i) throws SQLException {
        BigDecimal v = r.getBigDecimal(i);
        return v == null ? null : v.setScale(2);
    }
}
