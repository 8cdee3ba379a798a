package dev.origin.io.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded generator of synthetic catalogs of auto parts (docs/catalog-format.md, "Generated catalogs"). The same
 * settings give the same catalog, good by good: good {@code i} depends only on the seed and {@code i}, so goods can
 * be generated in any order or in parallel.
 *
 * <p>Shape: every good has {@code fanOut} lines per level of its bill of materials; when {@code depth > 0} its first
 * line is a self-produced sub-assembly with {@code fanOut} lines of its own, and so on {@code depth} levels down, so a
 * good has {@code fanOut × (depth + 1)} lines. Bought-in lines rest on one of {@code declarations} supplier
 * declarations (a part number of one of {@code suppliers} suppliers, with its HS code and origin); a share
 * {@code unknownShare} of the declarations is missing or expired (origin {@code unknown}). Suppliers in the USMCA
 * territory declare their parts originating (85 %), others non-originating. Each good belongs to a product family of
 * the HS mix, which fixes its HS code, its rule (a tariff shift and a net-cost RVC) and the HS code of its
 * sub-assemblies.
 */
public final class CatalogGenerator {

    /** A product family: the good's HS code, its rule's shift level and RVC threshold, and its sub-assemblies' HS code. */
    public record Family(String name, String hs, String shift, BigDecimal threshold, String subHs) {
        /** The rule in the rule syntax, e.g. {@code CTH and RVC(NC) >= 60}. */
        public String rule() { return shift + " and RVC(NC) >= " + threshold.toPlainString(); }
    }

    /** The product families the HS mix draws from. */
    public static final List<Family> FAMILIES = List.of(
            new Family("gearbox", "870840", "CTH", new BigDecimal("60"), "848340"),
            new Family("suspension", "870880", "CTSH", new BigDecimal("50"), "732010"),
            new Family("engine", "840734", "CTH", new BigDecimal("62.5"), "840991"),
            new Family("harness", "854430", "CTH", new BigDecimal("45"), "853690"));

    /** HS codes of bought-in parts; some share a heading or subheading with a family's good, and so fail its shift. */
    static final List<String> PART_HS = List.of("732690", "848210", "848310", "870899", "401693", "854430", "870880", "731815",
            "401699", "840734", "841330", "840991", "854449", "740811", "392690", "853690", "870840", "720827");
    static final List<String> TERRITORY = List.of("US", "CA", "MX");
    static final List<String> ABROAD = List.of("CN", "DE", "JP", "KR", "IN");

    /**
     * The generator's settings.
     *
     * @param goods             number of goods
     * @param fanOut            lines per level of a bill of materials (at least 1)
     * @param depth             levels of self-produced sub-assemblies below the good (0: flat)
     * @param unknownShare      share of declarations of unknown origin (0 to 1)
     * @param suppliers         number of suppliers
     * @param declarations      number of supplier declarations (part numbers) the lines rest on
     * @param intermediateShare share of sub-assemblies designated intermediate materials (0 to 1)
     * @param hsMix             product family name to weight
     * @param date              the goods' date of production
     * @param seed              the seed
     */
    public record Settings(int goods, int fanOut, int depth, double unknownShare, int suppliers, int declarations,
                           double intermediateShare, Map<String, Integer> hsMix, LocalDate date, long seed) {
        public Settings {
            if (goods < 0) throw new IllegalArgumentException("`goods` is negative: " + goods);
            if (fanOut < 1) throw new IllegalArgumentException("`fanOut` must be at least 1, not " + fanOut);
            if (depth < 0 || depth > 16) throw new IllegalArgumentException("`depth` must be 0 to 16, not " + depth);
            if (!(unknownShare >= 0 && unknownShare <= 1)) throw new IllegalArgumentException("`unknownShare` must be 0 to 1, not " + unknownShare);
            if (!(intermediateShare >= 0 && intermediateShare <= 1)) {
                throw new IllegalArgumentException("`intermediateShare` must be 0 to 1, not " + intermediateShare);
            }
            if (suppliers < 1 || declarations < 1) throw new IllegalArgumentException("`suppliers` and `declarations` must be at least 1");
            hsMix = Map.copyOf(hsMix);
            for (var e : hsMix.entrySet()) {
                if (FAMILIES.stream().noneMatch(f -> f.name().equals(e.getKey()))) {
                    throw new IllegalArgumentException("`" + e.getKey() + "` is not a product family (" + names() + ")");
                }
                if (e.getValue() < 0) throw new IllegalArgumentException("The weight of `" + e.getKey() + "` is negative");
            }
            if (hsMix.values().stream().mapToInt(Integer::intValue).sum() <= 0) throw new IllegalArgumentException("The HS mix has no weight");
        }

        /** The defaults: fan-out 10, depth 1, 5 % unknown, 500 suppliers, 1 declaration per 20 lines, no designations, every family once. */
        public static Settings of(int goods) {
            Map<String, Integer> mix = new LinkedHashMap<>();
            for (Family f : FAMILIES) mix.put(f.name(), 1);
            return new Settings(goods, 10, 1, 0.05, 500, Math.max(1, goods), 0, mix, LocalDate.of(2023, 7, 1), 42);
        }

        public Settings withGoods(int n) {
            return new Settings(n, fanOut, depth, unknownShare, suppliers, declarations, intermediateShare, hsMix, date, seed);
        }

        public Settings withShape(int fanOut, int depth) {
            return new Settings(goods, fanOut, depth, unknownShare, suppliers, declarations, intermediateShare, hsMix, date, seed);
        }

        public Settings withOrigins(double unknownShare, int suppliers, int declarations) {
            return new Settings(goods, fanOut, depth, unknownShare, suppliers, declarations, intermediateShare, hsMix, date, seed);
        }

        public Settings withIntermediateShare(double share) {
            return new Settings(goods, fanOut, depth, unknownShare, suppliers, declarations, share, hsMix, date, seed);
        }

        public Settings withHsMix(Map<String, Integer> mix) {
            return new Settings(goods, fanOut, depth, unknownShare, suppliers, declarations, intermediateShare, mix, date, seed);
        }

        public Settings withDate(LocalDate d) {
            return new Settings(goods, fanOut, depth, unknownShare, suppliers, declarations, intermediateShare, hsMix, d, seed);
        }

        public Settings withSeed(long s) {
            return new Settings(goods, fanOut, depth, unknownShare, suppliers, declarations, intermediateShare, hsMix, date, s);
        }

        public int linesPerGood() { return fanOut * (depth + 1); }

        static String names() {
            return String.join(", ", FAMILIES.stream().map(Family::name).toList());
        }
    }

    /** A supplier declaration: the part's HS code, the supplier's country and the declared origin. */
    public record Declaration(String id, String hs, String country, String origin) {}

    /**
     * One generated good in primitive form (amounts in cents; -1 for an empty cell), reused from good to good.
     * Line {@code j}'s parent is {@code parent[j]} (-1: the good's own line); a self-produced line has no value and
     * no origin, and carries {@code other} and {@code excluded} costs.
     */
    public static final class Raw {
        public int index, family, lines;
        public String id, producerCountry;
        public long transactionValue, otherCosts, excludedCosts;
        public int[] parent, declaration;
        public long[] value, other, excluded;
        public boolean[] selfProduced, intermediate;

        Raw(int n) {
            parent = new int[n];
            declaration = new int[n];
            value = new long[n];
            other = new long[n];
            excluded = new long[n];
            selfProduced = new boolean[n];
            intermediate = new boolean[n];
        }

        /** The id of line {@code j} (unique within the good). */
        public static String lineId(int j) { return "L" + (j + 1); }
    }

    private final Settings s;
    private final Declaration[] declarations;
    private final int[] familyByWeight;

    public CatalogGenerator(Settings s) {
        this.s = s;
        SplittableRandom r = new SplittableRandom(s.seed());
        String[] supplierCountry = new String[s.suppliers()];
        for (int i = 0; i < supplierCountry.length; i++) {
            supplierCountry[i] = r.nextDouble() < 0.6 ? TERRITORY.get(r.nextInt(TERRITORY.size())) : ABROAD.get(r.nextInt(ABROAD.size()));
        }
        declarations = new Declaration[s.declarations()];
        for (int d = 0; d < declarations.length; d++) {
            String country = supplierCountry[r.nextInt(supplierCountry.length)];
            String hs = PART_HS.get(r.nextInt(PART_HS.size()));
            String origin = r.nextDouble() < s.unknownShare() ? "unknown"
                    : TERRITORY.contains(country) && r.nextDouble() < 0.85 ? "originating" : "non-originating";
            declarations[d] = new Declaration("D" + (d + 1), hs, country, origin);
        }
        List<Integer> idx = new ArrayList<>();
        for (int f = 0; f < FAMILIES.size(); f++) {
            for (int w = 0; w < s.hsMix().getOrDefault(FAMILIES.get(f).name(), 0); w++) idx.add(f);
        }
        familyByWeight = idx.stream().mapToInt(Integer::intValue).toArray();
    }

    public Settings settings() { return s; }

    public Declaration declaration(int d) { return declarations[d]; }

    public int declarationCount() { return declarations.length; }

    /** A reusable holder for {@link #generate(int, Raw)}. */
    public Raw newRaw() { return new Raw(s.linesPerGood()); }

    /** Generates good {@code i} into {@code g}; the result depends only on the settings and {@code i}. */
    public Raw generate(int i, Raw g) {
        SplittableRandom r = new SplittableRandom(s.seed() * 0x9E3779B97F4A7C15L + i);
        g.index = i;
        g.id = "G" + (i + 1);
        g.family = familyByWeight[r.nextInt(familyByWeight.length)];
        g.producerCountry = TERRITORY.get(r.nextInt(TERRITORY.size()));
        int f = s.fanOut();
        g.lines = s.linesPerGood();
        long materials = 0;
        // levels from the deepest up, so that a sub-assembly's total cost is known when its parent needs it
        long[] levelCost = new long[s.depth() + 2];
        for (int level = s.depth(); level >= 0; level--) {
            int base = level * f;
            long sum = 0;
            for (int k = 0; k < f; k++) {
                int j = base + k;
                g.parent[j] = level == 0 ? -1 : (level - 1) * f;
                boolean sub = k == 0 && level < s.depth();
                g.selfProduced[j] = sub;
                if (sub) {
                    g.intermediate[j] = r.nextDouble() < s.intermediateShare();
                    g.declaration[j] = -1;
                    g.value[j] = -1;
                    g.other[j] = 500 + r.nextInt(50_000);
                    g.excluded[j] = r.nextInt(2_000);
                    sum += levelCost[level + 1] + g.other[j];
                } else {
                    g.intermediate[j] = false;
                    g.declaration[j] = r.nextInt(declarations.length);
                    g.value[j] = 1_000 + r.nextInt(199_000);
                    g.other[j] = -1;
                    g.excluded[j] = -1;
                    sum += g.value[j];
                }
            }
            levelCost[level] = sum;
        }
        materials = levelCost[0];
        g.otherCosts = materials / 5 + r.nextInt((int) Math.min(Integer.MAX_VALUE, materials / 2 + 1));
        g.excludedCosts = r.nextInt((int) Math.min(Integer.MAX_VALUE, g.otherCosts / 20 + 1));
        g.transactionValue = (materials + g.otherCosts) * (110 + r.nextInt(20)) / 100;
        return g;
    }

    /** The family of a generated good. */
    public static Family family(Raw g) { return FAMILIES.get(g.family); }

    /** The HS code of line {@code j} of {@code g}. */
    public String lineHs(Raw g, int j) {
        return g.selfProduced[j] ? family(g).subHs() : declarations[g.declaration[j]].hs();
    }

    /** Good {@code i} as catalog rows. */
    public GoodRow goodRow(Raw g) {
        return new GoodRow(g.id, family(g).hs(), g.producerCountry, null, s.date(), null, null, cents(g.transactionValue), null,
                cents(0), cents(0), cents(g.otherCosts), cents(g.excludedCosts), family(g).rule(), 0);
    }

    /** The lines of {@code g} as catalog rows. */
    public List<LineRow> lineRows(Raw g) {
        List<LineRow> out = new ArrayList<>(g.lines);
        for (int j = 0; j < g.lines; j++) {
            Declaration d = g.declaration[j] < 0 ? null : declarations[g.declaration[j]];
            out.add(new LineRow(g.id, Raw.lineId(j), g.parent[j] < 0 ? null : Raw.lineId(g.parent[j]), lineHs(g, j),
                    cents(g.value[j]), d == null ? null : d.origin(), d == null ? null : d.country(), g.selfProduced[j], g.intermediate[j],
                    cents(g.other[j]), cents(g.excluded[j]), d == null ? null : d.id(), 0));
        }
        return out;
    }

    static BigDecimal cents(long c) {
        return c < 0 ? null : BigDecimal.valueOf(c, 2);
    }

    /** The whole catalog as tables (for small catalogs: tests, examples). */
    public Tables tables() {
        List<GoodRow> goods = new ArrayList<>();
        List<LineRow> lines = new ArrayList<>();
        Raw g = newRaw();
        for (int i = 0; i < s.goods(); i++) {
            generate(i, g);
            goods.add(goodRow(g));
            lines.addAll(lineRows(g));
        }
        return new Tables(goods, lines);
    }

    // ------------------------------------------------------------------ writing

    /** Writes the catalog as CSV tables into {@code dir}. */
    public void writeCsv(Path dir) throws IOException {
        try (CatalogCsv.TableWriter w = new CatalogCsv.TableWriter(dir)) {
            Raw g = newRaw();
            for (int i = 0; i < s.goods(); i++) {
                generate(i, g);
                w.good(goodRow(g));
                for (LineRow l : lineRows(g)) w.line(l);
            }
        }
    }

    /** Writes the catalog as Parquet tables into {@code dir} (through CSV in a temporary folder, converted by DuckDB). */
    public void writeParquet(Path dir) throws IOException {
        Path tmp = Files.createTempDirectory("origin-catalog");
        try {
            writeCsv(tmp);
            CatalogParquet.fromCsv(tmp, dir);
        } finally {
            for (String f : List.of(CatalogCsv.GOODS, CatalogCsv.LINES)) Files.deleteIfExists(tmp.resolve(f));
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the catalog as a case file: one JSON document, or NDJSON (one good per line). */
    public void writeCaseFile(OutputStream out, boolean ndjson) throws IOException {
        try (CaseFileWriter w = new CaseFileWriter(out, ndjson)) {
            Raw g = newRaw();
            for (int i = 0; i < s.goods(); i++) {
                generate(i, g);
                w.good(goodRow(g), lineRows(g));
            }
        }
    }
}
