package dev.origin.io.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of the {@code goods} table of the tabular catalog format (docs/catalog-format.md). Values are
 * as given (null when the cell is empty); {@link CatalogTables#toGoods} checks them and builds the goods.
 *
 * @param row the row's number in its table (the header is row 1), or 0 when unknown (e.g. read by Spark)
 */
public record GoodRow(String goodId, String hs, String producerCountry, String destination, LocalDate date, String use,
                      String vehicle, BigDecimal transactionValue, BigDecimal internationalShipping,
                      BigDecimal originatingMaterials, BigDecimal nonOriginatingMaterials, BigDecimal otherCosts,
                      BigDecimal excludedCosts, String rule, long row) {

    /** The column names, in the order of the records' components (and of written files). */
    public static final java.util.List<String> COLUMNS = java.util.List.of("good_id", "hs", "producer_country", "destination",
            "date", "use", "vehicle", "transaction_value", "international_shipping", "originating_materials",
            "non_originating_materials", "other_costs", "excluded_costs", "rule");

    /** True when the row gives a cost sheet (any of its four cost columns). */
    public boolean hasCosts() {
        return originatingMaterials != null || nonOriginatingMaterials != null || otherCosts != null || excludedCosts != null;
    }
}
