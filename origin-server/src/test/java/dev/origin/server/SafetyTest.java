package dev.origin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Escaping, and no stack trace in any response: hostile names, malformed requests, failures. */
class SafetyTest {
    static Fixture f;
    static final String XSS = "<script>alert(1)</script>";

    @BeforeAll static void start() { f = new Fixture(); }

    @AfterAll static void stop() { f.close(); }

    static void noTrace(HttpResponse<String> r) {
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:").doesNotContain("jetty");
    }

    @Test
    void aHostileGoodIdIsShownNotRun() {
        String file = Fixture.example("net-cost-example.json").replaceFirst("\"id\": \"[^\"]+\"", "\"id\": \"" + XSS.replace("\"", "\\\"") + "\"");
        assertThat(file).contains(XSS);
        Fixture.Browser b = f.new Browser().signIn("anna");
        HttpResponse<String> r = b.send("POST", "/qualify", "application/x-www-form-urlencoded",
                Fixture.form("csrf", b.csrf, "caseFile", file, "regime", "usmca"), java.util.Map.of("HX-Request", "true"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(XSS).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        // the same id in an invalid file: the error message is escaped too
        String bad = "{\"goods\": [{\"id\": \"" + XSS.replace("\"", "\\\"") + "\", \"hs\": \"" + XSS.replace("\"", "\\\"") + "\", \"producer\": {\"country\": \"MX\"}}]}";
        HttpResponse<String> e = b.send("POST", "/qualify", "application/x-www-form-urlencoded",
                Fixture.form("csrf", b.csrf, "caseFile", bad, "regime", "usmca"), java.util.Map.of("HX-Request", "true"));
        assertThat(e.body()).contains("BAD_HS").doesNotContain(XSS);
        noTrace(e);
    }

    @Test
    void noResponseCarriesAStackTrace() {
        noTrace(f.postJson("/api/qualify?regime=usmca", f.viewerToken, "{\"goods\": [ {\"id\": 1, "));
        noTrace(f.postJson("/api/qualify?regime=usmca", f.viewerToken, "[1, 2"));
        noTrace(f.send("POST", "/api/qualify?regime=usmca", f.viewerToken, "application/json", "\u0000\u00ff"));
        noTrace(f.postJson("/api/users", f.adminToken, "{\"name\": 5"));
        noTrace(f.get("/api/simulations/nope", f.viewerToken));
        noTrace(f.get("/no/such/page", f.viewerToken));
        noTrace(f.send("PUT", "/api/qualify", f.viewerToken, "application/json", "{}"));
        noTrace(f.get("/api/regimes?offset=-1", f.viewerToken));
        // Jetty answers a path that climbs out of its root with 400, or closes the connection: either way nothing leaks
        for (String climb : new String[] {"/static/..%2f..%2fetc/passwd", "/webjars/../../WEB-INF"}) {
            // a client of its own: Jetty may close the connection, which must not spoil the shared client's pool
            java.net.http.HttpClient own = java.net.http.HttpClient.newHttpClient();
            try {
                HttpResponse<String> r = own.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.url(climb)))
                        .header("Authorization", "Bearer " + f.viewerToken).build(), HttpResponse.BodyHandlers.ofString());
                noTrace(r);
                assertThat(r.statusCode()).isIn(400, 404);
            } catch (java.io.IOException closed) {
                // closed without an answer: nothing leaked
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        HttpResponse<String> deep = f.postJson("/api/qualify?regime=usmca", f.viewerToken, "[".repeat(100_000));
        assertThat(deep.statusCode()).isEqualTo(422);
        noTrace(deep);
        HttpResponse<String> missing = f.get("/api/simulations/nope", f.viewerToken);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("NOT_FOUND");
    }

    @Test
    void pagesCarryASecurityPolicyAndLoadNothingFromOutside() {
        Fixture.Browser b = f.new Browser().signIn("vera");
        for (String p : new String[] {"/", "/qualify", "/compare", "/simulate"}) {
            HttpResponse<String> r = b.send("GET", p, null, null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'").contains("script-src 'self'");
            assertThat(r.body()).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script>");
            assertThat(r.body()).contains("/webjars/htmx.org/2.0.10/").contains("/webjars/chart.js/4.5.1/");
        }
        assertThat(b.send("GET", Pages.HTMX, null, null).statusCode()).isEqualTo(200);
        assertThat(b.send("GET", Pages.CHARTJS, null, null).statusCode()).isEqualTo(200);
        assertThat(b.send("GET", "/static/app.js", null, null).statusCode()).isEqualTo(200);
    }
}
