package dev.origin.io.fleet;

import dev.origin.core.engine.ErrorCode;
import dev.origin.io.CsvSource;
import dev.origin.io.Fields;
import dev.origin.io.Problem;
import dev.origin.io.Tree;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV form of a fleet file (docs/fleet-format.md): one row per part, the model's columns repeated
 * on each of its rows. The rows are turned into the same tree as the YAML form, each value keeping its
 * row and column (field number), so the one reader checks both forms and reports problems at the CSV cell.
 * Text that is not CSV is reported as {@code BAD_CSV} at its row and column.
 */
final class FleetCsv {
    static final List<String> MODEL_COLUMNS = List.of("model_id", "maker", "model", "plant", "country", "class", "hs", "price",
            "labour", "overhead", "period", "excluded", "plant_wage_rate", "plant_wage_currency", "volumes", "steel_share",
            "aluminum_share", "intangibles_na", "intangibles_total", "rd_it_wages", "production_wages", "engines_capacity",
            "transmissions_capacity", "batteries_capacity");
    static final List<String> PART_COLUMNS = List.of("part_id", "part_group", "part_hs", "part_cost", "part_country", "part_wage_rate",
            "part_wage_currency", "part_non_originating_share", "alt_countries", "alt_premiums");

    private FleetCsv() {}

    static Tree toTree(String text, String file, List<Problem> problems) {
        List<CsvSource.Row> rows = CsvSource.read(text, file, dev.origin.core.engine.ErrorCode.BAD_CSV, CsvSource.Locations.ROW_AND_FIELD, problems);
        Tree.Obj root = new Tree.Obj(1, 1);
        Tree.Arr models = new Tree.Arr(1, 1);
        root.fields.put("models", models);
        if (rows.isEmpty()) {
            if (problems.isEmpty()) problems.add(new Problem(file, 1, 1, "", "EMPTY_DOCUMENT", "The file is empty."));
            return root;
        }
        List<String> header = rows.get(0).values();
        for (String c : MODEL_COLUMNS.subList(0, 1)) {
            if (!header.contains(c)) problems.add(new Problem(file, 1, 1, "", "MISSING_COLUMN", "The column `" + c + "` is missing."));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            if (!MODEL_COLUMNS.contains(header.get(i)) && !PART_COLUMNS.contains(header.get(i))) {
                problems.add(new Problem(file, 1, i + 1, "", "UNKNOWN_COLUMN", "The column `" + Fields.shown(header.get(i)) + "` is not known."));
            } else if (!seen.add(header.get(i))) {
                problems.add(Problem.of(file, 1, i + 1, "", ErrorCode.Variant.COLUMN_TWICE, header.get(i)));
            }
        }
        if (!problems.isEmpty()) return root;
        Map<String, Tree.Obj> byId = new LinkedHashMap<>();
        Map<String, Map<String, Tree.Scalar>> firstRow = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            CsvSource.Row row = rows.get(r);
            int line = row.line();
            if (row.size() != header.size()) {
                problems.add(new Problem(file, line, 1, "", "BAD_ROW", "The row has " + row.size() + " cells, the header " + header.size() + "."));
                continue;
            }
            Map<String, Tree.Scalar> cell = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String v = row.get(c).strip();
                if (!v.isEmpty()) cell.put(header.get(c), new Tree.Scalar(line, row.column(c), Tree.Scalar.Type.STRING, v));
            }
            Tree.Scalar id = cell.get("model_id");
            if (id == null) {
                problems.add(new Problem(file, line, 1, "", "MISSING_FIELD", "The row has no `model_id`."));
                continue;
            }
            Tree.Obj m = byId.get(id.text);
            if (m != null) {
                // the model's columns are repeated on each of its rows: they must say the same thing each time
                Map<String, Tree.Scalar> first = firstRow.get(id.text);
                for (String c : MODEL_COLUMNS) {
                    Tree.Scalar a = first.get(c);
                    Tree.Scalar b = cell.get(c);
                    String av = a == null ? "" : a.text;
                    String bv = b == null ? "" : b.text;
                    if (!av.equals(bv)) {
                        problems.add(Problem.of(file, line, row.column(header.indexOf(c)), "", ErrorCode.MODEL_ROWS_DISAGREE,
                                Fields.shown(id.text), c, Fields.shown(bv), Fields.shown(av), first.get("model_id").line));
                    }
                }
            }
            if (m == null) {
                firstRow.put(id.text, cell);
                m = new Tree.Obj(line, 1);
                byId.put(id.text, m);
                models.items.add(m);
                m.fields.put("id", id);
                put(m, "maker", cell.get("maker"));
                put(m, "model", cell.get("model"));
                put(m, "plant", cell.get("plant"));
                put(m, "country", cell.get("country"));
                put(m, "class", cell.get("class"));
                put(m, "hs", cell.get("hs"));
                put(m, "price", cell.get("price"));
                Tree.Obj a = new Tree.Obj(line, 1);
                put(a, "labour", cell.get("labour"));
                put(a, "overhead", cell.get("overhead"));
                put(a, "period", cell.get("period"));
                put(a, "excluded", cell.get("excluded"));
                Tree.Obj w = wage(cell.get("plant_wage_rate"), cell.get("plant_wage_currency"), line);
                if (w != null) a.fields.put("plantWage", w);
                m.fields.put("assembly", a);
                Tree.Scalar vol = cell.get("volumes");
                if (vol != null) {
                    Tree.Obj v = new Tree.Obj(vol.line, vol.column);
                    for (String kv : vol.text.split("\\|")) {
                        String[] p = kv.split(":", 2);
                        if (p.length != 2) {
                            problems.add(new Problem(file, vol.line, vol.column, "volumes", "BAD_VOLUME", "`" + kv + "` is not COUNTRY:UNITS."));
                            continue;
                        }
                        v.fields.put(p[0].strip(), new Tree.Scalar(vol.line, vol.column, Tree.Scalar.Type.NUMBER, p[1].strip()));
                    }
                    m.fields.put("volumes", v);
                }
                share(m, "steel", cell.get("steel_share"));
                share(m, "aluminum", cell.get("aluminum_share"));
                if (cell.get("intangibles_na") != null || cell.get("intangibles_total") != null) {
                    Tree.Obj ip = new Tree.Obj(line, 1);
                    put(ip, "northAmerican", cell.get("intangibles_na"));
                    put(ip, "total", cell.get("intangibles_total"));
                    m.fields.put("intangibles", ip);
                }
                if (cell.get("rd_it_wages") != null || cell.get("production_wages") != null) {
                    Tree.Obj t = new Tree.Obj(line, 1);
                    put(t, "rdItWages", cell.get("rd_it_wages"));
                    put(t, "productionWages", cell.get("production_wages"));
                    m.fields.put("technology", t);
                }
                if (cell.get("engines_capacity") != null || cell.get("transmissions_capacity") != null || cell.get("batteries_capacity") != null) {
                    Tree.Obj t = new Tree.Obj(line, 1);
                    putNumber(t, "engines", cell.get("engines_capacity"));
                    putNumber(t, "transmissions", cell.get("transmissions_capacity"));
                    putNumber(t, "batteries", cell.get("batteries_capacity"));
                    m.fields.put("assemblyPlant", t);
                }
                m.fields.put("parts", new Tree.Arr(line, 1));
            }
            Tree.Obj part = new Tree.Obj(line, 1);
            put(part, "id", cell.get("part_id"));
            put(part, "group", cell.get("part_group"));
            put(part, "hs", cell.get("part_hs"));
            put(part, "cost", cell.get("part_cost"));
            put(part, "country", cell.get("part_country"));
            Tree.Obj pw = wage(cell.get("part_wage_rate"), cell.get("part_wage_currency"), line);
            if (pw != null) part.fields.put("wage", pw);
            Tree.Scalar nos = cell.get("part_non_originating_share");
            if (nos != null) part.fields.put("nonOriginatingShare", new Tree.Scalar(nos.line, nos.column, Tree.Scalar.Type.NUMBER, nos.text));
            Tree.Scalar ac = cell.get("alt_countries");
            Tree.Scalar ap = cell.get("alt_premiums");
            if (ac != null || ap != null) {
                String[] cs = ac == null ? new String[0] : ac.text.split("\\|");
                String[] ps = ap == null ? new String[0] : ap.text.split("\\|");
                if (cs.length != ps.length) {
                    problems.add(new Problem(file, line, ac != null ? ac.column : ap.column, "alt_countries", "BAD_ALTERNATIVES",
                            "`alt_countries` lists " + cs.length + " countries but `alt_premiums` " + ps.length + " premiums."));
                } else {
                    Tree.Arr alts = new Tree.Arr(line, ac.column);
                    for (int k = 0; k < cs.length; k++) {
                        Tree.Obj alt = new Tree.Obj(line, ac.column);
                        alt.fields.put("country", new Tree.Scalar(line, ac.column, Tree.Scalar.Type.STRING, cs[k].strip()));
                        alt.fields.put("premium", new Tree.Scalar(line, ap.column, Tree.Scalar.Type.NUMBER, ps[k].strip()));
                        alts.items.add(alt);
                    }
                    part.fields.put("alternatives", alts);
                }
            }
            ((Tree.Arr) m.get("parts")).items.add(part);
        }
        return root;
    }

    private static void put(Tree.Obj o, String key, Tree.Scalar v) {
        if (v != null) o.fields.put(key, v);
    }

    private static void putNumber(Tree.Obj o, String key, Tree.Scalar v) {
        if (v != null) o.fields.put(key, new Tree.Scalar(v.line, v.column, Tree.Scalar.Type.NUMBER, v.text));
    }

    private static void share(Tree.Obj m, String key, Tree.Scalar v) {
        if (v == null) return;
        Tree.Obj o = new Tree.Obj(v.line, v.column);
        o.fields.put("originatingShare", new Tree.Scalar(v.line, v.column, Tree.Scalar.Type.NUMBER, v.text));
        m.fields.put(key, o);
    }

    private static Tree.Obj wage(Tree.Scalar rate, Tree.Scalar currency, int line) {
        if (rate == null && currency == null) return null;
        Tree.Obj w = new Tree.Obj(line, rate != null ? rate.column : currency.column);
        put(w, "rate", rate);
        put(w, "currency", currency);
        return w;
    }
}
