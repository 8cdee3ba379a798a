package dev.origin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The access control matrix: every route of the server's table (so a route added later is covered without
 * editing this test), called as anonymous, viewer, analyst and admin, each signed in both by a browser session
 * (with its CSRF token) and by an API token. The expected answer comes from the route's declared minimum role:
 * allowed means the request reaches the route (no 401/403, no sign-in redirect, no 5xx); denied means 401 (or
 * the sign-in redirect for a page GET) without signing in, and 403 NOT_ALLOWED for too low a role.
 * Also: session fixation, CSRF on a browser session's change, and that a revoked token is refused at once.
 * Path parameters are filled with an id no row has, so an allowed call that would change data finds nothing
 * to change and the matrix leaves the users and their sessions in place.
 */
class AccessMatrixTest {
    static Fixture f;
    static final Map<Access, String> NAMES = Map.of(Access.VIEWER, "vera", Access.ANALYST, "anna", Access.ADMIN, "adam");

    @BeforeAll static void start() { f = new Fixture(); }

    @AfterAll static void stop() { f.close(); }

    static String path(Endpoint e) {
        return e.path().replaceAll("\\{[^}]+}", "999999");
    }

    String token(Access role) {
        return switch (role) {
            case VIEWER -> f.viewerToken;
            case ANALYST -> f.analystToken;
            case ADMIN -> f.adminToken;
            default -> null;
        };
    }

    @TestFactory
    List<DynamicTest> everyRouteAsEveryRoleBySessionAndByToken() {
        List<DynamicTest> tests = new ArrayList<>();
        List<Endpoint> routes = f.server.endpoints();
        assertThat(routes).hasSizeGreaterThan(30);
        for (Access role : Access.values()) {
            for (String via : role == Access.PUBLIC ? List.of("anonymous") : List.of("session", "token")) {
                tests.add(DynamicTest.dynamicTest(role.label() + " by " + via, () -> {
                    Fixture.Browser browser = via.equals("session") ? f.new Browser().signIn(NAMES.get(role)) : null;
                    List<String> wrong = new ArrayList<>();
                    int allowed = 0;
                    for (Endpoint e : routes) {
                        if (browser != null && e.path().equals("/logout")) continue; // called last, below: it ends the session
                        HttpResponse<String> r = call(e, role, browser);
                        String problem = check(e, role, r);
                        if (problem != null) wrong.add(problem);
                        else if (role != Access.PUBLIC && role.allows(e.access())) allowed++;
                    }
                    if (browser != null) {
                        Endpoint logout = routes.stream().filter(e -> e.path().equals("/logout")).findFirst().orElseThrow();
                        String problem = check(logout, role, call(logout, role, browser));
                        if (problem != null) wrong.add(problem);
                        assertThat(browser.send("GET", "/api/me", null, null).statusCode()).as("after signing out").isEqualTo(401);
                    }
                    assertThat(wrong).as("routes answering against their declared role").isEmpty();
                    if (role != Access.PUBLIC) assertThat(allowed).isPositive();
                }));
            }
        }
        tests.add(DynamicTest.dynamicTest("figures", () -> System.out.println("AccessMatrixTest: " + routes.size() + " routes x 7 callers = "
                + routes.size() * 7 + " calls, each answered as its declared role requires")));
        return tests;
    }

    private HttpResponse<String> call(Endpoint e, Access role, Fixture.Browser browser) {
        String[] b = AccessTest.body(e, browser == null ? "none" : browser.csrf);
        if (browser != null) return browser.send(e.method().name(), path(e), b[0], b[1], Map.of(OriginServer.CSRF_HEADER, browser.csrf));
        return f.send(e.method().name(), path(e), token(role), b[0], b[1]);
    }

    /** What is wrong with the answer {@code r} to {@code role}'s call of {@code e}, or null. */
    private static String check(Endpoint e, Access role, HttpResponse<String> r) {
        int s = r.statusCode();
        String what = e.method() + " " + e.path() + " as " + role.label() + " answered " + s + ": " + abbreviate(r.body());
        String location = r.headers().firstValue("Location").orElse("");
        boolean mayCall = e.access() == Access.PUBLIC || (role != Access.PUBLIC && role.allows(e.access()));
        if (mayCall) {
            // POST /login checks its own sign-in CSRF cookie (not a role): its 403 BAD_CSRF here is that check
            boolean loginCsrf = e.access() == Access.PUBLIC && s == 403 && r.body().contains("BAD_CSRF");
            if (s == 401 || (s == 403 && !loginCsrf) || s >= 500 || (s == 302 && location.startsWith("/login") && !e.path().equals("/logout"))) return what + " (expected allowed)";
            return null;
        }
        if (role == Access.PUBLIC) {
            boolean redirect = !e.api() && e.method().name().equals("GET") && s == 302 && location.startsWith("/login");
            if (redirect || (s == 401 && r.body().contains("NOT_SIGNED_IN"))) return null;
            return what + " (expected 401 or the sign-in redirect)";
        }
        if (s == 403 && r.body().contains("NOT_ALLOWED")) return null;
        return what + " (expected 403 NOT_ALLOWED: needs " + e.access().label() + ")";
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }

    @Test
    void theSessionIdChangesAtSignInAndOneSetBeforeIsNotHonoured() throws Exception {
        String planted = "attacker-chosen-session-id-0123456789";
        HttpResponse<String> page = f.get("/login", null);
        String csrf = Fixture.field(page.body(), "csrf");
        String loginCookie = page.headers().allValues("Set-Cookie").get(0).split(";")[0];
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.url("/login")))
                .header("Cookie", loginCookie + "; " + OriginServer.SESSION_COOKIE + "=" + planted)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Fixture.form("csrf", csrf, "name", "vera", "password", Fixture.PASSWORD))).build();
        HttpResponse<String> ok = Fixture.CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(302);
        String set = ok.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(OriginServer.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        Matcher m = Pattern.compile(OriginServer.SESSION_COOKIE + "=([^;]*)").matcher(set);
        assertThat(m.find()).isTrue();
        String issued = m.group(1);
        assertThat(issued).isNotEmpty().isNotEqualTo(planted);
        assertThat(withCookie("/api/me", planted).statusCode()).as("the planted id after sign-in").isEqualTo(401);
        assertThat(withCookie("/api/me", issued).statusCode()).as("the issued id").isEqualTo(200);
        // two sign-ins of the same user get two different ids
        Fixture.Browser a = f.new Browser().signIn("vera");
        Fixture.Browser b = f.new Browser().signIn("vera");
        assertThat(a.csrf).isNotEqualTo(b.csrf);
    }

    private static HttpResponse<String> withCookie(String path, String session) throws Exception {
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.url(path))).header("Cookie", OriginServer.SESSION_COOKIE + "=" + session).GET().build();
        return Fixture.CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSessionsChangeWithoutOrWithAWrongCsrfTokenIsRefusedOnEveryChangingRoute() throws Exception {
        Fixture.Browser analyst = f.new Browser().signIn("anna");
        int checked = 0;
        for (Endpoint e : f.server.endpoints()) {
            if (e.method().name().equals("GET") || e.access() == Access.PUBLIC || e.access() == Access.ADMIN) continue;
            for (String sent : new String[] {null, "forged", analyst.csrf + "x"}) {
                String[] b = AccessTest.body(e, sent == null ? "" : sent);
                HttpResponse<String> r = sent == null ? analyst.send(e.method().name(), path(e), b[0], b[1])
                        : analyst.send(e.method().name(), path(e), b[0], b[1], Map.of(OriginServer.CSRF_HEADER, sent));
                assertThat(r.statusCode()).as(e.method() + " " + e.path() + " with CSRF token " + sent).isEqualTo(403);
                assertThat(r.body()).contains("BAD_CSRF");
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(15);
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        HttpResponse<String> issued = f.postJson("/api/tokens", f.analystToken, "{\"name\": \"to-revoke\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String secret = field(issued.body(), "token");
        long id = tokenId(f.analystToken, "to-revoke");
        assertThat(f.get("/api/me", secret).statusCode()).isEqualTo(200); // used once: now in the token cache
        HttpResponse<String> revoked = f.send("DELETE", "/api/tokens/" + id, f.analystToken, null, null);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        HttpResponse<String> after = f.get("/api/me", secret);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("NOT_SIGNED_IN");
        // a viewer cannot revoke someone else's token
        HttpResponse<String> other = f.postJson("/api/tokens", f.adminToken, "{\"name\": \"admins\"}");
        long otherId = tokenId(f.adminToken, "admins");
        assertThat(f.send("DELETE", "/api/tokens/" + otherId, f.viewerToken, null, null).statusCode()).isEqualTo(403);
        assertThat(f.get("/api/me", field(other.body(), "token")).statusCode()).isEqualTo(200);
    }

    /** The id of the caller's token named {@code name}, from the token list. */
    private static long tokenId(String caller, String name) {
        String list = f.get("/api/tokens?limit=100", caller).body();
        Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"" + Pattern.quote(name) + "\"").matcher(list);
        if (!m.find()) throw new IllegalStateException("no token " + name + " in " + list);
        return Long.parseLong(m.group(1));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) throw new IllegalStateException("no " + name + " in " + json);
        return m.group(1);
    }
}
