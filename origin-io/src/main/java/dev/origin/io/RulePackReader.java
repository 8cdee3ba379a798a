package dev.origin.io;

import dev.origin.core.hs.HsRange;
import dev.origin.core.regime.DeMinimis;
import dev.origin.core.regime.Regime;
import dev.origin.core.rules.Rule;
import dev.origin.core.rules.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads rule packs (YAML or JSON; see docs/rule-packs.md) into {@link Regime}s, and gives the
 * built-in packs by id. Every problem is collected with pack file, line and column.
 */
public final class RulePackReader {
    /** Ids of the packs shipped with Origin. */
    public static final List<String> BUILT_IN = List.of("usmca", "nafta");

    private static final Set<String> TOP = Set.of("id", "name", "revision", "inForce", "parties", "transactionValue",
            "deMinimis", "netCostRequired", "provisions", "params", "rules", "partsRule");
    private static final Set<String> RULE = Set.of("id", "hs", "rule", "citation", "description");

    private final Fields f;
    private final Map<String, BigDecimal> overrides;

    private RulePackReader(String file, List<Problem> problems, Map<String, BigDecimal> overrides) {
        this.f = new Fields(file, problems);
        this.overrides = overrides;
    }

    /** True when {@code regime} names a built-in pack. */
    public static boolean isBuiltIn(String regime) {
        return BUILT_IN.contains(regime);
    }

    /**
     * Loads a built-in pack by id or a pack file by path, with parameter overrides
     * ({@code --param NAME=VALUE}); an override of a parameter the pack does not declare is an error.
     */
    public static Regime load(String regimeOrPath, Map<String, BigDecimal> overrides) throws InputException {
        if (isBuiltIn(regimeOrPath)) {
            String res = "/dev/origin/packs/" + regimeOrPath + ".yaml";
            try (InputStream in = RulePackReader.class.getResourceAsStream(res)) {
                if (in == null) throw new IllegalStateException("built-in pack missing from the build: " + res);
                return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "builtin:" + regimeOrPath + ".yaml", true, overrides);
            } catch (IOException e) {
                throw new IllegalStateException("built-in pack unreadable: " + res, e);
            }
        }
        Path path = Path.of(regimeOrPath);
        if (!Files.isRegularFile(path)) {
            throw new InputException(List.of(new Problem(regimeOrPath, 0, 0, "", "UNKNOWN_REGIME",
                    "`" + regimeOrPath + "` is neither a built-in regime (" + String.join(", ", BUILT_IN) + ") nor a rule-pack file.")));
        }
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            return read(text, path.toString(), !path.toString().endsWith(".json"), overrides);
        } catch (IOException e) {
            throw new InputException(List.of(new Problem(path.toString(), 0, 0, "", "UNREADABLE", "The file `" + path + "` cannot be read.")));
        }
    }

    /** Reads a pack from text. */
    public static Regime read(String text, String file, boolean yaml, Map<String, BigDecimal> overrides) throws InputException {
        List<Problem> problems = new ArrayList<>();
        Tree t = Tree.parse(text, yaml, file, problems);
        if (t == null) throw new InputException(problems);
        Regime r = new RulePackReader(file, problems, overrides).pack(t);
        if (!problems.isEmpty()) throw new InputException(problems);
        return r;
    }

    private Regime pack(Tree t) {
        Tree.Obj o = f.obj(t, "", "a rule pack");
        if (o == null) return null;
        f.onlyKnown(o, "", TOP);
        String id = f.string(o, "id", "", true);
        String name = f.string(o, "name", "", true);
        String revision = f.string(o, "revision", "", true);
        var from = (java.time.LocalDate) null;
        var until = (java.time.LocalDate) null;
        if (o.get("inForce") != null) {
            Tree.Obj in = f.obj(o.get("inForce"), "inForce", "the dates in force");
            if (in != null) {
                f.onlyKnown(in, "inForce", Set.of("from", "until"));
                from = f.date(in, "from", "inForce");
                until = f.date(in, "until", "inForce");
            }
        }
        Set<String> parties = new LinkedHashSet<>();
        if (o.get("parties") != null) {
            Tree.Arr a = f.arr(o.get("parties"), "parties", "the parties");
            if (a != null) for (Tree p : a.items) if (p instanceof Tree.Scalar s && s.text != null) parties.add(s.text);
        }
        String tv = f.oneOf(o, "transactionValue", "", true, Set.of("fob", "excluding-international-shipment"));
        DeMinimis dm = deMinimis(o.get("deMinimis"));
        boolean ncAccum = false;
        boolean ncInter = false;
        if (o.get("netCostRequired") != null) {
            Tree.Obj n = f.obj(o.get("netCostRequired"), "netCostRequired", "the net-cost requirements");
            if (n != null) {
                f.onlyKnown(n, "netCostRequired", Set.of("whenAccumulating", "forIntermediateMaterials"));
                ncAccum = Boolean.TRUE.equals(f.bool(n, "whenAccumulating", "netCostRequired"));
                ncInter = Boolean.TRUE.equals(f.bool(n, "forIntermediateMaterials", "netCostRequired"));
            }
        }
        Map<String, String> provisions = new LinkedHashMap<>();
        if (o.get("provisions") != null) {
            Tree.Obj p = f.obj(o.get("provisions"), "provisions", "the provisions");
            if (p != null) for (String k : p.fields.keySet()) {
                String v = f.string(p, k, "provisions", true);
                if (v != null) provisions.put(k, v);
            }
        }
        Map<String, BigDecimal> params = new LinkedHashMap<>();
        if (o.get("params") != null) {
            Tree.Obj p = f.obj(o.get("params"), "params", "the parameters");
            if (p != null) for (String k : p.fields.keySet()) {
                BigDecimal v = f.decimal(p, k, "params");
                if (v != null) params.put(k, v);
            }
        }
        for (var e : overrides.entrySet()) {
            if (!params.containsKey(e.getKey())) {
                f.problem(null, "params", "UNKNOWN_PARAM", "The pack `" + id + "` has no parameter `" + e.getKey() + "`"
                        + (params.isEmpty() ? "" : "; it has " + String.join(", ", params.keySet())) + ".");
            } else {
                params.put(e.getKey(), e.getValue());
            }
        }
        List<Regime.ProductRule> rules = rules(o.get("rules"), params, id);
        Regime.PartsRule parts = null;
        if (o.get("partsRule") != null) {
            Tree.Obj pr = f.obj(o.get("partsRule"), "partsRule", "the parts rule");
            if (pr != null) {
                f.onlyKnown(pr, "partsRule", Set.of("tvMin", "ncMin", "excluded", "citation"));
                BigDecimal tvMin = f.percent(pr, "tvMin", "partsRule");
                BigDecimal ncMin = f.percent(pr, "ncMin", "partsRule");
                List<HsRange> ex = pr.get("excluded") == null ? List.of() : ranges(pr.get("excluded"), "partsRule.excluded");
                String c = f.string(pr, "citation", "partsRule", true);
                if (tvMin != null && ncMin != null && c != null) parts = new Regime.PartsRule(tvMin, ncMin, ex, c);
            }
        }
        if (id == null || name == null || revision == null || tv == null || dm == null) return null;
        return new Regime(id, name, revision, from, until, parties,
                tv.equals("fob") ? Regime.TransactionValueBasis.FOB : Regime.TransactionValueBasis.EXCLUDING_INTERNATIONAL_SHIPMENT,
                dm, ncAccum, ncInter, provisions, rules, params, parts);
    }

    private DeMinimis deMinimis(Tree t) {
        if (t == null) {
            f.problem(null, "deMinimis", "MISSING_FIELD", "The required field `deMinimis` is missing.");
            return null;
        }
        Tree.Obj o = f.obj(t, "deMinimis", "the de minimis provision");
        if (o == null) return null;
        String p = "deMinimis";
        f.onlyKnown(o, p, Set.of("percent", "citation", "rvcCitation", "rates", "exclusions"));
        BigDecimal pct = f.percent(o, "percent", p);
        if (pct == null && o.get("percent") == null) f.problem(o, p + ".percent", "MISSING_FIELD", "The required field `percent` is missing.");
        String cite = f.string(o, "citation", p, true);
        String rvcCite = f.string(o, "rvcCitation", p, true);
        List<DeMinimis.Rate> rates = new ArrayList<>();
        if (o.get("rates") != null) {
            Tree.Arr a = f.arr(o.get("rates"), p + ".rates", "the rates");
            if (a != null) for (int i = 0; i < a.items.size(); i++) {
                String ip = p + ".rates[" + i + "]";
                Tree.Obj r = f.obj(a.items.get(i), ip, "a rate");
                if (r == null) continue;
                f.onlyKnown(r, ip, Set.of("goods", "percent", "citation"));
                rates.add(new DeMinimis.Rate(ranges(r.get("goods"), ip + ".goods"), f.percent(r, "percent", ip), f.string(r, "citation", ip, true)));
            }
        }
        List<DeMinimis.Exclusion> exclusions = new ArrayList<>();
        if (o.get("exclusions") != null) {
            Tree.Arr a = f.arr(o.get("exclusions"), p + ".exclusions", "the exclusions");
            if (a != null) for (int i = 0; i < a.items.size(); i++) {
                String ip = p + ".exclusions[" + i + "]";
                Tree.Obj r = f.obj(a.items.get(i), ip, "an exclusion");
                if (r == null) continue;
                f.onlyKnown(r, ip, Set.of("goods", "materials", "unlessDifferentSubheading", "citation"));
                exclusions.add(new DeMinimis.Exclusion(ranges(r.get("goods"), ip + ".goods"),
                        r.get("materials") == null ? List.of() : ranges(r.get("materials"), ip + ".materials"),
                        Boolean.TRUE.equals(f.bool(r, "unlessDifferentSubheading", ip)), f.string(r, "citation", ip, true)));
            }
        }
        if (pct == null || cite == null || rvcCite == null) return null;
        return new DeMinimis(pct, rates, exclusions, cite, rvcCite);
    }

    private List<HsRange> ranges(Tree t, String p) {
        List<HsRange> out = new ArrayList<>();
        if (t == null) {
            f.problem(null, p, "MISSING_FIELD", "The required field `" + p + "` is missing.");
            return out;
        }
        List<Tree> items = t instanceof Tree.Arr a ? a.items : List.of(t);
        for (int i = 0; i < items.size(); i++) {
            Tree it = items.get(i);
            String text = it instanceof Tree.Scalar s ? s.text : null;
            try {
                if (text == null) throw new IllegalArgumentException();
                out.add(HsRange.parse(text));
            } catch (IllegalArgumentException e) {
                f.problem(it, p + (t instanceof Tree.Arr ? "[" + i + "]" : ""), "BAD_HS",
                        "`" + text + "` is not an HS provision or range (e.g. `87.08` or `8703.21-8703.90`).");
            }
        }
        return out;
    }

    private List<Regime.ProductRule> rules(Tree t, Map<String, BigDecimal> params, String packId) {
        List<Regime.ProductRule> out = new ArrayList<>();
        if (t == null) return out;
        Tree.Arr a = f.arr(t, "rules", "the product-specific rules");
        if (a == null) return out;
        RuleReader reader = new RuleReader(f, params);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < a.items.size(); i++) {
            String ip = "rules[" + i + "]";
            Tree.Obj o = f.obj(a.items.get(i), ip, "a product-specific rule");
            if (o == null) continue;
            f.onlyKnown(o, ip, RULE);
            String id = f.string(o, "id", ip, true);
            if (id != null && !ids.add(id)) f.problem(o.get("id"), ip + ".id", "DUPLICATE_ID", "The rule id `" + id + "` is used twice.");
            String cite = f.string(o, "citation", ip, true);
            List<HsRange> scope = ranges(o.get("hs"), ip + ".hs");
            Tree rt = o.get("rule");
            if (rt == null) {
                f.problem(o, ip + ".rule", "MISSING_FIELD", "The required field `rule` is missing.");
                continue;
            }
            Rule r = reader.read(rt, ip + ".rule");
            if (r == null || id == null) continue;
            out.add(new Regime.ProductRule(scope, Rules.withIds(r, packId + "." + id, cite),
                    f.string(o, "description", ip, false)));
        }
        return out;
    }
}
