package dev.origin.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.ErrorCode.Variant;
import dev.origin.io.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The two tables of a catalog (docs/catalog-format.md) as Spark reads them: each column checked against the
 * format's type on the driver, before any work, and selected in the order of {@link CatalogRows}, so the
 * executors read cells by position. An optional column may be absent (it reads as empty); a required one
 * must be there. Decimal and whole-number columns are read as {@code DECIMAL(38,10)} (exact); the checks
 * of values (cents, signs, codes) are those of the catalog reader, applied to each good's rows.
 */
final class CatalogInput {
    /** A column of the format: name, kind of type, whether the format requires it. */
    record Col(String name, Kind kind, boolean required) {}

    /** The kinds of column types the format uses. */
    enum Kind {
        TEXT("text (STRING)"), MONEY("a decimal number (DECIMAL)"), DATE("a date (DATE)"), FLAG("true or false (BOOLEAN)");

        final String expected;

        Kind(String expected) { this.expected = expected; }

        boolean accepts(DataType t) {
            return switch (this) {
                case TEXT -> t instanceof StringType;
                case MONEY -> t instanceof DecimalType || t instanceof IntegerType || t instanceof LongType || t instanceof ShortType;
                case DATE -> t instanceof DateType;
                case FLAG -> t instanceof BooleanType;
            };
        }

        DataType sparkType() {
            return switch (this) {
                case TEXT -> DataTypes.StringType;
                case MONEY -> ResultSchema.NUMBER;
                case DATE -> DataTypes.DateType;
                case FLAG -> DataTypes.BooleanType;
            };
        }
    }

    static final List<Col> GOODS = List.of(new Col("good_id", Kind.TEXT, true), new Col("hs", Kind.TEXT, true),
            new Col("producer_country", Kind.TEXT, true), new Col("destination", Kind.TEXT, false), new Col("date", Kind.DATE, false),
            new Col("use", Kind.TEXT, false), new Col("vehicle", Kind.TEXT, false), new Col("transaction_value", Kind.MONEY, false),
            new Col("international_shipping", Kind.MONEY, false), new Col("originating_materials", Kind.MONEY, false),
            new Col("non_originating_materials", Kind.MONEY, false), new Col("other_costs", Kind.MONEY, false),
            new Col("excluded_costs", Kind.MONEY, false), new Col("rule", Kind.TEXT, false));

    static final List<Col> LINES = List.of(new Col("good_id", Kind.TEXT, true), new Col("line_id", Kind.TEXT, true),
            new Col("parent_id", Kind.TEXT, false), new Col("hs", Kind.TEXT, true), new Col("value", Kind.MONEY, false),
            new Col("origin", Kind.TEXT, false), new Col("country", Kind.TEXT, false), new Col("self_produced", Kind.FLAG, false),
            new Col("intermediate", Kind.FLAG, false), new Col("other_costs", Kind.MONEY, false),
            new Col("excluded_costs", Kind.MONEY, false), new Col("declaration", Kind.TEXT, false));

    private CatalogInput() {}

    /**
     * {@code table} with the format's columns in order, or null with {@code problems} added (a missing
     * required column, or a column of another type), each naming the table file and the column.
     */
    static Dataset<Row> select(Dataset<Row> table, List<Col> columns, String file, List<Problem> problems) {
        if (table == null) return null;
        StructType schema = table.schema();
        List<Column> out = new ArrayList<>();
        int before = problems.size();
        for (Col c : columns) {
            StructField f = field(schema, c.name());
            if (f == null) {
                if (c.required()) problems.add(Problem.of(file, 0, 0, c.name(), ErrorCode.MISSING_FIELD, c.name()));
                out.add(lit(null).cast(c.kind().sparkType()).as(c.name()));
            } else if (!c.kind().accepts(f.dataType())) {
                problems.add(Problem.of(file, 0, 0, c.name(), Variant.FIELD_OF_TYPE, c.name(), c.kind().expected,
                        "a " + f.dataType().sql() + " column"));
            } else {
                out.add(col("`" + f.name() + "`").cast(c.kind().sparkType()).as(c.name()));
            }
        }
        return problems.size() > before ? null : table.select(out.toArray(Column[]::new));
    }

    /** The field named {@code name}, ignoring case as Spark does by default, or null. */
    private static StructField field(StructType schema, String name) {
        for (StructField f : schema.fields()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(name)) return f;
        }
        return null;
    }
}
