package dev.origin.spark;

import dev.origin.io.catalog.GoodRow;
import dev.origin.io.catalog.LineRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.spark.sql.Row;

/**
 * Spark rows of the two catalog tables, as selected by {@link CatalogInput}, to the catalog row model of
 * origin-io ({@link GoodRow}, {@link LineRow}); from there the catalog reader's own code builds and checks
 * the goods, so Spark and the local tools share one conversion. Spark rows have no row numbers: {@code row} is 0.
 */
final class CatalogRows {
    private CatalogRows() {}

    static GoodRow good(Row r) {
        return new GoodRow(r.getString(0), r.getString(1), r.getString(2), r.getString(3), date(r.get(4)), r.getString(5),
                r.getString(6), money(r, 7), money(r, 8), money(r, 9), money(r, 10), money(r, 11), money(r, 12), r.getString(13), 0);
    }

    static LineRow line(Row r) {
        return new LineRow(r.getString(0), r.getString(1), r.getString(2), r.getString(3), money(r, 4), r.getString(5),
                r.getString(6), !r.isNullAt(7) && r.getBoolean(7), !r.isNullAt(8) && r.getBoolean(8), money(r, 9), money(r, 10),
                r.getString(11), 0);
    }

    /**
     * A money cell read as DECIMAL(38,10), back at the scale it was written with: cents for the format's
     * DECIMAL(18,2); finer amounts keep their decimals so that the catalog reader refuses them as it would in a file.
     */
    static BigDecimal money(Row r, int i) {
        if (r.isNullAt(i)) return null;
        BigDecimal v = r.getDecimal(i).stripTrailingZeros();
        return v.scale() < 2 ? v.setScale(2) : v;
    }

    private static LocalDate date(Object v) {
        if (v == null) return null;
        if (v instanceof LocalDate d) return d;
        return ((java.sql.Date) v).toLocalDate();
    }
}
