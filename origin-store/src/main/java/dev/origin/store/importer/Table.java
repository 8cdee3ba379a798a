package dev.origin.store.importer;

import java.util.List;

/**
 * One table of an import file: a CSV file, or one sheet of a workbook. Rows are numbered as a spreadsheet
 * shows them (the header is row 1) and cells by column (1 = A); every cell is text (numbers and dates of a
 * workbook as their plain text, e.g. {@code 0.55}, {@code 2026-01-31}).
 *
 * @param source how problems name it: {@code parts.csv}, or {@code book.xlsx[parts]} for a sheet
 * @param name   the file's name without extension, or the sheet's name: a hint of its kind
 */
public record Table(String source, String name, List<String> header, List<Row> rows) {
    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** A data row: its number in the file and its cells (possibly fewer or more than the header). */
    public record Row(int number, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }
}
