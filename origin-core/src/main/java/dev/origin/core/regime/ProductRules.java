package dev.origin.core.regime;

import dev.origin.core.hs.HsCode;
import dev.origin.core.hs.HsRange;
import dev.origin.core.model.Use;
import dev.origin.core.model.VehicleKind;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The product-specific rules of a pack: an unmodifiable list in the pack's order that also knows, for each HS
 * chapter, which rules have a scope reaching into it, and remembers the answers it gave. {@link Regime#ruleFor}
 * scans only the rules of the good's chapter instead of all of them (the NAFTA pack holds all 1,360 rules of
 * Schedule I; a vehicle's lookup used to test every one), and a lookup asked before is answered from memory (a
 * simulation asks the same few lookups millions of times). The candidates of a chapter keep the pack's order, so ties
 * are decided as before. The memory holds at most {@value #MEMO_LIMIT} lookups; past that, lookups are scanned.
 */
final class ProductRules extends AbstractList<Regime.ProductRule> implements RandomAccess {
    private final Regime.ProductRule[] rules;
    /** chapter (0-99) → the rules whose scope has a range covering some heading of the chapter, in pack order */
    private final Regime.ProductRule[][] byChapter;
    static final int MEMO_LIMIT = 50_000;
    private record Lookup(String digits, VehicleKind vehicle, Use use, boolean staging, LocalDate date) {}
    private static final Object NONE = new Object();
    private final Map<Lookup, Object> memo = new ConcurrentHashMap<>();

    private ProductRules(List<Regime.ProductRule> rules) {
        this.rules = rules.toArray(new Regime.ProductRule[0]);
        List<List<Regime.ProductRule>> buckets = new ArrayList<>(100);
        for (int c = 0; c < 100; c++) buckets.add(new ArrayList<>());
        for (Regime.ProductRule pr : this.rules) {
            boolean[] covered = new boolean[100];
            for (HsRange r : pr.scope()) {
                int from = chapter(r.from().digits()), to = chapter(r.to().digits());
                for (int c = from; c <= to; c++) covered[c] = true;
            }
            for (int c = 0; c < 100; c++) if (covered[c]) buckets.get(c).add(pr);
        }
        this.byChapter = new Regime.ProductRule[100][];
        for (int c = 0; c < 100; c++) byChapter[c] = buckets.get(c).toArray(new Regime.ProductRule[0]);
    }

    static ProductRules of(List<Regime.ProductRule> rules) {
        if (rules instanceof ProductRules p) return p;
        for (Regime.ProductRule r : rules) java.util.Objects.requireNonNull(r, "rule");
        return new ProductRules(rules);
    }

    /** {@link Regime#ruleFor(HsCode, VehicleKind, Use, boolean, LocalDate)}: the most specific rule, or null. */
    Regime.ProductRule ruleFor(HsCode hs, VehicleKind vehicle, Use use, boolean staging, LocalDate date) {
        Lookup k = new Lookup(hs.digits(), vehicle, use, staging, date);
        Object known = memo.get(k);
        if (known != null) return known == NONE ? null : (Regime.ProductRule) known;
        Regime.ProductRule best = scan(hs, vehicle, use, staging, date);
        if (memo.size() < MEMO_LIMIT) memo.putIfAbsent(k, best == null ? NONE : best);
        return best;
    }

    /**
     * The longest matching HS scope, then the most selectors (vehicle kind, use, staging); a fallback rule only when
     * no other rule applies; among equals the first in pack order. Only the rules reaching the code's chapter can match.
     */
    private Regime.ProductRule scan(HsCode hs, VehicleKind vehicle, Use use, boolean staging, LocalDate date) {
        Regime.ProductRule best = null;
        int bestSpec = -1;
        for (Regime.ProductRule pr : byChapter[chapter(hs.digits())]) {
            int m = pr.match(hs);
            if (m < 0 || !pr.admits(vehicle, use, staging) || !pr.inForce(date)) continue;
            int spec = (pr.fallback() ? 0 : 1000) + m * 10 + pr.selectors();
            if (spec > bestSpec) { best = pr; bestSpec = spec; }
        }
        return best;
    }

    private static int chapter(String digits) {
        return (digits.charAt(0) - '0') * 10 + (digits.charAt(1) - '0');
    }

    @Override public Regime.ProductRule get(int index) { return rules[index]; }

    @Override public int size() { return rules.length; }
}
