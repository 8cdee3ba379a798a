package dev.origin.tools.sample;

import static dev.origin.tools.sample.SampleAssumptions.*;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Generates the synthetic-calibrated sample fleet (docs/fleet-format.md) from the EPA OMEGA MY2022
 * vehicles and cost equations and the NHTSA AALA content labels; the recipe and every assumption are in
 * docs/simulation.md, "Sample fleet recipe", and in {@link SampleAssumptions}.
 *
 * <p>Usage: {@code FleetGenerator EPA_OMEGA_FOLDER AALA_CSV OUTPUT_FILE [MODEL_COUNT]}. The output is
 * deterministic: the same inputs give the same bytes.
 */
public final class FleetGenerator {
    /** Part groups in output order. */
    static final List<String> GROUPS = List.of("engine", "transmission", "battery", "body", "axles", "suspension",
            "steering", "electronics", "seats", "glass", "tyres", "wiring", "interior", "other");
    /** Groups whose country comes from the AALA label (engine, transmission) or the battery rule. */
    private static final Set<String> FIXED_GROUPS = Set.of("engine", "transmission", "battery");
    /** The groups split across countries to bring the parts' content close to the label. */
    static final List<String> BALANCING_GROUPS = List.of("interior", "other");
    private static final String USCA = "USCA";

    private FleetGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: FleetGenerator EPA_OMEGA_FOLDER AALA_CSV OUTPUT_FILE [MODEL_COUNT]");
            System.exit(2);
        }
        int count = args.length == 4 ? Integer.parseInt(args[3]) : DEFAULT_MODEL_COUNT;
        Result r = generate(Path.of(args[0]), Path.of(args[1]), count);
        Path out = Path.of(args[2]);
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        Files.writeString(out, r.yaml(), StandardCharsets.UTF_8);
        System.err.print(r.summary());
        System.err.println("wrote " + out);
    }

    /** Statistics of the join. */
    public record JoinStats(int epaRows, int matchedRows, double epaSales, double matchedSales, int aalaRows,
                            int aalaRowsSkipped, int carlineGroups, Map<Integer, Integer> matchedByYear) {
        public double rowHitRate() {
            return epaRows == 0 ? 0 : (double) matchedRows / epaRows;
        }

        public double salesHitRate() {
            return epaSales == 0 ? 0 : matchedSales / epaSales;
        }
    }

    /** What a model was built from, for checks and the report. */
    public record ModelSource(String id, String maker, String assemblyCountry, String vehicleClass, String powertrain,
                              double labelUsCanadaPercent, int aalaYear, String aalaCarline, List<String> epaNames) {}

    /** The generated fleet: YAML text, the tree it was written from, its sources and the join statistics. */
    public record Result(String yaml, Map<String, Object> tree, List<ModelSource> sources, JoinStats stats) {
        public String summary() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "EPA rows %d, matched %d (%.1f %%), sales-weighted %.1f %%; AALA rows %d (%d malformed skipped); matches by AALA year %s%n",
                    stats.epaRows(), stats.matchedRows(), 100 * stats.rowHitRate(), 100 * stats.salesHitRate(),
                    stats.aalaRows(), stats.aalaRowsSkipped(), stats.matchedByYear()));
            b.append("models ").append(sources.size()).append('\n');
            b.append("  by maker   ").append(count(sources, ModelSource::maker)).append('\n');
            b.append("  by country ").append(count(sources, ModelSource::assemblyCountry)).append('\n');
            b.append("  by class   ").append(count(sources, ModelSource::vehicleClass)).append('\n');
            b.append("  by powertrain ").append(count(sources, ModelSource::powertrain)).append('\n');
            return b.toString();
        }

        private static Map<String, Integer> count(List<ModelSource> s, java.util.function.Function<ModelSource, String> f) {
            Map<String, Integer> m = new TreeMap<>();
            for (ModelSource x : s) {
                m.merge(f.apply(x), 1, Integer::sum);
            }
            return m;
        }
    }

    /** Reads the data sets and builds the fleet of {@code count} models. */
    public static Result generate(Path epaFolder, Path aalaCsv, int count) throws IOException {
        List<EpaVehicle> vehicles = EpaVehicle.read(epaFolder.resolve("vehicles.csv"));
        OmegaCostModel omega = OmegaCostModel.read(epaFolder.resolve("powertrain_cost.csv"), epaFolder.resolve("glider_cost.csv"));
        int[] aalaStats = new int[2];
        List<AalaLabel> labels = AalaLabel.read(aalaCsv, aalaStats);
        CarlineMatcher matcher = new CarlineMatcher(labels);

        // 1. join and group EPA rows by the AALA car line they matched
        Map<String, Group> groups = new LinkedHashMap<>();
        int matched = 0;
        double sales = 0;
        double matchedSales = 0;
        Map<Integer, Integer> byYear = new TreeMap<>();
        for (EpaVehicle v : vehicles) {
            sales += v.sales();
            CarlineMatcher.Match m = matcher.match(v);
            if (m == null) {
                continue;
            }
            matched++;
            matchedSales += v.sales();
            byYear.merge(m.label().year(), 1, Integer::sum);
            String key = CarlineMatcher.makerKey(v.manufacturer()) + "|" + m.label().year() + "|" + String.join(" ", m.key());
            groups.computeIfAbsent(key, k -> new Group(m.key(), m.label().year(), CarlineMatcher.makerKey(v.manufacturer())))
                    .vehicles.add(v);
        }
        for (Group g : groups.values()) {
            for (AalaLabel l : labels) {
                if (l.year() == g.year && CarlineMatcher.makerKey(l.manufacturer()).equals(g.makerKey)
                        && CarlineMatcher.keys(l).contains(g.key)) {
                    g.labels.add(l);
                }
            }
        }
        JoinStats stats = new JoinStats(vehicles.size(), matched, sales, matchedSales, aalaStats[0], aalaStats[1],
                groups.size(), byYear);

        // 2. select the largest sellers, at most MAX_MODELS_PER_MAKER per maker
        List<Group> ranked = new ArrayList<>(groups.values());
        ranked.removeIf(g -> g.labels.isEmpty());
        ranked.sort(Comparator.comparingDouble(Group::sales).reversed().thenComparing(g -> g.makerKey + " " + g.key));
        List<Group> chosen = new ArrayList<>();
        Map<String, Integer> perMaker = new TreeMap<>();
        for (Group g : ranked) {
            if (chosen.size() >= count) {
                break;
            }
            if (perMaker.getOrDefault(g.makerKey, 0) >= MAX_MODELS_PER_MAKER) {
                continue;
            }
            perMaker.merge(g.makerKey, 1, Integer::sum);
            chosen.add(g);
        }

        // 3. build the models
        List<Built> built = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Group g : chosen) {
            built.add(build(g, omega, ids));
        }
        // maker-level technology wages (LVC technology credit)
        Map<String, BigDecimal> productionWages = new TreeMap<>();
        for (Built b : built) {
            productionWages.merge(b.maker, b.labour.multiply(BigDecimal.valueOf(b.totalUnits)), BigDecimal::add);
        }
        List<Object> models = new ArrayList<>();
        List<ModelSource> sources = new ArrayList<>();
        for (Built b : built) {
            BigDecimal pw = productionWages.get(b.maker);
            double ratio = US_HEADQUARTERED.contains(b.maker) ? RD_IT_TO_PRODUCTION_WAGES_US_MAKER : RD_IT_TO_PRODUCTION_WAGES_OTHER;
            Map<String, Object> tech = new LinkedHashMap<>();
            tech.put("rdItWages", money(pw.multiply(BigDecimal.valueOf(ratio))));
            tech.put("productionWages", money(pw));
            b.model.put("technology", tech);
            reorder(b.model);
            models.add(b.model);
            sources.add(b.source);
        }

        Map<String, Object> fleet = new LinkedHashMap<>();
        fleet.put("id", "sample-my" + MODEL_YEAR);
        fleet.put("description", "Synthetic-calibrated sample fleet (see docs/simulation.md for the recipe): "
                + "EPA OMEGA MY" + MODEL_YEAR + " sales, prices and cost equations joined to NHTSA AALA content labels; "
                + "not company data");
        fleet.put("synthetic", true);
        fleet.put("currency", "USD");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("fleet", fleet);
        root.put("models", models);
        List<String> header = List.of(
                "Origin sample fleet: synthetic-calibrated, NOT company data.",
                "Generated by dev.origin.tools.sample.FleetGenerator (origin-tools); do not edit by hand.",
                "Recipe and assumptions: docs/simulation.md, \"Sample fleet recipe\".",
                "Sources: US EPA OMEGA 2.5.0 test inputs (vehicles.csv, powertrain_cost.csv, glider_cost.csv;",
                "  public domain, 17 U.S.C. 105) and NHTSA AALA (Part 583) carline data as parsed in",
                "  github.com/mjpon/car-maker-identifier (nhtsa_data.csv; NHTSA reports are public domain).",
                String.format(Locale.ROOT, "Join: %d of %d EPA MY%d rows matched an AALA car line (%.1f %%; %.1f %% of sales).",
                        stats.matchedRows(), stats.epaRows(), MODEL_YEAR, 100 * stats.rowHitRate(), 100 * stats.salesHitRate()),
                "");
        String yaml = YamlEmitter.write(root, header);
        return new Result(yaml, root, List.copyOf(sources), stats);
    }

    private static final List<String> MODEL_KEY_ORDER = List.of("id", "maker", "model", "plant", "country", "class", "hs",
            "price", "totalCost", "assembly", "volumes", "technology", "assemblyPlant", "steel", "aluminum", "intangibles", "parts");

    private static void reorder(Map<String, Object> model) {
        Map<String, Object> copy = new LinkedHashMap<>(model);
        model.clear();
        for (String k : MODEL_KEY_ORDER) {
            if (copy.containsKey(k)) {
                model.put(k, copy.remove(k));
            }
        }
        model.putAll(copy);
    }

    // ---- one model -----------------------------------------------------------------------------------

    private static Built build(Group g, OmegaCostModel omega, Set<String> ids) {
        EpaVehicle rep = g.representative();
        AalaLabel label = g.label();
        String country = label.assemblyCountry();
        boolean naBuilt = USMCA.contains(country);
        boolean pickup = "pickup".equals(rep.bodyStyle());
        String vehicleClass = pickup ? "light-truck" : "passenger-vehicle";
        String maker = prettyMaker(rep.manufacturer());
        String brand = prettyBrand(label.brand());
        String line = displayName(label.carline());
        String modelName = brand.isEmpty() || brand.equalsIgnoreCase(maker)
                || line.toUpperCase(Locale.ROOT).startsWith(brand.toUpperCase(Locale.ROOT) + " ") ? line : brand + " " + line;
        String id = slug((brand.isEmpty() ? maker : brand) + " " + line.replaceFirst("(?i)^" + java.util.regex.Pattern.quote(brand) + " ", "")
                + " " + country);
        String unique = id;
        for (int n = 2; !ids.add(unique); n++) {
            unique = id + "-" + n;
        }
        BigDecimal price = cents(g.msrp() * TRANSACTION_VALUE_SHARE_OF_MSRP);

        // volumes
        long us = Math.round(g.sales());
        Map<String, Object> volumes = new LinkedHashMap<>();
        volumes.put("US", us);
        volumes.put("CA", Math.round(us * CA_SHARE_OF_US_VOLUME));
        volumes.put("MX", Math.round(us * MX_SHARE_OF_US_VOLUME));
        volumes.put("OTHER", naBuilt ? Math.round(us * OTHER_SHARE_OF_US_VOLUME_NA_BUILT) : 0L);
        long totalUnits = 0;
        for (Object o : volumes.values()) {
            totalUnits += (Long) o;
        }

        // assembler's costs
        Wage plantWage = ASSEMBLY_PLANT_WAGE.getOrDefault(country, ASSEMBLY_PLANT_WAGE_DEFAULT);
        double hours = pickup ? ASSEMBLY_HOURS_LIGHT_TRUCK : ASSEMBLY_HOURS_PASSENGER_VEHICLE;
        BigDecimal labour = cents(hours * plantWage.usd() * LABOUR_BURDEN);
        BigDecimal overhead = cents(price.doubleValue() * OVERHEAD_SHARE_OF_PRICE);
        BigDecimal period = cents(price.doubleValue() * PERIOD_SHARE_OF_PRICE);
        BigDecimal excluded = cents(period.doubleValue() * EXCLUDED_SHARE_OF_PERIOD);

        // bill of materials
        BigDecimal budget = cents(price.doubleValue() * PARTS_SHARE_OF_PRICE);
        Map<String, BigDecimal> groupCost = groupCosts(rep, omega, budget);
        String engineCountry = orElse(label.engineCountry(), country);
        String transmissionCountry = orElse(label.transmissionCountry(), country);
        String batteryCountry = batteryCountry(label, country);
        List<Piece> pieces = allocate(groupCost, label, country, engineCountry, transmissionCountry, batteryCountry, budget);
        List<Object> parts = new ArrayList<>();
        BigDecimal partsTotal = BigDecimal.ZERO;
        Map<String, Integer> piecesPerGroup = new TreeMap<>();
        for (Piece p : pieces) {
            piecesPerGroup.merge(p.group, 1, Integer::sum);
        }
        for (Piece p : pieces) {
            partsTotal = partsTotal.add(p.cost);
            String partId = p.group;
            if ("engine".equals(p.group) && "BEV".equals(rep.powertrainType())) {
                partId = "traction-motor";
            } else if (piecesPerGroup.get(p.group) > 1) {
                partId = p.group + "-" + p.country.toLowerCase(Locale.ROOT);
            }
            parts.add(part(partId, p, rep, pickup));
        }
        BigDecimal totalCost = partsTotal.add(labour).add(overhead).add(period);
        if (totalCost.compareTo(price) > 0) {
            throw new IllegalStateException(unique + ": parts and assembly costs " + totalCost + " exceed the price " + price);
        }

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", unique);
        m.put("maker", maker);
        m.put("model", modelName);
        m.put("plant", label.assemblyText().length() > 5 ? label.assemblyText()
                : "not named in the AALA data (final assembly: " + Countries.name(country) + ")");
        m.put("country", country);
        m.put("class", vehicleClass);
        m.put("hs", vehicleHs(rep, pickup));
        m.put("price", money(price));
        m.put("totalCost", money(totalCost));
        Map<String, Object> assembly = new LinkedHashMap<>();
        assembly.put("labour", money(labour));
        assembly.put("overhead", money(overhead));
        assembly.put("period", money(period));
        assembly.put("excluded", money(excluded));
        assembly.put("plantWage", wage(plantWage));
        m.put("assembly", assembly);
        m.put("volumes", volumes);
        Map<String, Object> plant = new LinkedHashMap<>();
        plant.put("engines", naBuilt && engineCountry.equals(country) && !"BEV".equals(rep.powertrainType()) ? totalUnits : 0L);
        plant.put("transmissions", naBuilt && transmissionCountry.equals(country) ? totalUnits : 0L);
        plant.put("batteries", naBuilt && rep.electrified() && batteryCountry.equals(country) ? totalUnits : 0L);
        m.put("assemblyPlant", plant);
        m.put("steel", Map.of("originatingShare", STEEL_ORIGINATING.getOrDefault(country, STEEL_ORIGINATING_DEFAULT)));
        m.put("aluminum", Map.of("originatingShare", ALUMINUM_ORIGINATING.getOrDefault(country, ALUMINUM_ORIGINATING_DEFAULT)));
        BigDecimal intangibles = cents(price.doubleValue() * INTANGIBLES_SHARE_OF_PRICE);
        double naShare = US_HEADQUARTERED.contains(maker) || US_HEADQUARTERED.contains(rep.manufacturer()) ? INTANGIBLES_NA_SHARE_US_MAKER
                : PARTLY_NA_ENGINEERED.contains(rep.manufacturer()) ? INTANGIBLES_NA_SHARE_PARTLY_NA : INTANGIBLES_NA_SHARE_OTHER;
        Map<String, Object> intang = new LinkedHashMap<>();
        intang.put("northAmerican", money(cents(intangibles.doubleValue() * naShare)));
        intang.put("total", money(intangibles));
        m.put("intangibles", intang);
        m.put("parts", parts);

        List<String> names = new ArrayList<>();
        for (EpaVehicle v : g.vehicles) {
            names.add(v.name() + (v.electrified() ? " [" + v.electrification() + "]" : ""));
        }
        ModelSource source = new ModelSource(unique, maker, country, vehicleClass, rep.powertrainType(),
                label.usCanadaPercent(), label.year(), label.carline(), names);
        return new Built(m, source, maker, labour, totalUnits);
    }

    /** Group costs: OMEGA-modelled amounts (capped) plus shares of the remainder; sums to the budget exactly. */
    static Map<String, BigDecimal> groupCosts(EpaVehicle rep, OmegaCostModel omega, BigDecimal budget) {
        Map<String, Double> modelled = omega.componentCosts(rep);
        double b = budget.doubleValue();
        double sum = 0;
        for (double d : modelled.values()) {
            sum += d;
        }
        double scale = sum > MAX_MODELLED_SHARE_OF_PARTS * b ? MAX_MODELLED_SHARE_OF_PARTS * b / sum : 1;
        double remainder = b - sum * scale;
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String group : GROUPS) {
            double amount = modelled.getOrDefault(group, 0.0) * scale + remainder * REMAINDER_SHARES.getOrDefault(group, 0.0);
            if (amount >= 0.01) {
                out.put(group, cents(amount));
            }
        }
        fixRounding(out, budget);
        return out;
    }

    /** A part group (or a share of one) produced in a country. */
    record Piece(String group, String country, BigDecimal cost) {}

    /**
     * Allocates countries to the groups so that the share of the BOM from the US/Canada, the label's primary
     * and secondary countries and the unattributed rest match the AALA label: engine, transmission and
     * battery are fixed; the other groups go, largest first, to the bucket with the largest shortfall; the
     * balancing group ("other") is split over the remaining shortfalls.
     */
    static List<Piece> allocate(Map<String, BigDecimal> groupCost, AalaLabel label, String country, String engineCountry,
                                String transmissionCountry, String batteryCountry, BigDecimal budget) {
        boolean naBuilt = USMCA.contains(country);
        String uscaCountry = "US".equals(country) || "CA".equals(country) ? country : "US";
        double u = label.usCanadaPercent();
        String pc = label.primaryCountry();
        double p = pc.isEmpty() ? 0 : label.primaryPercent();
        String sc = label.secondaryCountry();
        double s = sc.isEmpty() ? 0 : label.secondaryPercent();
        if ("US".equals(pc) || "CA".equals(pc)) {
            u += p;
            p = 0;
        }
        if ("US".equals(sc) || "CA".equals(sc)) {
            u += s;
            s = 0;
        }
        if (sc.equals(pc)) {
            p += s;
            s = 0;
        }
        double total = u + p + s;
        if (total > 100) {
            u *= 100 / total;
            p *= 100 / total;
            s *= 100 / total;
        }
        double rest = 100 - u - p - s;
        double b = budget.doubleValue();
        Map<String, Double> target = new LinkedHashMap<>();
        target.put(USCA, u / 100 * b);
        if (p > 0) {
            target.merge(pc, p / 100 * b, Double::sum);
        }
        if (s > 0) {
            target.merge(sc, s / 100 * b, Double::sum);
        }
        if (rest > 0) {
            if (naBuilt) {
                target.merge("MX", rest * UNATTRIBUTED_TO_MEXICO / 100 * b, Double::sum);
                target.merge(LOW_COST_COUNTRY, rest * (1 - UNATTRIBUTED_TO_MEXICO) / 100 * b, Double::sum);
            } else {
                target.merge(bucket(country), rest / 100 * b, Double::sum);
            }
        }
        Map<String, Double> original = new LinkedHashMap<>(target);
        Map<String, String> assigned = new LinkedHashMap<>();
        Map<String, String> fixed = Map.of("engine", engineCountry, "transmission", transmissionCountry, "battery", batteryCountry);
        for (String g : groupCost.keySet()) {
            if (FIXED_GROUPS.contains(g)) {
                String c = fixed.get(g);
                assigned.put(g, c);
                double cost = groupCost.get(g).doubleValue();
                if (target.containsKey(bucket(c))) {
                    target.merge(bucket(c), -cost, Double::sum);
                } else {
                    // a country the label does not name: foreign content, taken from the foreign buckets pro rata
                    double foreign = 0;
                    for (Map.Entry<String, Double> e : target.entrySet()) {
                        foreign += e.getKey().equals(USCA) ? 0 : Math.max(0, e.getValue());
                    }
                    if (foreign > 0) {
                        for (Map.Entry<String, Double> e : target.entrySet()) {
                            if (!e.getKey().equals(USCA) && e.getValue() > 0) {
                                e.setValue(e.getValue() - cost * e.getValue() / foreign);
                            }
                        }
                    }
                }
            }
        }
        List<String> flexible = new ArrayList<>();
        for (String g : groupCost.keySet()) {
            if (!FIXED_GROUPS.contains(g) && !BALANCING_GROUPS.contains(g)) {
                flexible.add(g);
            }
        }
        flexible.sort(Comparator.comparing((String g) -> groupCost.get(g)).reversed().thenComparingInt(GROUPS::indexOf));
        for (String g : flexible) {
            String best = null;
            for (Map.Entry<String, Double> e : target.entrySet()) {
                if (best == null || e.getValue() > target.get(best)) {
                    best = e.getKey();
                }
            }
            assigned.put(g, best.equals(USCA) ? uscaCountry : best);
            target.merge(best, -groupCost.get(g).doubleValue(), Double::sum);
        }
        // the balancing groups are split over the remaining shortfalls, in the same proportions
        BigDecimal pool = BigDecimal.ZERO;
        for (String g : BALANCING_GROUPS) {
            pool = pool.add(groupCost.getOrDefault(g, BigDecimal.ZERO));
        }
        Map<String, Double> split = balance(pool.doubleValue(), target, original, uscaCountry);
        List<Piece> out = new ArrayList<>();
        for (String g : groupCost.keySet()) {
            if (!BALANCING_GROUPS.contains(g)) {
                out.add(new Piece(g, assigned.get(g), groupCost.get(g)));
                continue;
            }
            BigDecimal cost = groupCost.get(g);
            Map<String, BigDecimal> pieces = new LinkedHashMap<>();
            for (Map.Entry<String, Double> e : split.entrySet()) {
                pieces.put(e.getKey(), cents(cost.doubleValue() * e.getValue()));
            }
            fixRounding(pieces, cost);
            for (Map.Entry<String, BigDecimal> e : pieces.entrySet()) {
                if (e.getValue().signum() > 0) {
                    out.add(new Piece(g, e.getKey(), e.getValue()));
                }
            }
        }
        return out;
    }

    /** Shares (summing to 1) by country in which a balancing pool of {@code o} dollars is split. */
    private static Map<String, Double> balance(double o, Map<String, Double> target, Map<String, Double> original, String uscaCountry) {
        double deficit = 0;
        for (double d : target.values()) {
            deficit += Math.max(0, d);
        }
        Map<String, Double> share = new LinkedHashMap<>();
        if (deficit >= o) {
            for (Map.Entry<String, Double> e : target.entrySet()) {
                if (e.getValue() > 0) {
                    share.put(e.getKey(), o * e.getValue() / deficit);
                }
            }
        } else {
            for (Map.Entry<String, Double> e : target.entrySet()) {
                if (e.getValue() > 0) {
                    share.put(e.getKey(), e.getValue());
                }
            }
            String largest = null;
            for (Map.Entry<String, Double> e : original.entrySet()) {
                if (largest == null || e.getValue() > original.get(largest)) {
                    largest = e.getKey();
                }
            }
            share.merge(largest, o - deficit, Double::sum);
        }
        // drop slivers below 2 % of the group into the largest piece
        String largestPiece = null;
        for (Map.Entry<String, Double> e : share.entrySet()) {
            if (largestPiece == null || e.getValue() > share.get(largestPiece)) {
                largestPiece = e.getKey();
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : share.entrySet()) {
            String k = e.getValue() < 0.02 * o ? largestPiece : e.getKey();
            out.merge(k.equals(USCA) ? uscaCountry : k, o <= 0 ? 0 : e.getValue() / o, Double::sum);
        }
        return out;
    }

    private static String bucket(String country) {
        return "US".equals(country) || "CA".equals(country) ? USCA : country;
    }

    private static Map<String, Object> part(String id, Piece p, EpaVehicle rep, boolean pickup) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("group", p.group);
        m.put("hs", partHs(p.group, rep, pickup));
        m.put("cost", money(p.cost));
        m.put("country", p.country);
        m.put("wage", wage(PARTS_PLANT_WAGE.getOrDefault(p.country, PARTS_PLANT_WAGE_DEFAULT)));
        m.put("nonOriginatingShare", USMCA.contains(p.country) ? NON_ORIGINATING_SHARE_IN_REGION.get(p.group) : 100);
        List<Object> alts = new ArrayList<>();
        List<String> altCountries = new ArrayList<>();
        for (String c : USMCA) {
            if (!c.equals(p.country)) {
                altCountries.add(c);
            }
        }
        altCountries.add(LOW_COST_COUNTRY.equals(p.country) ? LOW_COST_COUNTRY_FALLBACK : LOW_COST_COUNTRY);
        for (String c : altCountries) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("country", c);
            a.put("premium", premium(p.group, p.country, c));
            a.put("wage", wage(PARTS_PLANT_WAGE.getOrDefault(c, PARTS_PLANT_WAGE_DEFAULT)));
            alts.add(a);
        }
        m.put("alternatives", alts);
        return m;
    }

    /** Premium (%) of sourcing a part of {@code group} in {@code to} instead of {@code from}. */
    static int premium(String group, String from, String to) {
        double ratio = PART_COST_INDEX.getOrDefault(to, PART_COST_INDEX_DEFAULT)
                / PART_COST_INDEX.getOrDefault(from, PART_COST_INDEX_DEFAULT);
        double pct = Math.max(0, ratio - 1) * 100 + RESOURCING_PREMIUM;
        if (BULKY_GROUPS.contains(group) && !USMCA.contains(to)) {
            pct += OVERSEAS_LOGISTICS_PREMIUM;
        }
        return (int) Math.round(pct);
    }

    static String vehicleHs(EpaVehicle v, boolean pickup) {
        if (pickup) {
            return "8704.31";   // spark-ignition goods vehicle, g.v.w. <= 5 t (HS 2017 numbering, as USMCA)
        }
        switch (v.powertrainType()) {
            case "BEV":
                return "8703.80";
            case "PHEV":
                return "8703.60";
            case "HEV":
                return "8703.40";
            default:
                double l = v.liters();
                return l <= 1.5 ? "8703.22" : l <= 3.0 ? "8703.23" : "8703.24";
        }
    }

    static String partHs(String group, EpaVehicle v, boolean pickup) {
        switch (group) {
            case "engine":
                return "BEV".equals(v.powertrainType()) ? "8501.53" : "8407.34";
            case "transmission":
                return "8708.40";
            case "battery":
                return "8507.60";
            case "body":
                return pickup ? "8707.90" : "8707.10";
            case "axles":
                return "8708.50";
            case "suspension":
                return "8708.80";
            case "steering":
                return "8708.94";
            case "electronics":
                return "8537.10";
            case "seats":
                return "9401.20";
            case "glass":
                return "7007.21";
            case "tyres":
                return "4011.10";
            case "wiring":
                return "8544.30";
            case "interior":
                return "8708.29";
            default:
                return "8708.99";
        }
    }

    /** Traction battery country: the label's "Battery:" cell, else its primary foreign (non-USMCA) country, else the assembly country. */
    static String batteryCountry(AalaLabel l, String country) {
        if (!l.batteryCountry().isEmpty()) {
            return l.batteryCountry();
        }
        if (!l.primaryCountry().isEmpty() && !USMCA.contains(l.primaryCountry())) {
            return l.primaryCountry();
        }
        return country;
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static <K> void fixRounding(Map<K, BigDecimal> parts, BigDecimal total) {
        BigDecimal sum = BigDecimal.ZERO;
        K largest = null;
        for (Map.Entry<K, BigDecimal> e : parts.entrySet()) {
            sum = sum.add(e.getValue());
            if (largest == null || e.getValue().compareTo(parts.get(largest)) > 0) {
                largest = e.getKey();
            }
        }
        if (largest != null) {
            parts.put(largest, parts.get(largest).add(total.subtract(sum)));
        }
    }

    static BigDecimal cents(double d) {
        return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP);
    }

    private static String money(BigDecimal d) {
        return d.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static Map<String, Object> wage(Wage w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate", w.rate());
        m.put("currency", w.currency());
        return m;
    }

    private static String orElse(String s, String dflt) {
        return s == null || s.isEmpty() ? dflt : s;
    }

    /** An AALA car line without parenthesised text and drive words ("CR-V FWD" → "CR-V", "Taos (FWD)" → "Taos"). */
    static String displayName(String carline) {
        return carline.replaceAll("\\(.*?\\)", " ")
                .replaceAll("(?i)\\b(AWD|FWD|RWD|2WD|4WD|4X4|4X2|4CYL)\\b", " ").replaceAll("\\s+", " ").trim();
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String prettyMaker(String epa) {
        switch (epa) {
            case "VW":
                return "Volkswagen";
            case "Mercedes Benz":
                return "Mercedes-Benz";
            default:
                return epa;
        }
    }

    private static String prettyBrand(String aala) {
        switch (aala) {
            case "Chevy":
                return "Chevrolet";
            case "RAM":
                return "Ram";
            default:
                return aala;
        }
    }

    /** EPA rows joined to one AALA car line. */
    private static final class Group {
        final List<String> key;
        final int year;
        final String makerKey;
        final List<EpaVehicle> vehicles = new ArrayList<>();
        final List<AalaLabel> labels = new ArrayList<>();

        Group(List<String> key, int year, String makerKey) {
            this.key = key;
            this.year = year;
            this.makerKey = makerKey;
        }

        double sales() {
            double s = 0;
            for (EpaVehicle v : vehicles) {
                s += v.sales();
            }
            return s;
        }

        /** Sales-weighted MSRP. */
        double msrp() {
            double s = 0;
            double w = 0;
            for (EpaVehicle v : vehicles) {
                s += v.sales() * v.msrp();
                w += v.sales();
            }
            return w == 0 ? 0 : s / w;
        }

        /** The best-selling EPA row (first on ties): its specifications feed the cost equations. */
        EpaVehicle representative() {
            EpaVehicle best = null;
            for (EpaVehicle v : vehicles) {
                if (best == null || v.sales() > best.sales()) {
                    best = v;
                }
            }
            return best;
        }

        /**
         * The label of the most frequent final-assembly country among the car line's labels; on ties a USMCA
         * country (the US market is mostly served from North America), then the first in file order.
         */
        AalaLabel label() {
            Map<String, Integer> n = new LinkedHashMap<>();
            for (AalaLabel l : labels) {
                n.merge(l.assemblyCountry(), 1, Integer::sum);
            }
            String mode = null;
            for (Map.Entry<String, Integer> e : n.entrySet()) {
                if (mode == null || e.getValue() > n.get(mode)
                        || e.getValue().equals(n.get(mode)) && USMCA.contains(e.getKey()) && !USMCA.contains(mode)) {
                    mode = e.getKey();
                }
            }
            for (AalaLabel l : labels) {
                if (l.assemblyCountry().equals(mode)) {
                    return l;
                }
            }
            throw new IllegalStateException("no label");
        }
    }

    private record Built(Map<String, Object> model, ModelSource source, String maker, BigDecimal labour, long totalUnits) {}
}
