package dev.origin.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.io.catalog.GoodRow;
import dev.origin.io.catalog.LineRow;
import dev.origin.io.catalog.Tables;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
    @TempDir Path dir;

    @Test
    void runs() throws Exception {
        var spark = LocalSpark.get();
        var t = new Tables(List.of(new GoodRow("g1", "870840", "MX", "US", null, null, null, new BigDecimal("1000.00"), null,
                null, null, new BigDecimal("200.00"), null, null, 0)),
                List.of(new LineRow("g1", "m1", null, "870899", new BigDecimal("300.00"), "non-originating", "CN", false, false, null, null, null, 0),
                        new LineRow("g1", "m2", null, "400912", new BigDecimal("100.00"), "unknown", null, false, false, null, null, null, 0)));
        SparkTables.write(spark, t, dir.resolve("in"), 1);
        var engine = EngineSource.load("usmca", Map.of(), null);
        List<Row> rows = QualifyJob.results(spark, dir.resolve("in").toString(), engine, LocalDate.of(2023, 7, 1), 0).collectAsList();
        System.out.println(rows);
        assertThat(rows).hasSize(1);
    }
}
