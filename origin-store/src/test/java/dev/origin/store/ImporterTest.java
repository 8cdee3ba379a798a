package dev.origin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.store.importer.ImportKind;
import dev.origin.store.importer.ImportReport;
import dev.origin.store.importer.Importer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Import of CSV and XLSX: all or nothing, every problem by row and column, idempotent. */
class ImporterTest {

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> problems(ThrowingRunnable r) {
        try {
            r.run();
        } catch (InputException e) {
            return e.problems().stream().map(Problem::format).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no problem reported");
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Every table's rows, in a fixed order: the workspace's content. */
    static List<String> dump(Workspace ws) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ws.database().connect(); Statement s = c.createStatement()) {
            for (String t : List.of("plants", "suppliers", "parts", "part_hs", "cost_sheets", "bom_versions", "bom_lines", "declarations",
                    "declaration_parts", "imports")) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + t + " ORDER BY 1, 2")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder sb = new StringBuilder(t);
                        for (int i = 1; i <= n; i++) {
                            if (!rs.getMetaData().getColumnName(i).equalsIgnoreCase("imported_at")) {
                                sb.append('|').append(rs.getString(i));
                            }
                        }
                        out.add(sb.toString());
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void reImportingTheSameFilesChangesNothing(String kind) throws Exception {
        Workspace ws = Workspace.open(TestDatabases.fresh(kind));
        ImportReport first = Sample.load(ws, Sample.ANCHOR, null);
        assertThat(first.added()).isGreaterThan(0);
        List<String> before = dump(ws);
        ImportReport again = Sample.load(ws, Sample.ANCHOR, null);
        assertThat(again.added()).isZero();
        assertThat(again.changed()).isZero();
        assertThat(again.unchanged()).isEqualTo(first.added());
        assertThat(dump(ws)).isEqualTo(before);
        // one cost changed: exactly one item changes
        Importer im = new Importer(ws, null);
        ImportReport one = im.importFile(utf8("part,valid_from,unit_cost\nBLT-8,2024-01-01,0.36\nSTUD-5,2024-01-01,0.30\n"), "costs.csv", null);
        assertThat(one.changed()).isEqualTo(1);
        assertThat(one.unchanged()).isEqualTo(1);
    }

    @Test
    void everyProblemOfAFileIsReportedByRowAndColumnAndNothingIsWritten() throws Exception {
        Workspace ws = Workspace.open(TestDatabases.fresh("h2"));
        Sample.load(ws, Sample.ANCHOR, null);
        List<String> before = dump(ws);
        String csv = """
                part,description,source,plant,supplier,country,hs,hs_from,destination,vehicle,use
                NEW-1,Good part,buy,,TOR,,7318.15,,,,
                NEW-2,"=HYPERLINK(""http://x"")",buy,,TOR,,7318.15,,,,
                NEW-3,Bad HS,buy,,TOR,,87,,,,
                NEW-4,No supplier,buy,,NOBODY,,7318.15,,,,
                NEW-1,Twice,buy,,TOR,,7318.15,,,,
                NEW-5,Made nowhere,make,,,,8708.30,,,,
                NEW-6,Bad country,buy,,TOR,USA,7318.15,,,,
                """;
        List<String> problems = problems(() -> new Importer(ws, null).importFile(utf8(csv), "parts.csv", null));
        assertThat(problems).containsExactly(
                "parts.csv:3:2: FORMULA_TEXT: `=HYPERLINK(\"http://x\")` starts like a spreadsheet formula; remove the leading `=`. (at description)",
                "parts.csv:4:7: BAD_HS: `87` is not an HS code of 6, 8 or 10 digits (e.g. `8708.40`). (at hs)",
                "parts.csv:5:5: NOT_IN_WORKSPACE: No supplier `NOBODY` is in this file or the workspace. (at supplier)",
                "parts.csv:6:1: DUPLICATE_ID: The part `NEW-1` is given twice in this file (first on row 2). (at part)",
                "parts.csv:7:4: MISSING_FIELD: The required field `plant` is missing. (at plant)",
                "parts.csv:8:6: BAD_COUNTRY: `USA` is not an ISO 3166 alpha-2 country code (e.g. `MX`). (at country)");
        assertThat(dump(ws)).as("nothing written").isEqualTo(before);
    }

    @Test
    void declarationsCheckTheirBlanketPeriodAndAgreeAcrossRows() throws Exception {
        Workspace ws = Workspace.open(TestDatabases.fresh("h2"));
        Sample.load(ws, Sample.ANCHOR, null);
        String csv = """
                declaration,supplier,part,valid_from,valid_to,statement,criterion
                D1,TOR,HW-KIT,2026-01-01,2027-01-01,originating,B
                D2,TOR,HW-KIT,2026-01-01,2026-12-31,originating,
                D3,TOR,HW-KIT,2026-01-01,2026-12-31,originating,B
                D3,TOR,STUD-5,2026-01-01,2026-11-30,originating,B
                D4,TOR,HW-KIT,2026-05-01,2026-04-30,originating,B
                """;
        assertThat(problems(() -> new Importer(ws, null).importFile(utf8(csv), "decl.csv", null))).containsExactly(
                "decl.csv:2:5: BLANKET_TOO_LONG: The blanket period 2026-01-01 to 2027-01-01 is longer than 12 months (USMCA Article 5.2.4(b)). (at valid_to)",
                "decl.csv:3:7: MISSING_FIELD: The required field `criterion` is missing. (at criterion)",
                "decl.csv:5:5: ROWS_DISAGREE: The rows of declaration `D3` disagree on `valid_to`: `2026-11-30` here, `2026-12-31` on row 4. (at valid_to)",
                "decl.csv:6:5: BAD_PERIOD: The period ends (2026-04-30) before it starts (2026-05-01). (at valid_to)");
    }

    @Test
    void aBomCycleIsRefusedWhereItCloses() throws Exception {
        Workspace ws = Workspace.open(TestDatabases.fresh("h2"));
        Sample.load(ws, Sample.ANCHOR, null);
        // CAL-200 is in BRK-FR-100's BOM; making BRK-FR-100 a component of CAL-200 closes a loop
        String csv = "parent,valid_from,component,quantity\nCAL-200,2026-06-01,PST-10,2\nCAL-200,2026-06-01,BRK-FR-100,1\n";
        assertThat(problems(() -> new Importer(ws, null).importFile(utf8(csv), "boms.csv", null))).singleElement()
                .asString().startsWith("boms.csv:3:3: BOM_CYCLE: The bill of materials is circular: ").contains("CAL-200 -> BRK-FR-100");
    }

    @Test
    void anXlsxWorkbookImportsEachSheetByItsNameAndRefusesFormulas() throws Exception {
        Workspace ws = Workspace.open(TestDatabases.fresh("h2"));
        byte[] book = workbook(false);
        ImportReport r = new Importer(ws, null).importFile(book, "master.xlsx", null);
        assertThat(r.rows()).containsEntry(ImportKind.SUPPLIERS, 1).containsEntry(ImportKind.PARTS, 1).containsEntry(ImportKind.COSTS, 1);
        assertThat(new Importer(ws, null).importFile(book, "master.xlsx", null).nothingChanged()).isTrue();
        java.util.Optional<CostSheet> sheet = ws.read(tx -> tx.costs().on("P-1", LocalDate.of(2026, 2, 1)));
        assertThat(sheet).get().extracting(CostSheet::unitCost).hasToString("0.55");
        assertThat(problems(() -> new Importer(ws, null).importFile(workbook(true), "evil.xlsx", null))).containsExactly(
                "evil.xlsx[costs]:2:3: FORMULA_TEXT: The cell holds a formula (`=1+1`); give its value instead. (at unit_cost)");
        assertThat(problems(() -> new Importer(ws, null).importFile(utf8("not a zip"), "junk.xlsx", null))).containsExactly(
                "junk.xlsx: BAD_WORKBOOK: The file cannot be read as an XLSX workbook: it is not an Excel 2007+ (.xlsx) file.");
    }

    static byte[] workbook(boolean formula) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet costs = wb.createSheet("costs");
            row(costs, 0, "part", "valid_from", "unit_cost");
            Row c = row(costs, 1, "P-1", "2026-01-01");
            if (formula) {
                c.createCell(2).setCellFormula("1+1");
            } else {
                c.createCell(2).setCellValue(0.55);
            }
            Sheet sup = wb.createSheet("Suppliers");
            row(sup, 0, "supplier", "name", "country");
            row(sup, 1, "S-1", "Supplier one", "mx");
            Sheet parts = wb.createSheet("parts");
            row(parts, 0, "Part", "Description", "Source", "Supplier", "HS");
            row(parts, 1, "P-1", "Bolt", "BUY", "S-1", "731815");
            wb.write(out);
            return out.toByteArray();
        }
    }

    static Row row(Sheet s, int n, String... cells) {
        Row r = s.createRow(n);
        for (int i = 0; i < cells.length; i++) {
            r.createCell(i).setCellValue(cells[i]);
        }
        return r;
    }

    @Test
    void aCsvThatIsNotUtf8OrNotCsvIsOneClearProblem() {
        Workspace ws = Workspace.open(TestDatabases.fresh("h2"));
        assertThat(problems(() -> new Importer(ws, null).importFile(new byte[] {'p', 'a', (byte) 0xff, '\n'}, "parts.csv", null)))
                .containsExactly("parts.csv: UNREADABLE: The file cannot be read: it is not UTF-8 text.");
        assertThat(problems(() -> new Importer(ws, null).importFile(utf8("a,b\n1,2\n"), "misc.csv", null)))
                .containsExactly("misc.csv:1:1: UNKNOWN_IMPORT_KIND: The columns match none of the import templates (plants, suppliers, parts, boms, costs, declarations); name the file or sheet after one, or give --kind.");
        assertThatThrownBy(() -> new Importer(ws, null).importFile(utf8("part,valid_from,unit_cost\nX,2026-01-01,1\n"), "c.csv", null))
                .isInstanceOf(InputException.class);
    }
}
