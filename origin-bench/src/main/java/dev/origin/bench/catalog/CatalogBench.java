package dev.origin.bench.catalog;

import dev.origin.core.bulk.BulkEvaluator;
import dev.origin.core.bulk.ColumnarCatalog;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.hs.HsCode;
import dev.origin.core.model.Origin;
import dev.origin.core.regime.Regime;
import dev.origin.io.RulePackReader;
import dev.origin.io.catalog.CatalogGenerator;
import dev.origin.io.catalog.Columnar;
import dev.origin.store.LocalPostgres;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The side-by-side catalog benchmark behind {@code origin bench}: one generated catalog qualified by Origin's bulk
 * engine, by the SQL baseline on DuckDB (in-process) and on PostgreSQL (a throwaway server on 127.0.0.1), in one run.
 * Every good's verdict, total cost, VNM and net cost must agree before any time is reported ({@code matched}).
 * Times exclude loading (the catalog is in memory for Origin, in tables for the SQL engines) and cover computing every
 * good's answer into memory (Origin: result columns; SQL: a table {@code result} created by the query); each is the best
 * of {@code repeats} runs after warm-up.
 */
public final class CatalogBench {
    private CatalogBench() {}

    /** Untimed full runs before the timed ones (JIT compilation). */
    static final int WARM_UP = 2;

    /** The workloads: name to (fan-out, depth). */
    public static final Map<String, int[]> WORKLOADS = Map.of("multi-level", new int[] {10, 1}, "single-level", new int[] {20, 0},
            "deep", new int[] {5, 3});

    /** Runs a workload of about {@code lines} BOM lines and returns the figures, in the order they are printed. */
    public static Map<String, Object> run(long lines, String workload, int repeats, boolean postgres, PrintWriter log) throws Exception {
        int[] shape = WORKLOADS.get(workload);
        if (shape == null) throw new IllegalArgumentException("`" + workload + "` is not a workload (" + String.join(", ", WORKLOADS.keySet()) + ")");
        int perGood = shape[0] * (shape[1] + 1);
        int goods = (int) Math.max(1, lines / perGood);
        CatalogGenerator.Settings s = CatalogGenerator.Settings.of(goods).withShape(shape[0], shape[1])
                .withOrigins(0.05, 500, (int) Math.max(1, (long) goods * perGood / 50));
        CatalogGenerator gen = new CatalogGenerator(s);
        Regime usmca = RulePackReader.load("usmca", Map.of());
        LocalDate date = LocalDate.of(2023, 7, 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workload", workload);
        out.put("regime", usmca.id());
        out.put("date", date.toString());
        out.put("goods", goods);
        out.put("lines", (long) goods * perGood);
        out.put("cores", Runtime.getRuntime().availableProcessors());

        long heapBefore = usedHeap();
        log.println("generating " + goods + " goods (" + (long) goods * perGood + " lines, " + workload + ")");
        ColumnarCatalog c = Columnar.of(gen);
        BulkEvaluator bulk = BulkEvaluator.of(Evaluator.of(usmca), date);
        BulkEvaluator.Results r = null;
        long best = Long.MAX_VALUE, bestCpu = Long.MAX_VALUE;
        for (int i = 0; i < repeats + WARM_UP; i++) {   // the first runs warm the JIT up
            long cpu = processCpu();
            long t = System.nanoTime();
            r = bulk.evaluate(c);
            long ns = System.nanoTime() - t;
            cpu = processCpu() - cpu;
            if (i >= WARM_UP) {
                best = Math.min(best, ns);
                bestCpu = Math.min(bestCpu, cpu);
            }
            log.println("origin: full run " + (i + 1) + (i < WARM_UP ? " (warm-up)" : "") + ": " + ns / 1_000_000 + " ms");
        }
        long[] decisions = r.decisions();
        long heap = usedHeap() - heapBefore;
        long[] counts = r.counts(0);
        out.put("originating", counts[0]);
        out.put("nonOriginating", counts[1]);
        out.put("undetermined", counts[2]);
        out.put("errors", counts[3]);
        out.put("decidedByKernel", decisions[0]);
        out.put("decidedByEvaluator", decisions[1]);

        // the SQL baselines, from the same catalog written as the tabular format
        Path csv = Files.createTempDirectory("origin-bench");
        Map<String, BigDecimal> dm = new LinkedHashMap<>();
        boolean sqlExpressible = true;
        for (CatalogGenerator.Family f : CatalogGenerator.FAMILIES) {
            HsCode hs = HsCode.parse(f.hs());
            dm.put(f.hs(), usmca.deMinimis().percentFor(hs));
        }
        boolean eitherBase = usmca.deMinimis().eitherBase();
        Boolean duckMatched = null, pgMatched = null;
        Long duckNs = null, pgNs = null, duckCpu = null;
        String pgNote = null;
        try {
            gen.writeCsv(csv);
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
                log.println("duckdb: loading");
                SqlBaseline.load(duck, csv, dm, false);
                long[] t = new long[2];
                duckMatched = timeAndCompare(duck, eitherBase, goods, r, repeats, t, "duckdb", log);
                duckNs = t[0];
                duckCpu = t[1];
            }
            if (postgres) {
                var why = LocalPostgres.unavailableReason();
                if (why.isPresent()) {
                    pgNote = why.get();
                } else {
                    try (LocalPostgres pg = LocalPostgres.start(); Connection conn = DriverManager.getConnection(pg.jdbcUrl())) {
                        log.println("postgres: loading");
                        try (Statement st = conn.createStatement()) {
                            st.execute("SET work_mem = '256MB'");
                        }
                        SqlBaseline.load(conn, csv, dm, true);
                        long[] t = new long[2];
                        pgMatched = timeAndCompare(conn, eitherBase, goods, r, repeats, t, "postgres", log);
                        pgNs = t[0];
                    }
                }
            } else {
                pgNote = "not run (--no-postgres)";
            }
        } finally {
            for (String f : List.of("goods.csv", "lines.csv")) Files.deleteIfExists(csv.resolve(f));
            Files.deleteIfExists(csv);
        }

        // incremental requalification: one declaration changes, its goods are decided again. The index from
        // declarations to goods was built with the catalog (its time is reported apart). Untimed changes first, so
        // that the JIT has compiled the change's code (the full runs have their warm-up too); then each timed change
        // is measured in wall time, in the thread's CPU time and in bytes allocated, and collections are counted.
        out.put("declarationIndexMillis", c.declarationIndexNanos() / 1e6);
        Incremental inc = incremental(c, bulk, r, gen.declarationCount(), INCREMENTAL_WARM_UP, INCREMENTAL_CHANGES, 0);
        // the same changes again, 1 ms apart, as they arrive in use (one supplier answer at a time), not back to back
        Incremental paused = incremental(c, bulk, r, gen.declarationCount(), 0, INCREMENTAL_CHANGES, 1);
        boolean incrementalConsistent = r.sameAs(bulk.evaluate(c));
        boolean matched = Boolean.TRUE.equals(duckMatched) && (pgMatched == null ? pgNote != null : pgMatched) && incrementalConsistent;
        long n = (long) goods * perGood;
        out.put("matched", matched);
        out.put("duckdbMatched", duckMatched);
        out.put("postgresMatched", pgMatched);
        out.put("incrementalMatchesFull", incrementalConsistent);
        out.put("fullMillis", matched ? best / 1e6 : null);
        out.put("originLinesPerSecond", matched ? Math.round(n / (best / 1e9)) : null);
        out.put("originCpuMillis", matched && bestCpu >= 0 ? bestCpu / 1e6 : null);
        out.put("duckdbMillis", matched && duckNs != null ? duckNs / 1e6 : null);
        out.put("duckdbCpuMillis", matched && duckCpu != null && duckCpu >= 0 ? duckCpu / 1e6 : null);
        out.put("duckdbLinesPerSecond", matched && duckNs != null ? Math.round(n / (duckNs / 1e9)) : null);
        out.put("postgresMillis", matched && pgNs != null ? pgNs / 1e6 : null);
        out.put("postgresLinesPerSecond", matched && pgNs != null ? Math.round(n / (pgNs / 1e9)) : null);
        if (pgNote != null) out.put("postgresNote", pgNote);
        out.put("incrementalMillis", matched ? inc.wall(0.5) / 1e6 : null);
        out.put("incrementalP99Millis", matched ? inc.wall(0.99) / 1e6 : null);
        out.put("incrementalMaxMillis", matched ? inc.wall(1) / 1e6 : null);
        out.put("incrementalCpuP99Millis", matched && inc.cpu != null ? inc.cpu(0.99) / 1e6 : null);
        out.put("incrementalCpuMaxMillis", matched && inc.cpu != null ? inc.cpu(1) / 1e6 : null);
        out.put("incrementalPausedP99Millis", matched ? paused.wall(0.99) / 1e6 : null);
        out.put("incrementalPausedMaxMillis", matched ? paused.wall(1) / 1e6 : null);
        out.put("incrementalChanges", inc.wall.length);
        out.put("incrementalWarmUpChanges", INCREMENTAL_WARM_UP);
        out.put("incrementalGoodsPerChange", (double) inc.touched / inc.wall.length);
        out.put("incrementalMaxGoods", inc.maxGoods);
        out.put("incrementalMaxBytesAllocated", inc.maxBytes);
        out.put("incrementalCollections", inc.collections);
        out.put("heapBytes", heap);
        out.put("catalogBytes", c.bytes());
        out.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        return out;
    }

    /** Timed declaration changes, and untimed ones before them. */
    static final int INCREMENTAL_CHANGES = 1000, INCREMENTAL_WARM_UP = 200;

    /**
     * Per timed change, sorted: wall and thread CPU time in ns ({@code cpu} null when the JVM cannot measure it); the
     * goods touched in all, the most in one change, the most bytes one change allocated (-1: unknown) and the
     * collections that ran during the timed changes.
     */
    record Incremental(long[] wall, long[] cpu, long touched, int maxGoods, long maxBytes, long collections) {
        long wall(double q) { return at(wall, q); }

        long cpu(double q) { return at(cpu, q); }

        /** The nearest-rank quantile {@code q} of sorted {@code v} (1: the largest). */
        static long at(long[] v, double q) {
            return v[Math.max(0, (int) Math.ceil(q * v.length) - 1)];
        }
    }

    /**
     * Changes random declarations' origins ({@code warmUp} untimed, then {@code n} timed), each requalified; sleeps
     * {@code pauseMillis} before each change (untimed).
     */
    static Incremental incremental(ColumnarCatalog c, BulkEvaluator bulk, BulkEvaluator.Results r, int declarations, int warmUp, int n,
                                   long pauseMillis) throws InterruptedException {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        var sun = threads instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported() ? t : null;
        boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
        var gcs = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans();
        long[] wall = new long[n], cpu = new long[n];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        long touched = 0, maxBytes = sun == null ? -1 : 0, collections = 0;
        int maxGoods = 0;
        for (int i = -warmUp; i < n; i++) {
            if (pauseMillis > 0) Thread.sleep(pauseMillis);
            int d = rnd.nextInt(declarations);
            Origin o = Origin.values()[rnd.nextInt(3)];
            long gc = 0;
            if (i >= 0) for (var b : gcs) gc -= b.getCollectionCount();
            long bytes = sun == null ? 0 : sun.getCurrentThreadAllocatedBytes();
            long tc = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
            long t = System.nanoTime();
            int[] affected = c.setDeclarationOrigin(d, o);
            bulk.requalify(c, r, affected);
            long ns = System.nanoTime() - t;
            tc = cpuTime ? threads.getCurrentThreadCpuTime() - tc : 0;
            bytes = sun == null ? 0 : sun.getCurrentThreadAllocatedBytes() - bytes;
            if (i < 0) continue;
            for (var b : gcs) gc += b.getCollectionCount();
            collections += gc;
            wall[i] = ns;
            cpu[i] = tc;
            touched += affected.length;
            maxGoods = Math.max(maxGoods, affected.length);
            if (sun != null) maxBytes = Math.max(maxBytes, bytes);
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new Incremental(wall, cpuTime ? cpu : null, touched, maxGoods, maxBytes, collections);
    }

    private static boolean timeAndCompare(Connection conn, boolean eitherBase, int goods, BulkEvaluator.Results r, int repeats, long[] best,
                                          String name, PrintWriter log) throws Exception {
        best[0] = Long.MAX_VALUE;
        best[1] = Long.MAX_VALUE;
        for (int i = 0; i < Math.max(1, repeats); i++) {
            long cpu = processCpu();
            long t = System.nanoTime();
            SqlBaseline.run(conn, eitherBase);
            long ns = System.nanoTime() - t;
            best[0] = Math.min(best[0], ns);
            best[1] = Math.min(best[1], processCpu() - cpu);
            log.println(name + ": run " + (i + 1) + ": " + ns / 1_000_000 + " ms");
        }
        Map<String, SqlBaseline.Answer> answers = SqlBaseline.answers(conn, goods);
        int mismatches = 0;
        for (int g = 0; g < goods; g++) {
            SqlBaseline.Answer a = answers.get("G" + (g + 1));
            var v = r.verdict(0, g);
            boolean same = a != null && v != null && a.status().equals(v.name())
                    && cents(a.totalCost()) == r.totalCostCents(0, g) && cents(a.vnm()) == r.vnmCents(0, g)
                    && (r.rvcNetCostCents(0, g) < 0 || cents(a.netCost()) == r.rvcNetCostCents(0, g));
            if (!same && mismatches++ < 5) {
                log.println(name + ": good G" + (g + 1) + " differs: SQL " + a + ", Origin " + v + " total " + r.totalCostCents(0, g)
                        + " vnm " + r.vnmCents(0, g) + " nc " + r.rvcNetCostCents(0, g));
            }
        }
        if (answers.size() != goods) mismatches++;
        log.println(name + ": " + (mismatches == 0 ? "all " + goods + " goods match" : mismatches + " goods differ"));
        return mismatches == 0;
    }

    private static long cents(BigDecimal v) {
        return v == null ? -1 : v.movePointRight(2).longValueExact();
    }

    /** CPU time of this process (all its threads, DuckDB's native ones included) in ns, or -1 when unknown. */
    static long processCpu() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : -1;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
