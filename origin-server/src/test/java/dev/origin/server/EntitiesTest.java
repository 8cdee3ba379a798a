package dev.origin.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Creating, reading, updating and deleting workspace entities over the REST API (Entities): the body goes through the
 * store's importer, so its checks and codes apply; deletes of referenced entities are refused with IN_USE; a
 * viewer is refused. Read back through the API and through the store (the workspace's own repositories).
 */
class EntitiesTest {
    static Fixture f;

    @BeforeAll static void start() { f = new Fixture(); }

    @AfterAll static void stop() { f.close(); }

    private HttpResponse<String> send(String method, String path, String token, String body) {
        return f.send(method, path, token, body == null ? null : "application/json", body);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    private static java.util.Optional<?> opt(java.util.function.Function<dev.origin.store.Tx, java.util.Optional<?>> read) {
        return f.server.workspace.read(read);
    }

    @Test void supplierCreateReadUpdateDelete() throws Exception {
        var r = send("PUT", "/api/suppliers/NEWCO", f.analystToken, "{\"name\": \"New Co\", \"country\": \"ca\", \"contact\": \"a@b.example\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("change").asText()).isEqualTo("ADDED");
        var s = f.server.workspace.read(tx -> tx.suppliers().get("NEWCO")).orElseThrow();
        assertThat(s.country()).isEqualTo("CA");
        assertThat(f.get("/api/suppliers?limit=100", f.viewerToken).body()).contains("NEWCO");
        // the same again changes nothing; a new name changes it
        assertThat(json(send("PUT", "/api/suppliers/NEWCO", f.analystToken, "{\"name\": \"New Co\", \"country\": \"CA\", \"contact\": \"a@b.example\"}"))
                .get("change").asText()).isEqualTo("UNCHANGED");
        assertThat(json(send("PUT", "/api/suppliers/NEWCO", f.adminToken, "{\"name\": \"New Company\", \"country\": \"CA\"}")).get("change").asText())
                .isEqualTo("CHANGED");
        assertThat(f.server.workspace.read(tx -> tx.suppliers().get("NEWCO")).orElseThrow().name()).isEqualTo("New Company");
        assertThat(send("DELETE", "/api/suppliers/NEWCO", f.analystToken, null).statusCode()).isEqualTo(200);
        assertThat(opt(tx -> tx.suppliers().get("NEWCO"))).isEmpty();
        assertThat(json(send("DELETE", "/api/suppliers/NEWCO", f.analystToken, null)).at("/errors/0/code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test void partBomCostsDeclarationLifecycle() throws Exception {
        assertThat(send("PUT", "/api/suppliers/PARTCO", f.analystToken, "{\"name\": \"Part Co\", \"country\": \"MX\"}").statusCode()).isEqualTo(200);
        var r = send("PUT", "/api/parts/PIN-1", f.analystToken,
                "{\"description\": \"Guide pin\", \"source\": \"buy\", \"supplier\": \"PARTCO\", \"hs\": \"7318.15\", \"hsFrom\": \"2020-01-01\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        r = send("PUT", "/api/parts/ASM-1", f.analystToken, "{\"description\": \"Pin assembly\", \"source\": \"make\", \"plant\": \"SAL\", \"hs\": \"8708.30\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(f.get("/api/parts?limit=100", f.viewerToken).body()).contains("Guide pin");
        String hs = f.server.workspace.read(tx -> tx.parts().hsOn("PIN-1", LocalDate.of(2024, 1, 1))).orElseThrow();
        assertThat(hs).isEqualTo("7318.15");
        // a bought part reads back as itself, without an evaluation of its own (its origin is its supplier's word)
        var pin = f.get("/api/parts/PIN-1", f.viewerToken);
        assertThat(pin.statusCode()).as(pin.body()).isEqualTo(200);
        assertThat(json(pin).at("/source").asText()).isEqualTo("BUY");
        assertThat(json(pin).at("/determination").isNull()).isTrue();

        r = send("PUT", "/api/parts/ASM-1/boms/2024-01-01", f.analystToken, "{\"lines\": [{\"line\": 10, \"component\": \"PIN-1\", \"quantity\": 4}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(f.server.workspace.read(tx -> tx.boms().on("ASM-1", LocalDate.of(2025, 1, 1))).orElseThrow().lines()).hasSize(1);
        r = send("PUT", "/api/parts/PIN-1/costs/2024-01-01", f.analystToken, "{\"unitCost\": 0.35}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(f.server.workspace.read(tx -> tx.costs().on("PIN-1", LocalDate.of(2025, 1, 1))).orElseThrow().unitCost()).isEqualByComparingTo("0.35");

        LocalDate from = LocalDate.now().withDayOfMonth(1);
        r = send("PUT", "/api/declarations/PARTCO-1", f.analystToken, "{\"supplier\": \"PARTCO\", \"parts\": [\"PIN-1\"], \"validFrom\": \"" + from
                + "\", \"validTo\": \"" + from.plusMonths(6) + "\", \"statement\": \"originating\", \"criterion\": \"B\", \"statedRvc\": 70, \"rvcMethod\": \"NC\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(f.server.workspace.read(tx -> tx.declarations().get("PARTCO-1")).orElseThrow().parts()).containsExactly("PIN-1");

        // still referenced: refused, nothing deleted
        r = send("DELETE", "/api/parts/PIN-1", f.analystToken, null);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).at("/errors/0/code").asText()).isEqualTo("IN_USE");
        assertThat(json(r).at("/errors/0/message").asText()).contains("BOM line", "declaration").doesNotContain("SQL");
        r = send("DELETE", "/api/suppliers/PARTCO", f.analystToken, null);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).at("/errors/0/message").asText()).contains("part(s) are bought from it", "declaration(s)");
        assertThat(opt(tx -> tx.parts().get("PIN-1"))).isPresent();

        // withdrawal
        r = send("POST", "/api/declarations/PARTCO-1/withdrawal", f.analystToken, "{\"on\": \"" + from.plusDays(3) + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var d = f.server.workspace.read(tx -> tx.declarations().get("PARTCO-1")).orElseThrow();
        assertThat(d.withdrawn()).isTrue();
        assertThat(d.withdrawnOn()).isEqualTo(from.plusDays(3));

        // delete in order: declaration, BOM version, then the part (its cost sheet goes with it), the supplier
        assertThat(send("DELETE", "/api/declarations/PARTCO-1", f.analystToken, null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/parts/ASM-1/boms/2024-01-01", f.analystToken, null).statusCode()).isEqualTo(200);
        assertThat(opt(tx -> tx.boms().on("ASM-1", LocalDate.of(2025, 1, 1)))).isEmpty();
        assertThat(send("DELETE", "/api/parts/PIN-1/costs/2024-01-01", f.analystToken, null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/parts/PIN-1", f.analystToken, null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/parts/ASM-1", f.analystToken, null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/suppliers/PARTCO", f.analystToken, null).statusCode()).isEqualTo(200);
        assertThat(opt(tx -> tx.parts().get("PIN-1"))).isEmpty();
        assertThat(f.get("/api/parts/PIN-1", f.viewerToken).statusCode()).isEqualTo(404);
    }

    @Test void sampleReferencesRefused() throws Exception {
        // ROT-300 is a component of the sample's brake module; ACME has declarations
        var r = send("DELETE", "/api/parts/ROT-300", f.analystToken, null);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).at("/errors/0/code").asText()).isEqualTo("IN_USE");
        assertThat(send("DELETE", "/api/suppliers/ACME", f.analystToken, null).statusCode()).isEqualTo(409);
        assertThat(opt(tx -> tx.suppliers().get("ACME"))).isPresent();
    }

    @Test void badBodiesGetTheImportersCodesLocatedByField() throws Exception {
        var r = send("PUT", "/api/parts/BAD-1", f.analystToken, "{\"description\": \"=HYPERLINK(1)\", \"source\": \"borrow\", \"hs\": \"87\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode errors = json(r).get("errors");
        assertThat(errors.findValuesAsText("code")).contains("FORMULA_TEXT");
        assertThat(errors.findValuesAsText("path")).contains("description", "source", "hs");
        assertThat(errors.findValuesAsText("file")).containsOnly("request");
        r = send("PUT", "/api/parts/BAD-1", f.analystToken, "{\"description\": \"Bolt\", \"source\": \"buy\", \"supplier\": \"ACME\", \"colour\": \"red\"}");
        assertThat(json(r).at("/errors/0/code").asText()).isEqualTo("UNKNOWN_COLUMN");
        assertThat(json(r).at("/errors/0/path").asText()).isEqualTo("colour");
        assertThat(errors.findValuesAsText("file")).containsOnly("request");
        assertThat(opt(tx -> tx.parts().get("BAD-1"))).isEmpty();

        r = send("PUT", "/api/parts/BRK-FR-100/boms/2030-01-01", f.analystToken,
                "{\"lines\": [{\"component\": \"ROT-300\", \"quantity\": 1}, {\"component\": \"NOPE\", \"quantity\": -2}]}");
        assertThat(r.statusCode()).isEqualTo(422);
        errors = json(r).get("errors");
        assertThat(errors.findValuesAsText("code")).contains("NOT_IN_WORKSPACE");
        assertThat(errors.findValuesAsText("path")).contains("lines[1].component", "lines[1].quantity");

        r = send("PUT", "/api/declarations/LONG", f.analystToken, "{\"supplier\": \"ACME\", \"parts\": [\"ROT-300\"], \"validFrom\": \"2026-01-01\","
                + " \"validTo\": \"2027-01-01\", \"statement\": \"originating\"}");
        errors = json(r).get("errors");
        assertThat(errors.findValuesAsText("code")).contains("BLANKET_TOO_LONG", "MISSING_FIELD");
        assertThat(errors.findValuesAsText("path")).contains("validTo", "criterion");

        r = send("PUT", "/api/suppliers/X", f.analystToken, "[1]");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).at("/errors/0/code").asText()).isEqualTo("BAD_TYPE");
        r = send("DELETE", "/api/parts/ROT-300/boms/yesterday", f.analystToken, null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/errors/0/code").asText()).isEqualTo("BAD_DATE");
    }

    @Test void aSessionNeedsItsCsrfToken() throws Exception {
        Fixture.Browser anna = f.new Browser().signIn("anna");
        String body = "{\"name\": \"Session Co\", \"country\": \"US\"}";
        var without = anna.send("PUT", "/api/suppliers/SESS", "application/json", body);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.body()).contains("BAD_CSRF");
        assertThat(opt(tx -> tx.suppliers().get("SESS"))).isEmpty();
        var with = anna.send("PUT", "/api/suppliers/SESS", "application/json", body, java.util.Map.of(OriginServer.CSRF_HEADER, anna.csrf));
        assertThat(with.statusCode()).as(with.body()).isEqualTo(200);
        assertThat(anna.send("DELETE", "/api/suppliers/SESS", null, null).statusCode()).isEqualTo(403);
        assertThat(anna.send("DELETE", "/api/suppliers/SESS", null, null, java.util.Map.of(OriginServer.CSRF_HEADER, anna.csrf)).statusCode()).isEqualTo(200);
    }

    @Test void bomVersionsAndCostSheetsReadBackAsTheirPutBodies() throws Exception {
        assertThat(send("PUT", "/api/suppliers/RBCO", f.analystToken, "{\"name\": \"RB Co\", \"country\": \"MX\"}").statusCode()).isEqualTo(200);
        var pin = send("PUT", "/api/parts/RB-PIN", f.analystToken, "{\"description\": \"Pin\", \"source\": \"buy\", \"supplier\": \"RBCO\", \"hs\": \"7318.15\"}");
        assertThat(pin.statusCode()).as(pin.body()).isEqualTo(200);
        assertThat(send("PUT", "/api/parts/RB-BOLT", f.analystToken, "{\"description\": \"Bolt\", \"source\": \"buy\", \"supplier\": \"RBCO\", \"hs\": \"7318.15\"}")
                .statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/api/parts/RB-ASM", f.analystToken, "{\"description\": \"Assembly\", \"source\": \"make\", \"plant\": \"SAL\", \"hs\": \"8708.30\"}")
                .statusCode()).isEqualTo(200);
        String v1 = "{\"validTo\": \"2024-12-31\", \"lines\": [{\"line\": 10, \"component\": \"RB-PIN\", \"quantity\": 4}]}";
        String v2 = "{\"validTo\": null, \"lines\": [{\"line\": 10, \"component\": \"RB-PIN\", \"quantity\": 2.5}, {\"line\": 20, \"component\": \"RB-BOLT\", \"quantity\": 1}]}";
        assertThat(send("PUT", "/api/parts/RB-ASM/boms/2024-01-01", f.analystToken, v1).statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/api/parts/RB-ASM/boms/2025-01-01", f.analystToken, v2).statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/api/parts/RB-PIN/costs/2024-01-01", f.analystToken, "{\"unitCost\": 0.35, \"shipping\": \"0.02\"}").statusCode()).isEqualTo(200);

        // a viewer reads them, oldest first, a page at a time
        JsonNode page1 = json(f.get("/api/parts/RB-ASM/boms?limit=1", f.viewerToken));
        assertThat(page1.path("total").asInt()).isEqualTo(2);
        assertThat(page1.path("next").asText()).isEqualTo("/api/parts/RB-ASM/boms?offset=1&limit=1");
        JsonNode first = page1.path("items").get(0);
        assertThat(first.path("validFrom").asText()).isEqualTo("2024-01-01");
        assertThat(first.path("validTo").asText()).isEqualTo("2024-12-31");
        JsonNode second = json(f.get(page1.path("next").asText(), f.viewerToken)).path("items").get(0);
        assertThat(second.path("validTo").isNull()).isTrue();
        assertThat(second.path("lines").findValuesAsText("component")).containsExactly("RB-PIN", "RB-BOLT");
        assertThat(second.path("lines").get(0).path("quantity").decimalValue()).isEqualByComparingTo("2.5");
        // what is read is what was written: put back (without the path's validFrom and the url) it changes nothing
        for (JsonNode v : List.of(first, second)) {
            var body = ((com.fasterxml.jackson.databind.node.ObjectNode) v.deepCopy());
            body.remove(List.of("validFrom", "url"));
            var again = send("PUT", v.path("url").asText(), f.analystToken, Json.MAPPER.writeValueAsString(body));
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(json(again).path("change").asText()).isEqualTo("UNCHANGED");
        }
        JsonNode sheet = json(f.get("/api/parts/RB-PIN/costs", f.viewerToken)).path("items").get(0);
        assertThat(sheet.path("unitCost").decimalValue()).isEqualByComparingTo("0.35");
        assertThat(sheet.path("shipping").decimalValue()).isEqualByComparingTo("0.02");
        assertThat(sheet.path("royalties").isNull()).isTrue();
        var sheetBody = ((com.fasterxml.jackson.databind.node.ObjectNode) sheet.deepCopy());
        sheetBody.remove(List.of("validFrom", "url"));
        assertThat(json(send("PUT", sheet.path("url").asText(), f.analystToken, Json.MAPPER.writeValueAsString(sheetBody))).path("change").asText())
                .isEqualTo("UNCHANGED");
        // a bought part has no BOM; an unknown part is 404
        assertThat(json(f.get("/api/parts/RB-PIN/boms", f.viewerToken)).path("total").asInt()).isZero();
        var missing = f.get("/api/parts/NO-SUCH/boms", f.viewerToken);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).at("/errors/0/code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test void suppliersAndDeclarationsReadBackAsTheirPutBodies() throws Exception {
        String supplier = "{\"name\": \"Read Co\", \"country\": \"MX\", \"contact\": \"buyer@read.example\"}";
        assertThat(send("PUT", "/api/suppliers/READCO", f.analystToken, supplier).statusCode()).isEqualTo(200);
        for (String part : List.of("RD-PIN", "RD-BOLT")) {
            var r = send("PUT", "/api/parts/" + part, f.analystToken, "{\"description\": \"" + part + "\", \"source\": \"buy\", \"supplier\": \"READCO\", \"hs\": \"7318.15\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        String declaration = "{\"supplier\": \"READCO\", \"parts\": [\"RD-PIN\", \"RD-BOLT\"], \"validFrom\": \"2026-01-01\", \"validTo\": \"2026-12-31\", "
                + "\"statement\": \"originating\", \"criterion\": \"B\", \"statedRvc\": 65.5, \"rvcMethod\": \"NC\", \"receivedOn\": \"2025-12-15\"}";
        var put = send("PUT", "/api/declarations/READCO-1", f.analystToken, declaration);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        // a viewer reads each as written
        JsonNode s = json(f.get("/api/suppliers/READCO", f.viewerToken));
        assertThat(s.path("id").asText()).isEqualTo("READCO");
        assertThat(s.path("name").asText()).isEqualTo("Read Co");
        assertThat(s.path("country").asText()).isEqualTo("MX");
        assertThat(s.path("contact").asText()).isEqualTo("buyer@read.example");
        JsonNode d = json(f.get("/api/declarations/READCO-1", f.viewerToken));
        assertThat(d.path("supplier").asText()).isEqualTo("READCO");
        assertThat(List.of(d.path("parts").get(0).asText(), d.path("parts").get(1).asText())).containsExactlyInAnyOrder("RD-PIN", "RD-BOLT");
        assertThat(d.path("validFrom").asText()).isEqualTo("2026-01-01");
        assertThat(d.path("validTo").asText()).isEqualTo("2026-12-31");
        assertThat(d.path("statement").asText()).isEqualTo("originating");
        assertThat(d.path("criterion").asText()).isEqualTo("B");
        assertThat(d.path("statedRvc").decimalValue()).isEqualByComparingTo("65.5");
        assertThat(d.path("rvcMethod").asText()).isEqualTo("NC");
        assertThat(d.path("withdrawn").asBoolean()).isFalse();
        assertThat(d.path("withdrawnOn").isNull()).isTrue();
        assertThat(d.path("receivedOn").asText()).isEqualTo("2025-12-15");
        // put back without the id (the path gives it), each changes nothing
        for (var item : List.of(java.util.Map.entry("/api/suppliers/READCO", s), java.util.Map.entry("/api/declarations/READCO-1", d))) {
            var body = (com.fasterxml.jackson.databind.node.ObjectNode) item.getValue().deepCopy();
            body.remove("id");
            var again = send("PUT", item.getKey(), f.analystToken, Json.MAPPER.writeValueAsString(body));
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(json(again).path("change").asText()).as(item.getKey()).isEqualTo("UNCHANGED");
        }
        // a withdrawal reads back too
        assertThat(send("POST", "/api/declarations/READCO-1/withdrawal", f.analystToken, "{\"on\": \"2026-06-30\"}").statusCode()).isEqualTo(200);
        JsonNode w = json(f.get("/api/declarations/READCO-1", f.viewerToken));
        assertThat(w.path("withdrawn").asBoolean()).isTrue();
        assertThat(w.path("withdrawnOn").asText()).isEqualTo("2026-06-30");
        // unknown ids are 404; the expiring list is not taken for a declaration's id
        for (String missing : List.of("/api/suppliers/NO-SUCH", "/api/declarations/NO-SUCH")) {
            var r = f.get(missing, f.viewerToken);
            assertThat(r.statusCode()).as(missing).isEqualTo(404);
            assertThat(json(r).at("/errors/0/code").asText()).isEqualTo("NOT_FOUND");
        }
        var expiring = f.get("/api/declarations/expiring?days=30", f.viewerToken);
        assertThat(expiring.statusCode()).as(expiring.body()).isEqualTo(200);
        assertThat(json(expiring).has("items")).isTrue();
    }

    @Test void aBodyOverTheLimitIsRefused() throws Exception {
        try (Fixture small = new Fixture(200)) {
            String body = "{\"name\": \"" + "x".repeat(300) + "\", \"country\": \"US\"}";
            var r = small.send("PUT", "/api/suppliers/BIG", small.analystToken, "application/json", body);
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("REQUEST_TOO_LARGE");
        }
    }

    @Test void viewerIsRefused() throws Exception {
        var r = send("PUT", "/api/suppliers/VIEWCO", f.viewerToken, "{\"name\": \"V\", \"country\": \"US\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).at("/errors/0/code").asText()).isEqualTo("NOT_ALLOWED");
        assertThat(send("DELETE", "/api/suppliers/ACME", f.viewerToken, null).statusCode()).isEqualTo(403);
        assertThat(opt(tx -> tx.suppliers().get("VIEWCO"))).isEmpty();
    }
}
