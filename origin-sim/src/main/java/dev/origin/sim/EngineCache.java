package dev.origin.sim;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.fleet.Fleet;
import dev.origin.core.model.Good;
import dev.origin.core.regime.Regime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The engine's results for goods already seen, so that runs whose inputs are unchanged for a model (another
 * draw of an assumption the good does not depend on, the second pass of the price-volume feedback, the
 * tornado's runs) reuse them. Keyed by the rule pack (identity) and the good's inputs (the {@link Good} record,
 * compared by value); a re-sourcing plan also by the parts' alternatives and the margin. One cache serves one
 * tariff schedule. Thread-safe.
 */
public final class EngineCache {
    private record PlanKey(Good good, List<Fleet.Part> parts, BigDecimal margin) {}

    private final Map<Regime, Map<Good, Determination>> determinations = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<Regime, Map<PlanKey, Resourcing.Result>> plans = Collections.synchronizedMap(new IdentityHashMap<>());
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /** The engine's determination of {@code good} (without trace), evaluated once per pack and good. */
    Determination determination(Evaluator ev, Good good, LocalDate date) {
        Map<Good, Determination> m = determinations.computeIfAbsent(ev.regime(), r -> new ConcurrentHashMap<>());
        Determination d = m.get(good);
        if (d != null) {
            hits.incrementAndGet();
            return d;
        }
        misses.incrementAndGet();
        d = ev.evaluate(good, date, false);
        m.putIfAbsent(good, d);
        return d;
    }

    /** The cheapest re-sourcing of a model whose current good is {@code good}, computed once per pack, good, alternatives and margin. */
    Resourcing.Result plan(Evaluator ev, Good good, Fleet.Model model, BigDecimal margin, Supplier<Resourcing.Result> solve) {
        Map<PlanKey, Resourcing.Result> m = plans.computeIfAbsent(ev.regime(), r -> new ConcurrentHashMap<>());
        PlanKey k = new PlanKey(good, model.parts(), margin);
        Resourcing.Result r = m.get(k);
        if (r != null) {
            hits.incrementAndGet();
            return r;
        }
        misses.incrementAndGet();
        r = solve.get();
        m.putIfAbsent(k, r);
        return r;
    }

    /** Lookups answered from the cache and lookups that ran the engine (determinations and plans together). */
    public long[] stats() {
        return new long[] {hits.get(), misses.get()};
    }
}
