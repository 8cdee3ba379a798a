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
    void theTraceIsTheCommandLinesFullForOneGoodFailingForMore() throws Exception {
        // two goods: one that does not qualify (contract-sample A-1) and one that does (the net-cost example's good-a)
        var two = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(Fixture.example("contract-sample.json"));
        two.withArray("goods").add(JSON.readTree(Fixture.example("net-cost-example.json")).path("goods").get(0));
        String file = JSON.writeValueAsString(two);
        HttpResponse<String> r = f.postJson("/api/qualify?regime=usmca", f.viewerToken, file);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        // `origin qualify --format json` of a file of two goods: the failing path of A-1, no trace for good-a
        var ev = Evaluator.of(RulePackReader.load("usmca", Map.of()), TariffReader.builtIn());
        var expected = new java.io.StringWriter();
        try (var g = JSON.getFactory().createGenerator(expected)) {
            g.writeStartObject();
            g.writeArrayFieldStart("results");
            for (var good : CaseFileReader.read(file, "request", false)) {
                ResultWriter.result(g, ev.evaluate(good, good.date() != null ? good.date() : LocalDate.now(), true), ResultWriter.TraceView.FAILING);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        JsonNode got = json(r);
        assertThat(got).isEqualTo(JSON.readTree(expected.toString()));
        assertThat(got.path("results").get(0).path("status").asText()).isEqualTo("NON_ORIGINATING");
        assertThat(got.path("results").get(0).path("trace").path("outcome").asBoolean(true)).isFalse();
        assertThat(got.path("results").get(1).path("trace").isNull()).isTrue();
        // `trace` chooses, as `--trace` does
        JsonNode full = json(f.postJson("/api/qualify?regime=usmca&trace=full", f.viewerToken, file));
        assertThat(full.path("results").get(1).path("trace").path("children").size()).isGreaterThan(0);
        JsonNode none = json(f.postJson("/api/qualify?regime=usmca&trace=none", f.viewerToken, file));
        assertThat(none.path("results").findValues("trace")).allMatch(JsonNode::isNull);
        assertThat(none.path("results").get(0).path("status").asText()).isEqualTo("NON_ORIGINATING");
        HttpResponse<String> bad = f.postJson("/api/qualify?regime=usmca&trace=all", f.viewerToken, file);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(json(bad).path("errors").get(0).path("code").asText()).isEqualTo("BAD_VALUE");
        assertThat(json(bad).path("errors").get(0).path("path").asText()).isEqualTo("trace");
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
    void aRegimeTheServerDoesNotTakeIsNamedInPlainWords() throws Exception {
        // the server takes built-in regimes only: its message must not offer a rule-pack file, nor lose half a sentence
        HttpResponse<String> q = f.postJson("/api/qualify?regime=cptpp", f.viewerToken, Fixture.example("net-cost-example.json"));
        JsonNode e = json(q).path("errors").get(0);
        assertThat(e.path("code").asText()).isEqualTo("UNKNOWN_REGIME");
        assertThat(e.path("message").asText()).startsWith("`cptpp` is not a built-in regime (").contains("nafta").doesNotContain("neither");
        HttpResponse<String> chase = f.get("/api/chase?regime=cptpp", f.viewerToken);
        assertThat(chase.statusCode()).isEqualTo(400);
        assertThat(json(chase).path("errors").get(0).path("message").asText()).startsWith("`cptpp` is not a built-in regime (");
        // an override of a regime that is not compared: usmca is built in, it is just not among those asked for
        HttpResponse<String> c = f.postJson("/api/compare?regimes=nafta,proposal-80-15&param=usmca:min=70", f.viewerToken, Fixture.example("net-cost-example.json"));
        assertThat(c.statusCode()).isEqualTo(422);
        JsonNode p = json(c).path("errors").get(0);
        assertThat(p.path("code").asText()).isEqualTo("UNKNOWN_REGIME");
        assertThat(p.path("path").asText()).isEqualTo("param");
        assertThat(p.path("message").asText()).isEqualTo("`usmca` is not among the regimes asked for (nafta, proposal-80-15).");
        // a simulation's overrides likewise (as `origin simulate --param`), and a sweep of a pack that is not built in
        HttpResponse<String> s = f.postJson("/api/simulations", f.viewerToken,
                "{\"regimes\": [\"nafta\"], \"params\": {\"usmca\": {\"min\": \"70\"}}, \"sweep\": {\"pack\": \"cptpp\", \"param\": \"min\", \"from\": 50, \"to\": 60, \"step\": 5}}");
        assertThat(s.statusCode()).isEqualTo(422);
        Map<String, String> byPath = new java.util.HashMap<>();
        for (JsonNode x : json(s).path("errors")) byPath.put(x.path("path").asText(), x.path("code").asText() + " " + x.path("message").asText());
        assertThat(byPath.get("params.usmca")).isEqualTo("UNKNOWN_REGIME `usmca` is not among the regimes asked for (nafta).");
        assertThat(byPath.get("sweep.pack")).startsWith("UNKNOWN_REGIME `cptpp` is not a built-in regime (");
        // while the swept pack's overrides are its other parameters, simulated or not (as `origin simulate --sweep … --param`)
        HttpResponse<String> swept = f.postJson("/api/simulations", f.viewerToken,
                "{\"regimes\": [\"nafta\"], \"params\": {\"us-proposal-2017\": {\"national-min\": \"0\"}}, \"sweep\": {\"pack\": \"us-proposal-2017\", \"param\": \"min\", \"from\": 60, \"to\": 60, \"step\": 5}}");
        assertThat(swept.statusCode()).as(swept.body()).isEqualTo(202);
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

    /** A multipart/form-data body: the fields, then the file {@code name} with {@code content}. */
    static String multipart(String boundary, String field, String fileName, String content, String... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            sb.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i]).append("\"\r\n\r\n")
                    .append(fields[i + 1]).append("\r\n");
        }
        sb.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field).append("\"; filename=\"").append(fileName)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n--").append(boundary).append("--\r\n");
        return sb.toString();
    }

    @Test
    void uploadsOverTheLimitAreRefusedLikeBodies() throws Exception {
        // an uploaded file is read by Jetty's multipart parser, not by Javalin's body reader: it has to meet the same limit
        String big = "{\"goods\": [" + " ".repeat(5000) + "]}";
        String type = "multipart/form-data; boundary=XyZ";
        try (Fixture small = new Fixture(2000)) {
            HttpResponse<String> api = small.send("POST", "/api/qualify?regime=usmca", small.viewerToken, type, multipart("XyZ", "file", "big.json", big));
            assertThat(api.statusCode()).as(api.body()).isEqualTo(413);
            assertThat(json(api).path("errors").get(0).path("code").asText()).isEqualTo("REQUEST_TOO_LARGE");
            // the pages' uploads: a case file on the Qualify page, a fleet file on the simulator's
            Fixture.Browser anna = small.new Browser().signIn("anna");
            var headers = java.util.Map.of(OriginServer.CSRF_HEADER, anna.csrf, "HX-Request", "true");
            HttpResponse<String> page = anna.send("POST", "/qualify", type, multipart("XyZ", "file", "big.json", big, "regime", "usmca"), headers);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(413);
            assertThat(page.body()).contains("REQUEST_TOO_LARGE").doesNotContain("Exception");
            // (a client of its own: the server closes a connection whose body it did not read, and a pooled one may be reused too soon)
            anna = small.new Browser().signIn("anna");
            headers = java.util.Map.of(OriginServer.CSRF_HEADER, anna.csrf, "HX-Request", "true");
            HttpResponse<String> fleet = anna.send("POST", "/simulate", type, multipart("XyZ", "fleetFile", "fleet.yaml", "#".repeat(5000), "fleet", "upload"), headers);
            assertThat(fleet.statusCode()).as(fleet.body()).isEqualTo(413);
            assertThat(fleet.body()).contains("REQUEST_TOO_LARGE").doesNotContain("Exception");
            // chunked, so without a Content-Length to go by: Jetty stops reading at the limit, and the answer still says why
            byte[] upload = multipart("XyZ", "file", "big.json", big).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            java.io.ByteArrayOutputStream chunked = new java.io.ByteArrayOutputStream();
            for (int at = 0; at < upload.length; at += 1000) {
                int n = Math.min(1000, upload.length - at);
                chunked.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                chunked.write(upload, at, n);
                chunked.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            chunked.writeBytes("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            RawHttp.Answer raw = RawHttp.send(small.server.port(), RawHttp.request("POST", "/api/qualify?regime=usmca",
                    Map.of("Authorization", "Bearer " + small.viewerToken, "Content-Type", type, "Transfer-Encoding", "chunked"), chunked.toByteArray()), 30_000);
            assertThat(raw.status()).as(raw.text()).isEqualTo(413);
            assertThat(JSON.readTree(raw.text()).path("errors").get(0).path("code").asText()).isEqualTo("REQUEST_TOO_LARGE");
            // and one under the limit is still read
            RawHttp.Answer ok = RawHttp.send(small.server.port(), RawHttp.request("POST", "/api/qualify?regime=usmca",
                    Map.of("Authorization", "Bearer " + small.viewerToken, "Content-Type", type),
                    multipart("XyZ", "file", "bad.json", "{\"goods\": [1,, ]}").getBytes(java.nio.charset.StandardCharsets.UTF_8)), 30_000);
            assertThat(ok.status()).as(ok.text()).isEqualTo(422);
            assertThat(JSON.readTree(ok.text()).path("errors").get(0).path("file").asText()).isEqualTo("bad.json");
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
    void theWorkflowListsArePaginatedToo() throws Exception {
        for (String list : List.of("/api/declarations/expiring?days=3650", "/api/chase?regime=usmca")) {
            JsonNode whole = json(f.get(list + "&limit=100", f.viewerToken));
            long total = whole.path("total").asLong();
            assertThat(total).as(list).isGreaterThanOrEqualTo(2).isEqualTo(whole.path("items").size());
            // page by page, following `next` (which keeps the list's own parameters), the same items in the same order
            List<JsonNode> paged = new java.util.ArrayList<>();
            String url = list + "&limit=1";
            while (url != null) {
                JsonNode p = json(f.get(url, f.viewerToken));
                assertThat(p.path("items").size()).isLessThanOrEqualTo(1);
                assertThat(p.path("total").asLong()).isEqualTo(total);
                p.path("items").forEach(paged::add);
                url = p.path("next").isNull() ? null : p.path("next").asText();
                if (url != null) assertThat(url).contains(list.substring(list.indexOf('?') + 1));
            }
            assertThat(paged).containsExactlyElementsOf(whole.path("items"));
        }
        JsonNode chase = json(f.get("/api/chase?limit=1", f.viewerToken));
        assertThat(chase.path("undeterminedGoods").asInt()).isPositive();
        assertThat(chase.path("items").get(0).path("rank").asInt()).isEqualTo(1);
        // the default window (60 days) is a part of the ten years'
        assertThat(json(f.get("/api/declarations/expiring", f.viewerToken)).path("total").asLong())
                .isLessThanOrEqualTo(json(f.get("/api/declarations/expiring?days=3650", f.viewerToken)).path("total").asLong());
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
