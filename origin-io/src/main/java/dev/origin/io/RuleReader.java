package dev.origin.io;

import dev.origin.core.hs.HsPrefix;
import dev.origin.core.rules.Rule;
import dev.origin.core.rules.RuleSyntax;
import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.ErrorCode.Variant;
import dev.origin.core.rules.RuleSyntaxException;
import dev.origin.core.rules.RvcMethod;
import dev.origin.core.rules.ShiftLevel;
import dev.origin.core.rules.Threshold;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rule given either as a JSON/YAML rule tree (the case-file contract) or as a string in the
 * compact rule syntax. Problems are collected with their locations.
 */
final class RuleReader {
    private final Fields f;
    private final Map<String, BigDecimal> params;
    private final Map<String, String> options;

    RuleReader(Fields f, Map<String, BigDecimal> params) {
        this(f, params, Map.of());
    }

    /** With {@code options}: word-valued parameters substituted as text (e.g. {@code ${national-country}}). */
    RuleReader(Fields f, Map<String, BigDecimal> params, Map<String, String> options) {
        this.f = f;
        this.params = params;
        this.options = options;
    }

    Rule read(Tree t, String path) {
        if (t instanceof Tree.Scalar s && s.type == Tree.Scalar.Type.STRING) {
            return parseText(s, path);
        }
        Tree.Obj o = f.obj(t, path, "a rule");
        if (o == null) return null;
        String id = f.string(o, "id", path, false);
        String cite = f.string(o, "citation", path, false);
        if (o.get("allOf") != null || o.get("anyOf") != null) {
            boolean all = o.get("allOf") != null;
            String key = all ? "allOf" : "anyOf";
            f.onlyKnown(o, path, Set.of(key, "id", "citation"));
            Tree.Arr arr = f.arr(o.get(key), Fields.sub(path, key), "a list of rules");
            if (arr == null) return null;
            if (arr.items.isEmpty()) {
                f.problem(arr, Fields.sub(path, key), ErrorCode.EMPTY_RULE_LIST, key, "rule");
                return null;
            }
            List<Rule> rules = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < arr.items.size(); i++) {
                Rule r = read(arr.items.get(i), Fields.sub(path, key) + "[" + i + "]");
                if (r == null) ok = false; else rules.add(r);
            }
            if (!ok) return null;
            return all ? new Rule.AllOf(id, rules, cite) : new Rule.AnyOf(id, rules, cite);
        }
        if (o.get("tariffShift") != null) {
            f.onlyKnown(o, path, Set.of("tariffShift", "except", "from", "exceptDescribed", "fromDescribed", "exceptMoreThanOneOf",
                    "id", "citation"));
            String lv = f.oneOf(o, "tariffShift", path, true, Set.of("CC", "CTH", "CTSH", "CTI"));
            List<HsPrefix> except = prefixes(o, "except", path);
            List<HsPrefix> from = prefixes(o, "from", path);
            List<Rule.Described> exceptDescribed = described(o, "exceptDescribed", path);
            List<Rule.Described> fromDescribed = described(o, "fromDescribed", path);
            List<List<HsPrefix>> counted = groups(o, "exceptMoreThanOneOf", path);
            if (lv == null || except == null || from == null || exceptDescribed == null || fromDescribed == null
                    || counted == null) return null;
            return new Rule.TariffShift(id, ShiftLevel.valueOf(lv), from, except, fromDescribed, exceptDescribed, counted, cite);
        }
        if (o.get("rvc") != null) {
            f.onlyKnown(o, path, Set.of("rvc", "id", "citation"));
            String p = Fields.sub(path, "rvc");
            Tree.Obj r = f.obj(o.get("rvc"), p, "an RVC requirement");
            if (r == null) return null;
            f.onlyKnown(r, p, Set.of("method", "min"));
            String m = f.oneOf(r, "method", p, true, Set.of("NC", "TV", "either"));
            Threshold th = threshold(r, p);
            if (m == null || th == null) return null;
            return new Rule.Rvc(id, m.equals("either") ? RvcMethod.EITHER : RvcMethod.valueOf(m), th, cite);
        }
        if (o.get("whollyObtained") != null) {
            f.onlyKnown(o, path, Set.of("whollyObtained", "id", "citation"));
            return Boolean.TRUE.equals(f.bool(o, "whollyObtained", path)) ? new Rule.WhollyObtained(id, cite) : invalid(o, path);
        }
        if (o.get("noChangeRequired") != null) {
            f.onlyKnown(o, path, Set.of("noChangeRequired", "id", "citation"));
            return Boolean.TRUE.equals(f.bool(o, "noChangeRequired", path)) ? new Rule.NoChangeRequired(id, cite) : invalid(o, path);
        }
        return invalid(o, path);
    }

    private Rule invalid(Tree.Obj o, String path) {
        f.problem(o, path, ErrorCode.BAD_RULE);
        return null;
    }

    private Threshold threshold(Tree.Obj r, String p) {
        Tree t = r.get("min");
        if (t == null) {
            f.problem(r, Fields.sub(p, "min"), ErrorCode.MISSING_FIELD, "min");
            return null;
        }
        if (t instanceof Tree.Arr arr) {
            List<Threshold.Step> steps = new ArrayList<>();
            for (int i = 0; i < arr.items.size(); i++) {
                String ip = Fields.sub(p, "min") + "[" + i + "]";
                Tree.Obj s = f.obj(arr.items.get(i), ip, "a threshold step");
                if (s == null) return null;
                f.onlyKnown(s, ip, Set.of("value", "from"));
                BigDecimal v = f.percent(s, "value", ip);
                if (v == null) {
                    if (s.get("value") == null) f.problem(s, ip, ErrorCode.MISSING_FIELD, "value");
                    return null;
                }
                steps.add(new Threshold.Step(f.date(s, "from", ip), v));
            }
            if (steps.isEmpty()) {
                f.problem(arr, Fields.sub(p, "min"), ErrorCode.EMPTY_RULE_LIST, "min", "step");
                return null;
            }
            return new Threshold(steps);
        }
        BigDecimal v = f.percent(r, "min", p);
        return v == null ? null : Threshold.of(v);
    }

    private List<HsPrefix> prefixes(Tree.Obj o, String key, String path) {
        Tree t = o.get(key);
        if (t == null) return List.of();
        String p = Fields.sub(path, key);
        Tree.Arr a = f.arr(t, p, "a list of HS provisions");
        if (a == null) return null;
        List<HsPrefix> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < a.items.size(); i++) {
            HsPrefix h = f.hsPrefix(a.items.get(i), p + "[" + i + "]");
            if (h == null) ok = false; else out.add(h);
        }
        return ok ? out : null;
    }

    /**
     * The entries of "except from more than one of the following": {@code [["8413.50", "8413.60"], ["8537.10"]]},
     * at least two non-empty lists of HS provisions.
     */
    private List<List<HsPrefix>> groups(Tree.Obj o, String key, String path) {
        Tree t = o.get(key);
        if (t == null) return List.of();
        String p = Fields.sub(path, key);
        Tree.Arr a = f.arr(t, p, "a list of groups of HS provisions");
        if (a == null) return null;
        List<List<HsPrefix>> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < a.items.size(); i++) {
            String ip = p + "[" + i + "]";
            Tree.Arr g = f.arr(a.items.get(i), ip, "a list of HS provisions");
            if (g == null) {
                ok = false;
                continue;
            }
            if (g.items.isEmpty()) {
                f.problem(g, ip, Variant.EMPTY_GROUP, key);
                ok = false;
                continue;
            }
            List<HsPrefix> group = new ArrayList<>();
            for (int j = 0; j < g.items.size(); j++) {
                HsPrefix h = f.hsPrefix(g.items.get(j), ip + "[" + j + "]");
                if (h == null) ok = false; else group.add(h);
            }
            out.add(group);
        }
        if (ok && out.size() == 1) {
            f.problem(a, p, Variant.TOO_FEW_GROUPS, key);
            return null;
        }
        return ok ? out : null;
    }

    /** A list of materials named in words: {@code [{"hs": "9030.90", "description": "printed circuit assemblies"}]}. */
    private List<Rule.Described> described(Tree.Obj o, String key, String path) {
        Tree t = o.get(key);
        if (t == null) return List.of();
        String p = Fields.sub(path, key);
        Tree.Arr a = f.arr(t, p, "a list of materials described in words");
        if (a == null) return null;
        List<Rule.Described> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < a.items.size(); i++) {
            String ip = p + "[" + i + "]";
            Tree.Obj d = f.obj(a.items.get(i), ip, "a described material (`hs` and `description`)");
            if (d == null) {
                ok = false;
                continue;
            }
            f.onlyKnown(d, ip, Set.of("hs", "description"));
            HsPrefix h = null;
            if (d.get("hs") == null) f.problem(d, Fields.sub(ip, "hs"), ErrorCode.MISSING_FIELD, "hs");
            else h = f.hsPrefix(d.get("hs"), Fields.sub(ip, "hs"));
            String text = f.string(d, "description", ip, true);
            if (text != null && (text.isBlank() || text.indexOf('"') >= 0)) {
                f.problem(d.get("description"), Fields.sub(ip, "description"), Variant.DESCRIPTION_NOT_TEXT);
                text = null;
            }
            if (h == null || text == null) ok = false; else out.add(new Rule.Described(h, text));
        }
        return ok ? out : null;
    }

    private Rule parseText(Tree.Scalar s, String path) {
        try {
            String text = s.text;
            for (var e : options.entrySet()) text = text.replace("${" + e.getKey() + "}", e.getValue());
            return RuleSyntax.parse(text, params);
        } catch (RuleSyntaxException e) {
            int line = s.line + e.line() - 1;
            int col = e.line() == 1 ? s.column + e.column() : e.column();
            f.problems.add(new Problem(f.file, line, col, path, e.code(), e.reason()));
            return null;
        }
    }
}
