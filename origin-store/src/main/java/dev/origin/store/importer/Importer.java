package dev.origin.store.importer;

import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.ErrorCode.Variant;
import dev.origin.core.model.Use;
import dev.origin.core.model.VehicleKind;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.store.BomLine;
import dev.origin.store.BomVersion;
import dev.origin.store.Change;
import dev.origin.store.CostSheet;
import dev.origin.store.Declaration;
import dev.origin.store.Hashes;
import dev.origin.store.HsClassification;
import dev.origin.store.Part;
import dev.origin.store.Plant;
import dev.origin.store.Supplier;
import dev.origin.store.Tx;
import dev.origin.store.Workspace;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Imports one CSV or XLSX file into the workspace, all or nothing (docs/workspace.md, "Import"): every table is
 * read and checked (cells, keys given twice, references to plants, suppliers and parts in the file or the
 * workspace, blanket periods, BOM cycles) and every problem is reported with its row and column; only when there
 * is none is anything written, in one transaction. Items equal to the stored ones are not written again, so a
 * second import of the same file changes nothing.
 */
public final class Importer {
    /** A classification without {@code hs_from} applies from this date (from the start). */
    public static final LocalDate SINCE_ALWAYS = LocalDate.of(1900, 1, 1);

    /** Told how far the writing has got, in rows; called often, from the importing thread. */
    public interface Progress {
        void rows(long done, long total);

        Progress NONE = (done, total) -> { };
    }

    private final Workspace ws;
    private final Progress progress;

    public Importer(Workspace ws, Progress progress) {
        this.ws = ws;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    /** A file to import: its content and its name (the extension chooses CSV or XLSX). */
    public record Source(String name, byte[] bytes) {}

    /**
     * Imports {@code bytes}, named {@code fileName} (its extension chooses CSV or XLSX; its header, else its name,
     * the kind, unless {@code kind} is given).
     *
     * @param kind the kind of a CSV file or of every sheet, or null to recognise it
     * @throws InputException with every problem found; nothing was written
     */
    public ImportReport importFile(byte[] bytes, String fileName, ImportKind kind) throws InputException {
        return importAll(List.of(new Source(fileName, bytes)), kind);
    }

    /** Imports several files as one: all of them, or (with every problem of every file) none. */
    public ImportReport importAll(List<Source> files, ImportKind kind) throws InputException {
        List<Problem> problems = new ArrayList<>();
        Map<ImportKind, List<Table>> byKind = new EnumMap<>(ImportKind.class);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (Source f : files) {
            all.writeBytes(f.bytes());
            List<Problem> fileProblems = new ArrayList<>();
            List<Table> tables = TableReader.read(f.bytes(), f.name(), fileProblems);
            problems.addAll(fileProblems);
            if (!fileProblems.isEmpty()) {
                continue;
            }
            for (Table t : tables) {
                ImportKind k = kind != null ? kind : ImportKind.of(t.header()).or(() -> ImportKind.named(t.name())).orElse(null);
                if (k == null) {
                    problems.add(Problem.of(t.source(), 1, 1, "", ErrorCode.UNKNOWN_IMPORT_KIND));
                    continue;
                }
                byKind.computeIfAbsent(k, x -> new ArrayList<>()).add(t);
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        String hash = Hashes.sha256(all.toByteArray());
        String name = String.join(", ", files.stream().map(Source::name).toList());
        return ws.writeCheckedRetrying(tx -> new Run(tx, name, hash).run(byKind));
    }

    /**
     * Imports one table already in memory (a REST request mapped onto the template's columns) with exactly the
     * checks of a file: all or nothing, in one transaction; problems name {@code table.source()}, row and column.
     */
    public ImportReport importTable(Table table, ImportKind kind) throws InputException {
        StringBuilder text = new StringBuilder(String.join(",", table.header()));
        for (Table.Row r : table.rows()) text.append('\n').append(String.join(",", r.cells()));
        String hash = Hashes.sha256(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return ws.writeCheckedRetrying(tx -> new Run(tx, table.source(), hash).run(Map.of(kind, List.of(table))));
    }

    /** One import in its transaction. */
    private final class Run {
        private final Tx tx;
        private final String fileName;
        private final String hash;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<ImportKind, Integer> rowCounts = new EnumMap<>(ImportKind.class);
        private final Set<String> plants = new HashSet<>();
        private final Set<String> suppliers = new HashSet<>();
        private final Map<String, Part.Source> parts = new HashMap<>();
        private final List<Plant> newPlants = new ArrayList<>();
        private final List<Supplier> newSuppliers = new ArrayList<>();
        private final List<Part> newParts = new ArrayList<>();
        private final List<HsClassification> newHs = new ArrayList<>();
        private final List<CostSheet> newCosts = new ArrayList<>();
        private final List<BomVersion> newBoms = new ArrayList<>();
        private final Map<String, int[]> bomLineRows = new HashMap<>();
        private final List<Declaration> newDeclarations = new ArrayList<>();

        Run(Tx tx, String fileName, String hash) {
            this.tx = tx;
            this.fileName = fileName;
            this.hash = hash;
        }

        ImportReport run(Map<ImportKind, List<Table>> byKind) throws InputException {
            // before reading what exists: a concurrent delete must not remove what this import is about to reference
            tx.lockWrites();
            tx.plants().all().forEach(p -> plants.add(p.id()));
            tx.suppliers().all().forEach(s -> suppliers.add(s.id()));
            tx.parts().all().forEach(p -> parts.put(p.id(), p.source()));
            for (ImportKind k : ImportKind.values()) {
                for (Table t : byKind.getOrDefault(k, List.of())) {
                    Map<String, Integer> index = header(t, k);
                    if (index == null) {
                        continue;
                    }
                    rowCounts.merge(k, t.rows().size(), Integer::sum);
                    switch (k) {
                        case PLANTS -> plants(t, index);
                        case SUPPLIERS -> suppliers(t, index);
                        case PARTS -> parts(t, index);
                        case COSTS -> costs(t, index);
                        case BOMS -> boms(t, index);
                        case DECLARATIONS -> declarations(t, index);
                    }
                }
            }
            if (!newBoms.isEmpty() && problems.isEmpty()) {
                cycles();
            }
            if (!problems.isEmpty()) {
                throw new InputException(problems);
            }
            return write();
        }

        /** Column positions; null (with problems) when a required column is missing or a column is unknown or twice. */
        private Map<String, Integer> header(Table t, ImportKind k) {
            Map<String, Integer> index = new LinkedHashMap<>();
            int before = problems.size();
            for (int i = 0; i < t.header().size(); i++) {
                String h = t.header().get(i);
                if (h.isEmpty()) {
                    continue;
                }
                if (!k.columns().contains(h)) {
                    problems.add(Problem.of(t.source(), 1, i + 1, h, ErrorCode.UNKNOWN_COLUMN, Cells.shown(h)));
                } else if (index.putIfAbsent(h, i) != null) {
                    problems.add(Problem.of(t.source(), 1, i + 1, h, Variant.COLUMN_TWICE, h));
                }
            }
            for (String r : k.required()) {
                if (!index.containsKey(r)) {
                    problems.add(Problem.of(t.source(), 1, 0, r, ErrorCode.MISSING_COLUMN, r));
                }
            }
            if (t.source().endsWith(".csv") || !t.source().contains("[")) {
                for (Table.Row r : t.rows()) {
                    if (r.cells().size() != t.header().size()) {
                        problems.add(Problem.of(t.source(), r.number(), 1, "", ErrorCode.BAD_ROW, r.cells().size(), t.header().size()));
                    }
                }
            }
            return problems.size() == before ? index : null;
        }

        private final Map<String, Integer> seen = new HashMap<>();

        /** False (with a problem) when {@code key} of {@code kind} was already given on another row of the file. */
        private boolean once(Cells c, String column, String kind, String key, String shownKey) {
            Integer first = seen.putIfAbsent(kind + "\u0000" + key, c.row());
            if (first != null) {
                c.problem(column, Variant.ROW_KEY_TWICE, kind, shownKey, first);
                return false;
            }
            return true;
        }

        private void plants(Table t, Map<String, Integer> index) {
            for (Table.Row r : t.rows()) {
                Cells c = new Cells(t, r, index, problems);
                String id = c.required("plant", Cells.MAX_ID);
                String name = c.required("name", 256);
                String country = c.country("country", true);
                if (id != null && once(c, "plant", "plant", id, id) && name != null && country != null) {
                    newPlants.add(new Plant(id, name, country));
                    plants.add(id);
                }
            }
        }

        private void suppliers(Table t, Map<String, Integer> index) {
            for (Table.Row r : t.rows()) {
                Cells c = new Cells(t, r, index, problems);
                String id = c.required("supplier", Cells.MAX_ID);
                String name = c.required("name", 256);
                String country = c.country("country", true);
                String contact = c.optional("contact", 256);
                if (id != null && once(c, "supplier", "supplier", id, id) && name != null && country != null) {
                    newSuppliers.add(new Supplier(id, name, country, contact));
                    suppliers.add(id);
                }
            }
        }

        private void parts(Table t, Map<String, Integer> index) {
            List<String> vehicles = VehicleKind.labels();
            List<String> uses = Use.labels();
            for (Table.Row r : t.rows()) {
                int before = problems.size();
                Cells c = new Cells(t, r, index, problems);
                String id = c.required("part", Cells.MAX_ID);
                String description = c.required("description", 512);
                String source = c.word("source", List.of("make", "buy"), true);
                String plant = c.optional("plant", Cells.MAX_ID);
                String supplier = c.optional("supplier", Cells.MAX_ID);
                String country = c.country("country", false);
                String hs = c.hs("hs");
                LocalDate hsFrom = c.date("hs_from", false);
                String destination = c.country("destination", false);
                String vehicle = c.word("vehicle", vehicles, false);
                String use = c.word("use", uses, false);
                if ("make".equals(source) && plant == null && c.raw("plant").isEmpty()) {
                    c.problem("plant", ErrorCode.MISSING_FIELD, "plant");
                }
                if ("buy".equals(source) && supplier == null && c.raw("supplier").isEmpty()) {
                    c.problem("supplier", ErrorCode.MISSING_FIELD, "supplier");
                }
                if (plant != null && !plants.contains(plant)) {
                    c.problem("plant", ErrorCode.NOT_IN_WORKSPACE, "plant", plant);
                }
                if (supplier != null && !suppliers.contains(supplier)) {
                    c.problem("supplier", ErrorCode.NOT_IN_WORKSPACE, "supplier", supplier);
                }
                if (hsFrom != null && hs == null && c.raw("hs").isEmpty()) {
                    c.problem("hs", ErrorCode.MISSING_FIELD, "hs");
                }
                if (id == null || !once(c, "part", "part", id, id) || problems.size() > before) {
                    continue;
                }
                Part.Source s = source.equals("make") ? Part.Source.MAKE : Part.Source.BUY;
                newParts.add(new Part(id, description, s, s == Part.Source.MAKE ? plant : null, s == Part.Source.BUY ? supplier : null,
                        country, destination, vehicle, use));
                parts.put(id, s);
                if (hs != null) {
                    newHs.add(new HsClassification(id, hsFrom == null ? SINCE_ALWAYS : hsFrom, hs));
                }
            }
        }

        private void costs(Table t, Map<String, Integer> index) {
            for (Table.Row r : t.rows()) {
                int before = problems.size();
                Cells c = new Cells(t, r, index, problems);
                String part = c.required("part", Cells.MAX_ID);
                LocalDate from = c.date("valid_from", true);
                BigDecimal[] a = new BigDecimal[10];
                List<String> cols = ImportKind.COSTS.optional();
                for (int i = 0; i < a.length; i++) {
                    a[i] = c.money(cols.get(i));
                }
                if (part != null && !parts.containsKey(part)) {
                    c.problem("part", ErrorCode.NOT_IN_WORKSPACE, "part", part);
                }
                if (part == null || from == null || !once(c, "part", "cost sheet", part + "@" + from, part + " from " + from)
                        || problems.size() > before) {
                    continue;
                }
                newCosts.add(new CostSheet(part, from, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]));
            }
        }

        private void boms(Table t, Map<String, Integer> index) {
            Map<String, List<BomLine>> lines = new LinkedHashMap<>();
            Map<String, LocalDate> ends = new HashMap<>();
            Map<String, Integer> firstRow = new HashMap<>();
            long n = 0;
            for (Table.Row r : t.rows()) {
                int before = problems.size();
                Cells c = new Cells(t, r, index, problems);
                String parent = c.required("parent", Cells.MAX_ID);
                LocalDate from = c.date("valid_from", true);
                LocalDate to = c.date("valid_to", false);
                String lineText = c.raw("line");
                String component = c.required("component", Cells.MAX_ID);
                BigDecimal qty = c.quantity("quantity");
                Integer line = null;
                if (!lineText.isEmpty()) {
                    if (!lineText.matches("\\d{1,9}")) {
                        c.problem("line", ErrorCode.BAD_COUNT, Cells.shown(lineText));
                    } else {
                        line = Integer.parseInt(lineText);
                    }
                }
                if (parent != null && !parts.containsKey(parent)) {
                    c.problem("parent", ErrorCode.NOT_IN_WORKSPACE, "part", parent);
                }
                if (component != null && !parts.containsKey(component)) {
                    c.problem("component", ErrorCode.NOT_IN_WORKSPACE, "part", component);
                }
                if (parent != null && parent.equals(component)) {
                    c.problem("component", ErrorCode.BOM_CYCLE, parent + " -> " + parent);
                }
                if (from != null && to != null && to.isBefore(from)) {
                    c.problem("valid_to", Variant.PERIOD_ENDS_BEFORE_START, to, from);
                }
                if (parent == null || from == null || problems.size() > before) {
                    continue;
                }
                String key = parent + "@" + from;
                Integer first = firstRow.putIfAbsent(key, r.number());
                if (first != null && !Objects.equals(ends.get(key), to)) {
                    c.problem("valid_to", ErrorCode.ROWS_DISAGREE, "BOM version", parent + " from " + from, "valid_to",
                            String.valueOf(to), String.valueOf(ends.get(key)), first);
                    continue;
                }
                ends.putIfAbsent(key, to);
                List<BomLine> version = lines.computeIfAbsent(key, x -> new ArrayList<>());
                int number = line != null ? line : version.size() + 1;
                if (!once(c, "line", "BOM line", key + "#" + number, parent + " from " + from + " line " + number)
                        || !once(c, "component", "component", key + "/" + component, component + " in " + parent + " from " + from)) {
                    continue;
                }
                version.add(new BomLine(number, component, qty));
                bomLineRows.put(key + "/" + component, new int[] {r.number(), index.get("component") + 1});
                n++;
            }
            for (var e : lines.entrySet()) {
                String[] k = e.getKey().split("@", 2);
                newBoms.add(new BomVersion(k[0], LocalDate.parse(k[1]), ends.get(e.getKey()), e.getValue()));
            }
            bomTable = t.source();
            bomLines += n;
        }

        private String bomTable;
        private long bomLines;

        private void declarations(Table t, Map<String, Integer> index) {
            Map<String, Declaration> byId = new LinkedHashMap<>();
            Map<String, Integer> firstRow = new HashMap<>();
            List<String> statements = List.of("originating", "non-originating");
            for (Table.Row r : t.rows()) {
                int before = problems.size();
                Cells c = new Cells(t, r, index, problems);
                String id = c.required("declaration", Cells.MAX_ID);
                String supplier = c.required("supplier", Cells.MAX_ID);
                String part = c.required("part", Cells.MAX_ID);
                LocalDate from = c.date("valid_from", true);
                LocalDate to = c.date("valid_to", true);
                String statement = c.word("statement", statements, true);
                String criterion = c.word("criterion", List.of("A", "B", "C", "D"), false);
                BigDecimal rvc = c.percent("stated_rvc");
                String method = c.word("rvc_method", List.of("NC", "TV"), false);
                Boolean withdrawn = c.flag("withdrawn");
                LocalDate withdrawnOn = c.date("withdrawn_on", false);
                LocalDate received = c.date("received_on", false);
                if (supplier != null && !suppliers.contains(supplier)) {
                    c.problem("supplier", ErrorCode.NOT_IN_WORKSPACE, "supplier", supplier);
                }
                if (part != null && !parts.containsKey(part)) {
                    c.problem("part", ErrorCode.NOT_IN_WORKSPACE, "part", part);
                }
                if (from != null && to != null) {
                    if (to.isBefore(from)) {
                        c.problem("valid_to", Variant.PERIOD_ENDS_BEFORE_START, to, from);
                    } else if (to.isAfter(from.plusMonths(12).minusDays(1))) {
                        // USMCA Article 5.2.4(b): a blanket period "not exceeding 12 months"; read as 12 calendar months
                        // counted from the first day (1 Jan to 31 Dec is 12 months, to 1 Jan of the next year is not)
                        c.problem("valid_to", ErrorCode.BLANKET_TOO_LONG, from, to);
                    }
                }
                if ("originating".equals(statement) && criterion == null && c.raw("criterion").isEmpty()) {
                    c.problem("criterion", ErrorCode.MISSING_FIELD, "criterion");
                }
                if (rvc != null && method == null && c.raw("rvc_method").isEmpty()) {
                    c.problem("rvc_method", ErrorCode.MISSING_FIELD, "rvc_method");
                }
                if (id == null || problems.size() > before) {
                    continue;
                }
                Declaration d = new Declaration(id, supplier, from, to,
                        statement.equals("originating") ? Declaration.Statement.ORIGINATING : Declaration.Statement.NON_ORIGINATING,
                        criterion, rvc, method, withdrawn, withdrawnOn, received, List.of(part));
                Declaration prior = byId.get(id);
                if (prior == null) {
                    byId.put(id, d);
                    firstRow.put(id, r.number());
                    continue;
                }
                String disagree = disagreement(prior, d);
                if (disagree != null) {
                    c.problem(disagree, ErrorCode.ROWS_DISAGREE, "declaration", id, disagree, Cells.shown(c.raw(disagree)),
                            valueOf(prior, disagree), firstRow.get(id));
                    continue;
                }
                if (prior.parts().contains(part)) {
                    c.problem("part", Variant.ROW_KEY_TWICE, "part", part + " of declaration " + id, firstRow.get(id));
                    continue;
                }
                List<String> ps = new ArrayList<>(prior.parts());
                ps.add(part);
                byId.put(id, new Declaration(id, prior.supplierId(), prior.validFrom(), prior.validTo(), prior.statement(), prior.criterion(),
                        prior.statedRvc(), prior.rvcMethod(), prior.withdrawn(), prior.withdrawnOn(), prior.receivedOn(), ps));
            }
            for (Declaration d : byId.values()) {
                if (seen.putIfAbsent("declaration\u0000" + d.id(), firstRow.get(d.id())) != null) {
                    problems.add(Problem.of(t.source(), firstRow.get(d.id()), index.get("declaration") + 1, "declaration",
                            Variant.ROW_KEY_TWICE, "declaration", d.id(), seen.get("declaration\u0000" + d.id())));
                }
                newDeclarations.add(d);
            }
        }

        private String disagreement(Declaration a, Declaration b) {
            for (String col : List.of("supplier", "valid_from", "valid_to", "statement", "criterion", "stated_rvc", "rvc_method",
                    "withdrawn", "withdrawn_on", "received_on")) {
                if (!Objects.equals(valueOf(a, col), valueOf(b, col))) {
                    return col;
                }
            }
            return null;
        }

        private String valueOf(Declaration d, String col) {
            Object v = switch (col) {
                case "supplier" -> d.supplierId();
                case "valid_from" -> d.validFrom();
                case "valid_to" -> d.validTo();
                case "statement" -> d.statement();
                case "criterion" -> d.criterion();
                case "stated_rvc" -> d.statedRvc() == null ? null : d.statedRvc().stripTrailingZeros().toPlainString();
                case "rvc_method" -> d.rvcMethod();
                case "withdrawn" -> d.withdrawn();
                case "withdrawn_on" -> d.withdrawnOn();
                default -> d.receivedOn();
            };
            return String.valueOf(v);
        }

        /** Every cycle the file's BOM versions close, with the stored versions they do not replace. */
        private void cycles() {
            Map<String, Set<String>> edges = new HashMap<>();
            Set<String> replaced = new HashSet<>();
            for (BomVersion v : newBoms) {
                replaced.add(v.partId() + "@" + v.validFrom());
                for (BomLine l : v.lines()) {
                    edges.computeIfAbsent(v.partId(), x -> new HashSet<>()).add(l.componentId());
                }
            }
            for (String[] e : dev.origin.store.BomGraph.edges(tx)) {
                if (!replaced.contains(e[0] + "@" + e[1])) {
                    edges.computeIfAbsent(e[0], x -> new HashSet<>()).add(e[2]);
                }
            }
            Set<String> done = new HashSet<>();
            Set<String> reported = new HashSet<>();
            for (String start : new ArrayList<>(edges.keySet())) {
                List<String> cycle = dev.origin.store.BomGraph.cycleFrom(start, edges, done);
                if (cycle != null) {
                    String shown = String.join(" -> ", cycle);
                    if (!reported.add(new java.util.TreeSet<>(cycle).toString())) {
                        continue;
                    }
                    // placed at the first line of the file that is an edge of the cycle
                    int[] at = null;
                    for (int i = 0; i + 1 < cycle.size() && at == null; i++) {
                        String from = cycle.get(i);
                        String to = cycle.get(i + 1);
                        for (var e : bomLineRows.entrySet()) {
                            if (e.getKey().startsWith(from + "@") && e.getKey().endsWith("/" + to)) {
                                at = e.getValue();
                                break;
                            }
                        }
                    }
                    problems.add(Problem.of(bomTable, at == null ? 0 : at[0], at == null ? 0 : at[1], "component", ErrorCode.BOM_CYCLE,
                            shown));
                }
            }
        }

        private ImportReport write() {
            int[] counts = new int[3];
            long total = newPlants.size() + newSuppliers.size() + newParts.size() + newHs.size() + newCosts.size() + bomLines
                    + newDeclarations.size();
            long[] done = {0};
            java.util.function.Consumer<Change> count = ch -> counts[ch.ordinal()]++;
            newPlants.forEach(p -> step(count, tx.plants().put(p), 1, done, total));
            newSuppliers.forEach(s -> step(count, tx.suppliers().put(s), 1, done, total));
            newParts.forEach(p -> step(count, tx.parts().put(p), 1, done, total));
            newHs.forEach(h -> step(count, tx.parts().classify(h), 1, done, total));
            newCosts.forEach(c -> step(count, tx.costs().put(c), 1, done, total));
            long before = done[0];
            tx.boms().putAll(newBoms, n -> {
                done[0] = before + n;
                progress.rows(done[0], total);
            }).forEach(count);
            newDeclarations.forEach(d -> step(count, tx.declarations().put(d), 1, done, total));
            progress.rows(total, total);
            ImportReport report = new ImportReport(fileName, hash, rowCounts, counts[0], counts[1], counts[2]);
            if (!report.nothingChanged()) {
                String kinds = String.join(",", rowCounts.keySet().stream().map(ImportKind::label).toList());
                try (var ps = tx.connection().prepareStatement("INSERT INTO imports (file_name, file_hash, kinds, rows_read, added, changed,"
                        + " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, fileName.length() > 1000 ? fileName.substring(0, 1000) : fileName);
                    ps.setString(2, hash);
                    ps.setString(3, kinds);
                    ps.setInt(4, rowCounts.values().stream().mapToInt(Integer::intValue).sum());
                    ps.setInt(5, counts[0]);
                    ps.setInt(6, counts[1]);
                    ps.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
                    ps.executeUpdate();
                } catch (java.sql.SQLException e) {
                    throw new dev.origin.store.StoreException("cannot record the import: " + e.getMessage(), e);
                }
            }
            return report;
        }

        private void step(java.util.function.Consumer<Change> count, Change c, long rows, long[] done, long total) {
            count.accept(c);
            long before = done[0];
            done[0] += rows;
            if (done[0] / 500 != before / 500) {
                progress.rows(done[0], total);
            }
        }
    }
}
