package dev.origin.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The work of {@link EvaluatorBenchmark} timed in thread CPU time, for a shared, loaded machine where
 * JMH's wall-clock scores spread widely: time spent descheduled is not counted.
 *
 * <p>What it measures: {@code EvaluatorBenchmark.evaluate()} for each shape and trace setting, after 4 s
 * of warm-up, in 30 batches (20,000 calls flat, 4,000 multi-level); it prints the median batch in µs per
 * call. It takes the benchmark class by reflection so that the same harness runs against an older
 * build's {@code benchmarks.jar} (side-by-side comparisons in docs/PERFORMANCE.md).
 *
 * <p>Run: {@code mvn -q -DskipTests package -pl origin-bench -am && java -cp origin-bench/target/benchmarks.jar dev.origin.bench.CpuTime}
 */
public final class CpuTime {
    private CpuTime() {}

    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Class<?> c = Class.forName("dev.origin.bench.EvaluatorBenchmark");
        for (String shape : new String[] {"flat", "multi-level"}) {
            for (boolean trace : new boolean[] {true, false}) {
                Object b = c.getConstructor().newInstance();
                c.getField("shape").set(b, shape);
                c.getField("trace").setBoolean(b, trace);
                c.getMethod("setup").invoke(b);
                var evaluate = c.getMethod("evaluate");
                int n = shape.equals("flat") ? 20_000 : 4_000;
                long end = System.nanoTime() + 4_000_000_000L;
                while (System.nanoTime() < end) for (int i = 0; i < 1000; i++) evaluate.invoke(b);
                double[] perCall = new double[30];
                for (int k = 0; k < perCall.length; k++) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < n; i++) evaluate.invoke(b);
                    perCall[k] = (mx.getCurrentThreadCpuTime() - t0) / 1000.0 / n;
                }
                Arrays.sort(perCall);
                System.out.printf("%s trace=%s %.3f us/op (thread CPU time, median of 30 batches)%n", shape, trace, perCall[15]);
            }
        }
    }
}
