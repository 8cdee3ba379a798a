package dev.origin.spark;

import dev.origin.io.InputException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.SparkSession;

/**
 * Measures the Spark job on a generated catalog (not a test: run by hand, figures go to docs/spark.md and
 * docs/PERFORMANCE.md). Generates {@code goods} goods of {@code fanOut × (depth + 1)} lines with the seeded
 * {@code CatalogGenerator} into {@code dir} as Parquet, then runs {@link QualifyJob#results} and writes the
 * results, and prints the wall time of each Spark stage of the qualification with its tasks, the records it
 * read and the bytes it shuffled.
 *
 * <pre>
 * SparkBench [--goods 100000] [--fan-out 5] [--depth 1] [--unknown 0.05] [--seed 42] [--regime usmca]
 *            [--date 2023-07-01] [--partitions 8] [--dir target/spark-bench] [--master URL]
 * </pre>
 * It is in the job jar, so it also runs on a cluster ({@code spark-submit --class dev.origin.spark.SparkBench
 * origin-spark-job.jar --dir hdfs:///tmp/origin-bench}); without {@code --master} or spark-submit it runs in
 * {@code local[2]}.
 * <pre>
 * </pre>
 */
public final class SparkBench {
    private SparkBench() {}

    /** One completed stage: its wall time from submission to completion and what it did. */
    record Stage(int id, String name, int tasks, long wallMillis, long runMillis, long inputRecords, long shuffleReadBytes,
                 long shuffleWriteBytes, long outputRecords) {}

    /** Records the stages that complete while it is registered. */
    static final class StageTimes extends SparkListener {
        final List<Stage> stages = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onStageCompleted(SparkListenerStageCompleted e) {
            StageInfo s = e.stageInfo();
            long wall = (Long) s.completionTime().get() - (Long) s.submissionTime().get();
            var m = s.taskMetrics();
            stages.add(new Stage(s.stageId(), s.name(), s.numTasks(), wall, m.executorRunTime(), m.inputMetrics().recordsRead(),
                    m.shuffleReadMetrics().totalBytesRead(), m.shuffleWriteMetrics().bytesWritten(), m.outputMetrics().recordsWritten()));
        }
    }

    /** What a stage of the qualification does, told from what it read and wrote (Spark names them by call site). */
    static String what(Stage s, long goods) {
        if (s.inputRecords() > 0 && s.shuffleWriteBytes() > 0) {
            return (s.inputRecords() == goods ? "goods" : "lines") + ": read Parquet, hash-partition by good_id";
        }
        if (s.shuffleReadBytes() > 0) return "co-group by good_id, build + evaluate goods, write Parquet";
        return "list input files, read Parquet footers (schema)";
    }

    /** The 1-minute load average of the machine, to tell a shared machine's figures. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static long processCpuMillis() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean b ? b.getProcessCpuTime() / 1_000_000 : -1;
    }

    public static void main(String[] argv) throws InputException {
        Map<String, String> o = new java.util.HashMap<>(Map.of("--goods", "100000", "--fan-out", "5", "--depth", "1",
                "--unknown", "0.05", "--seed", "42", "--regime", "usmca", "--date", "2023-07-01", "--partitions", "8",
                "--dir", "target/spark-bench", "--master", ""));
        for (int i = 0; i + 1 < argv.length; i += 2) {
            if (!o.containsKey(argv[i])) throw new IllegalArgumentException("unknown option " + argv[i] + "; options: " + o.keySet());
            o.put(argv[i], argv[i + 1]);
        }
        int goods = Integer.parseInt(o.get("--goods"));
        int fanOut = Integer.parseInt(o.get("--fan-out"));
        int depth = Integer.parseInt(o.get("--depth"));
        int partitions = Integer.parseInt(o.get("--partitions"));
        String dir = o.get("--dir");
        PrintStream out = System.out;

        // Spark's INFO lines would bury the figures (Spark logs through log4j2)
        org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.WARN);
        // --master, else spark-submit's master, else local[2]
        String master = !o.get("--master").isEmpty() ? o.get("--master")
                : new org.apache.spark.SparkConf().get("spark.master", "local[2]");
        var builder = SparkSession.builder().appName("origin spark bench").master(master)
                .config("spark.sql.shuffle.partitions", partitions);
        if (master.startsWith("local")) {
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").config("spark.ui.enabled", "false");
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        long lines = (long) goods * fanOut * (depth + 1);

        long t0 = System.nanoTime();
        SparkCatalog.generate(spark, goods, fanOut, depth, Double.parseDouble(o.get("--unknown")), Long.parseLong(o.get("--seed")),
                dir + "/catalog", partitions);
        long generateMillis = (System.nanoTime() - t0) / 1_000_000;

        EngineSource engine = EngineSource.load(o.get("--regime"), Map.of(), null);
        StageTimes times = new StageTimes();
        spark.sparkContext().addSparkListener(times);
        String loadBefore = loadAverage();
        long cpu1 = processCpuMillis();
        long t1 = System.nanoTime();
        var results = QualifyJob.results(spark, dir + "/catalog", engine, LocalDate.parse(o.get("--date")), partitions);
        QualifyJob.write(results, dir + "/results", true);
        long qualifyMillis = (System.nanoTime() - t1) / 1_000_000;
        long qualifyCpu = processCpuMillis() - cpu1;
        String loadAfter = loadAverage();
        spark.sparkContext().removeSparkListener(times);
        String summary = QualifyJob.summary(spark, dir + "/results");

        out.printf(Locale.ROOT, "catalog: %,d goods x %d lines = %,d lines (fan-out %d, depth %d), generated and written in %,d ms%n",
                goods, fanOut * (depth + 1), lines, fanOut, depth, generateMillis);
        out.printf(Locale.ROOT, "qualify: %,d ms wall, %,.0f lines/s; %s%n", qualifyMillis, lines * 1000.0 / qualifyMillis, summary);
        out.printf(Locale.ROOT, "qualify: %,d ms of CPU in this JVM (%d cores); load average before %s, after %s%n", qualifyCpu,
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        out.printf(Locale.ROOT, "%-5s %-58s %5s %9s %9s %10s %11s %11s %8s%n", "stage", "what", "tasks", "wall ms", "task ms",
                "rows read", "shuffle in", "shuffle out", "rows out");
        List<Stage> stages = new ArrayList<>(times.stages);
        stages.sort(java.util.Comparator.comparingInt(Stage::id));
        for (Stage s : stages) {
            out.printf(Locale.ROOT, "%-5d %-58s %5d %,9d %,9d %,10d %,11d %,11d %,8d%n", s.id(), what(s, goods), s.tasks(), s.wallMillis(),
                    s.runMillis(), s.inputRecords(), s.shuffleReadBytes(), s.shuffleWriteBytes(), s.outputRecords());
        }
        out.println("(the two table scans run at the same time; wall ms: submission to completion; task ms: summed over tasks)");
        spark.stop();
    }
}
