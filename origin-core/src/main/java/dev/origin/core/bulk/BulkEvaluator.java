package dev.origin.core.bulk;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.engine.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Evaluates a whole {@link ColumnarCatalog} under one or more regimes and dates, on every core, with the rule
 * semantics of the single-good {@link Evaluator}. Each good is decided by the columnar kernel ({@code FastPath}) when
 * it is in the kernel's narrow scope, where the kernel is proven to give the evaluator's figures (docs/bulk.md,
 * {@code BulkEvaluationTest}); every other good is built from the columns and decided by the evaluator, without an
 * explanation trace. Results are compact columns; {@link #requalify} decides again only the goods a change touched.
 */
public final class BulkEvaluator {
    /** One regime on one date; a null date means each good's own {@code date}. */
    public record Run(Evaluator evaluator, LocalDate date) {}

    private final List<Run> runs;
    private final boolean fastPath;

    private BulkEvaluator(List<Run> runs, boolean fastPath) {
        if (runs.isEmpty()) throw new IllegalArgumentException("A bulk evaluation needs at least one regime (`runs` is empty).");
        this.runs = List.copyOf(runs);
        this.fastPath = fastPath;
    }

    public static BulkEvaluator of(List<Run> runs) { return new BulkEvaluator(runs, true); }

    /**
     * The same evaluation with ({@code true}, the default) or without the columnar kernel: without it every good is
     * decided by the evaluator (to compare, and to measure what the kernel saves).
     */
    public BulkEvaluator withFastPath(boolean on) { return new BulkEvaluator(runs, on); }

    public static BulkEvaluator of(Evaluator evaluator, LocalDate date) { return of(List.of(new Run(evaluator, date))); }

    public List<Run> runs() { return runs; }

    /** Decides every good of {@code c} under every run, in parallel. */
    public Results evaluate(ColumnarCatalog c) {
        Results r = new Results(runs.size(), c.goods());
        r.plans = new FastPath.Plan[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            if (fastPath && runs.get(i).date() != null) r.plans[i] = new FastPath.Plan(c, runs.get(i).evaluator(), runs.get(i).date());
        }
        int goods = c.goods(), chunks = (goods + CHUNK - 1) / CHUNK;
        // chunks of goods, so that scratch space and counts are per chunk, not per good
        IntStream.range(0, chunks).parallel().forEach(k -> decideAll(c, r, k * CHUNK, Math.min(goods, (k + 1) * CHUNK)));
        return r;
    }

    /**
     * Decides again the goods {@code affected} (as a change of {@code c} returned them), updating {@code r} in
     * place; every other good keeps its result, which a change elsewhere cannot alter (a good's determination
     * depends on its own row and lines only).
     *
     * <p>The work is the affected goods' lines and nothing else: no index is built, nothing proportional to the
     * catalog is allocated, and the kernel's scratch space is the calling thread's own, reused from one change to the
     * next. The goods are decided on the calling thread unless they hold {@value #PARALLEL_LINES} lines or more: a
     * hand-off to other threads costs more than it saves below that (and, on a loaded machine, waits for a core).
     */
    public void requalify(ColumnarCatalog c, Results r, int[] affected) {
        long lines = 0;
        for (int g : affected) lines += c.linesOf(g);
        if (lines < PARALLEL_LINES) {
            FastPath.Scratch s = SCRATCH.get();
            long fast = 0;
            for (int g : affected) fast += decide(c, g, r, s);
            r.fast.add(fast);
            r.evaluated.add((long) affected.length * runs.size() - fast);
        } else {
            int n = affected.length, chunks = Math.max(2, (int) Math.min(n, lines / (PARALLEL_LINES / 4)));
            IntStream.range(0, chunks).parallel().forEach(k -> {
                FastPath.Scratch s = SCRATCH.get();
                int from = (int) ((long) n * k / chunks), to = (int) ((long) n * (k + 1) / chunks);
                long fast = 0;
                for (int i = from; i < to; i++) fast += decide(c, affected[i], r, s);
                r.fast.add(fast);
                r.evaluated.add((long) (to - from) * runs.size() - fast);
            });
        }
    }

    /** Lines of affected goods from which {@link #requalify} splits the work over the cores. */
    public static final int PARALLEL_LINES = 1 << 16;

    /** The kernel's scratch space, one per thread, kept from one requalification to the next. */
    private static final ThreadLocal<FastPath.Scratch> SCRATCH = ThreadLocal.withInitial(FastPath.Scratch::new);

    /** The full determination of good {@code g} under run {@code run}, with its explanation trace. */
    public Determination determination(ColumnarCatalog c, int run, int g) {
        Run x = runs.get(run);
        LocalDate d = x.date() != null ? x.date() : c.date(g);
        return x.evaluator().evaluate(c.good(g), d, true);
    }

    /** Goods per chunk of a full evaluation. */
    static final int CHUNK = 2048;

    private void decideAll(ColumnarCatalog c, Results r, int from, int to) {
        FastPath.Scratch s = new FastPath.Scratch();
        long fast = 0;
        for (int g = from; g < to; g++) fast += decide(c, g, r, s);
        r.fast.add(fast);
        r.evaluated.add((long) (to - from) * runs.size() - fast);
    }

    /** Decides good {@code g} under every run; returns how many runs the kernel decided. */
    private int decide(ColumnarCatalog c, int g, Results r, FastPath.Scratch s) {
        dev.origin.core.model.Good good = null;
        int fast = 0;
        for (int i = 0; i < runs.size(); i++) {
            FastPath.Plan plan = r.plans[i];
            if (plan != null && plan.c == c && FastPath.decide(plan, g, i, r, s)) {
                fast++;
                continue;
            }
            if (good == null) good = c.good(g);
            Run x = runs.get(i);
            LocalDate d = x.date() != null ? x.date() : c.date(g);
            if (d == null) {
                r.status[i][g] = Results.NO_DATE;
                continue;
            }
            r.store(i, g, x.evaluator().evaluate(good, d, false));
        }
        return fast;
    }

    /**
     * Compact results, one column per figure and run: the verdict, the error flag, total cost, VNM, and the deciding
     * RVC's net cost, transaction value and value (exact ratio to 10 decimals, as a long of 10⁻¹⁰ units); -1 where
     * the determination has no such figure.
     */
    public static final class Results {
        public static final byte ORIGINATING = 0, NON_ORIGINATING = 1, UNDETERMINED = 2, ERROR = 3, NO_DATE = 4;
        final byte[][] status;
        final long[][] totalCost, vnm, rvcNetCost, rvcTransactionValue, rvcValue;
        FastPath.Plan[] plans;
        final java.util.concurrent.atomic.LongAdder fast = new java.util.concurrent.atomic.LongAdder(),
                evaluated = new java.util.concurrent.atomic.LongAdder();

        /** Decisions (good × run) made by the columnar kernel, and by the evaluator, since these results were created. */
        public long[] decisions() { return new long[] {fast.sum(), evaluated.sum()}; }

        Results(int runs, int goods) {
            status = new byte[runs][goods];
            totalCost = new long[runs][goods];
            vnm = new long[runs][goods];
            rvcNetCost = new long[runs][goods];
            rvcTransactionValue = new long[runs][goods];
            rvcValue = new long[runs][goods];
        }

        void store(int run, int g, Determination d) {
            status[run][g] = d.hasErrors() ? ERROR : switch (d.status()) {
                case ORIGINATING -> ORIGINATING;
                case NON_ORIGINATING -> NON_ORIGINATING;
                case UNDETERMINED -> UNDETERMINED;
            };
            totalCost[run][g] = cents(d.totalCost());
            vnm[run][g] = cents(d.vnm());
            var rvc = d.rvc();
            rvcNetCost[run][g] = rvc == null ? -1 : cents(rvc.netCost());
            rvcTransactionValue[run][g] = rvc == null ? -1 : cents(rvc.transactionValue());
            rvcValue[run][g] = rvc == null || rvc.value() == null ? -1 : rvc.value().movePointRight(10).longValue();
        }

        static long cents(BigDecimal v) {
            return v == null ? -1 : v.movePointRight(2).longValueExact();
        }

        public int runs() { return status.length; }

        public int goods() { return status[0].length; }

        public byte status(int run, int g) { return status[run][g]; }

        /** The verdict as the engine's {@link Status}, or null for a good with an error or without a date. */
        public Status verdict(int run, int g) {
            return switch (status[run][g]) {
                case ORIGINATING -> Status.ORIGINATING;
                case NON_ORIGINATING -> Status.NON_ORIGINATING;
                case UNDETERMINED -> Status.UNDETERMINED;
                default -> null;
            };
        }

        public long totalCostCents(int run, int g) { return totalCost[run][g]; }

        public long vnmCents(int run, int g) { return vnm[run][g]; }

        public long rvcNetCostCents(int run, int g) { return rvcNetCost[run][g]; }

        public long rvcTransactionValueCents(int run, int g) { return rvcTransactionValue[run][g]; }

        /** The deciding RVC in units of 10⁻¹⁰ percent, or -1. */
        public long rvcValue(int run, int g) { return rvcValue[run][g]; }

        /** Goods per verdict of a run: originating, non-originating, undetermined, error, no date. */
        public long[] counts(int run) {
            long[] n = new long[5];
            for (byte b : status[run]) n[b]++;
            return n;
        }

        /** True when both hold the same figures for every run and good. */
        public boolean sameAs(Results o) {
            return java.util.Arrays.deepEquals(status, o.status) && java.util.Arrays.deepEquals(totalCost, o.totalCost)
                    && java.util.Arrays.deepEquals(vnm, o.vnm) && java.util.Arrays.deepEquals(rvcNetCost, o.rvcNetCost)
                    && java.util.Arrays.deepEquals(rvcTransactionValue, o.rvcTransactionValue) && java.util.Arrays.deepEquals(rvcValue, o.rvcValue);
        }

        /** Bytes held by the result columns. */
        public long bytes() {
            return (long) runs() * goods() * (1 + 5 * 8);
        }
    }
}
