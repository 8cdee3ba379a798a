package dev.origin.core.regime;

import dev.origin.core.hs.HsCode;
import dev.origin.core.model.Use;
import dev.origin.core.model.VehicleKind;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The product-specific rules of a regime, immutable, with a memo of {@link Regime#ruleFor} lookups: a catalog
 * asks for the same few codes over and over, and each lookup tests every HS range of every rule. A list like any
 * other for equality; the memo is bounded ({@value #MEMO} lookups) and thread-safe.
 */
final class RuleList extends AbstractList<Regime.ProductRule> {
    /** The most lookups remembered; beyond, lookups are computed every time. */
    static final int MEMO = 4096;

    private record Key(HsCode hs, VehicleKind vehicle, Use use, boolean staging, LocalDate date) {}

    private final List<Regime.ProductRule> rules;
    private final Map<Key, Optional<Regime.ProductRule>> memo = new ConcurrentHashMap<>();

    private RuleList(List<Regime.ProductRule> rules) {
        this.rules = List.copyOf(rules);
    }

    static RuleList of(List<Regime.ProductRule> rules) {
        return rules instanceof RuleList r ? r : new RuleList(rules);
    }

    @Override public Regime.ProductRule get(int index) { return rules.get(index); }

    @Override public int size() { return rules.size(); }

    Regime.ProductRule lookup(HsCode hs, VehicleKind vehicle, Use use, boolean staging, LocalDate date, Supplier<Regime.ProductRule> compute) {
        Key k = new Key(hs, vehicle, use, staging, date);
        Optional<Regime.ProductRule> found = memo.get(k);
        if (found != null) return found.orElse(null);
        Regime.ProductRule r = compute.get();
        if (memo.size() < MEMO) memo.putIfAbsent(k, Optional.ofNullable(r));
        return r;
    }
}
