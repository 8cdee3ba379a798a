package dev.origin.spark;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createDecimalType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import dev.origin.io.catalog.CatalogGenerator;
import dev.origin.io.catalog.GoodRow;
import dev.origin.io.catalog.LineRow;
import dev.origin.io.catalog.Tables;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * Writing catalogs (docs/catalog-format.md) as Parquet with Spark, with the format's column types: a catalog
 * held in memory ({@link #write}) or one made by the seeded {@link CatalogGenerator} on the executors, good
 * {@code i} by good {@code i} ({@link #generate}), so that a catalog of any size is written in parallel.
 */
public final class SparkCatalog {
    private static final DataType MONEY = createDecimalType(18, 2);

    /** The goods table's schema. */
    public static final StructType GOODS = createStructType(List.of(
            createStructField("good_id", StringType, false), createStructField("hs", StringType, false),
            createStructField("producer_country", StringType, false), createStructField("destination", StringType, true),
            createStructField("date", DateType, true), createStructField("use", StringType, true),
            createStructField("vehicle", StringType, true), createStructField("transaction_value", MONEY, true),
            createStructField("international_shipping", MONEY, true), createStructField("originating_materials", MONEY, true),
            createStructField("non_originating_materials", MONEY, true), createStructField("other_costs", MONEY, true),
            createStructField("excluded_costs", MONEY, true), createStructField("rule", StringType, true)));

    /** The lines table's schema. */
    public static final StructType LINES = createStructType(List.of(
            createStructField("good_id", StringType, false), createStructField("line_id", StringType, false),
            createStructField("parent_id", StringType, true), createStructField("hs", StringType, false),
            createStructField("value", MONEY, true), createStructField("origin", StringType, true),
            createStructField("country", StringType, true), createStructField("self_produced", BooleanType, false),
            createStructField("intermediate", BooleanType, false), createStructField("other_costs", MONEY, true),
            createStructField("excluded_costs", MONEY, true), createStructField("declaration", StringType, true)));

    private SparkCatalog() {}

    /** A goods row as a Spark row of {@link #GOODS}. */
    public static Row row(GoodRow g) {
        return RowFactory.create(g.goodId(), g.hs(), g.producerCountry(), g.destination(),
                g.date() == null ? null : java.sql.Date.valueOf(g.date()), g.use(), g.vehicle(), g.transactionValue(),
                g.internationalShipping(), g.originatingMaterials(), g.nonOriginatingMaterials(), g.otherCosts(), g.excludedCosts(), g.rule());
    }

    /** A lines row as a Spark row of {@link #LINES}. */
    public static Row row(LineRow l) {
        return RowFactory.create(l.goodId(), l.lineId(), l.parentId(), l.hs(), l.value(), l.origin(), l.country(), l.selfProduced(),
                l.intermediate(), l.otherCosts(), l.excludedCosts(), l.declaration());
    }

    /**
     * Writes {@code t} to {@code dir}/goods.parquet and {@code dir}/lines.parquet (Spark folders of {@code parts}
     * files each), replacing them.
     */
    public static void write(SparkSession spark, Tables t, String dir, int parts) {
        List<Row> goods = new ArrayList<>(t.goods().size());
        for (GoodRow g : t.goods()) goods.add(row(g));
        List<Row> lines = new ArrayList<>(t.lines().size());
        for (LineRow l : t.lines()) lines.add(row(l));
        spark.createDataFrame(goods, GOODS).repartition(parts).write().mode("overwrite").parquet(dir + "/goods.parquet");
        spark.createDataFrame(lines, LINES).repartition(parts).write().mode("overwrite").parquet(dir + "/lines.parquet");
    }

    /**
     * Generates a catalog with {@link CatalogGenerator} on the executors and writes it to {@code dir} as
     * {@link #write} does: {@code parts} tasks, each generating a contiguous range of good indices.
     *
     * @param goods   number of goods
     * @param fanOut  lines per BOM level
     * @param depth   levels of self-produced sub-assemblies under each good
     * @param unknown share of supplier declarations missing or expired (origin unknown)
     * @param seed    the generator's seed
     */
    public static void generate(SparkSession spark, int goods, int fanOut, int depth, double unknown, long seed, String dir, int parts) {
        var ids = spark.range(0, goods, 1, parts).as(Encoders.LONG());
        ids.mapPartitions(new Gen(goods, fanOut, depth, unknown, seed, false), Encoders.row(GOODS))
                .write().mode("overwrite").parquet(dir + "/goods.parquet");
        ids.mapPartitions(new Gen(goods, fanOut, depth, unknown, seed, true), Encoders.row(LINES))
                .write().mode("overwrite").parquet(dir + "/lines.parquet");
    }

    /** The generator's settings for {@link #generate}. */
    public static CatalogGenerator.Settings settings(int goods, int fanOut, int depth, double unknown, long seed) {
        var s = CatalogGenerator.Settings.of(goods).withShape(fanOut, depth).withSeed(seed);
        return s.withOrigins(unknown, s.suppliers(), s.declarations());
    }

    /** Rows of the goods with the indices of one partition (goods or lines). */
    private record Gen(int goods, int fanOut, int depth, double unknown, long seed, boolean lines)
            implements MapPartitionsFunction<Long, Row> {
        @Override
        public java.util.Iterator<Row> call(java.util.Iterator<Long> indices) {
            CatalogGenerator gen = new CatalogGenerator(settings(goods, fanOut, depth, unknown, seed));
            CatalogGenerator.Raw raw = gen.newRaw();
            return new java.util.Iterator<>() {
                private java.util.Iterator<Row> pending = java.util.Collections.emptyIterator();

                @Override public boolean hasNext() {
                    while (!pending.hasNext() && indices.hasNext()) {
                        gen.generate(indices.next().intValue(), raw);
                        if (lines) {
                            List<Row> rs = new ArrayList<>(raw.lines);
                            for (LineRow l : gen.lineRows(raw)) rs.add(row(l));
                            pending = rs.iterator();
                        } else {
                            pending = List.of(row(gen.goodRow(raw))).iterator();
                        }
                    }
                    return pending.hasNext();
                }

                @Override public Row next() {
                    if (!hasNext()) throw new java.util.NoSuchElementException();
                    return pending.next();
                }
            };
        }
    }
}
