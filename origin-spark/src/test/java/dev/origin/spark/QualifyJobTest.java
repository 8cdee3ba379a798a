package dev.origin.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Diagnostic;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.engine.Finding;
import dev.origin.core.engine.Status;
import dev.origin.core.model.Good;
import dev.origin.io.Problem;
import dev.origin.io.RulePackReader;
import dev.origin.io.TariffReader;
import dev.origin.io.catalog.CatalogCsv;
import dev.origin.io.catalog.CatalogGenerator;
import dev.origin.io.catalog.CatalogParquet;
import dev.origin.io.catalog.CatalogTables;
import dev.origin.io.catalog.GoodRow;
import dev.origin.io.catalog.LineRow;
import dev.origin.io.catalog.Tables;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in {@code local[2]} on a small generated catalog (300 goods of 12 lines, sub-assemblies two
 * levels deep, 15 % of declarations missing) plus hand-made goods, written as Parquet by origin-io (DuckDB):
 * every output field of every good equals the local engine's determination of the same good, evaluated on
 * its own; invalid rows come out as errors, not as a failed job. One Spark session for the suite.
 */
class QualifyJobTest {
    static final LocalDate DATE = LocalDate.of(2023, 7, 1);

    @TempDir static Path dir;
    static Path input;
    static Tables tables;
    static SparkSession spark;

    @BeforeAll
    static void catalog() throws Exception {
        var settings = CatalogGenerator.Settings.of(300).withShape(4, 2).withOrigins(0.15, 50, 100).withSeed(7);
        Tables generated = new CatalogGenerator(settings).tables();
        List<GoodRow> goods = new ArrayList<>(generated.goods());
        List<LineRow> lines = new ArrayList<>(generated.lines());
        // a good the usmca pack has no rule for (HS 8708.40 without a `rule`)
        goods.add(good("no-rule", "870840", null));
        lines.add(line("no-rule", "m1", null, "730890", "300.00", "non-originating"));
        lines.add(line("no-rule", "m2", null, "870899", "200.00", "originating"));
        // invalid rows: a bad HS code, lines of a good that is not in the goods table, a good id given twice,
        // a line under a parent that does not exist
        goods.add(good("bad-hs", "87", "CTH"));
        lines.add(line("bad-hs", "m1", null, "730890", "10.00", "originating"));
        lines.add(line("ghost", "m1", null, "730890", "10.00", "originating"));
        goods.add(good("twice", "870829", "CTH"));
        goods.add(good("twice", "870829", "CTH"));
        goods.add(good("orphan-line", "870829", "CTH"));
        lines.add(line("orphan-line", "m1", "nowhere", "730890", "10.00", "originating"));
        tables = new Tables(goods, lines);
        Path csv = dir.resolve("csv");
        CatalogCsv.write(csv, tables);
        input = dir.resolve("catalog");
        CatalogParquet.fromCsv(csv, input);
        spark = LocalSpark.get();
    }

    static GoodRow good(String id, String hs, String rule) {
        return new GoodRow(id, hs, "MX", "US", null, null, null, new BigDecimal("1000.00"), null, null, null,
                new BigDecimal("250.00"), null, rule, 0);
    }

    static LineRow line(String good, String id, String parent, String hs, String value, String origin) {
        return new LineRow(good, id, parent, hs, new BigDecimal(value), origin, "MX", false, false, null, null, null, 0);
    }

    @Test
    void everyGoodGetsTheLocalEnginesDeterminationFieldByField() throws Exception {
        var engine = EngineSource.load("usmca", Map.of(), null);
        Map<String, Row> out = byGood(QualifyJob.results(spark, input.toString(), engine, DATE, 3).collectAsList());

        // the local engine, good by good, from the same rows
        var converted = CatalogTables.toGoods(tables, "goods", "lines");
        Evaluator local = Evaluator.of(RulePackReader.load("usmca", Map.of()), TariffReader.builtIn());
        Map<Status, Integer> verdicts = new EnumMap<>(Status.class);
        for (Good g : converted.goods()) {
            if (isInvalid(g.id())) continue;
            Determination d = local.evaluate(g, DATE, false);
            assertThat(out).containsKey(g.id());
            assertSame(out.get(g.id()), d);
            verdicts.merge(d.status(), 1, Integer::sum);
        }
        // the catalog exercises every verdict, unknown origins and sub-assemblies, so the comparison is not vacuous
        assertThat(verdicts).containsKeys(Status.ORIGINATING, Status.NON_ORIGINATING, Status.UNDETERMINED);
        assertThat(tables.lines()).anyMatch(l -> l.parentId() != null);
        // the goods of the catalog reader less the twice-given id, which it builds from its first row: a shuffle has no first row
        assertThat(converted.goods()).hasSize(302);

        // one row per good id; invalid ones carry their problems instead of a verdict
        assertThat(out).hasSize(301 + 4);
        assertThat(errorCodes(out.get("bad-hs"))).containsExactly("BAD_HS");
        assertThat(errorCodes(out.get("ghost"))).containsExactly("UNKNOWN_REF");
        assertThat(errorCodes(out.get("twice"))).containsExactly("DUPLICATE_ID");
        assertThat(errorCodes(out.get("orphan-line"))).containsExactly("UNKNOWN_REF");
        for (String id : List.of("bad-hs", "ghost", "twice", "orphan-line")) {
            Row r = out.get(id);
            assertThat(r.<String>getAs("verdict")).isNull();
            assertThat(r.<String>getAs("regime")).isEqualTo("usmca");
        }
        // the errors are the catalog reader's own, with the table and column
        List<Problem> expected = new ArrayList<>();
        GoodRow badHs = tables.goods().stream().filter(g -> g.goodId().equals("bad-hs")).findFirst().orElseThrow();
        CatalogTables.toGood(badHs, tables.lines().stream().filter(l -> l.goodId().equals("bad-hs")).toList(),
                input.resolve("goods.parquet").toString(), input.resolve("lines.parquet").toString(), expected);
        Row err = out.get("bad-hs").<Row>getList(out.get("bad-hs").fieldIndex("errors")).get(0);
        assertThat(err.<String>getAs("message")).isEqualTo(expected.get(0).message());
        assertThat(err.<String>getAs("path")).isEqualTo("hs");
        assertThat(err.<String>getAs("file")).endsWith("goods.parquet");
    }

    @Test
    void theJobReadsARulePackFileWithItsIncludedRulesAndWritesParquet() throws Exception {
        Path pack = dir.resolve("pack");
        Files.createDirectories(pack);
        Files.writeString(pack.resolve("extra.yaml"), """
                rules:
                  - id: test.8708.40
                    hs: "8708.40"
                    rule: "CTH and RVC(NC) >= 50"
                    citation: "a test rule"
                """);
        Files.writeString(pack.resolve("my-pack.yaml"), "id: usmca-test\nname: USMCA with a test rule\nextends: usmca\ninclude: [extra.yaml]\n");
        Path output = dir.resolve("results-pack");
        var r = run(input.toString(), output.toString(), pack.resolve("my-pack.yaml").toString(), DATE.toString(), "--partitions", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("wrote 305 results to " + output + ": ").contains("originating").contains("4 invalid");

        Map<String, Row> out = byGood(spark.read().parquet(output.toString()).collectAsList());
        assertThat(out).hasSize(305);
        Evaluator local = Evaluator.of(RulePackReader.load(pack.resolve("my-pack.yaml").toString(), Map.of()), TariffReader.builtIn());
        for (Good g : CatalogTables.toGoods(tables, "goods", "lines").goods()) if (!isInvalid(g.id())) assertSame(out.get(g.id()), local.evaluate(g, DATE, false));
        // the included rule decided the good the usmca pack has no rule for
        assertThat(out.get("no-rule").<String>getAs("regime")).isEqualTo("usmca-test");
        assertThat(out.get("no-rule").<String>getList(out.get("no-rule").fieldIndex("deciding_rules"))).isNotEmpty()
                .allMatch(rule -> rule.contains("test.8708.40"));
    }

    @Test
    void badArgumentsAndInputsAreReportedWithTheirCodeAndNothingRuns() throws Exception {
        Path out = dir.resolve("never");
        var badDate = run(input.toString(), out.toString(), "usmca", "2023-13-01");
        assertThat(badDate.code()).isEqualTo(2);
        assertThat(badDate.err()).contains("BAD_DATE").contains("`2023-13-01` is not a date").doesNotContain("Exception");

        var badRegime = run(input.toString(), out.toString(), "usmcaa", "2023-07-01");
        assertThat(badRegime.err()).contains("UNKNOWN_REGIME").contains("`usmcaa`");

        var usage = run(input.toString(), out.toString(), "usmca");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("usage: QualifyJob INPUT OUTPUT REGIME DATE");

        var noTables = run(dir.resolve("empty").toString(), out.toString(), "usmca", "2023-07-01");
        assertThat(noTables.code()).isEqualTo(2);
        assertThat(noTables.err()).contains("UNREADABLE").contains("goods.parquet").contains("lines.parquet");

        Path notParquet = dir.resolve("not-parquet");
        Files.createDirectories(notParquet);
        Files.writeString(notParquet.resolve("goods.parquet"), "good_id,hs\ng1,870829\n");
        Files.copy(input.resolve("lines.parquet"), notParquet.resolve("lines.parquet"));
        var csvAsParquet = run(notParquet.toString(), out.toString(), "usmca", "2023-07-01");
        assertThat(csvAsParquet.code()).isEqualTo(2);
        assertThat(csvAsParquet.err()).contains("UNREADABLE").contains("goods.parquet").doesNotContain("lines.parquet")
                .doesNotContain("Exception");

        // a goods table whose transaction_value is text, and which lacks producer_country
        Path typed = dir.resolve("typed");
        spark.sql("SELECT 'g1' AS good_id, '870829' AS hs, '1000.00' AS transaction_value")
                .write().parquet(typed.resolve("goods.parquet").toString());
        spark.read().parquet(input.resolve("lines.parquet").toString()).write().parquet(typed.resolve("lines.parquet").toString());
        var wrongType = run(typed.toString(), out.toString(), "usmca", "2023-07-01");
        assertThat(wrongType.code()).isEqualTo(2);
        assertThat(wrongType.err()).contains("MISSING_FIELD").contains("`producer_country`")
                .contains("BAD_TYPE").contains("The field `transaction_value` must be a decimal number (DECIMAL) but is a STRING column");
        assertThat(out).doesNotExist();

        Path existing = dir.resolve("existing");
        Files.createDirectories(existing);
        var exists = run(input.toString(), existing.toString(), "usmca", "2023-07-01");
        assertThat(exists.code()).isEqualTo(2);
        assertThat(exists.err()).contains("CANNOT_WRITE").contains("give --overwrite");
    }

    // ---------------------------------------------------------------- comparison

    /** Every column of a result row against the local determination, read from the determination itself. */
    static void assertSame(Row r, Determination d) {
        String id = d.good();
        assertThat(r.<String>getAs("good_id")).isEqualTo(id);
        assertThat(r.<String>getAs("regime")).as(id).isEqualTo(d.regime());
        assertThat(r.<String>getAs("regime_revision")).as(id).isEqualTo(d.regimeRevision());
        assertThat(((java.sql.Date) r.getAs("date")).toLocalDate()).as(id).isEqualTo(d.date());
        assertThat(r.<String>getAs("verdict")).as(id).isEqualTo(d.status().name());
        var rvc = d.rvc();
        assertThat(r.<String>getAs("rvc_method")).as(id).isEqualTo(rvc == null ? null : rvc.method().name());
        assertNumber(r, "rvc_value", rvc == null ? null : rvc.value());
        assertNumber(r, "rvc_threshold", rvc == null ? null : rvc.min());
        assertThat(r.<Boolean>getAs("rvc_met")).as(id).isEqualTo(rvc == null ? null : rvc.met());
        assertNumber(r, "rvc_net_cost", rvc == null ? null : rvc.netCost());
        assertNumber(r, "rvc_transaction_value", rvc == null ? null : rvc.transactionValue());
        assertNumber(r, "rvc_vnm", rvc == null ? null : rvc.vnm());
        assertNumber(r, "total_cost", d.totalCost());
        assertNumber(r, "vnm", d.vnm());
        assertThat(r.<String>getList(r.fieldIndex("deciding_rules"))).as(id).isEqualTo(d.decidingRules());
        assertThat(r.<String>getList(r.fieldIndex("missing_facts"))).as(id).isEqualTo(d.missingFacts());
        var b = d.bounds();
        assertThat(r.<String>getList(r.fieldIndex("unknown_materials"))).as(id).isEqualTo(b == null ? List.of() : b.unknownMaterials());
        assertThat(r.<String>getAs("best_verdict")).as(id).isEqualTo(b == null ? null : b.best().status().name());
        assertThat(r.<String>getAs("worst_verdict")).as(id).isEqualTo(b == null ? null : b.worst().status().name());
        List<Row> reqs = r.getList(r.fieldIndex("requirements"));
        assertThat(reqs).as(id).hasSameSizeAs(d.findings());
        for (int i = 0; i < reqs.size(); i++) {
            Row q = reqs.get(i);
            Finding f = d.findings().get(i);
            assertThat(q.<String>getAs("id")).isEqualTo(f.id());
            assertThat(q.<String>getAs("kind")).isEqualTo(f.kind().label());
            assertThat(q.<String>getAs("status")).isEqualTo(f.status().name());
            assertNumber(q, "value", f.value());
            assertNumber(q, "threshold", f.threshold());
            assertThat(q.<String>getAs("citation")).isEqualTo(f.citation());
            assertThat(q.<String>getList(q.fieldIndex("missing"))).isEqualTo(f.missing());
        }
        List<Row> diags = r.getList(r.fieldIndex("diagnostics"));
        assertThat(diags).as(id).hasSameSizeAs(d.diagnostics());
        for (int i = 0; i < diags.size(); i++) {
            Diagnostic x = d.diagnostics().get(i);
            Row q = diags.get(i);
            assertThat(List.of(q.<String>getAs("severity"), q.<String>getAs("code"), q.<String>getAs("message"), String.valueOf(q.<String>getAs("path"))))
                    .isEqualTo(List.of(x.severity().name(), x.code(), x.message(), String.valueOf(x.path())));
        }
        var t = d.tariff();
        assertThat(r.<String>getAs("tariff_importer")).as(id).isEqualTo(t == null ? null : t.importer());
        assertNumber(r, "tariff_rate_percent", t == null ? null : t.ratePercent());
        assertNumber(r, "tariff_mfn_rate_percent", t == null ? null : t.mfnRatePercent());
        assertNumber(r, "tariff_customs_value", t == null ? null : t.customsValue());
        assertNumber(r, "tariff_duty_owed", t == null ? null : t.dutyOwed());
        assertNumber(r, "tariff_duty_saved", t == null ? null : t.dutySaved());
        assertThat(r.<String>getAs("tariff_note")).as(id).isEqualTo(t == null ? null : t.note());
        assertThat(r.<Row>getList(r.fieldIndex("errors"))).as(id).isEmpty();
    }

    /** A decimal column equals the engine's number exactly (same value; the column's scale may be larger). */
    static void assertNumber(Row r, String column, BigDecimal expected) {
        BigDecimal actual = r.getAs(column);
        if (expected == null) {
            assertThat(actual).as(column).isNull();
        } else {
            assertThat(actual).as(column).isNotNull();
            assertThat(actual.compareTo(expected)).as(column + ": " + actual + " vs " + expected).isZero();
        }
    }

    static boolean isInvalid(String id) {
        return List.of("bad-hs", "ghost", "twice", "orphan-line").contains(id);
    }

    static Map<String, Row> byGood(List<Row> rows) {
        Map<String, Row> m = new HashMap<>();
        for (Row r : rows) assertThat(m.put(r.getAs("good_id"), r)).as("one row per good: " + r.getAs("good_id")).isNull();
        return m;
    }

    static List<String> errorCodes(Row r) {
        return r.<Row>getList(r.fieldIndex("errors")).stream().map(e -> e.<String>getAs("code")).collect(Collectors.toList());
    }

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = QualifyJob.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), spark);
        return new Run(code, out.toString(StandardCharsets.UTF_8).strip(), err.toString(StandardCharsets.UTF_8));
    }
}
