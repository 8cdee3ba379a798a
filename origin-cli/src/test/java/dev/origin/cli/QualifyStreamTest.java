package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.origin.io.CaseStream;
import dev.origin.io.ResultStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code origin qualify} on a stream: ndjson, csv, --trace, --progress, invalid goods, and memory bounded in goods. */
class QualifyStreamTest {
    @TempDir Path dir;

    static final String MIXED = """
            {"goods": [
              {"id": "ok", "hs": "9401.61", "producer": {"country": "CA"}, "destination": "US", "transactionValue": "120.00",
               "costs": {"originatingMaterials": "30.00", "nonOriginatingMaterials": "40.00", "otherProductCosts": "20.00", "periodCosts": "10.00",
                         "excludedCosts": {"salesPromotion": "5.00", "royalties": "2.50", "shipping": "3.00", "nonAllowableInterest": "1.50"}},
               "rule": {"rvc": {"method": "NC", "min": 50}}},
              {"id": "bad", "hs": "84x", "producer": {"country": "CA"}},
              {"id": "fails, \\"quoted\\"", "hs": "8481.80", "producer": {"country": "MX"},
               "materials": [{"id": "v", "hs": "8481.80", "value": "50.00", "origin": "non-originating", "country": "CN"},
                             {"id": "u", "hs": "8481.90", "value": "5.00", "origin": "unknown"}],
               "costs": {"otherProductCosts": "10.00"},
               "rule": "CTH and RVC(NC) >= 50"}
            ]}
            """;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("mixed.json");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void ndjsonHasOneResultPerLineShapedAsTheJsonResults() throws IOException {
        Path f = file(MIXED);
        CliTest.Result json = CliTest.run("qualify", "--regime", "usmca", "--date", "2023-07-01", "--format", "json", "--trace", "full", f.toString());
        CliTest.Result nd = CliTest.run("qualify", "--regime", "usmca", "--date", "2023-07-01", "--format", "ndjson", "--trace", "full", f.toString());
        assertThat(nd.exit()).isEqualTo(2).isEqualTo(json.exit());
        assertThat(nd.err()).isEqualTo(json.err()).contains("mixed.json:6:23: BAD_HS", "(at goods[1].hs)");
        JsonNode results = CliTest.JSON.readTree(json.out()).get("results");
        List<String> lines = nd.out().lines().toList();
        assertThat(lines).hasSize(2).hasSize(results.size()).allMatch(l -> l.startsWith("{\"good\":") && l.endsWith("}"));
        for (int i = 0; i < lines.size(); i++) assertThat(CliTest.JSON.readTree(lines.get(i))).isEqualTo(results.get(i));
        assertThat(results.get(1).get("good").asText()).isEqualTo("fails, \"quoted\"");
    }

    @Test
    void csvHasTheDocumentedColumnsAndTheFiguresOfTheJsonResults() throws IOException {
        Path f = file(MIXED);
        CliTest.Result csv = CliTest.run("qualify", "--regime", "usmca", "--date", "2023-07-01", "--format", "csv", f.toString());
        JsonNode results = CliTest.JSON.readTree(CliTest.run("qualify", "--regime", "usmca", "--date", "2023-07-01", "--format", "json",
                f.toString()).out()).get("results");
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", ResultStream.CSV_COLUMNS));
        assertThat(Files.readString(CliTest.ROOT.resolve("docs/case-file.md"))).contains(String.join(",", ResultStream.CSV_COLUMNS));
        var rows = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv.out())).getRecords();
        assertThat(rows).hasSize(2);
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            JsonNode r = results.get(i);
            assertThat(row.get("good")).isEqualTo(r.get("good").asText());
            assertThat(row.get("status")).isEqualTo(r.get("status").asText());
            assertThat(new BigDecimal(row.get("rvc"))).isEqualByComparingTo(r.get("rvc").get("value").decimalValue());
            assertThat(row.get("vnm")).isEqualTo(r.get("vnm").asText());
            assertThat(row.get("dutyOwed")).isEqualTo(r.path("tariff").path("dutyOwed").asText(""));
        }
        assertThat(rows.get(1).get("unknownMaterials")).isEqualTo("u");
        assertThat(rows.get(1).get("notMet")).isNotEmpty();
    }

    @Test
    void traceNoneFailingAndFullAndTheDefaults() throws IOException {
        Path f = file(MIXED);
        JsonNode none = results(f, "--trace", "none");
        JsonNode failing = results(f, "--trace", "failing");
        JsonNode full = results(f, "--trace", "full");
        JsonNode byDefault = results(f);
        assertThat(none.findValues("trace")).allMatch(JsonNode::isNull);
        // failing: nothing for the originating good, the failing path (no met node at its first level) for the other
        assertThat(failing.get(0).get("status").asText()).isEqualTo("ORIGINATING");
        assertThat(failing.get(0).get("trace").isNull()).isTrue();
        JsonNode path = failing.get(1).get("trace");
        assertThat(path.get("outcome").asBoolean(true)).isFalse();
        assertThat(path.get("children")).noneMatch(c -> c.get("outcome").asBoolean(false));
        assertThat(full.get(1).get("trace").get("children").size()).isGreaterThanOrEqualTo(path.get("children").size());
        assertThat(full.get(0).get("trace").get("children").size()).isPositive();
        // more than one good: failing by default; the rest of each result does not depend on the trace
        assertThat(byDefault).isEqualTo(failing);
        for (int i = 0; i < 2; i++) {
            for (JsonNode r : List.of(none.get(i), full.get(i), failing.get(i))) ((com.fasterxml.jackson.databind.node.ObjectNode) r).remove("trace");
            assertThat(none.get(i)).isEqualTo(full.get(i)).isEqualTo(failing.get(i));
        }
    }

    private JsonNode results(Path f, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("qualify", "--regime", "usmca", "--date", "2023-07-01", "--format", "ndjson"));
        args.addAll(List.of(more));
        args.add(f.toString());
        CliTest.Result r = CliTest.run(args.toArray(String[]::new));
        var arr = CliTest.JSON.createArrayNode();
        for (String l : r.out().lines().toList()) arr.add(CliTest.JSON.readTree(l));
        return arr;
    }

    @Test
    void whenNoGoodIsValidNothingIsPrintedInAnyFormat() throws IOException {
        Path f = file("""
                {"goods": [{"id": "a", "hs": "84x", "producer": {"country": "CA"}}, {"id": "b", "hs": "8708.40"}]}
                """);
        for (String format : List.of("json", "ndjson", "csv", "text")) {
            CliTest.Result r = CliTest.run("qualify", "--regime", "usmca", "--format", format, f.toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.out()).as(format).isEmpty();
            assertThat(r.err()).endsWith("2 problems; nothing was evaluated." + System.lineSeparator());
        }
    }

    @Test
    void theProgressBarIsDrawnOnlyWhenAsked() throws IOException {
        Path f = file(MIXED);
        CliTest.Result shown = CliTest.run("qualify", "--regime", "usmca", "--format", "ndjson", "--progress", f.toString());
        assertThat(shown.err()).contains("qualifying 3 goods [", "100 % (3/3)", "\r");
        CliTest.Result quiet = CliTest.run("qualify", "--regime", "usmca", "--format", "ndjson", f.toString());
        assertThat(quiet.err()).doesNotContain("qualifying", "\r");
        assertThat(CliTest.run("qualify", "--regime", "usmca", "--format", "ndjson", "--no-progress", f.toString()).err()).isEqualTo(quiet.err());
        // the problems printed while the bar is shown are whole lines
        List<String> pieces = java.util.Arrays.stream(shown.err().split("[\r\n]")).filter(l -> !l.isBlank() && !l.startsWith("qualifying")).toList();
        assertThat(pieces).isEqualTo(quiet.err().lines().toList());
    }

    @Test
    void goodsNamedByRefAreFoundBeforeAndAfterTheirUse() throws IOException {
        Path f = file("""
                {"goods": [
                  {"id": "pump", "hs": "8413.30", "producer": {"country": "MX"},
                   "materials": [{"id": "h", "ref": "housing", "intermediate": true}], "costs": {"otherProductCosts": "10.00"},
                   "rule": "CTH and RVC(NC) >= 50"},
                  {"id": "housing", "hs": "8413.91", "producer": {"country": "MX"}, "costs": {"otherProductCosts": "5.00"},
                   "materials": [{"id": "c", "hs": "7325.99", "value": "4.00", "origin": "non-originating", "country": "CN"}],
                   "rule": "CTH"},
                  {"id": "pump2", "hs": "8413.30", "producer": {"country": "MX"},
                   "materials": [{"id": "h", "ref": "housing", "intermediate": true}], "costs": {"otherProductCosts": "10.00"},
                   "rule": "CTH and RVC(NC) >= 50"}
                ]}
                """);
        JsonNode r = results(f, "--trace", "none");
        assertThat(r).hasSize(3);
        // the same production, named before and after its good: the same figures
        assertThat(r.get(0).get("vnm")).isEqualTo(r.get(2).get("vnm"));
        assertThat(r.get(0).get("status")).isEqualTo(r.get(2).get("status"));
        assertThat(r.get(0).get("rvc").get("netCost").asText()).isEqualTo("19.00");
    }

    /**
     * Memory stays bounded in goods: with a consumer that stops to look, the reader thread is at most
     * {@link GoodPipeline#maxAhead()} goods ahead, however long the file. It either blocks (bounded) or reads to the
     * end (unbounded, and then the check fails): no timing decides the outcome.
     */
    @Test
    void theReaderIsNeverMoreThanABoundedNumberOfGoodsAhead() throws Exception {
        Path f = dir.resolve("long.json");
        int goods = GoodPipeline.maxAhead() * 4;
        StringBuilder sb = new StringBuilder("{\"goods\": [\n");
        for (int i = 0; i < goods; i++) {
            sb.append(i == 0 ? "" : ",\n").append("{\"id\": \"G").append(i).append("\", \"hs\": \"8708.40\", \"producer\": {\"country\": \"MX\"}}");
        }
        Files.writeString(f, sb.append("]}"));
        int[] handled = {0};
        int[] mostAhead = {0};
        try (CaseStream s = CaseStream.open(f)) {
            GoodPipeline.run(s, e -> e, e -> {
                handled[0]++;
                if (handled[0] == 1 || handled[0] % 1000 == 0) {
                    // wait until the reader is stuck on the full queue, or has read everything
                    Thread reader = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("origin-reader")).findFirst().orElse(null);
                    while (reader != null && reader.isAlive() && reader.getState() != Thread.State.WAITING && s.goodsRead() < goods) Thread.onSpinWait();
                }
                mostAhead[0] = Math.max(mostAhead[0], s.goodsRead() - handled[0]);
            });
        }
        assertThat(handled[0]).isEqualTo(goods);
        assertThat(mostAhead[0]).isPositive().isLessThanOrEqualTo(GoodPipeline.maxAhead());
    }

    @Test
    void theJsonDocumentIsTheOneTheWholeFileRunPrints() throws Exception {
        // written incrementally, it is byte for byte the document of the whole-file path (read all, evaluate all, write once)
        Path f = file(MIXED);
        CliTest.Result r = CliTest.run("qualify", "--regime", "usmca", "--date", "2023-07-01", "--format", "json", "--trace", "full", f.toString());
        var ev = dev.origin.core.engine.Evaluator.of(dev.origin.io.RulePackReader.load("usmca", java.util.Map.of()), dev.origin.io.TariffReader.builtIn());
        CaseRun whole = CaseRun.of(dev.origin.io.CaseFileReader.load(f),
                g -> List.of(ev.evaluate(g, java.time.LocalDate.parse("2023-07-01"), true)), x -> true);
        assertThat(r.out()).isEqualTo(dev.origin.io.ResultWriter.json(whole.results(), whole.errors()));
        StringWriter err = new StringWriter();
        int exit = whole.report(new PrintWriter(err, true));
        assertThat(r.exit()).isEqualTo(exit);
        assertThat(r.err()).isEqualTo(err.toString());
    }
}
