package dev.origin.store.importer;

import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.ErrorCode.Variant;
import dev.origin.io.CsvSource;
import dev.origin.io.Problem;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an import file into {@link Table}s: a CSV file (UTF-8, RFC 4180) is one table; an XLSX workbook gives
 * one table per sheet that has a header. Problems of the file itself (not UTF-8, not CSV, not a workbook, a
 * formula, an oversized cell) are collected with their row and column.
 */
public final class TableReader {
    /** At most this many characters in a cell (a description is short; more is a damaged or hostile file). */
    public static final int MAX_CELL = 4000;
    /** At most this many rows in one table. */
    public static final int MAX_ROWS = 2_000_000;

    private TableReader() {}

    /** The tables of {@code bytes}, named {@code fileName} in problems; XLSX when the name ends in {@code .xlsx}. */
    public static List<Table> read(byte[] bytes, String fileName, List<Problem> problems) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        String stem = stem(fileName);
        if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
            return workbook(bytes, fileName, problems);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(Problem.of(fileName, 0, 0, "", Variant.FILE_UNREADABLE_BECAUSE, "it is not UTF-8 text"));
            return List.of();
        }
        List<CsvSource.Row> rows = CsvSource.read(text, fileName, ErrorCode.BAD_CSV, CsvSource.Locations.ROW_AND_FIELD, problems);
        if (rows.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(Problem.of(fileName, 0, 0, "", ErrorCode.EMPTY_DOCUMENT));
            }
            return List.of();
        }
        List<String> header = rows.get(0).values().stream().map(TableReader::headerName).toList();
        List<Table.Row> data = new ArrayList<>();
        for (int i = 1; i < rows.size() && i <= MAX_ROWS; i++) {
            CsvSource.Row r = rows.get(i);
            List<String> cells = new ArrayList<>(r.values());
            for (int c = 0; c < cells.size(); c++) {
                if (cells.get(c).length() > MAX_CELL) {
                    problems.add(Problem.of(fileName, r.line(c), c + 1, column(header, c), Variant.CELL_TOO_LONG, cells.get(c).length(), MAX_CELL));
                    cells.set(c, "");
                }
            }
            data.add(new Table.Row(r.line(), cells));
        }
        return List.of(new Table(fileName, stem, header, data));
    }

    private static List<Table> workbook(byte[] bytes, String fileName, List<Problem> problems) {
        List<Table> out = new ArrayList<>();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                Sheet sheet = wb.getSheetAt(s);
                String source = fileName + "[" + sheet.getSheetName() + "]";
                org.apache.poi.ss.usermodel.Row first = sheet.getRow(sheet.getFirstRowNum());
                if (first == null || sheet.getPhysicalNumberOfRows() == 0) {
                    continue;
                }
                List<String> header = new ArrayList<>();
                for (int c = 0; c < Math.max(0, first.getLastCellNum()); c++) {
                    header.add(headerName(cell(first.getCell(c), source, first.getRowNum() + 1, c, List.of(), problems)));
                }
                while (!header.isEmpty() && header.get(header.size() - 1).isEmpty()) {
                    header.remove(header.size() - 1);
                }
                if (header.isEmpty()) {
                    continue;
                }
                List<Table.Row> rows = new ArrayList<>();
                for (int r = first.getRowNum() + 1; r <= sheet.getLastRowNum() && rows.size() < MAX_ROWS; r++) {
                    org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                    if (row == null) {
                        continue;
                    }
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(header.size(), row.getLastCellNum()); c++) {
                        cells.add(cell(row.getCell(c), source, r + 1, c, header, problems));
                    }
                    while (cells.size() > header.size() && cells.get(cells.size() - 1).isEmpty()) {
                        cells.remove(cells.size() - 1);
                    }
                    if (cells.stream().allMatch(String::isEmpty)) {
                        continue;
                    }
                    rows.add(new Table.Row(r + 1, cells));
                }
                out.add(new Table(source, sheet.getSheetName(), header, rows));
            }
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            // POI reports a damaged, encrypted, oversized (zip bomb) or non-OOXML file with many exception types
            problems.add(Problem.of(fileName, 0, 0, "", ErrorCode.BAD_WORKBOOK, reason(e)));
            return List.of();
        }
        if (out.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.of(fileName, 0, 0, "", ErrorCode.EMPTY_DOCUMENT));
        }
        return out;
    }

    /** A cell as text; a formula is a problem (its cached value is not trusted: formula injection). */
    private static String cell(Cell cell, String source, int row, int col, List<String> header, List<Problem> problems) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            String f = cell.getCellFormula();
            problems.add(Problem.of(source, row, col + 1, column(header, col), Variant.FORMULA_CELL,
                    "=" + (f.length() > 40 ? f.substring(0, 40) + "..." : f)));
            return "";
        }
        String text = switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().atOffset(ZoneOffset.UTC).toLocalDate().toString()
                    : plain(cell.getNumericCellValue());
            default -> "";
        };
        if (text.length() > MAX_CELL) {
            problems.add(Problem.of(source, row, col + 1, column(header, col), Variant.CELL_TOO_LONG, text.length(), MAX_CELL));
            return "";
        }
        return text;
    }

    /** A spreadsheet number as the decimal a person typed: 0.55, not 0.55000000000000004; 3, not 3.0. */
    private static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private static String reason(Throwable e) {
        String name = e.getClass().getSimpleName();
        if (name.contains("NotOfficeXml") || name.contains("OLE2") || name.contains("ZipException") || name.contains("InvalidFormat")) {
            return "it is not an Excel 2007+ (.xlsx) file";
        }
        if (name.contains("Encrypted")) {
            return "it is encrypted";
        }
        if (e instanceof OutOfMemoryError || String.valueOf(e.getMessage()).contains("Zip bomb")) {
            return "it expands to more than Origin reads";
        }
        return "it is damaged or not an Excel 2007+ (.xlsx) file";
    }

    /** A header cell as a column name: trimmed, lower case, spaces and dashes as underscores. */
    static String headerName(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    static String column(List<String> header, int c) {
        return c < header.size() ? header.get(c) : "column " + (c + 1);
    }

    static String stem(String fileName) {
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
