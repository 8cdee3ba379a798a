package dev.origin.io;

import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.ErrorCode.Variant;
import dev.origin.core.hs.HsRange;
import dev.origin.core.tariff.TariffSchedule;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads MFN tariff schedules (YAML or JSON) into {@link TariffSchedule}s, and gives the built-in one
 * ({@value #BUILT_IN_RESOURCE}). Every problem is collected with file, line, column and a stable code.
 *
 * <pre>
 * name: My rates                # optional
 * revision: "1"                 # optional
 * params: { mxVehicles: 20 }    # optional; named percentages, overridable by name
 * rates:
 *   - importer: US              # ISO 3166 alpha-2
 *     hs: ["8703.21-8703.90"]   # one provision or range, or a list of them
 *     percent: 2.5              # 0-100; a number, "Free", or the name of a param
 *     source: "HTS2024 8703.23.01"
 *     from: 2020-07-01          # optional, inclusive
 *     until: 2025-12-31         # optional, inclusive
 *     assumption: "..."         # optional: why the figure is not checked
 *     description: "..."        # optional
 * </pre>
 *
 * Problem codes: those of {@link Tree} and {@code Fields} (BAD_YAML, BAD_TYPE, MISSING_FIELD,
 * UNKNOWN_FIELD, BAD_NUMBER, BAD_PERCENT, BAD_DATE, ...) and BAD_HS, BAD_IMPORTER, EMPTY_SCOPE,
 * BAD_DATES (until before from), UNKNOWN_PARAM, DUPLICATE_SCOPE (two entries the lookup cannot tell
 * apart), NO_SUCH_FILE.
 */
public final class TariffReader {
    /** Class-path resource of the built-in schedule. */
    public static final String BUILT_IN_RESOURCE = "/dev/origin/tariffs/mfn.yaml";

    private static final Set<String> TOP = Set.of("name", "revision", "params", "rates");
    private static final Set<String> RATE = Set.of("importer", "hs", "percent", "source", "from", "until", "assumption", "description");

    private final Fields f;
    private final Map<String, BigDecimal> overrides;

    private TariffReader(String file, List<Problem> problems, Map<String, BigDecimal> overrides) {
        this.f = new Fields(file, problems);
        this.overrides = overrides;
    }

    /** The built-in schedule with its default parameters. */
    public static TariffSchedule builtIn() {
        try {
            return builtIn(Map.of());
        } catch (InputException e) {
            throw new IllegalStateException("built-in tariff schedule is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * The built-in schedule with parameters overridden by name (e.g. {@code mxVehicles -> 50});
     * an unknown name or a value outside 0-100 is a problem.
     */
    public static TariffSchedule builtIn(Map<String, BigDecimal> overrides) throws InputException {
        try (InputStream in = TariffReader.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) throw new IllegalStateException("built-in tariff schedule missing from the build: " + BUILT_IN_RESOURCE);
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "builtin:mfn.yaml", true, overrides);
        } catch (IOException e) {
            throw new IllegalStateException("built-in tariff schedule unreadable: " + BUILT_IN_RESOURCE, e);
        }
    }

    /** Reads a schedule file (JSON when the name ends in {@code .json}, YAML otherwise). */
    public static TariffSchedule read(Path path) throws InputException {
        return read(path, Map.of());
    }

    /** Reads a schedule file with parameter overrides. */
    public static TariffSchedule read(Path path, Map<String, BigDecimal> overrides) throws InputException {
        if (!Files.isRegularFile(path)) {
            throw new InputException(List.of(Problem.of(path.toString(), 0, 0, "", ErrorCode.NO_SUCH_FILE, path)));
        }
        Tree.checkSize(path, "a tariff table");
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(List.of(Problem.of(path.toString(), 0, 0, "", ErrorCode.UNREADABLE, path)));
        }
        return read(text, path.toString(), !path.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"), overrides);
    }

    /** Reads a schedule from text; {@code file} names it in problems. */
    public static TariffSchedule read(String text, String file, boolean yaml, Map<String, BigDecimal> overrides) throws InputException {
        Objects.requireNonNull(overrides, "overrides");
        List<Problem> problems = new ArrayList<>();
        Tree t = Tree.parse(text, yaml, file, problems);
        if (t == null) throw new InputException(problems);
        TariffSchedule s = new TariffReader(file, problems, overrides).schedule(t);
        if (!problems.isEmpty() || s == null) throw new InputException(problems);
        return s;
    }

    private TariffSchedule schedule(Tree t) {
        Tree.Obj o = f.obj(t, "", "a tariff schedule");
        if (o == null) return null;
        f.onlyKnown(o, "", TOP);
        String name = f.string(o, "name", "", false);
        String revision = f.string(o, "revision", "", false);
        Map<String, BigDecimal> params = params(o.get("params"));
        Tree rt = o.get("rates");
        if (rt == null) {
            f.problem(o, "rates", ErrorCode.MISSING_FIELD, "rates");
            return null;
        }
        Tree.Arr a = f.arr(rt, "rates", "the rates");
        if (a == null) return null;
        List<TariffSchedule.Entry> entries = new ArrayList<>();
        List<Tree.Obj> at = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < a.items.size(); i++) {
            String ip = "rates[" + i + "]";
            Tree.Obj r = f.obj(a.items.get(i), ip, "a rate");
            if (r == null) { ok = false; continue; }
            TariffSchedule.Entry e = entry(r, ip, params);
            if (e == null) { ok = false; continue; }
            entries.add(e);
            at.add(r);
            paths.add(ip);
        }
        clashes(entries, at, paths);
        if (!ok || !f.problems.isEmpty()) return null;
        String label = (name != null ? name : f.file) + (revision != null ? " (revision " + revision + ")" : "");
        try {
            return new TariffSchedule(label, entries);
        } catch (IllegalArgumentException e) {
            f.problem(o, "rates", Variant.SCOPES_CLASH, e.getMessage());
            return null;
        }
    }

    private Map<String, BigDecimal> params(Tree t) {
        Map<String, BigDecimal> params = new LinkedHashMap<>();
        if (t != null) {
            Tree.Obj p = f.obj(t, "params", "the parameters");
            if (p != null) for (String k : p.fields.keySet()) {
                if (p.get(k) == null || (p.get(k) instanceof Tree.Scalar s && s.isNull())) {
                    f.problem(p.get(k), Fields.sub("params", k), Variant.PARAMETER_WITHOUT_VALUE, k);
                    continue;
                }
                BigDecimal v = f.percent(p, k, "params");
                if (v != null) params.put(k, v);
            }
        }
        for (var e : overrides.entrySet()) {
            BigDecimal v = e.getValue();
            if (!params.containsKey(e.getKey())) {
                f.problem(null, "params", Variant.NO_SUCH_TARIFF_PARAM, e.getKey(), params.isEmpty() ? "" : "; it has " + String.join(", ", params.keySet()));
            } else if (v == null || v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0) {
                f.problem(null, Fields.sub("params", e.getKey()), Variant.OVERRIDE_NOT_A_PERCENTAGE, e.getKey(), v == null ? "null" : v);
            } else {
                params.put(e.getKey(), v);
            }
        }
        return params;
    }

    private TariffSchedule.Entry entry(Tree.Obj r, String ip, Map<String, BigDecimal> params) {
        f.onlyKnown(r, ip, RATE);
        String importer = f.string(r, "importer", ip, true);
        if (importer != null && !importer.matches("[A-Z]{2}")) {
            f.problem(r.get("importer"), ip + ".importer", ErrorCode.BAD_IMPORTER, importer);
            importer = null;
        }
        List<HsRange> scope = ranges(r, ip);
        BigDecimal percent = percent(r, ip, params);
        String source = f.string(r, "source", ip, true);
        LocalDate from = f.date(r, "from", ip);
        LocalDate until = f.date(r, "until", ip);
        String assumption = f.string(r, "assumption", ip, false);
        String description = f.string(r, "description", ip, false);
        if (from != null && until != null && until.isBefore(from)) {
            f.problem(r.get("until"), ip + ".until", ErrorCode.BAD_DATES, until, from);
            return null;
        }
        // an invalid date was reported by Fields.date and fails the whole read
        if (importer == null || scope == null || percent == null || source == null) return null;
        return new TariffSchedule.Entry(importer, scope, percent, source, from, until, assumption, description);
    }

    private static boolean isNull(Tree t) {
        return t instanceof Tree.Scalar s && s.isNull();
    }

    /** The {@code hs} field: one provision or range, or a non-empty list of them; null when invalid. */
    private List<HsRange> ranges(Tree.Obj r, String ip) {
        Tree t = r.get("hs");
        String p = ip + ".hs";
        if (t == null || isNull(t)) {
            f.problem(r, p, ErrorCode.MISSING_FIELD, "hs");
            return null;
        }
        if (t instanceof Tree.Obj) {
            f.problem(t, p, Variant.FIELD_OF_TYPE, "hs", "an HS provision or a list of them", "an object");
            return null;
        }
        List<Tree> items = t instanceof Tree.Arr a ? a.items : List.of(t);
        if (items.isEmpty()) {
            f.problem(t, p, ErrorCode.EMPTY_SCOPE, "hs");
            return null;
        }
        List<HsRange> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            Tree it = items.get(i);
            String text = it instanceof Tree.Scalar s ? s.text : null;
            try {
                if (text == null) throw new IllegalArgumentException();
                out.add(HsRange.parse(text));
            } catch (IllegalArgumentException e) {
                f.problem(it, p + (t instanceof Tree.Arr ? "[" + i + "]" : ""), Variant.NOT_A_TARIFF_PROVISION, text == null ? Fields.describe(it) : text);
                ok = false;
            }
        }
        return ok ? out : null;
    }

    /** A number from 0 to 100, {@code Free} (0), or the name of a parameter. */
    private BigDecimal percent(Tree.Obj r, String ip, Map<String, BigDecimal> params) {
        Tree t = r.get("percent");
        if (t == null || isNull(t)) {
            f.problem(r, ip + ".percent", ErrorCode.MISSING_FIELD, "percent");
            return null;
        }
        if (t instanceof Tree.Scalar s && s.type == Tree.Scalar.Type.STRING) {
            String name = s.text.strip();
            if (name.equalsIgnoreCase("free")) return BigDecimal.ZERO;
            if (name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                BigDecimal v = params.get(name);
                if (v == null) {
                    f.problem(t, ip + ".percent", Variant.NOT_A_RATE, name, params.isEmpty() ? "" : " (" + String.join(", ", params.keySet()) + ")");
                }
                return v;
            }
        }
        return f.percent(r, "percent", ip);
    }

    /** Entries the lookup could not tell apart: same importer, same range, same start, overlapping validity. */
    private void clashes(List<TariffSchedule.Entry> entries, List<Tree.Obj> at, List<String> paths) {
        for (int j = 0; j < entries.size(); j++) {
            TariffSchedule.Entry b = entries.get(j);
            for (int i = 0; i < j; i++) {
                TariffSchedule.Entry a = entries.get(i);
                if (!a.importer().equals(b.importer()) || !Objects.equals(a.validFrom(), b.validFrom()) || !a.overlapsInTime(b)) continue;
                HsRange shared = b.scope().stream().filter(a.scope()::contains).findFirst().orElse(null);
                if (shared == null) continue;
                f.problem(at.get(j).get("hs"), paths.get(j) + ".hs", ErrorCode.DUPLICATE_SCOPE, shared, b.importer(), paths.get(i), at.get(i).line);
                break;
            }
        }
    }
}
