package dev.origin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Roles, enumerated over the server's whole route table (so a new route cannot escape): a viewer's call of any
 * route leaves every table as it was, and a route that changes data refuses a viewer (403 NOT_ALLOWED) while an
 * analyst or admin may call it; no route but the public ones answers without signing in.
 */
class AccessTest {
    static Fixture f;

    @BeforeAll static void start() { f = new Fixture(); }

    @AfterAll static void stop() { f.close(); }

    /** Every row of every table but the sessions (signing in opens one), as text. */
    static TreeSet<String> snapshot() throws Exception {
        TreeSet<String> rows = new TreeSet<>();
        try (Connection c = f.db.connect(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet t = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                while (t.next()) tables.add(t.getString(1));
            }
            assertThat(tables).contains("APP_USER", "API_TOKEN");
            for (String t : tables) {
                if (t.equals("APP_SESSION")) continue;
                try (ResultSet r = s.executeQuery("SELECT * FROM \"" + t + "\"")) {
                    int n = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        StringBuilder sb = new StringBuilder(t);
                        for (int i = 1; i <= n; i++) sb.append('|').append(r.getString(i));
                        rows.add(sb.toString());
                    }
                }
            }
        }
        return rows;
    }

    static String path(Endpoint e) {
        return e.path().replace("{name}", "anna").replace("{id}", "1").replaceAll("\\{[^}]+}", "2026-01-01");
    }

    /** A body the route would accept from someone allowed to call it. */
    static String[] body(Endpoint e, String csrf) {
        if (e.body() == null) return new String[] {null, null};
        String schema = e.body().schema();
        if (!e.api()) {
            return new String[] {"application/x-www-form-urlencoded", Fixture.form("csrf", csrf, "caseFile", Fixture.example("net-cost-example.json"),
                    "regime", "usmca", "good", "NC-EX4", "name", "vera", "password", Fixture.PASSWORD, "regimes", "nafta")};
        }
        String json = switch (schema == null ? "" : schema) {
            case "CaseFile" -> Fixture.example("net-cost-example.json");
            case "TokenRequest" -> "{\"name\": \"x\"}";
            case "UserRequest" -> "{\"name\": \"mallory\", \"password\": \"" + Fixture.PASSWORD + "\", \"role\": \"admin\"}";
            case "UserChange" -> "{\"role\": \"admin\"}";
            case "SimulationRequest" -> "{\"regimes\": [\"nafta\"]}";
            default -> "{}";
        };
        return new String[] {"application/json", json};
    }

    static Fixture.Browser viewer;

    @TestFactory
    List<DynamicTest> aViewerChangesNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : f.server.endpoints()) {
            tests.add(DynamicTest.dynamicTest(e.method() + " " + e.path(), () -> {
                if (viewer == null || e.path().equals("/logout")) viewer = f.new Browser().signIn("vera"); // signing out ends the session
                TreeSet<String> before = snapshot();
                String[] b = body(e, viewer.csrf);
                HttpResponse<String> r = e.api()
                        ? f.send(e.method().name(), path(e) + (e.path().equals("/api/qualify") || e.path().equals("/api/explain") ? "?regime=usmca" : ""),
                                f.viewerToken, b[0], b[1])
                        : viewer.send(e.method().name(), path(e), b[0], b[1]);
                assertThat(snapshot()).as("the database after a viewer's %s %s (status %d)", e.method(), e.path(), r.statusCode()).isEqualTo(before);
                if (e.changes()) {
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
                    assertThat(r.body()).contains("NOT_ALLOWED");
                }
                if (e.access().compareTo(Access.VIEWER) > 0) assertThat(r.statusCode()).isEqualTo(403);
            }));
        }
        return tests;
    }

    @Test
    void everyRouteThatChangesDataNeedsAtLeastTheAnalystRole() {
        for (Endpoint e : f.server.endpoints()) {
            if (e.changes()) assertThat(e.access()).as(e.method() + " " + e.path()).isIn(Access.ANALYST, Access.ADMIN);
        }
        // the routes marked as changing data are the ones that write the tables of users and tokens (checked below)
        assertThat(f.server.endpoints().stream().filter(Endpoint::changes).count()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void theRolesAboveViewerCanChangeWhatTheyMay() throws Exception {
        TreeSet<String> before = snapshot();
        HttpResponse<String> t = f.postJson("/api/tokens", f.analystToken, "{\"name\": \"ci\"}");
        assertThat(t.statusCode()).isEqualTo(201);
        assertThat(snapshot()).isNotEqualTo(before);
        assertThat(f.postJson("/api/users", f.analystToken, "{\"name\": \"x1\", \"password\": \"" + Fixture.PASSWORD + "\", \"role\": \"viewer\"}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> u = f.postJson("/api/users", f.adminToken, "{\"name\": \"x1\", \"password\": \"" + Fixture.PASSWORD + "\", \"role\": \"viewer\"}");
        assertThat(u.statusCode()).isEqualTo(201);
        assertThat(f.server.accounts().find("x1").role()).isEqualTo(Access.VIEWER);
        assertThat(f.send("DELETE", "/api/users/x1", f.adminToken, null, null).statusCode()).isEqualTo(200);
        assertThat(f.server.accounts().find("x1")).isNull();
        long ledger = f.server.workspace.read(tx -> tx.ledger().size());
        HttpResponse<String> q = f.send("POST", "/api/parts/" + Fixture.SAMPLE_GOOD + "/determinations?regime=usmca", f.analystToken, null, null);
        assertThat(q.statusCode()).as(q.body()).isEqualTo(201);
        long after = f.server.workspace.read(tx -> tx.ledger().size());
        assertThat(after).isEqualTo(ledger + 1);
    }

    @Test
    void withoutSigningInOnlyThePublicRoutesAnswer() {
        for (Endpoint e : f.server.endpoints()) {
            HttpResponse<String> r = f.send(e.method().name(), path(e), null, null, null);
            if (e.access() == Access.PUBLIC) continue;
            if (e.api()) {
                assertThat(r.statusCode()).as(e.method() + " " + e.path()).isEqualTo(401);
                assertThat(r.body()).contains("NOT_SIGNED_IN");
            } else {
                assertThat(r.statusCode()).as(e.method() + " " + e.path()).isIn(302, 401);
            }
        }
        assertThat(f.get("/api/me", "orig_not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void aSessionsChangesNeedItsCsrfToken() {
        Fixture.Browser admin = f.new Browser().signIn("adam");
        String body = "{\"name\": \"x2\", \"password\": \"" + Fixture.PASSWORD + "\", \"role\": \"viewer\"}";
        HttpResponse<String> without = admin.send("POST", "/api/users", "application/json", body);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.body()).contains("BAD_CSRF");
        HttpResponse<String> wrong = admin.send("POST", "/api/users", "application/json", body, Map.of(OriginServer.CSRF_HEADER, "forged"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> with = admin.send("POST", "/api/users", "application/json", body, Map.of(OriginServer.CSRF_HEADER, admin.csrf));
        assertThat(with.statusCode()).isEqualTo(201);
    }

    @Test
    void sessionCookiesAreHttpOnlyAndSameSite() {
        HttpResponse<String> page = f.get("/login", null);
        String token = Fixture.field(page.body(), "csrf");
        String cookie = page.headers().allValues("Set-Cookie").get(0).split(";")[0];
        HttpResponse<String> r = f.send("POST", "/login", null, "application/x-www-form-urlencoded", "");
        assertThat(r.statusCode()).isEqualTo(403); // no CSRF cookie, no form
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.url("/login"))).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Fixture.form("csrf", token, "name", "vera", "password", Fixture.PASSWORD))).build();
        HttpResponse<String> ok;
        try {
            ok = Fixture.CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(ok.statusCode()).isEqualTo(302);
        String session = ok.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(OriginServer.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        var wrong = java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.url("/login"))).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Fixture.form("csrf", token, "name", "vera", "password", "wrong password!"))).build();
        try {
            HttpResponse<String> bad = Fixture.CLIENT.send(wrong, HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(401);
            assertThat(bad.body()).contains("BAD_LOGIN");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() throws Exception {
        try (Connection c = f.db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT password_hash FROM app_user")) {
            while (r.next()) assertThat(r.getString(1)).startsWith("$2a$12$").doesNotContain(Fixture.PASSWORD);
        }
    }
}
