package dev.origin.spark;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createDecimalType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Diagnostic;
import dev.origin.core.engine.Finding;
import dev.origin.core.engine.RvcResult;
import dev.origin.io.Problem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output table of {@link QualifyJob}: one row per good (see docs/spark.md for every column).
 *
 * <p>A good that could be evaluated has a {@code verdict} and empty {@code errors}; a good whose rows are
 * invalid (or lines without a goods row, or a good id given twice) has a null {@code verdict} and its
 * problems in {@code errors}, with the code, message, table and field of each: errors are data, the run
 * goes on. Amounts and percentages are {@code DECIMAL(38,10)}: the engine's RVC values are exact ratios
 * truncated to 10 decimals and its amounts come from cent inputs, so nothing is rounded on the way out.
 */
public final class ResultSchema {
    /** Scale of every decimal column. */
    public static final int SCALE = 10;
    /** Type of every amount and percentage column. */
    public static final DataType NUMBER = createDecimalType(38, SCALE);

    private static final StructType REQUIREMENT = createStructType(new StructField[] {
            createStructField("id", StringType, false),
            createStructField("kind", StringType, false),
            createStructField("status", StringType, false),
            createStructField("value", NUMBER, true),
            createStructField("threshold", NUMBER, true),
            createStructField("citation", StringType, true),
            createStructField("missing", createArrayType(StringType, false), false)});

    private static final StructType DIAGNOSTIC = createStructType(new StructField[] {
            createStructField("severity", StringType, false),
            createStructField("code", StringType, false),
            createStructField("message", StringType, false),
            createStructField("path", StringType, true)});

    private static final StructType ERROR = createStructType(new StructField[] {
            createStructField("code", StringType, false),
            createStructField("message", StringType, false),
            createStructField("file", StringType, true),
            createStructField("line", IntegerType, false),
            createStructField("path", StringType, true)});

    /** The output schema, column by column in this order. */
    public static final StructType SCHEMA = createStructType(new StructField[] {
            createStructField("good_id", StringType, true),
            createStructField("regime", StringType, false),
            createStructField("regime_revision", StringType, true),
            createStructField("date", DateType, false),
            createStructField("verdict", StringType, true),
            createStructField("rvc_method", StringType, true),
            createStructField("rvc_value", NUMBER, true),
            createStructField("rvc_threshold", NUMBER, true),
            createStructField("rvc_met", BooleanType, true),
            createStructField("rvc_net_cost", NUMBER, true),
            createStructField("rvc_transaction_value", NUMBER, true),
            createStructField("rvc_vnm", NUMBER, true),
            createStructField("total_cost", NUMBER, true),
            createStructField("vnm", NUMBER, true),
            createStructField("deciding_rules", createArrayType(StringType, false), false),
            createStructField("missing_facts", createArrayType(StringType, false), false),
            createStructField("unknown_materials", createArrayType(StringType, false), false),
            createStructField("best_verdict", StringType, true),
            createStructField("worst_verdict", StringType, true),
            createStructField("requirements", createArrayType(REQUIREMENT, false), false),
            createStructField("diagnostics", createArrayType(DIAGNOSTIC, false), false),
            createStructField("tariff_importer", StringType, true),
            createStructField("tariff_rate_percent", NUMBER, true),
            createStructField("tariff_mfn_rate_percent", NUMBER, true),
            createStructField("tariff_customs_value", NUMBER, true),
            createStructField("tariff_duty_owed", NUMBER, true),
            createStructField("tariff_duty_saved", NUMBER, true),
            createStructField("tariff_note", StringType, true),
            createStructField("errors", createArrayType(ERROR, false), false)});

    private ResultSchema() {}

    /** The row of a good the engine evaluated. */
    public static Row of(Determination d) {
        RvcResult rvc = d.rvc();
        var bounds = d.bounds();
        var t = d.tariff();
        List<Row> requirements = new ArrayList<>(d.findings().size());
        for (Finding f : d.findings()) {
            requirements.add(RowFactory.create(f.id(), f.kind().label(), f.status().name(), number(f.value()), number(f.threshold()),
                    f.citation(), seq(f.missing())));
        }
        List<Row> diagnostics = new ArrayList<>(d.diagnostics().size());
        for (Diagnostic x : d.diagnostics()) {
            diagnostics.add(RowFactory.create(x.severity().name(), x.code(), x.message(), x.path()));
        }
        return RowFactory.create(d.good(), d.regime(), d.regimeRevision(), date(d.date()), d.status().name(),
                rvc == null ? null : rvc.method().name(), rvc == null ? null : number(rvc.value()),
                rvc == null ? null : number(rvc.min()), rvc == null ? null : rvc.met(),
                rvc == null ? null : number(rvc.netCost()), rvc == null ? null : number(rvc.transactionValue()),
                rvc == null ? null : number(rvc.vnm()),
                number(d.totalCost()), number(d.vnm()), seq(d.decidingRules()), seq(d.missingFacts()),
                seq(bounds == null ? List.of() : bounds.unknownMaterials()),
                bounds == null ? null : bounds.best().status().name(), bounds == null ? null : bounds.worst().status().name(),
                seq(requirements), seq(diagnostics),
                t == null ? null : t.importer(), t == null ? null : number(t.ratePercent()), t == null ? null : number(t.mfnRatePercent()),
                t == null ? null : number(t.customsValue()), t == null ? null : number(t.dutyOwed()),
                t == null ? null : number(t.dutySaved()), t == null ? null : t.note(),
                seq(List.of()));
    }

    /** The row of a good that could not be evaluated: no verdict, its problems as data. */
    public static Row invalid(String goodId, String regime, String revision, LocalDate date, List<Problem> problems) {
        List<Row> errors = new ArrayList<>(problems.size());
        for (Problem p : problems) errors.add(RowFactory.create(p.code(), p.message(), p.file(), p.line(), p.path()));
        return RowFactory.create(goodId, regime, revision, date(date), null, null, null, null, null, null, null, null, null, null,
                seq(List.of()), seq(List.of()), seq(List.of()), null, null, seq(List.of()), seq(List.of()), null, null, null, null, null,
                null, null, seq(errors));
    }

    /**
     * An engine amount or percentage as stored: scale {@value #SCALE}. Truncation (DOWN) only ever applies to
     * values the engine itself gives truncated to 10 decimals (RVC percentages); cent amounts are exact.
     */
    public static BigDecimal number(BigDecimal v) {
        return v == null ? null : v.setScale(SCALE, RoundingMode.DOWN);
    }

    /** A list as the Scala sequence Spark's row encoder takes for an array column. */
    private static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
        return scala.jdk.javaapi.CollectionConverters.asScala(list).toList();
    }

    private static java.sql.Date date(LocalDate d) {
        return java.sql.Date.valueOf(d);
    }
}
