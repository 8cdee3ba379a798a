package dev.origin.bench.catalog;

import dev.origin.core.bulk.BulkEvaluator;
import dev.origin.core.bulk.ColumnarCatalog;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.model.Origin;
import dev.origin.io.RulePackReader;
import dev.origin.io.catalog.CatalogGenerator;
import dev.origin.io.catalog.Columnar;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The incremental part of {@code origin bench} alone, on the same 5-million-line catalog and the same changes (seed 7,
 * 200 untimed then 1,000 timed declaration changes), each change measured in wall time, in the calling thread's CPU
 * time and in bytes allocated. It uses only the bulk engine's public calls, so it also compiles against an older build
 * (to compare before and after a change of the engine). {@code --pause-ms N} sleeps N ms between changes (untimed),
 * as changes arrive one by one in use, rather than back to back.
 *
 * <p>Run: {@code java -Xmx1g -cp origin-bench/target/benchmarks.jar dev.origin.bench.catalog.IncrementalChanges [--pause-ms 1]}
 */
public final class IncrementalChanges {
    private IncrementalChanges() {}

    public static void main(String[] args) throws Exception {
        long pause = args.length >= 2 && args[0].equals("--pause-ms") ? Long.parseLong(args[1]) : 0;
        int goods = 250_000;
        CatalogGenerator gen = new CatalogGenerator(CatalogGenerator.Settings.of(goods).withShape(10, 1).withOrigins(0.05, 500, goods * 20 / 50));
        ColumnarCatalog c = Columnar.of(gen);
        BulkEvaluator bulk = BulkEvaluator.of(Evaluator.of(RulePackReader.load("usmca", Map.of())), LocalDate.of(2023, 7, 1));
        BulkEvaluator.Results r = null;
        for (int i = 0; i < 5; i++) r = bulk.evaluate(c);   // as origin bench: warm-up and timed full runs first
        c.goodsOfDeclaration(0);                              // an older build built its index here, on first use
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var gcs = ManagementFactory.getGarbageCollectorMXBeans();
        int n = 1000, warmUp = 200;
        long[] wall = new long[n], cpu = new long[n];
        long maxBytes = 0, collections = 0;
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = -warmUp; i < n; i++) {
            if (pause > 0) Thread.sleep(pause);
            int d = rnd.nextInt(gen.declarationCount());
            Origin o = Origin.values()[rnd.nextInt(3)];
            long gc = 0;
            for (var b : gcs) gc -= b.getCollectionCount();
            long bytes = threads.getCurrentThreadAllocatedBytes();
            long tc = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            int[] affected = c.setDeclarationOrigin(d, o);
            bulk.requalify(c, r, affected);
            long ns = System.nanoTime() - t;
            tc = threads.getCurrentThreadCpuTime() - tc;
            bytes = threads.getCurrentThreadAllocatedBytes() - bytes;
            for (var b : gcs) gc += b.getCollectionCount();
            if (i < 0) continue;
            wall[i] = ns;
            cpu[i] = tc;
            maxBytes = Math.max(maxBytes, bytes);
            collections += gc;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "pause %d ms: wall median %.3f p99 %.3f max %.3f ms; CPU (calling thread) median %.3f p99 %.3f max %.3f ms;"
                        + " most allocated by one change %d bytes; collections %d; same as a full recompute: %s%n", pause, wall[n / 2] / 1e6,
                wall[989] / 1e6, wall[n - 1] / 1e6, cpu[n / 2] / 1e6, cpu[989] / 1e6, cpu[n - 1] / 1e6, maxBytes, collections,
                r.sameAs(bulk.evaluate(c)));
    }
}
