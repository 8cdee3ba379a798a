package dev.origin.spark;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createDecimalType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import dev.origin.io.catalog.GoodRow;
import dev.origin.io.catalog.LineRow;
import dev.origin.io.catalog.Tables;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/** Writes a catalog's tables as Parquet with Spark, with the column types of docs/catalog-format.md. */
final class SparkTables {
    private static final DataType MONEY = createDecimalType(18, 2);

    static final StructType GOODS = createStructType(List.of(
            createStructField("good_id", StringType, true), createStructField("hs", StringType, true),
            createStructField("producer_country", StringType, true), createStructField("destination", StringType, true),
            createStructField("date", DateType, true), createStructField("use", StringType, true),
            createStructField("vehicle", StringType, true), createStructField("transaction_value", MONEY, true),
            createStructField("international_shipping", MONEY, true), createStructField("originating_materials", MONEY, true),
            createStructField("non_originating_materials", MONEY, true), createStructField("other_costs", MONEY, true),
            createStructField("excluded_costs", MONEY, true), createStructField("rule", StringType, true)));

    static final StructType LINES = createStructType(List.of(
            createStructField("good_id", StringType, true), createStructField("line_id", StringType, true),
            createStructField("parent_id", StringType, true), createStructField("hs", StringType, true),
            createStructField("value", MONEY, true), createStructField("origin", StringType, true),
            createStructField("country", StringType, true), createStructField("self_produced", BooleanType, true),
            createStructField("intermediate", BooleanType, true), createStructField("other_costs", MONEY, true),
            createStructField("excluded_costs", MONEY, true), createStructField("declaration", StringType, true)));

    private SparkTables() {}

    /** Writes {@code t} to {@code dir}/goods.parquet and {@code dir}/lines.parquet (Spark folders), in {@code parts} files each. */
    static void write(SparkSession spark, Tables t, Path dir, int parts) {
        List<Row> goods = new ArrayList<>();
        for (GoodRow g : t.goods()) {
            goods.add(RowFactory.create(g.goodId(), g.hs(), g.producerCountry(), g.destination(),
                    g.date() == null ? null : java.sql.Date.valueOf(g.date()), g.use(), g.vehicle(), m(g.transactionValue()),
                    m(g.internationalShipping()), m(g.originatingMaterials()), m(g.nonOriginatingMaterials()), m(g.otherCosts()),
                    m(g.excludedCosts()), g.rule()));
        }
        List<Row> lines = new ArrayList<>();
        for (LineRow l : t.lines()) {
            lines.add(RowFactory.create(l.goodId(), l.lineId(), l.parentId(), l.hs(), m(l.value()), l.origin(), l.country(),
                    l.selfProduced(), l.intermediate(), m(l.otherCosts()), m(l.excludedCosts()), l.declaration()));
        }
        spark.createDataFrame(goods, GOODS).repartition(parts).write().mode("overwrite").parquet(dir.resolve("goods.parquet").toString());
        spark.createDataFrame(lines, LINES).repartition(parts).write().mode("overwrite").parquet(dir.resolve("lines.parquet").toString());
    }

    private static BigDecimal m(BigDecimal v) {
        return v;
    }
}
