package dev.origin.io.fleet;

import dev.origin.core.model.VehicleKind;
import dev.origin.core.fleet.Fleet;
import dev.origin.core.hs.HsCode;
import dev.origin.core.model.VehicleData;
import dev.origin.core.engine.ErrorCode;
import dev.origin.io.Fields;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.io.Tree;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads fleet files (YAML or JSON, docs/fleet-format.md). Every problem is collected with file, line,
 * column, field and a stable code; nothing is returned unless the whole file is valid.
 */
public final class FleetReader {
    /** The sample fleet shipped with Origin (synthetic-calibrated; recipe in docs/simulation.md). */
    public static final String SAMPLE = "/dev/origin/fleets/sample-fleet.yaml";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** The vehicle kinds a fleet model may be (core's vocabulary; `other` vehicles are not simulated). */
    private static final Set<String> CLASSES = Set.of(VehicleKind.PASSENGER_VEHICLE.label(), VehicleKind.LIGHT_TRUCK.label(),
            VehicleKind.HEAVY_TRUCK.label());
    private static final Set<String> MODEL = Set.of("id", "maker", "model", "plant", "country", "class", "hs", "price", "assembly",
            "volumes", "technology", "assemblyPlant", "steel", "aluminum", "intangibles", "parts", "totalCost");
    private static final Set<String> PART = Set.of("id", "group", "hs", "cost", "country", "wage", "nonOriginatingShare", "alternatives");

    /** The largest volume of a model to one destination (units a year; docs/fleet-format.md). */
    public static final long MAX_VOLUME = 1_000_000_000L;

    private final Fields f;

    private FleetReader(String file, List<Problem> problems) {
        this.f = new Fields(file, problems);
    }

    public static Fleet read(Path path) throws InputException {
        return load(path).fleet();
    }

    /** A fleet read from a file, with where its models are (to place the engine's diagnostics, {@link FleetSources}). */
    public record Located(Fleet fleet, FleetSources sources) {}

    /** Reads the fleet file {@code path} (YAML, JSON, or CSV when its name ends in {@code .csv}) with its sources. */
    public static Located load(Path path) throws InputException {
        Tree.checkSize(path, "a fleet file");
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(List.of(new Problem(path.toString(), 0, 0, "", "UNREADABLE", "The file `" + path + "` cannot be read.")));
        }
        if (path.toString().toLowerCase(Locale.ROOT).endsWith(".csv")) return loadCsv(text, path.toString());
        return load(text, path.toString(), !path.toString().endsWith(".json"));
    }

    /** The built-in sample fleet. */
    public static Fleet sample() {
        try (InputStream in = FleetReader.class.getResourceAsStream(SAMPLE)) {
            if (in == null) throw new IllegalStateException("the sample fleet is missing from the build: " + SAMPLE);
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "builtin:sample-fleet.yaml", true);
        } catch (IOException | InputException e) {
            throw new IllegalStateException("the built-in sample fleet is invalid: " + e.getMessage(), e);
        }
    }

    /** Reads the CSV form (one row per part; docs/fleet-format.md). */
    public static Fleet readCsv(String text, String file) throws InputException {
        return loadCsv(text, file).fleet();
    }

    /** The CSV form with its sources (rows and field numbers). */
    public static Located loadCsv(String text, String file) throws InputException {
        List<Problem> problems = new ArrayList<>();
        Tree t = FleetCsv.toTree(text, file, problems);
        if (!problems.isEmpty()) throw new InputException(problems);
        Fleet fleet = new FleetReader(file, problems).fleet(t);
        if (!problems.isEmpty()) throw new InputException(problems);
        return new Located(fleet, new FleetSources(file, t));
    }

    public static Fleet read(String text, String file, boolean yaml) throws InputException {
        return load(text, file, yaml).fleet();
    }

    /** The YAML or JSON form with its sources. */
    public static Located load(String text, String file, boolean yaml) throws InputException {
        List<Problem> problems = new ArrayList<>();
        Tree t = Tree.parse(text, yaml, file, problems);
        if (t == null) throw new InputException(problems);
        Fleet fleet = new FleetReader(file, problems).fleet(t);
        if (!problems.isEmpty()) throw new InputException(problems);
        return new Located(fleet, new FleetSources(file, t));
    }

    private Fleet fleet(Tree t) {
        Tree.Obj o = f.obj(t, "", "a fleet");
        if (o == null) return null;
        f.onlyKnown(o, "", Set.of("fleet", "models"));
        String id = "fleet";
        String description = null;
        boolean synthetic = false;
        if (o.get("fleet") != null) {
            Tree.Obj h = f.obj(o.get("fleet"), "fleet", "the fleet header");
            if (h != null) {
                f.onlyKnown(h, "fleet", Set.of("id", "description", "synthetic", "currency", "source"));
                String i = f.string(h, "id", "fleet", false);
                if (i != null) id = i;
                description = f.string(h, "description", "fleet", false);
                synthetic = Boolean.TRUE.equals(f.bool(h, "synthetic", "fleet"));
                String cur = f.string(h, "currency", "fleet", false);
                if (cur != null && !cur.equals("USD")) {
                    f.problem(h.get("currency"), "fleet.currency", "BAD_CURRENCY", "Fleet amounts are in US dollars, not `" + cur + "`.");
                }
            }
        }
        Tree.Arr arr = o.get("models") == null ? null : f.arr(o.get("models"), "models", "the models");
        if (arr == null) {
            if (o.get("models") == null) f.problem(o, "models", "MISSING_FIELD", "The required field `models` is missing.");
            return null;
        }
        List<Fleet.Model> models = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < arr.items.size(); i++) {
            String p = "models[" + i + "]";
            Tree.Obj m = f.obj(arr.items.get(i), p, "a model");
            if (m == null) continue;
            if (m.get("id") instanceof Tree.Scalar s && s.text != null && !ids.add(s.text)) {
                f.problem(s, p + ".id", "DUPLICATE_ID", "The model id `" + s.text + "` is used twice.");
            }
            Fleet.Model model = model(m, p);
            if (model != null) models.add(model);
        }
        if (arr.items.isEmpty()) f.problem(arr, "models", "NO_MODELS", "The fleet has no models.");
        return new Fleet(id, description, synthetic, models);
    }

    private Fleet.Model model(Tree.Obj m, String p) {
        f.onlyKnown(m, p, MODEL);
        String id = f.string(m, "id", p, true);
        String country = country(m, "country", p, true);
        String cls = f.oneOf(m, "class", p, true, CLASSES);
        HsCode hs = f.hs(m, "hs", p, true);
        BigDecimal price = positive(m, "price", p);
        Fleet.Assembly assembly = null;
        Tree.Obj assemblyAt = null; // the assembly costs, when they give excluded costs
        if (m.get("assembly") == null) {
            f.problem(m, Fields.sub(p, "assembly"), "MISSING_COST", "Model `" + id + "` has no `assembly` costs.");
        } else {
            String ap = Fields.sub(p, "assembly");
            Tree.Obj a = f.obj(m.get("assembly"), ap, "the assembly costs");
            if (a != null) {
                f.onlyKnown(a, ap, Set.of("labour", "overhead", "period", "excluded", "plantWage"));
                BigDecimal labour = required(a, "labour", ap);
                BigDecimal overhead = required(a, "overhead", ap);
                BigDecimal period = required(a, "period", ap);
                BigDecimal excluded = f.money(a, "excluded", ap);
                VehicleData.Wage w = a.get("plantWage") == null ? null : f.wage(a.get("plantWage"), Fields.sub(ap, "plantWage"));
                if (labour != null && overhead != null && period != null) {
                    assembly = new Fleet.Assembly(labour, overhead, period, excluded == null ? BigDecimal.ZERO.setScale(2) : excluded, w);
                    if (excluded != null) assemblyAt = a;
                }
            }
        }
        Map<String, Long> volumes = new LinkedHashMap<>();
        if (m.get("volumes") == null) {
            f.problem(m, Fields.sub(p, "volumes"), "MISSING_FIELD", "The required field `volumes` is missing.");
        } else {
            String vp = Fields.sub(p, "volumes");
            Tree.Obj v = f.obj(m.get("volumes"), vp, "the volumes");
            if (v != null) for (String k : v.fields.keySet()) {
                if (!k.equals("OTHER") && !COUNTRIES.contains(k)) {
                    f.problem(v.get(k), Fields.sub(vp, k), "UNKNOWN_COUNTRY", "`" + k + "` is not an ISO 3166 alpha-2 country code or `OTHER`.");
                    continue;
                }
                BigDecimal n = f.decimal(v, k, vp);
                if (n == null) continue;
                if (n.signum() < 0 || n.stripTrailingZeros().scale() > 0) {
                    f.problem(v.get(k), Fields.sub(vp, k), "BAD_VOLUME", "The volume `" + n.toPlainString() + "` is not a whole, non-negative number.");
                    continue;
                }
                if (n.compareTo(BigDecimal.valueOf(MAX_VOLUME)) > 0) {
                    f.problem(v.get(k), Fields.sub(vp, k), ErrorCode.Variant.VOLUME_TOO_LARGE, n.toPlainString(), MAX_VOLUME);
                    continue;
                }
                volumes.put(k, n.longValueExact());
            }
        }
        Fleet.Technology tech = f.optionalObj(m, "technology", p, "the technology wages", Set.of("rdItWages", "productionWages"),
                (t, tp) -> new Fleet.Technology(f.money(t, "rdItWages", tp), f.money(t, "productionWages", tp)));
        Fleet.AssemblyPlant plant = f.optionalObj(m, "assemblyPlant", p, "the assembly plant", Set.of("engines", "transmissions", "batteries"),
                (t, pp) -> new Fleet.AssemblyPlant(f.count(t, "engines", pp), f.count(t, "transmissions", pp), f.count(t, "batteries", pp)));
        BigDecimal steel = share(m, "steel", p);
        BigDecimal aluminum = share(m, "aluminum", p);
        VehicleData.Intangibles ip = f.optionalObj(m, "intangibles", p, "the intangibles", Set.of("northAmerican", "total"),
                (t, ipp) -> {
                    BigDecimal na = f.money(t, "northAmerican", ipp);
                    BigDecimal tot = f.money(t, "total", ipp);
                    // the same check as a case file's intangibles (CaseFileReader)
                    if (na != null && tot != null && na.compareTo(tot) > 0) f.problem(t, ipp, ErrorCode.BAD_INTANGIBLES, na, tot);
                    return new VehicleData.Intangibles(na, tot);
                });
        List<Fleet.Part> parts = new ArrayList<>();
        if (m.get("parts") == null) {
            f.problem(m, Fields.sub(p, "parts"), "MISSING_FIELD", "Model `" + id + "` has no `parts`.");
        } else {
            String pp = Fields.sub(p, "parts");
            Tree.Arr arr = f.arr(m.get("parts"), pp, "the parts");
            Set<String> partIds = new HashSet<>();
            if (arr != null) for (int i = 0; i < arr.items.size(); i++) {
                String ip2 = pp + "[" + i + "]";
                Tree.Obj po = f.obj(arr.items.get(i), ip2, "a part");
                if (po == null) continue;
                if (po.get("id") instanceof Tree.Scalar s && s.text != null && !partIds.add(s.text)) {
                    f.problem(s, ip2 + ".id", "DUPLICATE_ID", "The part id `" + s.text + "` is used twice in model `" + id + "`.");
                }
                Fleet.Part part = part(po, ip2);
                if (part != null) parts.add(part);
            }
        }
        boolean allParts = m.get("parts") instanceof Tree.Arr pa && pa.items.size() == parts.size();
        if (assembly != null && assemblyAt != null && allParts) costs(assembly, parts, assemblyAt, Fields.sub(p, "assembly"));
        if (price != null && assembly != null && (!parts.isEmpty() || m.get("totalCost") != null)) {
            Fleet.Model probe = new Fleet.Model(id, null, null, null, country, cls, hs, price, assembly, volumes, tech, plant, steel, aluminum, ip, parts);
            BigDecimal total = probe.totalCost();
            BigDecimal stated = f.money(m, "totalCost", p);
            if (stated != null && stated.compareTo(total) != 0) {
                f.problem(m.get("totalCost"), Fields.sub(p, "totalCost"), "BOM_DOES_NOT_ADD_UP", "Model `" + id + "`: parts and assembly costs add up to `"
                        + total.toPlainString() + "`, not the stated total cost `" + stated.toPlainString() + "`.");
            }
            if (total.compareTo(price) > 0) {
                f.problem(m.get("price"), Fields.sub(p, "price"), "BOM_EXCEEDS_PRICE", "Model `" + id + "`: parts and assembly costs `"
                        + total.toPlainString() + "` exceed the price `" + price.toPlainString() + "`.");
            }
        }
        if (id == null || country == null || cls == null || hs == null || price == null || assembly == null) return null;
        return new Fleet.Model(id, f.string(m, "maker", p, false), f.string(m, "model", p, false), f.string(m, "plant", p, false),
                country, cls, hs, price, assembly, volumes, tech, plant, steel, aluminum, ip, parts);
    }

    /**
     * The checks of the excluded costs, the same facts as a case file's: not more than the total cost
     * ({@code EXCLUDED_EXCEEDS_TOTAL}, as {@code CaseFileReader}); contained in the overhead and period costs
     * ({@code EXCLUDED_EXCEEDS_COSTS}); and, as the engine checks a case file's labour figures
     * ({@code LVC_EXCEEDS_COST}), the labour, which counts as high-wage labour in the LVC, not more than the net cost
     * it is part of (parts and assembly costs less excluded costs). Only when every part was read.
     */
    private void costs(Fleet.Assembly a, List<Fleet.Part> parts, Tree.Obj at, String ap) {
        BigDecimal total = a.labour().add(a.overhead()).add(a.period());
        for (Fleet.Part part : parts) total = total.add(part.cost());
        BigDecimal excluded = a.excluded();
        if (excluded.compareTo(total) > 0) {
            f.problem(at.get("excluded"), Fields.sub(ap, "excluded"), ErrorCode.EXCLUDED_EXCEEDS_TOTAL, excluded, total);
            return;
        }
        if (excluded.compareTo(a.overhead().add(a.period())) > 0) {
            f.problem(at.get("excluded"), Fields.sub(ap, "excluded"), "EXCLUDED_EXCEEDS_COSTS",
                    "Excluded costs `" + excluded.toPlainString() + "` exceed the overhead and period costs they are part of.");
        }
        BigDecimal net = total.subtract(excluded);
        if (a.labour().compareTo(net) > 0) {
            String lvc = net.signum() == 0 ? "infinite" : a.labour().multiply(BigDecimal.valueOf(100))
                    .divide(net, 4, java.math.RoundingMode.DOWN).stripTrailingZeros().toPlainString() + " %";
            f.problem(at.get("labour"), Fields.sub(ap, "labour"), ErrorCode.Variant.LABOUR_EXCEEDS_NET_COST, a.labour(), net, lvc);
        }
    }

    private Fleet.Part part(Tree.Obj o, String p) {
        f.onlyKnown(o, p, PART);
        String id = f.string(o, "id", p, true);
        String group = f.oneOf(o, "group", p, true, Set.copyOf(Fleet.GROUPS));
        HsCode hs = f.hs(o, "hs", p, true);
        BigDecimal cost = positive(o, "cost", p);
        String country = country(o, "country", p, true);
        VehicleData.Wage w = o.get("wage") == null ? null : f.wage(o.get("wage"), Fields.sub(p, "wage"));
        BigDecimal nos = f.percent(o, "nonOriginatingShare", p);
        List<Fleet.Alternative> alts = new ArrayList<>();
        if (o.get("alternatives") != null) {
            String ap = Fields.sub(p, "alternatives");
            Tree.Arr arr = f.arr(o.get("alternatives"), ap, "the alternatives");
            if (arr != null) for (int i = 0; i < arr.items.size(); i++) {
                String ip = ap + "[" + i + "]";
                Tree.Obj a = f.obj(arr.items.get(i), ip, "an alternative");
                if (a == null) continue;
                f.onlyKnown(a, ip, Set.of("country", "premium", "wage", "nonOriginatingShare"));
                String c = country(a, "country", ip, true);
                BigDecimal prem = f.decimal(a, "premium", ip);
                if (prem == null && a.get("premium") == null) f.problem(a, Fields.sub(ip, "premium"), "MISSING_FIELD", "The required field `premium` is missing.");
                if (prem != null && prem.signum() < 0) {
                    f.problem(a.get("premium"), Fields.sub(ip, "premium"), "NEGATIVE_PREMIUM", "The premium `" + prem.toPlainString()
                            + "` is negative; an alternative costs at least as much as the current source.");
                    prem = null;
                }
                VehicleData.Wage aw = a.get("wage") == null ? null : f.wage(a.get("wage"), Fields.sub(ip, "wage"));
                BigDecimal anos = f.percent(a, "nonOriginatingShare", ip);
                if (c != null && prem != null) alts.add(new Fleet.Alternative(c, prem, aw, anos));
            }
        }
        if (id == null || group == null || hs == null || cost == null || country == null) return null;
        return new Fleet.Part(id, group, hs, cost, country, w, nos == null ? BigDecimal.ZERO : nos, alts);
    }

    private BigDecimal required(Tree.Obj o, String key, String p) {
        BigDecimal v = f.money(o, key, p);
        if (v == null && o.get(key) == null) f.problem(o, Fields.sub(p, key), "MISSING_COST", "The cost `" + key + "` is missing.");
        return v;
    }

    private BigDecimal positive(Tree.Obj o, String key, String p) {
        BigDecimal v = f.money(o, key, p);
        if (v == null && o.get(key) == null) {
            f.problem(o, Fields.sub(p, key), "MISSING_COST", "The amount `" + key + "` is missing.");
        } else if (v != null && v.signum() == 0) {
            f.problem(o.get(key), Fields.sub(p, key), "MISSING_COST", "The amount `" + key + "` is zero.");
            return null;
        }
        return v;
    }

    private BigDecimal share(Tree.Obj m, String key, String p) {
        if (m.get(key) == null) return null;
        String sp = Fields.sub(p, key);
        Tree.Obj o = f.obj(m.get(key), sp, "the " + key + " purchases");
        if (o == null) return null;
        f.onlyKnown(o, sp, Set.of("originatingShare"));
        return f.percent(o, "originatingShare", sp);
    }


    private String country(Tree.Obj o, String key, String p, boolean required) {
        String c = f.string(o, key, p, required);
        if (c != null && !Fields.isCountryCode(c)) {
            f.problem(o.get(key), Fields.sub(p, key), ErrorCode.BAD_COUNTRY, c);
            return null;
        }
        if (c != null && !COUNTRIES.contains(c)) {
            f.problem(o.get(key), Fields.sub(p, key), ErrorCode.UNKNOWN_COUNTRY, c);
            return null;
        }
        return c;
    }

}
