package dev.origin.io.catalog;

import java.math.BigDecimal;

/**
 * One row of the {@code lines} table of the tabular catalog format (docs/catalog-format.md): a bill-of-materials
 * line of a good, or of a self-produced material of it ({@code parentId}).
 *
 * @param declaration the supplier declaration the line's origin rests on (informational: no case-file field; bulk
 *                    requalification uses it to find the lines a changed declaration affects), or null
 * @param row         the row's number in its table (the header is row 1), or 0 when unknown
 */
public record LineRow(String goodId, String lineId, String parentId, String hs, BigDecimal value, String origin,
                      String country, boolean selfProduced, boolean intermediate, BigDecimal otherCosts,
                      BigDecimal excludedCosts, String declaration, long row) {

    /** The column names, in the order of the records' components (and of written files). */
    public static final java.util.List<String> COLUMNS = java.util.List.of("good_id", "line_id", "parent_id", "hs", "value",
            "origin", "country", "self_produced", "intermediate", "other_costs", "excluded_costs", "declaration");
}
