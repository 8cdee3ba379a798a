package dev.origin.spark;

import static org.apache.spark.sql.functions.col;

import dev.origin.core.engine.ErrorCode;
import dev.origin.io.InputException;
import dev.origin.io.Problem;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.KeyValueGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark job: qualifies every good of a catalog (docs/catalog-format.md, Parquet) under one regime on one
 * date and writes one result row per good ({@link ResultSchema}) as Parquet.
 *
 * <pre>
 * spark-submit --class dev.origin.spark.QualifyJob origin-spark-job.jar INPUT OUTPUT REGIME DATE
 *     [--param NAME=VALUE]... [--tariffs FILE] [--partitions N] [--overwrite]
 * </pre>
 *
 * How it partitions: both tables are hash-partitioned by {@code good_id} (one shuffle, N partitions) and
 * co-grouped, so a good and all its BOM lines, at any depth, meet in one task; each task builds its goods
 * and evaluates them with the same engine as {@code origin qualify} (see docs/spark.md).
 */
public final class QualifyJob {
    static final String USAGE = "usage: QualifyJob INPUT OUTPUT REGIME DATE [--param NAME=VALUE]... [--tariffs FILE] [--partitions N] [--overwrite]";

    private QualifyJob() {}

    /**
     * The job's arguments.
     *
     * @param input      folder (or URI) holding goods.parquet and lines.parquet (files or Spark folders of parts)
     * @param output     folder (or URI) the results are written to, as Parquet
     * @param regime     a built-in regime id or a rule-pack file
     * @param date       the date every good is evaluated on
     * @param partitions the number of partitions of the grouping shuffle, or 0 for Spark's setting
     */
    public record Args(String input, String output, String regime, LocalDate date, Map<String, String> params, Path tariffs,
                       int partitions, boolean overwrite) {

        /** Parses the command line; a usage error (wrong count, unknown option) is an {@link IllegalArgumentException}. */
        public static Args parse(String[] args) throws InputException {
            List<String> positional = new ArrayList<>();
            Map<String, String> params = new LinkedHashMap<>();
            List<Problem> problems = new ArrayList<>();
            Path tariffs = null;
            int partitions = 0;
            boolean overwrite = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--param" -> {
                        String p = value(args, ++i, a);
                        int eq = p.indexOf('=');
                        String name = eq < 0 ? "" : p.substring(0, eq).strip();
                        String v = eq < 0 ? "" : p.substring(eq + 1).strip();
                        if (name.isEmpty()) {
                            problems.add(new Problem("--param", 0, 0, "", "BAD_PARAM", "A parameter needs a name before `=`, as in `min=70`."));
                        } else if (v.isEmpty()) {
                            problems.add(new Problem("--param", 0, 0, "", "BAD_PARAM", "A parameter needs a value after `=`, as in `min=70`."));
                        } else {
                            params.put(name, v);
                        }
                    }
                    case "--tariffs" -> tariffs = Path.of(value(args, ++i, a));
                    case "--partitions" -> {
                        String v = value(args, ++i, a);
                        try {
                            partitions = Integer.parseInt(v);
                            if (partitions < 0) throw new NumberFormatException(v);
                        } catch (NumberFormatException e) {
                            problems.add(Problem.of("--partitions", 0, 0, "", ErrorCode.BAD_COUNT, v));
                        }
                    }
                    case "--overwrite" -> overwrite = true;
                    default -> {
                        if (a.startsWith("--")) throw new IllegalArgumentException("unknown option " + a);
                        positional.add(a);
                    }
                }
            }
            if (positional.size() != 4) {
                throw new IllegalArgumentException("expected INPUT OUTPUT REGIME DATE, got " + positional.size() + " arguments");
            }
            LocalDate date = null;
            try {
                date = LocalDate.parse(positional.get(3));
            } catch (DateTimeParseException e) {
                problems.add(Problem.of("DATE", 0, 0, "", ErrorCode.BAD_DATE, positional.get(3)));
            }
            if (!problems.isEmpty()) throw new InputException(problems);
            return new Args(positional.get(0), positional.get(1), positional.get(2), date, params, tariffs, partitions, overwrite);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
            return args[i];
        }
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, null);
        if (code != 0) System.exit(code);
    }

    /**
     * Runs the job on {@code spark} (null: the session spark-submit configured, or a local one on 127.0.0.1
     * when there is none); prints a summary line on {@code out} and problems on {@code err}.
     *
     * @return 0 on success, 2 for bad arguments or input (nothing written)
     */
    public static int run(String[] argv, PrintStream out, PrintStream err, SparkSession spark) {
        Args args;
        EngineSource engine;
        try {
            args = Args.parse(argv);
            engine = EngineSource.load(args.regime(), args.params(), args.tariffs());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (InputException e) {
            return report(err, e.problems());
        }
        SparkSession session = spark != null ? spark : session();
        try {
            Dataset<Row> results = results(session, args.input(), engine, args.date(), args.partitions());
            write(results, args.output(), args.overwrite());
            out.println(summary(session, args.output()));
            return 0;
        } catch (InputException e) {
            return report(err, e.problems());
        }
    }

    /**
     * The result rows of the catalog in {@code input} (a lazy plan: nothing runs before it is written or
     * collected), after checking both tables' columns on the driver. Sets {@code spark.sql.shuffle.partitions}
     * (when {@code partitions > 0}) and turns off adaptive coalescing of shuffle partitions on {@code spark}.
     *
     * @throws InputException when a table is missing or unreadable, or lacks or mistypes a column
     */
    public static Dataset<Row> results(SparkSession spark, String input, EngineSource engine, LocalDate date, int partitions)
            throws InputException {
        String goodsFile = join(input, "goods.parquet");
        String linesFile = join(input, "lines.parquet");
        List<Problem> problems = new ArrayList<>();
        Dataset<Row> goods = CatalogInput.select(read(spark, goodsFile, problems), CatalogInput.GOODS, goodsFile, problems);
        Dataset<Row> lines = CatalogInput.select(read(spark, linesFile, problems), CatalogInput.LINES, linesFile, problems);
        if (!problems.isEmpty()) throw new InputException(problems);
        if (partitions > 0) spark.conf().set("spark.sql.shuffle.partitions", partitions);
        // Evaluating is CPU work on little data: adaptive execution would merge the grouped partitions by their
        // bytes into one or two tasks and leave cores idle, so the grouping keeps its partition count.
        spark.conf().set("spark.sql.adaptive.coalescePartitions.enabled", false);
        MapFunction<Row, String> byGood = r -> r.getString(0);
        KeyValueGroupedDataset<String, Row> g = goods.groupByKey(byGood, Encoders.STRING());
        KeyValueGroupedDataset<String, Row> l = lines.groupByKey(byGood, Encoders.STRING());
        return g.cogroup(l, new QualifyGroup(engine, date, goodsFile, linesFile), Encoders.row(ResultSchema.SCHEMA));
    }

    /** Writes the results as Parquet; an existing output is an error unless {@code overwrite}. */
    static void write(Dataset<Row> results, String output, boolean overwrite) throws InputException {
        try {
            results.write().mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists).parquet(output);
        } catch (Exception e) {
            if (!(e instanceof AnalysisException)) throw e;
            String reason = e.getMessage() != null && e.getMessage().contains("already exists")
                    ? "it already exists; give --overwrite to replace it" : firstLine(e.getMessage());
            throw new InputException(List.of(Problem.of(output, 0, 0, "", ErrorCode.CANNOT_WRITE, output, reason)));
        }
    }

    /** One line: how many goods were written, by verdict, and how many were invalid. */
    static String summary(SparkSession spark, String output) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row r : spark.read().parquet(output).groupBy(col("verdict")).count().collectAsList()) {
            counts.put(r.isNullAt(0) ? "invalid" : r.getString(0).toLowerCase(java.util.Locale.ROOT).replace('_', '-'), r.getLong(1));
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder sb = new StringBuilder("wrote " + total + " results to " + output);
        String sep = ": ";
        for (String k : List.of("originating", "non-originating", "undetermined", "invalid")) {
            if (counts.containsKey(k)) {
                sb.append(sep).append(counts.get(k)).append(' ').append(k);
                sep = ", ";
            }
        }
        return sb.toString();
    }

    /**
     * A local session for running without a cluster (tests, benchmarks, a laptop): {@code local[2]}, driver
     * bound to 127.0.0.1, no web UI, {@code partitions} shuffle partitions.
     */
    public static SparkSession localSession(String name, int partitions) {
        return SparkSession.builder().appName(name).master("local[2]")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", partitions)
                .getOrCreate();
    }

    /**
     * The session spark-submit configured (its settings arrive as {@code spark.*} system properties); without
     * a master (a plain {@code java} run) a local one on all cores, bound to 127.0.0.1, without web UI.
     */
    static SparkSession session() {
        var conf = new org.apache.spark.SparkConf();
        if (conf.contains("spark.master")) return SparkSession.builder().appName("origin qualify").config(conf).getOrCreate();
        return SparkSession.builder().appName("origin qualify").master("local[*]")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
    }

    private static Dataset<Row> read(SparkSession spark, String file, List<Problem> problems) {
        try {
            // a missing table is told before Spark looks for it (Spark would log a stack trace first)
            var path = new org.apache.hadoop.fs.Path(file);
            if (!path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
                problems.add(Problem.of(file, 0, 0, "", ErrorCode.UNREADABLE, file));
                return null;
            }
            return spark.read().parquet(file);
        } catch (Exception e) { // missing (AnalysisException), not Parquet, unreadable footer (SparkException, undeclared)
            problems.add(Problem.of(file, 0, 0, "", ErrorCode.UNREADABLE, file));
            return null;
        }
    }

    private static String join(String folder, String name) {
        return folder.endsWith("/") ? folder + name : folder + "/" + name;
    }

    private static String firstLine(String s) {
        if (s == null) return "no reason given";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    private static int report(PrintStream err, List<Problem> problems) {
        for (Problem p : problems) err.println(p.format());
        err.println(problems.size() == 1 ? "1 problem; nothing was evaluated." : problems.size() + " problems; nothing was evaluated.");
        return 2;
    }
}
