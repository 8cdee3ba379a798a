package dev.origin.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.bulk.BulkEvaluator;
import dev.origin.core.bulk.ColumnarCatalog;
import dev.origin.core.engine.Determination;
import dev.origin.core.model.Good;
import dev.origin.io.CaseFileReader;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.io.ResultWriter;
import dev.origin.io.catalog.CatalogTables;
import dev.origin.io.catalog.Columnar;
import dev.origin.io.catalog.GoodRow;
import dev.origin.io.catalog.LineRow;
import dev.origin.store.importer.Importer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The same inputs give the same determination everywhere: the sample workspace loaded into H2 and into PostgreSQL
 * (skipped with the reason when no PostgreSQL server binaries are installed), every finished good qualified under
 * two regimes, and the stored input documents, their hashes and the findings JSON compared byte for byte between
 * the two databases; each stored determination replayed from its input ({@link Replay#of}) re-derives the
 * findings byte for byte; and the bulk engine over the same inputs (with and without its columnar fast path), and
 * the goods read back from the tabular catalog format (as Spark and {@code origin qualify} on a catalog read them),
 * give the single-good evaluator's verdict, RVC and findings, byte for byte.
 */
class DeterminismTest {
    static final List<String> REGIMES = List.of("usmca", "nafta");

    /** One good's outcome: the stored entry's input document, its hash, verdict and findings; or the error codes. */
    record Outcome(String input, String inputsHash, String verdict, String findings, String errors) {}

    static Map<String, Outcome> qualifyAll(Workspace ws) throws Exception {
        Sample.load(ws, Sample.ANCHOR, Importer.Progress.NONE);
        return qualifyAll(ws, REGIMES);
    }

    static Map<String, Outcome> qualifyAll(Workspace ws, List<String> regimes) throws Exception {
        List<Part> goods = ws.read(tx -> tx.parts().finished());
        assertThat(goods).hasSizeGreaterThanOrEqualTo(3);
        Map<String, Outcome> out = new TreeMap<>();
        for (String regime : regimes) {
            for (Part p : goods) {
                String key = regime + " " + p.id();
                try {
                    LedgerEntry e = ws.qualify(p.id(), regime, Map.of(), Sample.ANCHOR, "determinism test");
                    out.put(key, new Outcome(e.inputDocument(), e.inputsHash(), e.verdict(), e.findings(), null));
                    // replay from the stored input: the findings again, byte for byte
                    Replay r = Replay.of(e);
                    assertThat(r.now().findings()).as("replay of " + key).isEqualTo(e.findings());
                    assertThat(r.identical()).as("replay of " + key + ": " + r.differences()).isTrue();
                } catch (InputException x) {
                    out.put(key, new Outcome(null, null, null, null, x.problems().stream().map(q -> q.code() + " " + q.path()).toList().toString()));
                }
            }
        }
        // the ledger re-read from the database holds exactly what was appended, and its hash chain verifies
        List<LedgerEntry> stored = ws.read(tx -> tx.ledger().page(1, 10_000));
        assertThat(stored).hasSize((int) out.values().stream().filter(o -> o.errors() == null).count());
        for (LedgerEntry e : stored) {
            Outcome o = out.get(e.regime() + " " + e.partId());
            assertThat(e.findings()).isEqualTo(o.findings());
            assertThat(e.inputDocument()).isEqualTo(o.input());
        }
        List<String> broken = ws.read(tx -> tx.ledger().verify());
        assertThat(broken).isEmpty();
        return out;
    }

    /** The sample workspace's goods under two regimes, and 40 goods of a synthetic catalog, qualified on {@code kind}. */
    static Map<String, Outcome> both(String kind) throws Exception {
        Map<String, Outcome> out = new TreeMap<>(qualifyAll(Workspace.open(TestDatabases.fresh(kind))));
        java.nio.file.Path synthetic = java.nio.file.Files.createTempFile("synthetic", ".yaml");
        java.nio.file.Files.writeString(synthetic, SyntheticCatalog.PACK);
        synthetic.toFile().deleteOnExit();
        Workspace ws = Workspace.open(TestDatabases.fresh(kind));
        SyntheticCatalog.write(ws, 40, 4);
        for (var e : qualifyAll(ws, List.of(synthetic.toString())).entrySet()) {
            Outcome o = e.getValue();
            // the pack's path differs between the runs; the findings name the regime by that path
            out.put("synthetic " + e.getKey().substring(e.getKey().lastIndexOf(' ') + 1), new Outcome(o.input(), o.inputsHash(), o.verdict(),
                    o.findings() == null ? null : o.findings().replace(synthetic.toString(), "<pack>"), o.errors()));
        }
        return out;
    }

    @Test
    void h2AndPostgresqlStoreTheSameDeterminationsAndReplayReDerivesThem() throws Exception {
        Map<String, Outcome> h2 = both("h2");
        assertThat(h2.values().stream().filter(o -> o.errors() == null).count()).as("goods determined").isGreaterThanOrEqualTo(3);
        // both verdicts occur, so the comparison is not between two trivial answers
        assertThat(h2.values().stream().map(Outcome::verdict).distinct().count()).isGreaterThanOrEqualTo(2);
        Map<String, Outcome> pg = both("postgresql");
        assertThat(pg.keySet()).isEqualTo(h2.keySet());
        for (String k : h2.keySet()) assertThat(pg.get(k)).as(k).isEqualTo(h2.get(k));
        System.out.println("DeterminismTest: " + h2.size() + " qualifications identical on H2 and PostgreSQL and on replay");
    }

    /**
     * The columnar catalog of the bulk engine does not hold a good's destination, use, vehicle or international
     * shipping (docs/bulk.md: such goods go to the evaluator). To compare the two modes on the same input, both are
     * given the stored input document without those fields.
     */
    static String withoutFieldsBulkCannotHold(String document) throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(document);
        for (var good : root.withArray("goods")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) good).remove(List.of("destination", "use", "vehicle", "internationalShipping"));
        }
        return json.writeValueAsString(root);
    }

    /** An amount as a CSV file may write it, without trailing zeros ({@code 100} for 100.00); null stays null. */
    static BigDecimal plain(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros();
    }

    /**
     * Good {@code g} written to the tables of the tabular catalog format and read back, with every amount of the rows
     * written plainly ({@code 100}, {@code 12.5}), as a CSV file may hold it; a Parquet file holds {@code 100.00}.
     */
    static Good throughTables(Good g) {
        var rows = CatalogTables.toRows(g, "case.json");
        assertThat(rows.problems()).as(g.id()).isEmpty();
        GoodRow r = rows.good();
        GoodRow plainRow = new GoodRow(r.goodId(), r.hs(), r.producerCountry(), r.destination(), r.date(), r.use(), r.vehicle(),
                plain(r.transactionValue()), plain(r.internationalShipping()), plain(r.originatingMaterials()),
                plain(r.nonOriginatingMaterials()), plain(r.otherCosts()), plain(r.excludedCosts()), r.rule(), 1);
        List<LineRow> lines = new ArrayList<>();
        for (LineRow l : rows.lines()) {
            lines.add(new LineRow(l.goodId(), l.lineId(), l.parentId(), l.hs(), plain(l.value()), l.origin(), l.country(), l.selfProduced(),
                    l.intermediate(), plain(l.otherCosts()), plain(l.excludedCosts()), l.declaration(), 1));
        }
        List<Problem> problems = new ArrayList<>();
        Good back = CatalogTables.toGood(plainRow, lines, "goods.csv", "lines.csv", problems);
        assertThat(problems).as(g.id()).isEmpty();
        return back;
    }

    @Test
    void bulkAndSingleModeGiveTheSameDetermination() throws Exception {
        // the sample workspace, and a synthetic catalog of 100 goods (three levels, declarations with a validity)
        Map<String, Outcome> stored = new TreeMap<>(qualifyAll(Workspace.open(TestDatabases.fresh("h2"))));
        java.nio.file.Path synthetic = java.nio.file.Files.createTempFile("synthetic", ".yaml");
        java.nio.file.Files.writeString(synthetic, SyntheticCatalog.PACK);
        synthetic.toFile().deleteOnExit();
        Workspace ws = Workspace.open(TestDatabases.fresh("h2"));
        SyntheticCatalog.write(ws, 100, 10);
        stored.putAll(qualifyAll(ws, List.of(synthetic.toString())));
        List<String> regimes = new ArrayList<>(REGIMES);
        regimes.add(synthetic.toString());
        int compared = 0;
        for (String regime : regimes) {
            Qualification.Pack pack = Qualification.Pack.load(regime, Map.of());
            List<String> keys = new ArrayList<>();
            List<Good> goods = new ArrayList<>();
            List<Qualification> single = new ArrayList<>();
            for (var e : stored.entrySet()) {
                if (!e.getKey().startsWith(regime + " ") || e.getValue().errors() != null) continue;
                String doc = withoutFieldsBulkCannotHold(e.getValue().input());
                Good good = CaseFileReader.read(doc, GoodInputs.SOURCE, false).get(0);
                try {
                    Columnar.of(List.of(good));
                } catch (IllegalArgumentException outOfScope) {
                    continue; // lump-sum materials: out of the columnar catalog's scope
                }
                Qualification q;
                try {
                    q = Qualification.evaluate(doc, pack, Sample.ANCHOR);
                } catch (InputException x) {
                    continue;
                }
                keys.add(e.getKey());
                goods.add(good);
                single.add(q);
            }
            if (goods.isEmpty()) continue;
            ColumnarCatalog c = Columnar.of(goods);
            BulkEvaluator bulk = BulkEvaluator.of(pack.evaluator(), Sample.ANCHOR);
            BulkEvaluator.Results r = bulk.evaluate(c);
            assertThat(bulk.withFastPath(false).evaluate(c).sameAs(r)).as("fast path on and off").isTrue();
            for (int g = 0; g < goods.size(); g++) {
                Qualification q = single.get(g);
                Determination d = bulk.determination(c, 0, g);
                assertThat(r.verdict(0, g)).as(keys.get(g)).isEqualTo(q.determination().status());
                // byte for byte: the columnar catalog holds money in cents and "no excluded costs" as an empty cell, and
                // must give back the amounts the single mode explains ("0", not "0.00", for excluded costs never given)
                assertThat(ResultWriter.json(List.of(d))).as(keys.get(g) + ", bulk").isEqualTo(q.findings());
                // the tabular catalog format (Spark, origin qualify on a catalog), amounts written plainly as a CSV may
                Determination t = pack.evaluator().evaluate(throughTables(goods.get(g)), Sample.ANCHOR, true);
                assertThat(ResultWriter.json(List.of(t))).as(keys.get(g) + ", through the tables").isEqualTo(q.findings());
                if (q.determination().rvc() != null && q.determination().rvc().value() != null) {
                    assertThat(BigDecimal.valueOf(r.rvcValue(0, g), 10)).as(keys.get(g)).isEqualByComparingTo(q.determination().rvc().value());
                }
                compared++;
            }
        }
        assertThat(compared).as("goods compared in bulk and single mode").isGreaterThanOrEqualTo(100);
        System.out.println("DeterminismTest: " + compared + " determinations identical in bulk mode, through the tables and in single mode "
                + "(verdict, RVC, findings byte for byte)");
    }
}
