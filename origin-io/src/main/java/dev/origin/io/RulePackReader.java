package dev.origin.io;

import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.ErrorCode.Variant;
import dev.origin.core.hs.HsRange;
import dev.origin.core.regime.DeMinimis;
import dev.origin.core.model.Use;
import dev.origin.core.model.VehicleKind;
import dev.origin.core.regime.PartsRuleReading;
import dev.origin.core.regime.Regime;
import dev.origin.core.regime.RollUpPolicy;
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
    public static final List<String> BUILT_IN = List.of("usmca", "nafta", "us-proposal-2017", "proposal-80-15", "canada-proposal-2018");

    private static final Set<String> TOP = Set.of("id", "name", "revision", "inForce", "parties", "transactionValue",
            "deMinimis", "netCostRequired", "provisions", "params", "rules", "partsRule", "tables", "automotive", "extends", "include");
    private static final Set<String> RULE = Set.of("id", "hs", "rule", "citation", "description", "vehicles", "use", "staging", "until");
    private static final Set<String> VEHICLES = Set.copyOf(VehicleKind.labels());

    private final Fields f;
    private final Map<String, String> overrides;
    private final Map<String, List<HsRange>> tables = new LinkedHashMap<>();

    private RulePackReader(String file, List<Problem> problems, Map<String, String> overrides) {
        this.f = new Fields(file, problems);
        this.overrides = overrides;
    }

    /** True when {@code regime} names a built-in pack. */
    public static boolean isBuiltIn(String regime) {
        return BUILT_IN.contains(regime);
    }

    /** The values a word-valued named option may take (the first is the default) and what it chooses. */
    private record Choice(List<String> values, String what) {}

    private static final Map<String, Choice> CHOICES = Map.of(
            "roll-up", new Choice(RollUpPolicy.labels(), "a roll-up policy"),
            "body-limbs", new Choice(List.of("or", "and"), "a reading of the limbs of the 87.07 rows"),
            "parts-rule", new Choice(PartsRuleReading.labels(), "a reading of criterion (d) (docs/parts-rule.md)"));

    /**
     * Loads a built-in pack by id or a pack file by path, with parameter overrides
     * ({@code --param NAME=VALUE}); an override of a parameter the pack does not declare is an error.
     */
    public static Regime load(String regimeOrPath, Map<String, String> overrides) throws InputException {
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
            throw new InputException(List.of(Problem.of(regimeOrPath, 0, 0, "", ErrorCode.UNKNOWN_REGIME, regimeOrPath, String.join(", ", BUILT_IN))));
        }
        Tree.checkSize(path, "a rule pack");
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            return read(text, path.toString(), !path.toString().endsWith(".json"), overrides);
        } catch (IOException e) {
            throw new InputException(List.of(Problem.of(path.toString(), 0, 0, "", ErrorCode.UNREADABLE, path)));
        }
    }

    /** Reads a pack from text. */
    public static Regime read(String text, String file, boolean yaml, Map<String, String> overrides) throws InputException {
        List<Problem> problems = new ArrayList<>();
        Tree t = Tree.parse(text, yaml, file, problems);
        if (t == null) throw new InputException(problems);
        List<Included> included = new ArrayList<>();
        if (t instanceof Tree.Obj o) included.addAll(includes(o, file, problems));
        if (t instanceof Tree.Obj o && o.get("extends") instanceof Tree.Scalar base && base.text != null) {
            if (!isBuiltIn(base.text)) {
                problems.add(Problem.of(file, base.line, base.column, "extends", Variant.NOT_A_BUILT_IN_BASE, String.join(", ", BUILT_IN), base.text));
                throw new InputException(problems);
            }
            Tree baseTree = builtInTree(base.text);
            included.addAll(includes((Tree.Obj) baseTree, "builtin:" + base.text + ".yaml", problems));
            t = extend(baseTree, o);
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        Regime r = new RulePackReader(file, problems, overrides).pack(t, included);
        if (!problems.isEmpty()) throw new InputException(problems);
        return r;
    }

    /** A rule file a pack includes: its {@code rules} and the name problems in it are reported under. */
    private record Included(Tree rules, String file) {}

    /**
     * The rule files named by the pack's {@code include} (a list of file names), read from beside the pack: the
     * built-in packs' directory for a built-in pack, the pack file's directory otherwise. An included file holds
     * only {@code rules}.
     */
    private static List<Included> includes(Tree.Obj pack, String file, List<Problem> problems) {
        List<Included> out = new ArrayList<>();
        Tree inc = pack.get("include");
        if (inc == null) return out;
        Tree.Arr a = new Fields(file, problems).arr(inc, "include", "the included rule files");
        if (a == null) return out;
        for (int i = 0; i < a.items.size(); i++) {
            Tree item = a.items.get(i);
            if (!(item instanceof Tree.Scalar sc) || sc.text == null || sc.text.isBlank()) {
                problems.add(Problem.of(file, item.line, item.column, "include[" + i + "]", ErrorCode.BAD_TYPE,
                        "an included rule file", "a file name", Fields.describe(item)));
                continue;
            }
            String name = sc.text.strip();
            String text;
            String where;
            if (file.startsWith("builtin:")) {
                out.add(BUILT_IN_INCLUDES.computeIfAbsent(name, RulePackReader::builtInIncluded));
                continue;
            } else {
                Path dir = Path.of(file).toAbsolutePath().getParent();
                Path path = dir == null ? Path.of(name) : dir.resolve(name);
                where = path.toString();
                try {
                    text = Files.readString(path, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    problems.add(Problem.of(file, sc.line, sc.column, "include[" + i + "]", ErrorCode.UNREADABLE, path));
                    continue;
                }
            }
            Included r = included(text, name, where, problems);
            if (r != null) out.add(r);
        }
        return out;
    }

    /** The parsed rule files of the built-in packs, read once per process (the generated Schedule I is large). */
    private static final Map<String, Included> BUILT_IN_INCLUDES = new java.util.concurrent.ConcurrentHashMap<>();

    private static Included builtInIncluded(String name) {
        try (InputStream in = RulePackReader.class.getResourceAsStream("/dev/origin/packs/" + name)) {
            if (in == null) throw new IllegalStateException("built-in rule file missing from the build: " + name);
            List<Problem> ps = new ArrayList<>();
            Included r = included(new String(in.readAllBytes(), StandardCharsets.UTF_8), name, "builtin:" + name, ps);
            if (r == null || !ps.isEmpty()) throw new IllegalStateException("built-in rule file unreadable: " + ps);
            return r;
        } catch (IOException e) {
            throw new IllegalStateException("built-in rule file unreadable: " + name, e);
        }
    }

    private static Included included(String text, String name, String where, List<Problem> problems) {
        Tree t = Tree.parse(text, !name.endsWith(".json"), where, problems);
        if (t == null) return null;
        Fields fs = new Fields(where, problems);
        Tree.Obj o = fs.obj(t, "", "a rule file");
        if (o == null) return null;
        fs.onlyKnown(o, "", Set.of("rules"));
        return o.get("rules") == null ? null : new Included(o.get("rules"), where);
    }

    private static Tree builtInTree(String id) {
        String res = "/dev/origin/packs/" + id + ".yaml";
        try (InputStream in = RulePackReader.class.getResourceAsStream(res)) {
            List<Problem> ps = new ArrayList<>();
            Tree t = Tree.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), true, "builtin:" + id + ".yaml", ps);
            if (t == null) throw new IllegalStateException("built-in pack unreadable: " + ps);
            return t;
        } catch (IOException e) {
            throw new IllegalStateException("built-in pack unreadable: " + res, e);
        }
    }

    /**
     * A pack that {@code extends} a built-in pack inherits its fields: `rules` are the pack's own first,
     * then the base's (so the pack's win on equal specificity); `params`, `tables` and `provisions` are
     * merged (the pack's values win); any other field given replaces the base's; `inForce` is never
     * inherited (a proposal is not in force on the base's dates).
     */
    private static Tree extend(Tree baseTree, Tree.Obj child) {
        Tree.Obj base = (Tree.Obj) baseTree;
        Tree.Obj out = new Tree.Obj(child.line, child.column);
        for (var e : base.fields.entrySet()) if (!e.getKey().equals("inForce")) out.fields.put(e.getKey(), e.getValue());
        for (var e : child.fields.entrySet()) {
            String k = e.getKey();
            if (k.equals("extends")) continue;
            Tree b = out.fields.get(k);
            Tree c = e.getValue();
            if (k.equals("rules") && b instanceof Tree.Arr ba && c instanceof Tree.Arr ca) {
                Tree.Arr merged = new Tree.Arr(ca.line, ca.column);
                merged.items.addAll(ca.items);
                merged.items.addAll(ba.items);
                out.fields.put(k, merged);
            } else if ((k.equals("params") || k.equals("tables") || k.equals("provisions")) && b instanceof Tree.Obj bo && c instanceof Tree.Obj co) {
                Tree.Obj merged = new Tree.Obj(co.line, co.column);
                merged.fields.putAll(bo.fields);
                merged.fields.putAll(co.fields);
                out.fields.put(k, merged);
            } else {
                out.fields.put(k, c);
            }
        }
        return out;
    }

    private Regime pack(Tree t, List<Included> included) {
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
        Map<String, String> options = new LinkedHashMap<>();
        if (o.get("params") != null) {
            Tree.Obj p = f.obj(o.get("params"), "params", "the parameters");
            if (p != null) for (String k : p.fields.keySet()) {
                Tree v = p.get(k);
                if (v instanceof Tree.Scalar sc && sc.type == Tree.Scalar.Type.NUMBER) {
                    BigDecimal d = f.decimal(p, k, "params");
                    if (d != null) params.put(k, d);
                } else {
                    String w = f.string(p, k, "params", true);
                    if (w != null) options.put(k, w);
                }
            }
        }
        for (var e : overrides.entrySet()) {
            String k = e.getKey();
            if (params.containsKey(k)) {
                if (!e.getValue().matches("\\d+(\\.\\d+)?")) {
                    f.problem(null, "params." + k, ErrorCode.BAD_PARAM, k, e.getValue());
                } else {
                    params.put(k, new BigDecimal(e.getValue()));
                }
            } else if (options.containsKey(k)) {
                options.put(k, e.getValue());
            } else {
                java.util.List<String> known = new ArrayList<>(params.keySet());
                known.addAll(options.keySet());
                f.problem(null, "params", ErrorCode.UNKNOWN_PARAM, id, k, known.isEmpty() ? "" : "; it has " + String.join(", ", known));
            }
        }
        for (var c : CHOICES.entrySet()) {
            String k = c.getKey(), v = options.get(k);
            if (v != null && !c.getValue().values().contains(v)) {
                f.problem(null, "params." + k, Variant.WORD_NOT_ALLOWED, v, c.getValue().what(), String.join(", ", c.getValue().values()));
                // reported once: the default keeps rules that substitute the word from failing to parse too
                options.put(k, c.getValue().values().get(0));
            }
        }
        if (o.get("tables") != null) {
            Tree.Obj tb = f.obj(o.get("tables"), "tables", "the tables");
            if (tb != null) for (String k : tb.fields.keySet()) tables.put(k, ranges(tb.get(k), "tables." + k));
        }
        Regime.Automotive automotive = o.get("automotive") == null ? null : automotive(o.get("automotive"));
        List<Regime.ProductRule> rules = new ArrayList<>(rules(o.get("rules"), params, options, id, null));
        Set<String> written = new HashSet<>();
        for (Regime.ProductRule pr : rules) written.add(pr.rule().id());
        for (Included inc : included) {
            RulePackReader sub = new RulePackReader(inc.file(), f.problems, overrides);
            sub.tables.putAll(tables);
            rules.addAll(sub.rules(inc.rules(), params, options, id, written));
        }
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
                dm, ncAccum, ncInter, provisions, rules, params, parts, options, automotive);
    }

    private DeMinimis deMinimis(Tree t) {
        if (t == null) {
            f.problem(null, "deMinimis", ErrorCode.MISSING_FIELD, "deMinimis");
            return null;
        }
        Tree.Obj o = f.obj(t, "deMinimis", "the de minimis provision");
        if (o == null) return null;
        String p = "deMinimis";
        f.onlyKnown(o, p, Set.of("percent", "citation", "rvcCitation", "rates", "exclusions", "base"));
        String base = f.oneOf(o, "base", p, false, Set.of("transaction-value-else-total-cost", "either"));
        BigDecimal pct = f.percent(o, "percent", p);
        if (pct == null && o.get("percent") == null) f.problem(o, p + ".percent", ErrorCode.MISSING_FIELD, "percent");
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
                f.onlyKnown(r, ip, Set.of("goods", "materials", "materialFacts", "unlessDifferentSubheading", "citation"));
                exclusions.add(new DeMinimis.Exclusion(ranges(r.get("goods"), ip + ".goods"),
                        r.get("materials") == null ? List.of() : ranges(r.get("materials"), ip + ".materials"),
                        Boolean.TRUE.equals(f.bool(r, "unlessDifferentSubheading", ip)), f.string(r, "citation", ip, true),
                        texts(r.get("materialFacts"), ip + ".materialFacts")));
            }
        }
        if (pct == null || cite == null || rvcCite == null) return null;
        return new DeMinimis(pct, rates, exclusions, cite, rvcCite, "either".equals(base));
    }

    /** A list of texts (e.g. the facts naming a material); empty when absent. */
    private List<String> texts(Tree t, String p) {
        List<String> out = new ArrayList<>();
        if (t == null) return out;
        Tree.Arr a = f.arr(t, p, "a list of texts");
        if (a != null) for (int i = 0; i < a.items.size(); i++) {
            Tree item = a.items.get(i);
            if (item instanceof Tree.Scalar sc && sc.text != null && !sc.text.isBlank()) out.add(sc.text.strip());
            else f.problem(item, p + "[" + i + "]", ErrorCode.BAD_TYPE, "a fact", "a text", Fields.describe(item));
        }
        return out;
    }

    private List<HsRange> ranges(Tree t, String p) {
        List<HsRange> out = new ArrayList<>();
        if (t == null) {
            f.problem(null, p, ErrorCode.MISSING_FIELD, p);
            return out;
        }
        List<Tree> items = t instanceof Tree.Arr a ? a.items : List.of(t);
        for (int i = 0; i < items.size(); i++) {
            Tree it = items.get(i);
            String text = it instanceof Tree.Scalar s ? s.text : null;
            if (text != null && text.startsWith("table:")) {
                List<HsRange> table = tables.get(text.substring(6));
                if (table == null) {
                    f.problem(it, p, ErrorCode.UNKNOWN_TABLE, text, String.join(", ", tables.keySet()));
                } else {
                    out.addAll(table);
                }
                continue;
            }
            try {
                if (text == null) throw new IllegalArgumentException();
                out.add(HsRange.parse(text));
            } catch (IllegalArgumentException e) {
                f.problem(it, p + (t instanceof Tree.Arr ? "[" + i + "]" : ""), Variant.NOT_A_PACK_PROVISION, text);
            }
        }
        return out;
    }

    private Regime.Automotive automotive(Tree t) {
        String p = "automotive";
        Tree.Obj o = f.obj(t, p, "the automotive provisions");
        if (o == null) return null;
        f.onlyKnown(o, p, Set.of("vehicleKinds", "tracing", "thresholds", "wageFloors", "assemblyCredit", "technologyCreditCap",
                "rollUpCitation", "newPlantRelief", "steelTable", "aluminumTable", "netCostOnly", "lvcCredit", "averagingPeriods"));
        List<Regime.VehicleScope> kinds = new ArrayList<>();
        if (o.get("vehicleKinds") != null) {
            Tree.Arr a = f.arr(o.get("vehicleKinds"), p + ".vehicleKinds", "the vehicle kinds");
            if (a != null) for (int i = 0; i < a.items.size(); i++) {
                String ip = p + ".vehicleKinds[" + i + "]";
                Tree.Obj k = f.obj(a.items.get(i), ip, "a vehicle kind");
                if (k == null) continue;
                f.onlyKnown(k, ip, Set.of("hs", "kind"));
                VehicleKind kind = f.word(k, "kind", ip, true, VehicleKind.class);
                List<HsRange> hs = ranges(k.get("hs"), ip + ".hs");
                if (kind != null) kinds.add(new Regime.VehicleScope(hs, kind));
            }
        }
        List<Regime.Tracing> tracing = new ArrayList<>();
        if (o.get("tracing") != null) {
            Tree.Arr a = f.arr(o.get("tracing"), p + ".tracing", "the tracing schemes");
            if (a != null) for (int i = 0; i < a.items.size(); i++) {
                String ip = p + ".tracing[" + i + "]";
                Tree.Obj k = f.obj(a.items.get(i), ip, "a tracing scheme");
                if (k == null) continue;
                f.onlyKnown(k, ip, Set.of("goods", "vehicles", "use", "listed", "citation", "method", "designationBarred"));
                Set<VehicleKind> vehicles = vehicleKinds(k.get("vehicles"), ip + ".vehicles");
                String cite = f.string(k, "citation", ip, true);
                String method = f.oneOf(k, "method", ip, false, Set.of("traced", "listed"));
                tracing.add(new Regime.Tracing(ranges(k.get("goods"), ip + ".goods"), vehicles,
                        f.word(k, "use", ip, false, Use.class),
                        k.get("listed") == null ? List.of() : ranges(k.get("listed"), ip + ".listed"), cite == null ? "" : cite,
                        "listed".equals(method) ? Regime.Tracing.Method.LISTED : Regime.Tracing.Method.TRACED,
                        Boolean.TRUE.equals(f.bool(k, "designationBarred", ip))));
            }
        }
        List<Regime.ThresholdOverride> thresholds = new ArrayList<>();
        if (o.get("thresholds") != null) {
            Tree.Arr a = f.arr(o.get("thresholds"), p + ".thresholds", "the automotive thresholds");
            if (a != null) for (int i = 0; i < a.items.size(); i++) {
                String ip = p + ".thresholds[" + i + "]";
                Tree.Obj k = f.obj(a.items.get(i), ip, "an automotive threshold");
                if (k == null) continue;
                f.onlyKnown(k, ip, Set.of("goods", "vehicles", "use", "rvc", "citation"));
                Set<VehicleKind> vehicles = vehicleKinds(k.get("vehicles"), ip + ".vehicles");
                String cite = f.string(k, "citation", ip, true);
                Rule r = k.get("rvc") == null ? null : new RuleReader(f, Map.of()).read(k.get("rvc"), ip + ".rvc");
                if (k.get("rvc") == null) f.problem(k, ip + ".rvc", ErrorCode.MISSING_FIELD, "rvc");
                if (r != null && !(r instanceof Rule.Rvc)) {
                    f.problem(k.get("rvc"), ip + ".rvc", Variant.AUTOMOTIVE_THRESHOLD_NOT_RVC);
                    r = null;
                }
                if (r != null && cite != null) {
                    thresholds.add(new Regime.ThresholdOverride(ranges(k.get("goods"), ip + ".goods"), vehicles,
                            f.word(k, "use", ip, false, Use.class), ((Rule.Rvc) r).min(), cite));
                }
            }
        }
        Map<String, BigDecimal> floors = new LinkedHashMap<>();
        if (o.get("wageFloors") != null) {
            Tree.Obj w = f.obj(o.get("wageFloors"), p + ".wageFloors", "the wage floors");
            if (w != null) for (String k : w.fields.keySet()) {
                BigDecimal v = f.money(w, k, p + ".wageFloors");
                if (v != null) floors.put(k, v);
            }
        }
        Regime.AssemblyCredit ac = null;
        if (o.get("assemblyCredit") != null) {
            String ap = p + ".assemblyCredit";
            Tree.Obj a = f.obj(o.get("assemblyCredit"), ap, "the assembly credit");
            if (a != null) {
                f.onlyKnown(a, ap, Set.of("engines", "transmissions", "batteries", "heavyTruck", "points"));
                ac = new Regime.AssemblyCredit(whole(a, "engines", ap), whole(a, "transmissions", ap), whole(a, "batteries", ap),
                        whole(a, "heavyTruck", ap), f.percent(a, "points", ap));
            }
        }
        Regime.NewPlantRelief relief = null;
        if (o.get("newPlantRelief") != null) {
            String np = p + ".newPlantRelief";
            Tree.Obj r = f.obj(o.get("newPlantRelief"), np, "the new-plant relief");
            if (r != null) {
                f.onlyKnown(r, np, Set.of("percent", "newPlantYears", "refitYears", "vehicles", "citation"));
                Set<VehicleKind> vehicles = vehicleKinds(r.get("vehicles"), np + ".vehicles");
                BigDecimal pct = f.percent(r, "percent", np);
                String cite = f.string(r, "citation", np, true);
                if (pct != null && cite != null) {
                    relief = new Regime.NewPlantRelief(pct, (int) whole(r, "newPlantYears", np), (int) whole(r, "refitYears", np), vehicles, cite);
                }
            }
        }
        return new Regime.Automotive(kinds, tracing, thresholds, floors, ac, f.percent(o, "technologyCreditCap", p),
                f.string(o, "rollUpCitation", p, false), relief,
                o.get("steelTable") == null ? List.of() : ranges(o.get("steelTable"), p + ".steelTable"),
                o.get("aluminumTable") == null ? List.of() : ranges(o.get("aluminumTable"), p + ".aluminumTable"),
                o.get("netCostOnly") == null ? List.of() : ranges(o.get("netCostOnly"), p + ".netCostOnly"), lvcCredit(o.get("lvcCredit")),
                periods(o.get("averagingPeriods"), p + ".averagingPeriods"));
    }

    private List<String> periods(Tree t, String p) {
        List<String> out = new ArrayList<>();
        if (t == null) return out;
        Tree.Arr a = f.arr(t, p, "the averaging periods");
        if (a == null) return out;
        for (int i = 0; i < a.items.size(); i++) {
            Tree it = a.items.get(i);
            String s = it instanceof Tree.Scalar sc ? sc.text : null;
            if (s == null || !s.matches("\\d{4}-\\d\\d-\\d\\d\\.\\.(\\d{4}-\\d\\d-\\d\\d|FY|FY\\+1)")) {
                f.problem(it, p + "[" + i + "]", Variant.NOT_A_PERIOD, s);
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private Regime.LvcCredit lvcCredit(Tree t) {
        if (t == null) return null;
        String p = "automotive.lvcCredit";
        Tree.Obj o = f.obj(t, p, "the LVC credit toward RVC");
        if (o == null) return null;
        f.onlyKnown(o, p, Set.of("vehicles", "above", "floor", "until", "citation"));
        Set<VehicleKind> vehicles = vehicleKinds(o.get("vehicles"), p + ".vehicles");
        BigDecimal above = f.percent(o, "above", p);
        BigDecimal floor = f.percent(o, "floor", p);
        java.time.LocalDate until = f.date(o, "until", p);
        String cite = f.string(o, "citation", p, true);
        if (above == null || floor == null || cite == null) return null;
        return new Regime.LvcCredit(vehicles, above, floor, until, cite);
    }

    private long whole(Tree.Obj o, String key, String p) {
        BigDecimal v = f.decimal(o, key, p);
        return v == null ? 0 : v.longValue();
    }

    /** The vehicle kinds a pack entry is limited to (empty when it gives none). */
    private Set<VehicleKind> vehicleKinds(Tree t, String p) {
        Set<VehicleKind> out = new LinkedHashSet<>();
        if (t != null) for (String w : words(t, p, VEHICLES)) out.add(VehicleKind.parse(w));
        return out;
    }

    private List<String> words(Tree t, String p, Set<String> allowed) {
        List<String> out = new ArrayList<>();
        List<Tree> items = t instanceof Tree.Arr a ? a.items : List.of(t);
        for (int i = 0; i < items.size(); i++) {
            Tree it = items.get(i);
            String w = it instanceof Tree.Scalar s ? s.text : null;
            if (w == null || !allowed.contains(w)) {
                f.problem(it, p, ErrorCode.BAD_VALUE, w, String.join(", ", allowed.stream().sorted().toList()));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * The product-specific rules of {@code t}. Rules of an included file ({@code written} holds the ids of the pack's
     * own rules; null for the pack's own rules) are fallback rules; one whose id a rule of the pack already has is replaced by that rule.
     */
    private List<Regime.ProductRule> rules(Tree t, Map<String, BigDecimal> params, Map<String, String> options, String packId,
                                           Set<String> written) {
        boolean fallback = written != null;
        List<Regime.ProductRule> out = new ArrayList<>();
        if (t == null) return out;
        Tree.Arr a = f.arr(t, "rules", "the product-specific rules");
        if (a == null) return out;
        RuleReader reader = new RuleReader(f, params, options);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < a.items.size(); i++) {
            String ip = "rules[" + i + "]";
            Tree.Obj o = f.obj(a.items.get(i), ip, "a product-specific rule");
            if (o == null) continue;
            f.onlyKnown(o, ip, RULE);
            String id = f.string(o, "id", ip, true);
            if (id != null && !ids.add(id)) f.problem(o.get("id"), ip + ".id", ErrorCode.DUPLICATE_ID, "rule", id);
            String cite = f.string(o, "citation", ip, true);
            List<HsRange> scope = ranges(o.get("hs"), ip + ".hs");
            Tree rt = o.get("rule");
            if (rt == null) {
                f.problem(o, ip + ".rule", ErrorCode.MISSING_FIELD, "rule");
                continue;
            }
            Rule r = reader.read(rt, ip + ".rule");
            Set<VehicleKind> vehicles = vehicleKinds(o.get("vehicles"), ip + ".vehicles");
            Use use = f.word(o, "use", ip, false, Use.class);
            Boolean staging = f.bool(o, "staging", ip);
            java.time.LocalDate until = f.date(o, "until", ip);
            if (r == null || id == null) continue;
            if (fallback && written.contains(packId + "." + id)) continue;     // the pack's own rule of that id replaces it
            out.add(new Regime.ProductRule(scope, Rules.withIds(r, packId + "." + id, cite),
                    f.string(o, "description", ip, false), vehicles, use, staging, until, fallback));
        }
        return out;
    }
}
