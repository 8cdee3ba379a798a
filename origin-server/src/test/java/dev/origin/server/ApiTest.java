package dev.origin.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.origin.core.engine.Evaluator;
import dev.origin.io.CaseFileReader;
import dev.origin.io.ResultWriter;
import dev.origin.io.RulePackReader;
import dev.origin.io.TariffReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST API of the engine: the case-file contract over HTTP, errors as the command line reports them, paging. */
class ApiTest {
    static Fixture f;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll static void start() { f = new Fixture(); }

    @AfterAll static void stop() { f.close(); }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void qualifyAnswersTheJsonOfTheCommandLine() throws Exception {
        String file = Fixture.example("net-cost-example.json");
        HttpResponse<String> r = f.postJson("/api/qualify?regime=usmca", f.viewerToken, file);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        // the same document `origin qualify --format json` prints: the same readers, evaluator and writer, independently run here
        var goods = CaseFileReader.read(file, "request", false);
        var ev = Evaluator.of(RulePackReader.load("usmca", Map.of()), TariffReader.builtIn());
        var expected = goods.stream().map(g -> ev.evaluate(g, g.date() != null ? g.date() : LocalDate.now(), true)).toList();
        assertThat(json(r)).isEqualTo(JSON.readTree(ResultWriter.json(expected)));
        // and the official figures of the worked example (SOR/2020-155 s.7(22) Example 4)
        JsonNode res = json(r).path("results").get(0);
        assertThat(res.path("status").asText()).isEqualTo("ORIGINATING");
        assertThat(res.path("rvc").path("netCost").asText()).isEqualTo("88.00");
        assertThat(res.path("rvc").path("vnm").asText()).isEqualTo("40.00");
        assertThat(res.path("rvc").path("value").decimalValue()).isEqualByComparingTo("54.545454");
    }

    @Test
    void yamlBodiesAreReadToo() throws Exception {
        HttpResponse<String> r = f.send("POST", "/api/qualify?regime=nafta&date=2019-06-17", f.viewerToken, "application/yaml",
                Fixture.example("multi-level-bom.yaml"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("results").size()).isGreaterThan(0);
    }

    @Test
    void badInputGetsTheCodesAndLocationsOfTheCommandLine() throws Exception {
        String bad = """
                {"goods": [{"id": "g1", "hs": "87", "producer": {"country": "MX"},
                  "materials": [{"id": "m1", "hs": "8407.34", "value": "-1", "origin": "non-originating"}]}]}
                """;
        HttpResponse<String> r = f.postJson("/api/qualify?regime=usmca&date=2023-13-01&param=oops", f.viewerToken, bad);
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode errors = json(r).path("errors");
        assertThat(errors.findValuesAsText("code")).contains("BAD_DATE", "BAD_PARAM", "BAD_HS", "NEGATIVE_AMOUNT");
        JsonNode hs = null;
        for (JsonNode e : errors) if (e.path("code").asText().equals("BAD_HS")) hs = e;
        assertThat(hs.path("line").asInt()).isEqualTo(1);
        assertThat(hs.path("column").asInt()).isGreaterThan(1);
        assertThat(hs.path("path").asText()).isEqualTo("goods[0].hs");
        assertThat(hs.path("file").asText()).isEqualTo("request");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aRulePackPathIsNotReadFromTheServersDisk() throws Exception {
        HttpResponse<String> r = f.postJson("/api/qualify?regime=/etc/passwd", f.viewerToken, Fixture.example("net-cost-example.json"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).path("errors").get(0).path("code").asText()).isEqualTo("UNKNOWN_REGIME");
        assertThat(r.body()).doesNotContain("root:");
    }

    @Test
    void compareAndExplain() throws Exception {
        HttpResponse<String> c = f.postJson("/api/compare?date=2023-07-01", f.viewerToken, Fixture.example("passenger-vehicle.json"));
        assertThat(c.statusCode()).isEqualTo(200);
        JsonNode results = json(c).path("comparisons").get(0).path("results");
        assertThat(results.findValuesAsText("regime")).containsExactly("nafta", "usmca", "us-proposal-2017", "proposal-80-15", "canada-proposal-2018");
        HttpResponse<String> e = f.postJson("/api/explain?regime=us-proposal-2017&date=2023-07-01", f.viewerToken, Fixture.example("passenger-vehicle.json"));
        assertThat(e.statusCode()).isEqualTo(200);
        JsonNode x = json(e).path("explanations").get(0);
        assertThat(x.path("status").asText()).isEqualTo("NON_ORIGINATING");
        assertThat(x.path("text").asText()).contains("Why it does not qualify");
        assertThat(x.path("view").path("outcome").asBoolean(true)).isFalse();
    }

    @Test
    void wrongContentTypeAndOversizedBodiesAreRefused() throws Exception {
        HttpResponse<String> r = f.send("POST", "/api/qualify?regime=usmca", f.viewerToken, "text/plain", "hello");
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(json(r).path("errors").get(0).path("code").asText()).isEqualTo("BAD_CONTENT_TYPE");
        try (Fixture small = new Fixture(2000)) {
            HttpResponse<String> big = small.postJson("/api/qualify?regime=usmca", small.viewerToken, "{\"goods\": [" + " ".repeat(5000) + "]}");
            assertThat(big.statusCode()).isEqualTo(413);
            assertThat(json(big).path("errors").get(0).path("code").asText()).isEqualTo("REQUEST_TOO_LARGE");
        }
    }

    @Test
    void listsArePaginated() throws Exception {
        JsonNode p1 = json(f.get("/api/regimes?limit=2", f.viewerToken));
        assertThat(p1.path("items").size()).isEqualTo(2);
        assertThat(p1.path("total").asInt()).isEqualTo(RulePackReader.BUILT_IN.size());
        assertThat(p1.path("next").asText()).isEqualTo("/api/regimes?offset=2&limit=2");
        JsonNode p3 = json(f.get("/api/regimes?offset=4&limit=2", f.viewerToken));
        assertThat(p3.path("items").size()).isEqualTo(1);
        assertThat(p3.path("next").isNull()).isTrue();
        List<String> ids = new java.util.ArrayList<>();
        for (int off = 0; off < 5; off += 2) json(f.get("/api/regimes?offset=" + off + "&limit=2", f.viewerToken)).path("items").forEach(i -> ids.add(i.path("id").asText()));
        assertThat(ids).containsExactlyElementsOf(RulePackReader.BUILT_IN);
        HttpResponse<String> bad = f.get("/api/regimes?limit=1000", f.viewerToken);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("errors").get(0).path("code").asText()).isEqualTo("BAD_PAGE_SIZE");
    }

    @Test
    void aSimulationRunsAsAJobWithProgress() throws Exception {
        HttpResponse<String> r = f.postJson("/api/simulations", f.viewerToken, "{\"regimes\": [\"nafta\", \"usmca\"]}");
        assertThat(r.statusCode()).isEqualTo(202);
        String url = json(r).path("url").asText();
        assertThat(r.headers().firstValue("Location")).contains(url);
        JsonNode job;
        long until = System.currentTimeMillis() + 120_000;
        do {
            Thread.sleep(300);
            job = json(f.get(url, f.viewerToken));
            assertThat(job.path("percent").asInt()).isBetween(0, 100);
        } while (!job.path("state").asText().equals("DONE") && !job.path("state").asText().equals("FAILED") && System.currentTimeMillis() < until);
        assertThat(job.path("state").asText()).isEqualTo("DONE");
        assertThat(job.path("result").path("regimes").findValuesAsText("regime")).containsExactly("nafta", "usmca");
        HttpResponse<String> bad = f.postJson("/api/simulations", f.viewerToken, "{\"regimes\": [\"mars\"], \"draws\": 9999, \"passThrough\": \"x\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(json(bad).path("errors").findValuesAsText("code")).contains("UNKNOWN_REGIME", "OUT_OF_RANGE", "BAD_NUMBER");
    }

    @Test
    void aFleetWhoseModelTheEngineCannotDecideIsRefusedWithTheModelsField() throws Exception {
        String fleet = "fleet: { id: f }\nmodels:\n  - id: bike\n    country: US\n    class: passenger-vehicle\n    hs: \"8711.10\"\n"
                + "    price: \"3000.00\"\n    assembly: { labour: \"100.00\", overhead: \"100.00\", period: \"100.00\" }\n"
                + "    volumes: { US: 1000, CA: 100 }\n    parts:\n      - { id: e, group: engine, hs: \"8407.31\", cost: \"500.00\", country: US }\n";
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of("regimes", List.of("usmca"), "fleet", java.util.Map.of("yaml", fleet)));
        HttpResponse<String> r = f.postJson("/api/simulations", f.viewerToken, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        JsonNode e = json(r).path("errors").get(0);
        assertThat(e.path("code").asText()).isEqualTo("NO_RULE");
        assertThat(e.path("line").asInt()).isEqualTo(6);
        assertThat(e.path("column").asInt()).isEqualTo(9);
        assertThat(e.path("path").asText()).isEqualTo("models[0].hs");
    }
}
