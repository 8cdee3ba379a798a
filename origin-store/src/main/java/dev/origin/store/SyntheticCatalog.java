package dev.origin.store;

import dev.origin.store.cert.Party;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic catalog for tests and benchmarks of the workflows: {@code goods} gearboxes, each made from one of
 * {@code goods / 10} sub-assemblies (at most 1,000) and bolts; each sub-assembly from one of {@code housings} cast
 * housings, each housing bought from its own supplier under its own declaration. Good {@code i} uses sub-assembly
 * {@code i % subs}, which uses housing {@code (i % subs) % housings}; so the declaration of housing {@code h} concerns
 * exactly the goods with {@code i % subs % housings == h}. Rules: {@link #PACK} (a pack extending {@code usmca}).
 */
public final class SyntheticCatalog {
    /** The rule pack of the catalog's goods: CTH for gearboxes (8708.40), RVC(NC) 50 for the sub-assemblies (8708.99). */
    public static final String PACK = """
            id: usmca-synthetic
            name: USMCA with the synthetic catalog's rules
            extends: usmca
            rules:
              - id: gearbox
                hs: ["8708.40"]
                rule: "CTH"
                citation: synthetic rule (CTH)
              - id: sub-assembly
                hs: ["8708.99"]
                rule: "RVC(NC) >= 50"
                citation: synthetic rule (RVC NC 50)
            """;

    /** The first day of the BOM versions, cost sheets and declarations. */
    public static final LocalDate FROM = LocalDate.of(2025, 1, 1);

    private SyntheticCatalog() {}

    /** The good's id, e.g. {@code G000042}. */
    public static String good(int i) { return String.format("G%06d", i); }

    /** The sub-assembly's id. */
    public static String sub(int j) { return String.format("S%04d", j); }

    /** The housing's id. */
    public static String housing(int h) { return String.format("H%03d", h); }

    /** The declaration of housing {@code h}. */
    public static String declaration(int h) { return String.format("D-H%03d", h); }

    /** How many sub-assemblies a catalog of {@code goods} has. */
    public static int subs(int goods) { return Math.max(1, Math.min(1000, goods / 10)); }

    /** Writes the catalog into {@code ws} in one transaction per 1,000 goods. */
    public static void write(Workspace ws, int goods, int housings) {
        int subs = subs(goods);
        ws.write(tx -> {
            tx.plants().put(new Plant("MTY", "Monterrey", "MX"));
            tx.suppliers().put(new Supplier("TOR", "Tornillos SA", "MX", null));
            tx.parts().put(new Part("BLT", "Bolt", Part.Source.BUY, null, "TOR", null, null, null, null));
            tx.parts().classify(new HsClassification("BLT", FROM, "7318.15"));
            tx.costs().put(new CostSheet("BLT", FROM, new BigDecimal("0.50"), null, null, null, null, null, null, null, null, null));
            tx.declarations().put(new Declaration("D-TOR", "TOR", FROM, FROM.plusMonths(12).minusDays(1), Declaration.Statement.ORIGINATING,
                    "B", null, null, false, null, null, List.of("BLT")));
            for (int h = 0; h < housings; h++) {
                String s = "CAST" + h;
                tx.suppliers().put(new Supplier(s, "Castings " + h, "MX", "sales" + h + "@castings.example"));
                tx.parts().put(new Part(housing(h), "Housing " + h, Part.Source.BUY, null, s, null, null, null, null));
                tx.parts().classify(new HsClassification(housing(h), FROM, "8708.40"));
                tx.costs().put(new CostSheet(housing(h), FROM, new BigDecimal("200.00"), null, null, null, null, null, null, null, null, null));
                tx.declarations().put(new Declaration(declaration(h), s, FROM, FROM.plusMonths(12).minusDays(1), Declaration.Statement.ORIGINATING,
                        "B", null, null, false, null, null, List.of(housing(h))));
            }
            for (int j = 0; j < subs; j++) {
                tx.parts().put(new Part(sub(j), "Sub-assembly " + j, Part.Source.MAKE, "MTY", null, null, null, null, null));
                tx.parts().classify(new HsClassification(sub(j), FROM, "8708.99"));
                tx.boms().put(new BomVersion(sub(j), FROM, null, List.of(new BomLine(1, housing(j % housings), BigDecimal.ONE))));
                tx.costs().put(new CostSheet(sub(j), FROM, null, null, null, new BigDecimal("50.00"), null, null, null, null, null, null));
            }
            new Parties(tx).put("ME", new Party("Transmisiones MTY", "Parque Industrial 4, Monterrey", "MX", null, null, null));
            return null;
        });
        // the goods by batched inserts (the same rows the repositories write), 1,000 per transaction
        for (int start = 0; start < goods; start += 1000) {
            int from = start, to = Math.min(goods, start + 1000);
            ws.write(tx -> {
                java.sql.Connection c = tx.connection();
                try (var parts = c.prepareStatement("INSERT INTO parts (part_id, description, source, plant_id, destination) VALUES (?, ?, 'MAKE', 'MTY', 'US')");
                     var hs = c.prepareStatement("INSERT INTO part_hs (part_id, valid_from, hs) VALUES (?, ?, '8708.40')");
                     var boms = c.prepareStatement("INSERT INTO bom_versions (part_id, valid_from, valid_to) VALUES (?, ?, NULL)");
                     var lines = c.prepareStatement("INSERT INTO bom_lines (part_id, valid_from, line_no, component_id, quantity) VALUES (?, ?, ?, ?, ?)");
                     var costs = c.prepareStatement("INSERT INTO cost_sheets (part_id, valid_from, transaction_value, other_product_costs)"
                             + " VALUES (?, ?, 900.00, 100.00)")) {
                    for (int i = from; i < to; i++) {
                        String g = good(i);
                        Sql.bind(parts, g, "Gearbox " + i);
                        parts.addBatch();
                        Sql.bind(hs, g, FROM);
                        hs.addBatch();
                        Sql.bind(boms, g, FROM);
                        boms.addBatch();
                        Sql.bind(lines, g, FROM, 1, sub(i % subs), BigDecimal.ONE);
                        lines.addBatch();
                        Sql.bind(lines, g, FROM, 2, "BLT", new BigDecimal("8"));
                        lines.addBatch();
                        Sql.bind(costs, g, FROM);
                        costs.addBatch();
                    }
                    parts.executeBatch();
                    hs.executeBatch();
                    boms.executeBatch();
                    lines.executeBatch();
                    costs.executeBatch();
                } catch (java.sql.SQLException e) {
                    throw new StoreException("cannot write the synthetic catalog: " + e.getMessage(), e);
                }
                return null;
            });
        }
    }

    /** The goods of a catalog of {@code goods} that use housing {@code h}, computed from the construction. */
    public static List<String> usersOfHousing(int goods, int housings, int h) {
        int subs = subs(goods);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < goods; i++) if ((i % subs) % housings == h) out.add(good(i));
        return out;
    }
}
