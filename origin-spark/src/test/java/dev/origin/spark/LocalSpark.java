package dev.origin.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of the test suite: {@code local[2]} (both cores of the CI machine), bound to
 * 127.0.0.1, no web UI, few shuffle partitions so that small catalogs stay fast. Created on first use
 * and stopped by Spark's own shutdown hook when the test JVM exits.
 */
final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {}

    static synchronized SparkSession get() {
        if (session == null) session = QualifyJob.localSession("origin-spark-tests", 4);
        return session;
    }
}
