package dev.origin.tools.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One AALA carline label from nhtsa_data.csv. Percentages and primary/secondary countries are taken from
 * the parsed columns (usable as parsed); final-assembly, engine and transmission countries are re-derived
 * from the {@code Raw} column because the named columns are shifted (see the data set's SOURCE.md).
 *
 * <p>Raw layout: [manufacturer, brand, car line, type, %US/CA, primary, secondary, then six cells, …, year].
 * Default: 7 final assembly, 8 additional assembly, 9 engine, 10 additional engine, 11 transmission,
 * 12 additional transmission. GM rows: 7 assembly, 8 engine, 10 transmission. FCA/Stellantis rows:
 * 7 assembly plant (town and country), 8–9 engine, 10–11 transmission.
 */
record AalaLabel(int line, int year, String manufacturer, String brand, String carline, String vehicleType,
                 double usCanadaPercent, String primaryCountry, double primaryPercent, String secondaryCountry,
                 double secondaryPercent, String assemblyCountry, String assemblyText, String engineCountry,
                 String transmissionCountry, String batteryCountry) {

    static List<AalaLabel> read(Path csv, int[] statsOut) throws IOException {
        List<List<String>> rows = Csv.read(csv);
        List<String> header = rows.get(0);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i).trim(), i);
        }
        List<AalaLabel> out = new ArrayList<>();
        int skipped = 0;
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            AalaLabel label = parse(r + 1, row, col);
            if (label == null) {
                skipped++;
            } else {
                out.add(label);
            }
        }
        if (statsOut != null && statsOut.length >= 2) {
            statsOut[0] = rows.size() - 1;
            statsOut[1] = skipped;
        }
        return out;
    }

    private static AalaLabel parse(int line, List<String> row, Map<String, Integer> col) {
        List<Object> raw;
        try {
            raw = PythonList.parse(get(row, col, "Raw"));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (raw.size() < 13 || !(raw.get(raw.size() - 1) instanceof Integer)) {
            return null;
        }
        String mfr = str(raw, 0);
        String carline = str(raw, 2);
        String pct = str(raw, 4);
        if (carline.isBlank() || carline.contains("\n") || pct.contains("\n") || str(raw, 1).contains("\n")) {
            return null;   // several PDF lines merged into one row
        }
        int year = (Integer) raw.get(raw.size() - 1);
        String asmText;
        String engine;
        String trans;
        if (mfr.startsWith("GM")) {
            asmText = str(raw, 7);
            engine = first(str(raw, 8), str(raw, 9));
            trans = first(str(raw, 10), str(raw, 11));
        } else if (mfr.startsWith("Fiat Chrysler") || mfr.startsWith("FCA") || mfr.startsWith("Stellantis")) {
            asmText = str(raw, 7);
            engine = firstNonDiesel(str(raw, 8), str(raw, 9));
            trans = first(str(raw, 10), str(raw, 11));
        } else {
            asmText = str(raw, 7);
            engine = first(str(raw, 9), str(raw, 10));
            trans = first(str(raw, 11), str(raw, 12));
        }
        String battery = "";
        for (int i = 7; i < raw.size() - 1; i++) {
            String s = str(raw, i);
            int at = s.indexOf("Battery:");
            if (at >= 0) {
                battery = Countries.code(s.substring(at + "Battery:".length()));
            }
        }
        String assembly = Countries.code(asmText);
        if (assembly.isEmpty()) {
            return null;
        }
        return new AalaLabel(line, year, get(row, col, "Manufacturer").trim(), str(raw, 1).trim(), carline.trim(), str(raw, 3).trim(),
                num(get(row, col, "% US/Canada")), Countries.code(get(row, col, "Primary Country")),
                num(get(row, col, "Primary %")), Countries.code(get(row, col, "Secondary Country")),
                num(get(row, col, "Secondary %")), assembly, asmText.replace('\n', ' ').trim(),
                Countries.code(engine), Countries.code(trans), battery);
    }

    private static String first(String a, String b) {
        return a.isBlank() ? b : a;
    }

    /** FCA rows list diesel options first in some cells: prefer the other engine cell when one says Diesel. */
    private static String firstNonDiesel(String a, String b) {
        if (a.isBlank()) {
            return b;
        }
        if (a.toLowerCase(Locale.ROOT).contains("diesel") && !b.isBlank()) {
            return b;
        }
        return a;
    }

    private static String str(List<Object> raw, int i) {
        Object o = i < raw.size() ? raw.get(i) : null;
        return o instanceof String ? (String) o : "";
    }

    private static String get(List<String> row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= row.size() ? "" : row.get(i);
    }

    private static double num(String s) {
        String t = s.replace("%", "").trim();
        if (t.isEmpty()) {
            return 0;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Parses a Python list literal of strings and integers, e.g. {@code ['a', "b'c", 'd\n', 2022]}. */
    static final class PythonList {
        private PythonList() {}

        static List<Object> parse(String s) {
            List<Object> out = new ArrayList<>();
            int i = skip(s, 0);
            if (i >= s.length() || s.charAt(i) != '[') {
                throw new IllegalArgumentException("not a list");
            }
            i = skip(s, i + 1);
            while (i < s.length() && s.charAt(i) != ']') {
                char c = s.charAt(i);
                if (c == '\'' || c == '"') {
                    StringBuilder b = new StringBuilder();
                    i++;
                    while (i < s.length() && s.charAt(i) != c) {
                        char d = s.charAt(i);
                        if (d == '\\' && i + 1 < s.length()) {
                            char e = s.charAt(++i);
                            b.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
                        } else {
                            b.append(d);
                        }
                        i++;
                    }
                    if (i >= s.length()) {
                        throw new IllegalArgumentException("unterminated string");
                    }
                    out.add(b.toString());
                    i++;
                } else {
                    int start = i;
                    while (i < s.length() && s.charAt(i) != ',' && s.charAt(i) != ']') {
                        i++;
                    }
                    String tok = s.substring(start, i).trim();
                    try {
                        out.add(Integer.parseInt(tok));
                    } catch (NumberFormatException e) {
                        out.add(tok);
                    }
                }
                i = skip(s, i);
                if (i < s.length() && s.charAt(i) == ',') {
                    i = skip(s, i + 1);
                }
            }
            if (i >= s.length()) {
                throw new IllegalArgumentException("unterminated list");
            }
            return out;
        }

        private static int skip(String s, int i) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return i;
        }
    }
}
