package dev.origin.io;

import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.ErrorCode.Variant;
import dev.origin.core.hs.HsCode;
import dev.origin.core.model.CostSheet;
import dev.origin.core.model.ExcludedCosts;
import dev.origin.core.model.Good;
import dev.origin.core.model.HeavyDutyRole;
import dev.origin.core.model.LabourMethod;
import dev.origin.core.model.NewPlantKind;
import dev.origin.core.model.Use;
import dev.origin.core.model.VehicleKind;
import dev.origin.core.model.Material;
import dev.origin.core.model.MaterialKind;
import dev.origin.core.model.Origin;
import dev.origin.core.model.PartData;
import dev.origin.core.model.VehicleData;
import java.time.MonthDay;
import dev.origin.core.model.SupplierStatement;
import dev.origin.core.rules.Rule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads case files (JSON or YAML, see docs/case-file.md) into goods. Every problem of the file is
 * collected, with file, line, column and field path. {@link #load} reads good by good: a good with
 * problems is rejected with them, the others are returned; {@link #read} returns nothing unless every
 * good is valid.
 */
public final class CaseFileReader {
    private static final Set<String> TOP = Set.of("goods");
    private static final Set<String> GOOD = Set.of("id", "hs", "producer", "destination", "date", "use", "vehicle",
            "transactionValue", "internationalShipping", "costs", "materials", "rule", "whollyObtained",
            "fiscalYearStart", "alternativeStaging", "labour", "steel", "aluminum", "intangibles", "averaging", "newPlant", "facts",
            "unassembled", "partsProvision");
    private static final Set<String> COSTS = Set.of("originatingMaterials", "nonOriginatingMaterials", "otherProductCosts",
            "periodCosts", "otherCosts", "excludedCosts", "totalCost", "netCost", "allocation");
    private static final Set<String> EXCLUDED = Set.of("salesPromotion", "royalties", "shipping", "nonAllowableInterest");
    private static final Set<String> MATERIAL = Set.of("id", "hs", "value", "origin", "country", "selfProduced",
            "intermediate", "costs", "materials", "rule", "kind", "treatAsNonOriginating", "statement", "ref",
            "corePart", "partCosts", "tracing", "plantWage", "facts", "heavyDuty", "providedForAsParts");
    private static final Set<String> CORE_PARTS = Set.of("engine", "transmission", "body-chassis", "axle", "suspension",
            "steering", "advanced-battery");
    private static final Set<String> STATEMENT = Set.of("netCost", "vnm", "addedCosts", "originatingAmount", "materials");
    private static final Set<String> ORIGINS = Set.of("originating", "non-originating", "unknown");
    private static final Set<String> KINDS = Set.of("direct", "indirect", "packing", "packaging", "accessory");
    private static final Set<String> ALLOCATION = Set.of("a", "b", "c");
    /** Problems of parsing (such as a duplicate key) inside {@code goods[i]} belong to that good. */
    private static final Pattern IN_GOOD = Pattern.compile("goods\\[(\\d+)\\]");

    private final Fields f;
    private final RuleReader rules;
    private final Map<String, Tree.Obj> goodsById = new HashMap<>();
    private final Deque<String> refStack = new ArrayDeque<>();

    private CaseFileReader(String file, List<Problem> problems) {
        this.f = new Fields(file, problems);
        this.rules = new RuleReader(f, Map.of());
    }

    /** Reads a case file from disk; nothing is returned unless every good is valid. */
    public static List<Good> read(Path path) throws InputException {
        return all(load(path));
    }

    /** Reads a case file from text; {@code file} names it in problems; nothing is returned unless every good is valid. */
    public static List<Good> read(String text, String file, boolean yaml) throws InputException {
        return all(load(text, file, yaml));
    }

    /**
     * Reads an already parsed document; every problem is added to {@code problems}, and the goods read
     * without a problem are returned.
     */
    public static List<Good> read(Tree document, String file, List<Problem> problems) {
        try {
            CaseFile cf = new CaseFileReader(file, problems).caseFile(document);
            problems.addAll(cf.problems());
            return cf.goods();
        } catch (InputException e) {
            return List.of();
        }
    }

    /**
     * Reads a case file from disk good by good: the valid goods, and the located problems of each good
     * that is not (see {@link CaseFile}).
     *
     * @throws InputException with every problem found when the file as a whole cannot be used: it cannot be
     *                        read, is not valid JSON or YAML, has no {@code goods} list or no goods, has fields
     *                        other than {@code goods}, or two goods with the same id
     */
    public static CaseFile load(Path path) throws InputException {
        String text;
        try {
            long size = Files.size(path);
            if (size > CaseStream.MAX_WHOLE_BYTES) {
                throw new InputException(List.of(Problem.of(path.toString(), 0, 0, "", Variant.FILE_TOO_LARGE, size,
                        Tree.isYaml(path.toString()) ? "a YAML case file" : "a case file given to a command other than `qualify`", CaseStream.MAX_WHOLE_BYTES)));
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(List.of(Problem.of(path.toString(), 0, 0, "", ErrorCode.UNREADABLE, path)));
        }
        return load(text, path.toString(), Tree.isYaml(path.toString()));
    }

    /** As {@link #load(Path)}, from text; {@code file} names it in problems. */
    public static CaseFile load(String text, String file, boolean yaml) throws InputException {
        return load(text, file, yaml, MAX_MATERIAL_LINES);
    }

    /**
     * As {@link #load(String, String, boolean)}, with a lower limit on the material lines the file may expand to
     * ({@code TOO_LARGE}): {@code origin serve} takes at most {@code maxMaterialLines} in one request.
     */
    public static CaseFile load(String text, String file, boolean yaml, int maxMaterialLines) throws InputException {
        List<Problem> problems = new ArrayList<>();
        Tree t = Tree.parse(text, yaml, file, problems);
        if (t == null) throw new InputException(problems);
        CaseFileReader r = new CaseFileReader(file, problems);
        r.maxLines = Math.min(maxMaterialLines, MAX_MATERIAL_LINES);
        return r.caseFile(t);
    }

    private static List<Good> all(CaseFile cf) throws InputException {
        if (!cf.rejected().isEmpty()) throw new InputException(cf.problems());
        return cf.goods();
    }

    private CaseFile caseFile(Tree t) throws InputException {
        List<Problem> problems = f.problems;
        Map<Integer, List<Problem>> parsed = new HashMap<>();
        for (var it = problems.iterator(); it.hasNext(); ) {
            Problem x = it.next();
            var m = IN_GOOD.matcher(x.path());
            if (m.lookingAt()) {
                parsed.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>()).add(x);
                it.remove();
            }
        }
        Tree.Arr arr = goodsList(t);
        List<Problem> fileLevel = new ArrayList<>(problems);
        List<Good> goods = new ArrayList<>();
        List<CaseFile.Rejected> rejected = new ArrayList<>();
        for (int i = 0; arr != null && i < arr.items.size(); i++) {
            int mark = problems.size();
            Good g = good(arr.items.get(i), i);
            List<Problem> own = new ArrayList<>(parsed.getOrDefault(i, List.of()));
            own.addAll(problems.subList(mark, problems.size()));
            if (own.isEmpty() && g != null) {
                goods.add(g);
            } else {
                String id = arr.items.get(i) instanceof Tree.Obj o && o.get("id") instanceof Tree.Scalar s
                        && s.type == Tree.Scalar.Type.STRING && !s.text.isBlank() ? s.text : null;
                rejected.add(new CaseFile.Rejected(i, id, own.stream().map(x -> x.forGood(id)).toList()));
            }
        }
        if (arr == null || !fileLevel.isEmpty()) {
            for (CaseFile.Rejected r : rejected) fileLevel.addAll(r.problems());
            throw new InputException(fileLevel);
        }
        return new CaseFile(f.file, goods, rejected, new SourceMap(f.file, arr));
    }

    /**
     * A reader of the goods of a case file read good by good ({@link CaseStream}): {@code refGoods} are the goods
     * that {@code ref} may name, by id (the stream keeps only the goods some material names).
     */
    static CaseFileReader streaming(String file, Map<String, Tree.Obj> refGoods) {
        CaseFileReader r = new CaseFileReader(file, new ArrayList<>());
        r.goodsById.putAll(refGoods);
        return r;
    }

    /**
     * Reads good {@code i} of the file, whose tree is {@code item}; {@code parsed} are the problems found while
     * parsing it (duplicate keys). Returns the good, or the good rejected with its problems. The limit on material
     * lines ({@link #MAX_MATERIAL_LINES}) applies to this good, goods named by {@code ref} counted at each use.
     */
    Object one(Tree item, int i, List<Problem> parsed) {
        List<Problem> problems = f.problems;
        problems.clear();
        expanded = 0;
        Good g = good(item, i);
        if (parsed.isEmpty() && problems.isEmpty() && g != null) return g;
        List<Problem> own = new ArrayList<>(parsed);
        own.addAll(problems);
        String id = item instanceof Tree.Obj o && o.get("id") instanceof Tree.Scalar s
                && s.type == Tree.Scalar.Type.STRING && !s.text.isBlank() ? s.text : null;
        return new CaseFile.Rejected(i, id, own.stream().map(x -> x.forGood(id)).toList());
    }

    /** The document's {@code goods} list, with the checks of the file as a whole; null when there is none. */
    private Tree.Arr goodsList(Tree t) {
        Tree.Obj root = f.obj(t, "", "a case file");
        if (root == null) return null;
        f.onlyKnown(root, "", TOP);
        Tree gt = root.get("goods");
        if (gt == null) {
            f.problem(root, "goods", ErrorCode.MISSING_FIELD, "goods");
            return null;
        }
        Tree.Arr arr = f.arr(gt, "goods", "the goods");
        if (arr == null) return null;
        if (arr.items.isEmpty()) f.problem(arr, "goods", ErrorCode.NO_GOODS);
        for (int i = 0; i < arr.items.size(); i++) {
            if (arr.items.get(i) instanceof Tree.Obj o && o.get("id") instanceof Tree.Scalar s && s.text != null) {
                if (goodsById.putIfAbsent(s.text, o) != null) {
                    f.problem(s, "goods[" + i + "].id", ErrorCode.DUPLICATE_ID, "good", s.text);
                }
            }
        }
        return arr;
    }

    /** Good {@code i} of the list; null when it cannot be read (the problems are reported). */
    private Good good(Tree item, int i) {
        String p = "goods[" + i + "]";
        Tree.Obj o = f.obj(item, p, "a good");
        if (o == null) return null;
        String id = f.string(o, "id", p, true);
        if (id != null) refStack.push(id);
        Good g = good(o, p, id);
        if (id != null) refStack.pop();
        return g;
    }

    /** The good {@code o} whose {@code id} was read (and any problem of it reported) by the caller. */
    private Good good(Tree.Obj o, String p, String id) {
        f.onlyKnown(o, p, GOOD);
        HsCode hs = f.hs(o, "hs", p, true);
        String country = null;
        Tree pt = o.get("producer");
        if (pt == null) {
            f.problem(o, Fields.sub(p, "producer"), ErrorCode.MISSING_FIELD, "producer");
        } else {
            Tree.Obj po = f.obj(pt, Fields.sub(p, "producer"), "the producer");
            if (po != null) {
                f.onlyKnown(po, Fields.sub(p, "producer"), Set.of("country"));
                country = countryCode(po, "country", Fields.sub(p, "producer"), true);
            }
        }
        String destination = countryCode(o, "destination", p, false);
        var date = f.date(o, "date", p);
        Use use = f.word(o, "use", p, false, Use.class);
        VehicleKind vehicle = f.word(o, "vehicle", p, false, VehicleKind.class);
        BigDecimal tv = f.money(o, "transactionValue", p);
        BigDecimal shipping = f.money(o, "internationalShipping", p);
        if (tv != null && shipping != null && shipping.compareTo(tv) > 0) {
            f.problem(o.get("internationalShipping"), Fields.sub(p, "internationalShipping"), ErrorCode.SHIPPING_EXCEEDS_VALUE, shipping, tv);
        }
        if (shipping != null && tv == null) {
            f.problem(o.get("internationalShipping"), Fields.sub(p, "internationalShipping"), Variant.GIVEN_WITHOUT,
                    "internationalShipping", "transactionValue");
        }
        CostSheet costs = o.get("costs") == null ? null : costs(o.get("costs"), Fields.sub(p, "costs"));
        List<Material> materials = materials(o, p);
        Rule rule = o.get("rule") == null ? null : rules.read(o.get("rule"), Fields.sub(p, "rule"));
        Boolean wo = f.bool(o, "whollyObtained", p);
        VehicleData vd = vehicleData(o, p);
        List<String> facts = facts(o, p, "gear boxes");
        // criterion (d): imported unassembled, classified as assembled (GIR 2(a)); the good's provision covers its parts
        boolean unassembled = Boolean.TRUE.equals(f.bool(o, "unassembled", p));
        Boolean partsProvision = f.bool(o, "partsProvision", p);
        if (id == null || hs == null || country == null || materials == null) return null;
        return new Good(id, hs, country, destination, date, use, vehicle, tv, shipping,
                costs, materials, rule, Boolean.TRUE.equals(wo), vd, facts, unassembled, partsProvision);
    }

    /** The {@code facts} of a good or material line: a list of non-blank texts (empty when absent). */
    private List<String> facts(Tree.Obj o, String p, String example) {
        List<String> facts = new ArrayList<>();
        if (o.get("facts") != null) {
            Tree.Arr fa = f.arr(o.get("facts"), Fields.sub(p, "facts"), "the stated facts");
            if (fa != null) for (int i = 0; i < fa.items.size(); i++) {
                if (fa.items.get(i) instanceof Tree.Scalar sc && sc.type == Tree.Scalar.Type.STRING && !sc.text.isBlank()) facts.add(sc.text);
                else f.problem(fa.items.get(i), Fields.sub(p, "facts") + "[" + i + "]", Variant.FACT_NOT_TEXT, example);
            }
        }
        return facts;
    }

    private VehicleData vehicleData(Tree.Obj o, String p) {
        MonthDay fy = null;
        String fyText = f.string(o, "fiscalYearStart", p, false);
        if (fyText != null) {
            try {
                fy = MonthDay.parse("--" + fyText);
            } catch (java.time.format.DateTimeParseException e) {
                f.problem(o.get("fiscalYearStart"), Fields.sub(p, "fiscalYearStart"), Variant.NOT_A_MONTH_DAY, fyText);
            }
        }
        boolean asr = Boolean.TRUE.equals(f.bool(o, "alternativeStaging", p));
        VehicleData.Labour labour = null;
        if (o.get("labour") != null) {
            String lp = Fields.sub(p, "labour");
            Tree.Obj l = f.obj(o.get("labour"), lp, "the labour data");
            if (l != null) {
                f.onlyKnown(l, lp, Set.of("method", "highWageMaterials", "highWageLabour", "annualPurchaseValue",
                        "totalAnnualPurchaseValue", "technologyWages", "productionWages", "vehiclePlantWage", "assemblyPlant"));
                VehicleData.AssemblyPlant ap = null;
                if (l.get("assemblyPlant") != null) {
                    String app = Fields.sub(lp, "assemblyPlant");
                    Tree.Obj a = f.obj(l.get("assemblyPlant"), app, "the assembly plant");
                    if (a != null) {
                        f.onlyKnown(a, app, Set.of("engines", "transmissions", "batteries", "wage"));
                        ap = new VehicleData.AssemblyPlant(f.count(a, "engines", app), f.count(a, "transmissions", app),
                                f.count(a, "batteries", app), a.get("wage") == null ? null : f.wage(a.get("wage"), Fields.sub(app, "wage")));
                    }
                }
                labour = new VehicleData.Labour(f.word(l, "method", lp, false, LabourMethod.class),
                        f.money(l, "highWageMaterials", lp), f.money(l, "highWageLabour", lp), f.money(l, "annualPurchaseValue", lp),
                        f.money(l, "totalAnnualPurchaseValue", lp), f.money(l, "technologyWages", lp), f.money(l, "productionWages", lp),
                        l.get("vehiclePlantWage") == null ? null : f.wage(l.get("vehiclePlantWage"), Fields.sub(lp, "vehiclePlantWage")), ap);
            }
        }
        VehicleData.Intangibles ip = f.optionalObj(o, "intangibles", p, "the intangibles", Set.of("northAmerican", "total"), (i, ipp) -> {
            BigDecimal na = f.money(i, "northAmerican", ipp);
            BigDecimal tot = f.money(i, "total", ipp);
            if (na != null && tot != null && na.compareTo(tot) > 0) {
                f.problem(i, ipp, ErrorCode.BAD_INTANGIBLES, na, tot);
            }
            return new VehicleData.Intangibles(na, tot);
        });
        VehicleData.Averaging av = null;
        if (o.get("averaging") != null) {
            String avp = Fields.sub(p, "averaging");
            Tree.Obj a = f.obj(o.get("averaging"), avp, "the averaging election");
            if (a != null) {
                f.onlyKnown(a, avp, Set.of("category", "from", "to"));
                av = new VehicleData.Averaging(f.oneOf(a, "category", avp, true, Set.of("model-line-plant", "class-plant",
                        "model-line-country", "class-country", "other")), f.date(a, "from", avp), f.date(a, "to", avp));
                if (av.from() == null && a.get("from") == null) f.problem(a, Fields.sub(avp, "from"), ErrorCode.MISSING_FIELD, "from");
                if (av.from() != null && av.to() != null && av.to().isBefore(av.from())) {
                    f.problem(a.get("to"), Fields.sub(avp, "to"), ErrorCode.BAD_PERIOD, av.to(), av.from());
                }
            }
        }
        VehicleData.NewPlant np = null;
        if (o.get("newPlant") != null) {
            String npp = Fields.sub(p, "newPlant");
            Tree.Obj n = f.obj(o.get("newPlant"), npp, "the new-plant relief");
            if (n != null) {
                f.onlyKnown(n, npp, Set.of("kind", "from"));
                np = new VehicleData.NewPlant(f.word(n, "kind", npp, true, NewPlantKind.class), f.date(n, "from", npp));
            }
        }
        return new VehicleData(fy, asr, labour, purchases(o, "steel", p), purchases(o, "aluminum", p), ip, av, np);
    }

    private VehicleData.Purchases purchases(Tree.Obj o, String key, String p) {
        if (o.get(key) == null) return null;
        String pp = Fields.sub(p, key);
        Tree.Obj x = f.obj(o.get(key), pp, "the " + key + " purchases");
        if (x == null) return null;
        f.onlyKnown(x, pp, Set.of("originating", "total", "purchases"));
        BigDecimal orig = f.money(x, "originating", pp);
        BigDecimal total = f.money(x, "total", pp);
        List<VehicleData.Purchase> items = new ArrayList<>();
        if (x.get("purchases") != null) {
            Tree.Arr arr = f.arr(x.get("purchases"), Fields.sub(pp, "purchases"), "the purchases");
            if (arr != null) for (int i = 0; i < arr.items.size(); i++) {
                String ip = Fields.sub(pp, "purchases") + "[" + i + "]";
                Tree.Obj it = f.obj(arr.items.get(i), ip, "a purchase");
                if (it == null) continue;
                f.onlyKnown(it, ip, Set.of("hs", "value", "origin"));
                HsCode hs = f.hs(it, "hs", ip, true);
                BigDecimal v = f.money(it, "value", ip);
                String o2 = f.oneOf(it, "origin", ip, true, Set.of("originating", "non-originating"));
                if (v == null && it.get("value") == null) f.problem(it, Fields.sub(ip, "value"), ErrorCode.MISSING_FIELD, "value");
                if (hs != null && v != null && o2 != null) items.add(new VehicleData.Purchase(hs, v, o2.equals("originating")));
            }
            if ((orig != null || total != null) && !items.isEmpty()) {
                f.problem(x, pp, ErrorCode.BAD_PURCHASES);
            }
            return new VehicleData.Purchases(orig, total, items);
        }
        if (orig != null && total != null && orig.compareTo(total) > 0) {
            f.problem(x.get("originating"), Fields.sub(pp, "originating"), ErrorCode.AMOUNT_EXCEEDS_TOTAL, key, orig, total);
        }
        return new VehicleData.Purchases(orig, total);
    }



    private String countryCode(Tree.Obj o, String key, String p, boolean required) {
        String c = f.string(o, key, p, required);
        if (c == null) return null;
        if (!Fields.isCountryCode(c)) {
            f.problem(o.get(key), Fields.sub(p, key), ErrorCode.BAD_COUNTRY, c);
            return null;
        }
        // the same check as a fleet file's (FleetReader): a code of the right form that no country has
        if (!Fields.ASSIGNED_COUNTRIES.contains(c)) {
            f.problem(o.get(key), Fields.sub(p, key), ErrorCode.UNKNOWN_COUNTRY, c);
            return null;
        }
        return c;
    }

    private CostSheet costs(Tree t, String p) {
        Tree.Obj o = f.obj(t, p, "a cost sheet");
        if (o == null) return null;
        f.onlyKnown(o, p, COSTS);
        ExcludedCosts ex = ExcludedCosts.NONE;
        if (o.get("excludedCosts") != null) {
            String ep = Fields.sub(p, "excludedCosts");
            Tree.Obj e = f.obj(o.get("excludedCosts"), ep, "the excluded costs");
            if (e != null) {
                f.onlyKnown(e, ep, EXCLUDED);
                ex = new ExcludedCosts(z(f.money(e, "salesPromotion", ep)), z(f.money(e, "royalties", ep)),
                        z(f.money(e, "shipping", ep)), z(f.money(e, "nonAllowableInterest", ep)));
            }
        }
        BigDecimal total = f.money(o, "totalCost", p);
        BigDecimal net = f.money(o, "netCost", p);
        if (total != null && net != null && net.compareTo(total) > 0) {
            f.problem(o.get("netCost"), Fields.sub(p, "netCost"), ErrorCode.NET_COST_EXCEEDS_TOTAL, net, total);
        }
        if (total != null && ex.total().compareTo(total) > 0) {
            f.problem(o.get("excludedCosts"), Fields.sub(p, "excludedCosts"), ErrorCode.EXCLUDED_EXCEEDS_TOTAL, ex.total(), total);
        }
        return new CostSheet(z(f.money(o, "originatingMaterials", p)), z(f.money(o, "nonOriginatingMaterials", p)),
                z(f.money(o, "otherProductCosts", p)), z(f.money(o, "periodCosts", p)), z(f.money(o, "otherCosts", p)),
                ex, total, net, f.oneOf(o, "allocation", p, false, ALLOCATION));
    }

    private static BigDecimal z(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v;
    }

    /** Reads {@code materials} of a good or self-produced material; null when a line is invalid. */
    private List<Material> materials(Tree.Obj o, String p) {
        Tree mt = o.get("materials");
        if (mt == null) return List.of();
        String mp = Fields.sub(p, "materials");
        Tree.Arr arr = f.arr(mt, mp, "the materials");
        if (arr == null) return null;
        List<Material> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean ok = true;
        for (int i = 0; i < arr.items.size(); i++) {
            String ip = mp + "[" + i + "]";
            Tree.Obj m = f.obj(arr.items.get(i), ip, "a material");
            if (m == null) { ok = false; continue; }
            if (m.get("id") instanceof Tree.Scalar idT && idT.text != null && !ids.add(idT.text)) {
                f.problem(idT, Fields.sub(ip, "id"), Variant.MATERIAL_ID_TWICE, idT.text);
                ok = false;
            }
            Material mat = material(m, ip);
            if (mat == null) { ok = false; continue; }
            out.add(mat);
        }
        return ok ? out : null;
    }

    /** How many goods deep {@code ref} may lead (docs/errors.md, {@code TOO_DEEP}). */
    public static final int MAX_REF_DEPTH = 32;
    /** How many material lines a case file may expand to, counting those of goods named by {@code ref} at each use. */
    public static final int MAX_MATERIAL_LINES = 100_000;
    private int expanded;
    private int maxLines = MAX_MATERIAL_LINES;
    private final java.util.Set<Tree> tooDeep = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private Material material(Tree.Obj m, String p) {
        // goods named by `ref` are expanded where they are used: a few goods that each use another twice would
        // otherwise expand to billions of lines
        if (++expanded > maxLines) {
            if (expanded == maxLines + 1) f.problem(m, p, ErrorCode.TOO_LARGE, maxLines);
            return null;
        }
        f.onlyKnown(m, p, MATERIAL);
        String id = f.string(m, "id", p, true);
        String ref = f.string(m, "ref", p, false);
        boolean selfProduced = Boolean.TRUE.equals(f.bool(m, "selfProduced", p)) || ref != null
                || m.get("costs") != null || m.get("materials") != null;
        HsCode hs = f.hs(m, "hs", p, ref == null);
        BigDecimal value = f.money(m, "value", p);
        String originText = f.oneOf(m, "origin", p, false, ORIGINS);
        String country = m.get("country") == null ? null : countryCode(m, "country", p, false);
        String kindText = f.oneOf(m, "kind", p, false, KINDS);
        boolean intermediate = Boolean.TRUE.equals(f.bool(m, "intermediate", p));
        boolean treatAsNon = Boolean.TRUE.equals(f.bool(m, "treatAsNonOriginating", p));
        Material.Production production = null;
        if (ref != null) {
            Tree.Obj target = goodsById.get(ref);
            if (target == null) {
                f.problem(m.get("ref"), Fields.sub(p, "ref"), ErrorCode.UNKNOWN_REF, ref);
                return null;
            }
            if (refStack.contains(ref)) {
                List<String> cycle = new ArrayList<>(refStack);
                java.util.Collections.reverse(cycle);
                f.problem(m.get("ref"), Fields.sub(p, "ref"), ErrorCode.BOM_CYCLE, String.join(" → ", cycle) + " → " + ref);
                return null;
            }
            if (refStack.size() >= MAX_REF_DEPTH) {
                // reported once per place, however many paths lead to it
                if (tooDeep.add(m.get("ref"))) f.problem(m.get("ref"), Fields.sub(p, "ref"), ErrorCode.Variant.REF_TOO_DEEP, MAX_REF_DEPTH);
                return null;
            }
            if (hs == null && target.get("hs") instanceof Tree.Scalar hsT && HsCode.isValid(hsT.text)) hs = HsCode.parse(hsT.text);
            refStack.push(ref);
            String tp = "goods[id=" + ref + "]";
            CostSheet c = target.get("costs") == null ? null : costs(target.get("costs"), Fields.sub(tp, "costs"));
            List<Material> sub = materials(target, tp);
            Rule r = target.get("rule") == null ? null : rules.read(target.get("rule"), Fields.sub(tp, "rule"));
            refStack.pop();
            if (sub == null) return null;
            production = new Material.Production(c, sub, r);
        } else if (selfProduced) {
            CostSheet c = m.get("costs") == null ? null : costs(m.get("costs"), Fields.sub(p, "costs"));
            List<Material> sub = materials(m, p);
            Rule r = m.get("rule") == null ? null : rules.read(m.get("rule"), Fields.sub(p, "rule"));
            if (sub == null) return null;
            if (c == null && value == null) {
                f.problem(m, p, Variant.SELF_PRODUCED_NEEDS_COST, id);
            }
            production = new Material.Production(c, sub, r);
        } else if (m.get("rule") != null) {
            f.problem(m.get("rule"), Fields.sub(p, "rule"), ErrorCode.UNEXPECTED_FIELD, "rule");
        }
        if (intermediate && production == null) {
            f.problem(m.get("intermediate"), Fields.sub(p, "intermediate"), ErrorCode.NOT_SELF_PRODUCED);
        }
        Origin origin = originText == null ? null : Origin.fromLabel(originText);
        SupplierStatement st = m.get("statement") == null ? null : statement(m.get("statement"), Fields.sub(p, "statement"));
        if (production == null) {
            if (value == null && m.get("value") == null) f.problem(m, Fields.sub(p, "value"), ErrorCode.MISSING_FIELD, "value");
            if (originText == null && m.get("origin") == null) f.problem(m, Fields.sub(p, "origin"), ErrorCode.MISSING_FIELD, "origin");
        } else if (originText != null) {
            f.problem(m.get("origin"), Fields.sub(p, "origin"), Variant.ORIGIN_OF_SELF_PRODUCED);
        }
        if (st != null && production != null) {
            f.problem(m.get("statement"), Fields.sub(p, "statement"), Variant.STATEMENT_OF_SELF_PRODUCED);
        }
        if (st != null && value != null) {
            if (st.originatingAmount() != null && st.originatingAmount().compareTo(value) > 0) {
                f.problem(m.get("statement"), Fields.sub(p, "statement.originatingAmount"), ErrorCode.AMOUNT_EXCEEDS_VALUE,
                        st.originatingAmount(), value);
            }
        }
        PartData part = partData(m, p);
        List<String> facts = facts(m, p, "parts thereof");
        Boolean asParts = f.bool(m, "providedForAsParts", p);
        if (id == null || hs == null) return null;
        if (production == null && (value == null || origin == null)) return null;
        return new Material(id, hs, value, origin, country, kindText == null ? MaterialKind.DIRECT : MaterialKind.fromLabel(kindText),
                treatAsNon, intermediate, production, st, part, facts, asParts);
    }

    private PartData partData(Tree.Obj m, String p) {
        if (m.get("corePart") == null && m.get("partCosts") == null && m.get("tracing") == null && m.get("plantWage") == null
                && m.get("heavyDuty") == null) return null;
        String core = f.oneOf(m, "corePart", p, false, CORE_PARTS);
        PartData.Figures fig = null;
        if (m.get("partCosts") != null) {
            String fp = Fields.sub(p, "partCosts");
            Tree.Obj x = f.obj(m.get("partCosts"), fp, "the part's figures");
            if (x != null) {
                f.onlyKnown(x, fp, Set.of("netCost", "vnm", "vnmComponents", "transactionValue"));
                fig = new PartData.Figures(f.money(x, "netCost", fp), f.money(x, "vnm", fp), f.money(x, "vnmComponents", fp),
                        f.money(x, "transactionValue", fp));
                if (fig.netCost() == null || fig.vnm() == null) {
                    f.problem(x, fp, Variant.PART_FIGURES_INCOMPLETE);
                } else if (fig.vnm().compareTo(fig.netCost()) > 0) {
                    f.problem(x.get("vnm"), Fields.sub(fp, "vnm"), ErrorCode.VNM_EXCEEDS_NET_COST, fig.vnm(), fig.netCost());
                }
                if (fig.vnmComponents() != null && fig.vnm() != null && fig.vnmComponents().compareTo(fig.vnm()) > 0) {
                    f.problem(x.get("vnmComponents"), Fields.sub(fp, "vnmComponents"), ErrorCode.BAD_COMPONENTS, fig.vnmComponents(), fig.vnm());
                }
            }
        }
        PartData.Tracing tr = null;
        if (m.get("tracing") != null) {
            String tp = Fields.sub(p, "tracing");
            Tree.Obj x = f.obj(m.get("tracing"), tp, "the tracing data");
            if (x != null) {
                f.onlyKnown(x, tp, Set.of("value", "rvc", "rvcRequirement", "full"));
                tr = new PartData.Tracing(f.money(x, "value", tp), f.percent(x, "rvc", tp), f.percent(x, "rvcRequirement", tp),
                        Boolean.TRUE.equals(f.bool(x, "full", tp)));
                int given = (x.get("value") != null ? 1 : 0) + (x.get("rvc") != null ? 1 : 0) + (x.get("rvcRequirement") != null ? 1 : 0)
                        + (tr.full() ? 1 : 0);
                if (given != 1) f.problem(x, tp, ErrorCode.BAD_TRACING);
            }
        }
        VehicleData.Wage w = m.get("plantWage") == null ? null : f.wage(m.get("plantWage"), Fields.sub(p, "plantWage"));
        // the line's role in a NAFTA heavy-duty good (SOR/94-14 s.10): listed material, component, sub-component, assembly
        return new PartData(core, fig, tr, w, f.word(m, "heavyDuty", p, false, HeavyDutyRole.class));
    }

    private SupplierStatement statement(Tree t, String p) {
        Tree.Obj o = f.obj(t, p, "a supplier statement");
        if (o == null) return null;
        f.onlyKnown(o, p, STATEMENT);
        BigDecimal nc = f.money(o, "netCost", p);
        BigDecimal vnm = f.money(o, "vnm", p);
        BigDecimal added = f.money(o, "addedCosts", p);
        BigDecimal amount = f.money(o, "originatingAmount", p);
        boolean ncForm = o.get("netCost") != null || o.get("vnm") != null;
        boolean amountForm = o.get("originatingAmount") != null;
        if (ncForm == amountForm) {
            f.problem(o, p, ErrorCode.BAD_STATEMENT);
            return null;
        }
        if (ncForm && (o.get("netCost") == null || o.get("vnm") == null)) {
            f.problem(o, p, Variant.NET_COST_STATEMENT_INCOMPLETE);
            return null;
        }
        if (nc != null && vnm != null && vnm.compareTo(nc) > 0) {
            f.problem(o.get("vnm"), Fields.sub(p, "vnm"), Variant.STATED_VNM_EXCEEDS_NET_COST, vnm, nc);
        }
        List<Material> mats = null;
        if (o.get("materials") != null) {
            Tree.Arr arr = f.arr(o.get("materials"), Fields.sub(p, "materials"), "the supplier's non-originating materials");
            if (arr != null) {
                mats = new ArrayList<>();
                for (int i = 0; i < arr.items.size(); i++) {
                    String ip = Fields.sub(p, "materials") + "[" + i + "]";
                    Tree.Obj m = f.obj(arr.items.get(i), ip, "a material");
                    if (m == null) continue;
                    f.onlyKnown(m, ip, Set.of("id", "hs", "value"));
                    String id = f.string(m, "id", ip, true);
                    HsCode hs = f.hs(m, "hs", ip, true);
                    BigDecimal v = f.money(m, "value", ip);
                    if (v == null && m.get("value") == null) f.problem(m, Fields.sub(ip, "value"), ErrorCode.MISSING_FIELD, "value");
                    if (id != null && hs != null && v != null) {
                        mats.add(new Material(id, hs, v, Origin.NON_ORIGINATING, null, MaterialKind.DIRECT, false, false, null, null));
                    }
                }
            }
        }
        return new SupplierStatement(nc, vnm, added, amount, mats);
    }
}
