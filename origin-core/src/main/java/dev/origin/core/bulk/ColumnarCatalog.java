package dev.origin.core.bulk;

import dev.origin.core.hs.HsCode;
import dev.origin.core.model.CostSheet;
import dev.origin.core.model.ExcludedCosts;
import dev.origin.core.model.Good;
import dev.origin.core.model.Material;
import dev.origin.core.model.MaterialKind;
import dev.origin.core.model.Origin;
import dev.origin.core.rules.Rule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalog held as columns: one array per field, goods and their lines side by side, money as exact long
 * cents ({@code -1}: absent), HS codes, countries, line ids, rules and dates interned (an int per cell), origins
 * as bytes. Lines of good {@code g} are {@code lineStart[g] .. lineStart[g + 1] - 1}; a line's parent is an
 * index into the same good's lines ({@code -1}: a line of the good itself). Five million lines take about
 * 150 MB; a good is built as an engine {@link Good} only while it is evaluated ({@link #good}).
 *
 * <p>Changes ({@link #setDeclarationOrigin}, {@link #setLineValue}, {@link #setOtherCosts}) update the columns in
 * place and return the goods that depend on the change, for {@link BulkEvaluator#requalify}.
 */
public final class ColumnarCatalog {
    static final byte ORIGINATING = 0, NON_ORIGINATING = 1, UNKNOWN = 2, NONE = -1;
    static final byte SELF_PRODUCED = 1, INTERMEDIATE = 2;

    // goods
    final String[] goodId;
    final int[] goodHs, producer, goodRule, goodDate;
    final long[] transactionValue, otherCosts, excludedCosts;
    final int[] lineStart;
    // lines
    final int[] parent, lineHs, lineId, country, declaration;
    final long[] value, lineOther, lineExcluded;
    final byte[] origin, flags;
    // interned values
    final HsCode[] hsCodes;
    final String[] strings;
    final Rule[] rules;
    final LocalDate[] dates;
    final int goods, lines;
    /**
     * The dependency index declaration → goods, built with the catalog (CSR): the goods holding a line that rests on
     * declaration {@code d} are {@code declarationGoods[declarationStart[d] .. declarationStart[d + 1] - 1]}, in
     * increasing order. A change of a declaration reads it without building anything.
     */
    private final int[] declarationStart, declarationGoods;
    private final long declarationIndexNanos;

    private ColumnarCatalog(Builder b) {
        goods = b.goods;
        lines = b.lines;
        goodId = Arrays.copyOf(b.goodId, goods);
        goodHs = Arrays.copyOf(b.goodHs, goods);
        producer = Arrays.copyOf(b.producer, goods);
        goodRule = Arrays.copyOf(b.goodRule, goods);
        goodDate = Arrays.copyOf(b.goodDate, goods);
        transactionValue = Arrays.copyOf(b.transactionValue, goods);
        otherCosts = Arrays.copyOf(b.otherCosts, goods);
        excludedCosts = Arrays.copyOf(b.excludedCosts, goods);
        lineStart = Arrays.copyOf(b.lineStart, goods + 1);
        lineStart[goods] = lines;
        parent = Arrays.copyOf(b.parent, lines);
        lineHs = Arrays.copyOf(b.lineHs, lines);
        lineId = Arrays.copyOf(b.lineId, lines);
        country = Arrays.copyOf(b.country, lines);
        declaration = Arrays.copyOf(b.declaration, lines);
        value = Arrays.copyOf(b.value, lines);
        lineOther = Arrays.copyOf(b.lineOther, lines);
        lineExcluded = Arrays.copyOf(b.lineExcluded, lines);
        origin = Arrays.copyOf(b.origin, lines);
        flags = Arrays.copyOf(b.flags, lines);
        hsCodes = b.hsList.toArray(new HsCode[0]);
        strings = b.stringList.toArray(new String[0]);
        rules = b.ruleList.toArray(new Rule[0]);
        dates = b.dateList.toArray(new LocalDate[0]);
        checkParents();
        long t = System.nanoTime();
        int max = -1;
        for (int d : declaration) max = Math.max(max, d);
        declarationStart = new int[max + 2];
        declarationGoods = declarationIndex(max);
        declarationIndexNanos = System.nanoTime() - t;
    }

    /** Every parent is a self-produced line of the same good, and no line is its own ancestor. */
    private void checkParents() {
        for (int g = 0; g < goods; g++) {
            int from = lineStart[g], n = lineStart[g + 1] - from;
            for (int i = 0; i < n; i++) {
                int p = parent[from + i], steps = 0;
                while (p >= 0) {
                    if (p >= n || (flags[from + p] & SELF_PRODUCED) == 0 || p == i || ++steps > n) {
                        throw new IllegalArgumentException("Good `" + goodId[g] + "`: line `" + strings[lineId[from + i]]
                                + "` has a parent that is not a self-produced line of the good, or is its own ancestor.");
                    }
                    p = parent[from + p];
                }
            }
        }
    }

    public int goods() { return goods; }

    public int lines() { return lines; }

    public String goodId(int g) { return goodId[g]; }

    /** The number of lines of good {@code g}. */
    public int linesOf(int g) { return lineStart[g + 1] - lineStart[g]; }

    /** The date of good {@code g}, or null. */
    public LocalDate date(int g) { return goodDate[g] < 0 ? null : dates[goodDate[g]]; }

    /** Approximate bytes held by the columns (arrays and interned values). */
    public long bytes() {
        long perGood = 8L + 4 * 5 + 8 * 3 + 4;
        long perLine = 4 * 5 + 8 * 3 + 2;
        return goods * perGood + (long) lines * perLine + strings.length * 48L + hsCodes.length * 64L
                + 4L * (declarationStart.length + declarationGoods.length);
    }

    // ------------------------------------------------------------------ changes

    /**
     * Sets the origin of every line resting on declaration {@code d}; returns the goods that hold such a line (in
     * increasing order). Touches only those goods' lines, through the dependency index built with the catalog.
     */
    public int[] setDeclarationOrigin(int d, Origin o) {
        if (d < 0 || d + 1 >= declarationStart.length) return new int[0];
        byte b = code(o);
        for (int i = declarationStart[d]; i < declarationStart[d + 1]; i++) {
            int g = declarationGoods[i];
            for (int l = lineStart[g]; l < lineStart[g + 1]; l++) if (declaration[l] == d) origin[l] = b;
        }
        return Arrays.copyOfRange(declarationGoods, declarationStart[d], declarationStart[d + 1]);
    }

    /** Sets the value of line {@code l} (an index into the catalog's lines); returns the good it belongs to. */
    public int[] setLineValue(int l, long cents) {
        value[l] = cents;
        return new int[] {goodOfLine(l)};
    }

    /** Sets good {@code g}'s other costs; returns {@code g}. */
    public int[] setOtherCosts(int g, long cents) {
        otherCosts[g] = cents;
        return new int[] {g};
    }

    /** The good line {@code l} belongs to. */
    public int goodOfLine(int l) {
        int i = Arrays.binarySearch(lineStart, 0, goods + 1, l);
        if (i >= 0) {
            while (i + 1 <= goods && lineStart[i + 1] == l) i++;   // goods without lines share a start
            return i;
        }
        return -i - 2;
    }

    /** The goods with a line resting on declaration {@code d}, in increasing order (a copy of the index's entry). */
    public int[] goodsOfDeclaration(int d) {
        if (d < 0 || d + 1 >= declarationStart.length) return new int[0];
        return Arrays.copyOfRange(declarationGoods, declarationStart[d], declarationStart[d + 1]);
    }

    /** How long building the declaration → goods index took, in nanoseconds (part of building the catalog). */
    public long declarationIndexNanos() { return declarationIndexNanos; }

    /** Fills {@link #declarationStart} (declarations 0..max) and returns the goods column of the index. */
    private int[] declarationIndex(int max) {
        int[] last = new int[max + 1];
        Arrays.fill(last, -1);
        for (int g = 0; g < goods; g++) {
            for (int l = lineStart[g]; l < lineStart[g + 1]; l++) {
                int d = declaration[l];
                if (d >= 0 && last[d] != g) { last[d] = g; declarationStart[d + 1]++; }
            }
        }
        for (int d = 0; d <= max; d++) declarationStart[d + 1] += declarationStart[d];
        int[] out = new int[declarationStart[max + 1]];
        int[] fill = Arrays.copyOf(declarationStart, max + 1);
        Arrays.fill(last, -1);
        for (int g = 0; g < goods; g++) {
            for (int l = lineStart[g]; l < lineStart[g + 1]; l++) {
                int d = declaration[l];
                if (d >= 0 && last[d] != g) { last[d] = g; out[fill[d]++] = g; }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ goods for the engine

    /** Good {@code g} as the engine's model: the same good the case file or the tables describe. */
    public Good good(int g) {
        int from = lineStart[g], to = lineStart[g + 1], n = to - from;
        boolean nested = false;
        for (int l = from; l < to && !nested; l++) nested = parent[l] >= 0;
        List<Material> top;
        if (!nested) {
            top = new ArrayList<>(n);
            for (int l = from; l < to; l++) top.add(material(l, List.of()));
        } else {
            // children lists in line order: head[p + 1] is the first child of line p (slot 0: the good's own lines)
            int[] head = new int[n + 1], next = new int[n];
            Arrays.fill(head, -1);
            for (int i = n - 1; i >= 0; i--) {
                int slot = parent[from + i] + 1;
                next[i] = head[slot];
                head[slot] = i;
            }
            top = children(0, from, head, next);
        }
        CostSheet costs = otherCosts[g] < 0 && excludedCosts[g] < 0 ? null : costs(0, otherCosts[g], excludedCosts[g]);
        return Good.builder(goodId[g], hsCodes[goodHs[g]], strings[producer[g]]).date(date(g))
                .transactionValue(money(transactionValue[g])).costs(costs).materials(top)
                .rule(goodRule[g] < 0 ? null : rules[goodRule[g]]).build();
    }

    private List<Material> children(int slot, int from, int[] head, int[] next) {
        List<Material> out = new ArrayList<>();
        for (int i = head[slot]; i >= 0; i = next[i]) {
            int l = from + i;
            out.add(material(l, (flags[l] & SELF_PRODUCED) != 0 ? children(i + 1, from, head, next) : List.of()));
        }
        return out;
    }

    private Material material(int l, List<Material> sub) {
        boolean self = (flags[l] & SELF_PRODUCED) != 0;
        Material.Production production = null;
        if (self) {
            CostSheet c = lineOther[l] < 0 && lineExcluded[l] < 0 ? null : costs(0, lineOther[l], lineExcluded[l]);
            production = new Material.Production(c, sub, null);
        }
        return new Material(strings[lineId[l]], hsCodes[lineHs[l]], money(value[l]), origin(origin[l]),
                country[l] < 0 ? null : strings[country[l]], MaterialKind.DIRECT, false, (flags[l] & INTERMEDIATE) != 0, production, null, null);
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private static CostSheet costs(long lump, long other, long excluded) {
        ExcludedCosts ex = excluded < 0 ? ExcludedCosts.NONE : new ExcludedCosts(BigDecimal.valueOf(excluded, 2), ZERO, ZERO, ZERO);
        return new CostSheet(ZERO, ZERO, ZERO, ZERO, other < 0 ? ZERO : BigDecimal.valueOf(other, 2), ex, null, null, null);
    }

    static BigDecimal money(long cents) {
        return cents < 0 ? null : BigDecimal.valueOf(cents, 2);
    }

    static Origin origin(byte b) {
        return switch (b) {
            case ORIGINATING -> Origin.ORIGINATING;
            case NON_ORIGINATING -> Origin.NON_ORIGINATING;
            case UNKNOWN -> Origin.UNKNOWN;
            default -> null;
        };
    }

    static byte code(Origin o) {
        if (o == null) return NONE;
        return switch (o) {
            case ORIGINATING -> ORIGINATING;
            case NON_ORIGINATING -> NON_ORIGINATING;
            case UNKNOWN -> UNKNOWN;
        };
    }

    /** The origin of line {@code l} (null for a self-produced line). */
    public Origin origin(int l) { return origin(origin[l]); }

    /** The declaration line {@code l} rests on, or -1. */
    public int declaration(int l) { return declaration[l]; }

    /** The value of line {@code l} in cents, or -1. */
    public long valueCents(int l) { return value[l]; }

    /** Whether line {@code l} is self-produced. */
    public boolean selfProduced(int l) { return (flags[l] & SELF_PRODUCED) != 0; }

    /** A new builder; goods are added in order, each followed by its lines. */
    public static Builder builder() { return new Builder(); }

    /**
     * Builds a catalog good by good: {@link #good} then that good's {@link #line}s (a line's parent is the index,
     * within the good, of an earlier or later line of the same good). Amounts in cents, {@code -1} for absent.
     */
    public static final class Builder {
        int goods, lines;
        String[] goodId = new String[16];
        int[] goodHs = new int[16], producer = new int[16], goodRule = new int[16], goodDate = new int[16], lineStart = new int[17];
        long[] transactionValue = new long[16], otherCosts = new long[16], excludedCosts = new long[16];
        int[] parent = new int[64], lineHs = new int[64], lineId = new int[64], country = new int[64], declaration = new int[64];
        long[] value = new long[64], lineOther = new long[64], lineExcluded = new long[64];
        byte[] origin = new byte[64], flags = new byte[64];
        final List<HsCode> hsList = new ArrayList<>();
        final Map<String, Integer> hsIndex = new HashMap<>();
        final List<String> stringList = new ArrayList<>();
        final Map<String, Integer> stringIndex = new HashMap<>();
        final List<Rule> ruleList = new ArrayList<>();
        final Map<Object, Integer> ruleIndex = new HashMap<>();
        final List<LocalDate> dateList = new ArrayList<>();
        final Map<LocalDate, Integer> dateIndex = new HashMap<>();

        private Builder() {}

        /** Expected sizes, to avoid regrowing. */
        public Builder capacity(int goods, int lines) {
            growGoods(goods);
            growLines(lines);
            return this;
        }

        /**
         * Adds a good; {@code ruleKey} identifies {@code rule} for interning (e.g. its text), so that goods sharing a
         * rule share one object. {@code otherCosts} and {@code excludedCosts} both -1: no cost sheet.
         */
        public Builder good(String id, String hs, String producerCountry, LocalDate date, long transactionValue, long otherCosts,
                            long excludedCosts, Object ruleKey, Rule rule) {
            growGoods(goods + 1);
            goodId[goods] = id;
            goodHs[goods] = hs(hs);
            producer[goods] = string(producerCountry);
            goodDate[goods] = date == null ? -1 : dateIndex.computeIfAbsent(date, d -> { dateList.add(d); return dateList.size() - 1; });
            goodRule[goods] = rule == null ? -1 : ruleIndex.computeIfAbsent(ruleKey, k -> { ruleList.add(rule); return ruleList.size() - 1; });
            this.transactionValue[goods] = transactionValue;
            this.otherCosts[goods] = otherCosts;
            this.excludedCosts[goods] = excludedCosts;
            lineStart[goods] = lines;
            goods++;
            return this;
        }

        /** Adds a line of the last good added. */
        public Builder line(String id, int parentIndex, String hs, long value, Origin origin, String country, boolean selfProduced,
                            boolean intermediate, long otherCosts, long excludedCosts, int declaration) {
            if (goods == 0) throw new IllegalStateException("a line before any good");
            growLines(lines + 1);
            lineId[lines] = string(id);
            parent[lines] = parentIndex;
            lineHs[lines] = hs(hs);
            this.value[lines] = value;
            this.origin[lines] = code(origin);
            this.country[lines] = country == null ? -1 : string(country);
            flags[lines] = (byte) ((selfProduced ? SELF_PRODUCED : 0) | (intermediate ? INTERMEDIATE : 0));
            lineOther[lines] = otherCosts;
            lineExcluded[lines] = excludedCosts;
            this.declaration[lines] = declaration;
            lines++;
            return this;
        }

        public ColumnarCatalog build() { return new ColumnarCatalog(this); }

        private int hs(String text) {
            Integer i = hsIndex.get(text);
            if (i != null) return i;
            hsList.add(HsCode.parse(text));
            hsIndex.put(text, hsList.size() - 1);
            return hsList.size() - 1;
        }

        private int string(String s) {
            Integer i = stringIndex.get(s);
            if (i != null) return i;
            stringList.add(s);
            stringIndex.put(s, stringList.size() - 1);
            return stringList.size() - 1;
        }

        private void growGoods(int n) {
            if (n <= goodId.length) return;
            int c = Math.max(n, goodId.length * 2);
            goodId = Arrays.copyOf(goodId, c);
            goodHs = Arrays.copyOf(goodHs, c);
            producer = Arrays.copyOf(producer, c);
            goodRule = Arrays.copyOf(goodRule, c);
            goodDate = Arrays.copyOf(goodDate, c);
            transactionValue = Arrays.copyOf(transactionValue, c);
            otherCosts = Arrays.copyOf(otherCosts, c);
            excludedCosts = Arrays.copyOf(excludedCosts, c);
            lineStart = Arrays.copyOf(lineStart, c + 1);
        }

        private void growLines(int n) {
            if (n <= parent.length) return;
            int c = Math.max(n, parent.length * 2);
            parent = Arrays.copyOf(parent, c);
            lineHs = Arrays.copyOf(lineHs, c);
            lineId = Arrays.copyOf(lineId, c);
            country = Arrays.copyOf(country, c);
            declaration = Arrays.copyOf(declaration, c);
            value = Arrays.copyOf(value, c);
            lineOther = Arrays.copyOf(lineOther, c);
            lineExcluded = Arrays.copyOf(lineExcluded, c);
            origin = Arrays.copyOf(origin, c);
            flags = Arrays.copyOf(flags, c);
        }
    }
}
