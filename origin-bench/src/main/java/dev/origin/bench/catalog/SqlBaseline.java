package dev.origin.bench.catalog;

import dev.origin.io.catalog.CatalogCsv;
import dev.origin.io.catalog.CatalogGenerator;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The same qualification written in SQL, as a team would write it over the tabular catalog format: the catalog's
 * {@code goods} and {@code lines} tables and a product-specific-rule table {@code psr} (the good's HS code, the
 * tariff-shift level in digits, the net-cost RVC threshold, the de minimis percentage). One query decides every
 * good: total cost, net cost (excluded costs of the good and of its sub-assemblies subtracted), VNM rolled up from
 * every level of the bill of materials (sub-assemblies not designated: their own non-originating materials count),
 * the tariff shift of the good's own non-originating lines with de minimis (10 % of the larger of transaction value
 * and total cost, USMCA), the RVC by cross-multiplication (exact decimals), and unknown origins as two bounds (worst:
 * non-originating; best: originating) combined as the engine combines them. Money is DECIMAL(18,2) throughout.
 *
 * <p>Scope (what the query does not do, so {@code origin bench} checks that the engine agrees before it reports a
 * time): designated intermediate materials (they need their own product-specific rule), de minimis exclusions, the
 * parts rule (criterion (d)), and rules other than "shift and RVC(NC)".
 */
public final class SqlBaseline {
    private SqlBaseline() {}

    /** The query; {@code :dm_either} is true when de minimis may use the larger of transaction value and total cost. */
    public static final String QUERY = """
            WITH per_good AS (
              SELECT l.good_id,
                SUM(CASE WHEN l.self_produced THEN COALESCE(l.other_costs, 0) ELSE l.value END) AS materials,
                SUM(CASE WHEN l.self_produced THEN COALESCE(l.excluded_costs, 0) ELSE 0 END) AS sub_excluded,
                SUM(CASE WHEN l.origin = 'non-originating' THEN l.value ELSE 0 END) AS vnm_non,
                SUM(CASE WHEN l.origin = 'unknown' THEN l.value ELSE 0 END) AS vnm_unknown,
                SUM(CASE WHEN l.parent_id IS NULL AND l.origin = 'non-originating'
                         AND substr(l.hs, 1, p.shift_digits) = substr(g.hs, 1, p.shift_digits) THEN l.value ELSE 0 END) AS fail_non,
                SUM(CASE WHEN l.parent_id IS NULL AND l.origin = 'unknown'
                         AND substr(l.hs, 1, p.shift_digits) = substr(g.hs, 1, p.shift_digits) THEN l.value ELSE 0 END) AS fail_unknown
              FROM lines l JOIN goods g ON g.good_id = l.good_id JOIN psr p ON p.hs = g.hs
              GROUP BY l.good_id
            ), figures AS (
              SELECT g.good_id, p.threshold, p.dm_percent,
                pg.materials + g.other_costs AS total_cost,
                pg.materials + g.other_costs - g.excluded_costs - pg.sub_excluded AS net_cost,
                CASE WHEN g.transaction_value IS NULL THEN pg.materials + g.other_costs
                     WHEN %s THEN GREATEST(g.transaction_value, pg.materials + g.other_costs)
                     ELSE g.transaction_value END AS dm_base,
                pg.vnm_non + pg.vnm_unknown AS vnm_worst, pg.vnm_non AS vnm_best,
                pg.fail_non + pg.fail_unknown AS fail_worst, pg.fail_non AS fail_best
              FROM goods g JOIN per_good pg ON pg.good_id = g.good_id JOIN psr p ON p.hs = g.hs
            ), bounds AS (
              SELECT good_id, total_cost, net_cost, vnm_worst, vnm_best,
                (fail_worst = 0 OR fail_worst * 100 <= dm_percent * dm_base)
                  AND (net_cost - vnm_worst) * 100 >= threshold * net_cost AS worst_met,
                (fail_best = 0 OR fail_best * 100 <= dm_percent * dm_base)
                  AND (net_cost - vnm_best) * 100 >= threshold * net_cost AS best_met
              FROM figures
            )
            SELECT good_id,
              CASE WHEN worst_met THEN 'ORIGINATING' WHEN NOT best_met THEN 'NON_ORIGINATING' ELSE 'UNDETERMINED' END AS status,
              total_cost, net_cost, CASE WHEN NOT worst_met AND NOT best_met THEN vnm_best ELSE vnm_worst END AS vnm
            FROM bounds
            """;

    /** One good's answer from SQL. */
    public record Answer(String status, BigDecimal totalCost, BigDecimal netCost, BigDecimal vnm) {}

    /** Creates and loads the tables from the CSV catalog in {@code csv}, with the rule table of the generator's families. */
    public static void load(Connection c, Path csv, Map<String, BigDecimal> deMinimisPercent, boolean postgres) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            for (String t : new String[] {"goods", "lines", "psr"}) s.execute("DROP TABLE IF EXISTS " + t);
            s.execute("CREATE TABLE goods (good_id VARCHAR PRIMARY KEY, hs VARCHAR NOT NULL, producer_country VARCHAR NOT NULL, destination VARCHAR,"
                    + " date DATE, use VARCHAR, vehicle VARCHAR, transaction_value DECIMAL(18,2), international_shipping DECIMAL(18,2),"
                    + " originating_materials DECIMAL(18,2), non_originating_materials DECIMAL(18,2), other_costs DECIMAL(18,2),"
                    + " excluded_costs DECIMAL(18,2), rule VARCHAR)");
            s.execute("CREATE TABLE lines (good_id VARCHAR NOT NULL, line_id VARCHAR NOT NULL, parent_id VARCHAR, hs VARCHAR NOT NULL,"
                    + " value DECIMAL(18,2), origin VARCHAR, country VARCHAR, self_produced BOOLEAN, intermediate BOOLEAN,"
                    + " other_costs DECIMAL(18,2), excluded_costs DECIMAL(18,2), declaration VARCHAR)");
            s.execute("CREATE TABLE psr (hs VARCHAR PRIMARY KEY, shift_digits INTEGER NOT NULL, threshold DECIMAL(9,4) NOT NULL,"
                    + " dm_percent DECIMAL(9,4) NOT NULL)");
            for (CatalogGenerator.Family f : CatalogGenerator.FAMILIES) {
                int digits = switch (f.shift()) { case "CC" -> 2; case "CTH" -> 4; default -> 6; };
                s.execute("INSERT INTO psr VALUES ('" + f.hs() + "', " + digits + ", " + f.threshold().toPlainString() + ", "
                        + deMinimisPercent.get(f.hs()).toPlainString() + ")");
            }
            if (postgres) {
                var copy = new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class));
                try (Reader r = Files.newBufferedReader(csv.resolve(CatalogCsv.GOODS), StandardCharsets.UTF_8)) {
                    copy.copyIn("COPY goods FROM STDIN WITH (FORMAT csv, HEADER true)", r);
                }
                try (Reader r = Files.newBufferedReader(csv.resolve(CatalogCsv.LINES), StandardCharsets.UTF_8)) {
                    copy.copyIn("COPY lines FROM STDIN WITH (FORMAT csv, HEADER true)", r);
                }
                s.execute("ANALYZE");
            } else {
                s.execute("INSERT INTO goods SELECT * FROM read_csv('" + csv.resolve(CatalogCsv.GOODS).toAbsolutePath() + "', header = true, all_varchar = true)");
                s.execute("INSERT INTO lines SELECT * FROM read_csv('" + csv.resolve(CatalogCsv.LINES).toAbsolutePath() + "', header = true, all_varchar = true)");
            }
        }
    }

    /**
     * Runs the query into a table {@code result} inside the engine (as a team's job would store its answers; what the
     * benchmark times, so that no engine pays for sending rows to Java).
     */
    public static void run(Connection c, boolean deMinimisEitherBase) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS result");
            s.execute("CREATE TABLE result AS " + QUERY.formatted(deMinimisEitherBase ? "TRUE" : "FALSE"));
        }
    }

    /** Every good's answer by id, read from the table {@code result}. */
    public static Map<String, Answer> answers(Connection c, int expectedGoods) throws SQLException {
        Map<String, Answer> out = new HashMap<>(expectedGoods * 2);
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT good_id, status, total_cost, net_cost, vnm FROM result")) {
            while (r.next()) out.put(r.getString(1), new Answer(r.getString(2), r.getBigDecimal(3), r.getBigDecimal(4), r.getBigDecimal(5)));
        }
        return out;
    }
}
