package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.io.InputException;
import dev.origin.store.Sample;
import dev.origin.store.Workspace;
import dev.origin.store.importer.Importer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of the workspace import (issue 12 for issue 9's importer), on {@link FuzzTest}'s harness: seeded
 * mutations of the sample's CSV files and of workbooks made from them, plus hostile files (formula injection,
 * invalid UTF-8, huge numbers, duplicate keys, BOM cycles, damaged and truncated workbooks), imported in-process
 * into one in-memory workspace holding the sample. Every input must end in an import or located problems in
 * Origin's words, within the time limit; and a rejected file must leave the workspace as it was (row counts of
 * every table compared).
 */
class ImportFuzzTest {
    /** An input is the file name, this separator, and the content (as UTF-8, or as raw bytes after {@link #RAW}). */
    static final String SEP = "\u0001";
    static final String RAW = "\u0002";
    static Workspace ws;
    static List<String> seeds = new ArrayList<>();

    @BeforeAll
    static void workspace() throws Exception {
        ws = Workspace.open("jdbc:h2:mem:import-fuzz");
        Sample.load(ws, Sample.ANCHOR, null);
        for (Importer.Source s : Sample.files(Sample.ANCHOR)) {
            seeds.add(s.name() + SEP + new String(s.bytes(), StandardCharsets.UTF_8));
        }
    }

    static void importOne(String input) throws Exception {
        int sep = input.indexOf(SEP);
        String name = sep < 0 ? "fuzz.csv" : input.substring(0, sep);
        String body = sep < 0 ? input : input.substring(sep + 1);
        byte[] bytes = body.startsWith(RAW) ? body.substring(1).getBytes(StandardCharsets.ISO_8859_1) : body.getBytes(StandardCharsets.UTF_8);
        if (name.endsWith(".xlsx") && !body.startsWith(RAW)) bytes = workbook(body);
        List<Long> before = counts();
        try {
            new Importer(ws, null).importFile(bytes, name.isBlank() ? "fuzz.csv" : name, null);
        } catch (InputException e) {
            assertThat(counts()).as("a rejected file changes nothing").isEqualTo(before);
            throw e;
        }
    }

    static List<Long> counts() throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = ws.database().connect(); Statement s = c.createStatement()) {
            for (String t : List.of("plants", "suppliers", "parts", "part_hs", "cost_sheets", "bom_versions", "bom_lines", "declarations",
                    "declaration_parts", "imports")) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + t)) {
                    rs.next();
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** A workbook with one sheet per CSV-like text: the cells as text, a cell starting with {@code ==} as a formula. */
    static byte[] workbook(String csv) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("sheet");
            String[] lines = csv.split("\n", -1);
            for (int r = 0; r < lines.length && r < 2000; r++) {
                var row = sheet.createRow(r);
                String[] cells = lines[r].split(",", -1);
                for (int c = 0; c < cells.length && c < 200; c++) {
                    String v = cells[c];
                    var cell = row.createCell(c);
                    if (v.startsWith("==") && v.length() > 2) {
                        try {
                            cell.setCellFormula(v.substring(2));
                        } catch (RuntimeException e) {
                            cell.setCellValue(v);
                        }
                    } else if (v.matches("-?\\d{1,12}(\\.\\d{1,6})?")) {
                        cell.setCellValue(Double.parseDouble(v));
                    } else {
                        cell.setCellValue(v.length() > 32_000 ? v.substring(0, 32_000) : v);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static String hostileCsv(Random r) {
        String seed = seeds.get(r.nextInt(seeds.size()));
        String name = seed.substring(0, seed.indexOf(SEP));
        String body = seed.substring(seed.indexOf(SEP) + 1);
        return switch (r.nextInt(7)) {
            case 0 -> name + SEP + body.replaceFirst("\n([^,\n]+),", "\n=cmd|' /C calc'!A0,").replaceFirst(",([A-Za-z])", ",+$1");
            case 1 -> name + SEP + RAW + new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
                    .replaceFirst("a", "\u00ff\u00fe") + "\u00c3";
            case 2 -> name + SEP + body.replaceAll("(\\d+)\\.(\\d\\d)", "9".repeat(1 + r.nextInt(80)) + ".$2");
            case 3 -> name + SEP + body + body.substring(body.indexOf('\n') + 1);
            case 4 -> "boms.csv" + SEP + cycle(r);
            case 5 -> name + SEP + body.replace("\n", "\r\n").replace(",", r.nextBoolean() ? ";" : ",\"");
            default -> name + SEP + body.substring(0, r.nextInt(body.length() + 1));
        };
    }

    /** BOM rows over the sample's made parts that close a loop, sometimes through several versions. */
    static String cycle(Random r) {
        String[] made = {"BRK-FR-100", "CAL-200", "SUS-700", "SPR-SEAT", "HUB-500"};
        StringBuilder b = new StringBuilder("parent,valid_from,component,quantity\n");
        int n = 1 + r.nextInt(made.length);
        for (int i = 0; i < n; i++) {
            b.append(made[i]).append(",2027-0").append(1 + r.nextInt(9)).append("-01,").append(made[(i + 1) % n]).append(",1\n");
        }
        return b.toString();
    }

    static String hostileWorkbook(Random r) throws IOException {
        String seed = seeds.get(r.nextInt(seeds.size()));
        String body = seed.substring(seed.indexOf(SEP) + 1);
        byte[] book = workbook(body);
        return switch (r.nextInt(5)) {
            case 4 -> "book.xlsx" + SEP + RAW + new String(zipBomb(book, 8 + r.nextInt(40)), StandardCharsets.ISO_8859_1);
            case 0 -> { // bytes flipped
                for (int i = 0; i < 1 + r.nextInt(20); i++) book[r.nextInt(book.length)] = (byte) r.nextInt(256);
                yield "book.xlsx" + SEP + RAW + new String(book, StandardCharsets.ISO_8859_1);
            }
            case 1 -> "book.xlsx" + SEP + RAW + new String(book, 0, r.nextInt(book.length), StandardCharsets.ISO_8859_1);
            case 2 -> "book.xlsx" + SEP + body.replaceFirst("\n([^,\n]+),", "\n==HYPERLINK(\"http://x\")*2,");
            default -> "book.xlsx" + SEP + RAW + "PK\u0003\u0004" + "\u0000".repeat(r.nextInt(100));
        };
    }

    /**
     * A zip bomb: the workbook with {@code megabytes} MB of blanks inside its first sheet's XML (still well-formed), which
     * deflate to a few kilobytes; read whole it would take that much memory per sheet.
     */
    static byte[] zipBomb(byte[] book, int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(book));
             var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.setLevel(9);
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                String text = new String(content, StandardCharsets.UTF_8);
                int end = text.lastIndexOf("</worksheet>");
                if (e.getName().startsWith("xl/worksheets/") && end > 0) {
                    zip.write(text.substring(0, end).getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < megabytes; i++) zip.write(blanks);
                    zip.write(text.substring(end).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aZipBombIsRefusedAsExpandingTooFarAndChangesNothing() throws Exception {
        String seed = seeds.get(0);
        byte[] bomb = zipBomb(workbook(seed.substring(seed.indexOf(SEP) + 1)), 200);
        assertThat(bomb.length).as("200 MB of blanks deflate to a small file").isLessThan(2_000_000);
        List<Long> before = counts();
        try {
            new Importer(ws, null).importFile(bomb, "bomb.xlsx", null);
            throw new AssertionError("a zip bomb was imported");
        } catch (InputException e) {
            assertThat(e.problems()).extracting(dev.origin.io.Problem::message).anyMatch(m -> m.contains("it expands to more than Origin reads"));
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void csvImports() throws IOException {
        var gen = FuzzTest.mutants(seeds, List.of(ImportFuzzTest::hostileCsv, ImportFuzzTest::hostileCsv, ImportFuzzTest::hostileCsv));
        FuzzTest.fuzz("workspace import (CSV)", 1_500, r -> {
            String s = gen.apply(r);
            return s.contains(SEP) ? s : "parts.csv" + SEP + s;
        }, ImportFuzzTest::importOne);
    }

    @Test
    void xlsxImports() throws IOException {
        FuzzTest.fuzz("workspace import (XLSX)", 120, r -> {
            try {
                if (r.nextBoolean()) return hostileWorkbook(r);
                String seed = seeds.get(r.nextInt(seeds.size()));
                return "book.xlsx" + SEP + FuzzTest.mutate(seed.substring(seed.indexOf(SEP) + 1), r);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, ImportFuzzTest::importOne);
    }
}
