package dev.origin.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the HTTP side of {@code origin serve} (issue 12, item 1: "HTTP request bodies"): for every route of the
 * server's table ({@link OriginServer#endpoints()}, so a route added later is fuzzed without editing this test),
 * seeded requests with hostile and malformed bodies, query parameters, path parameters and uploads, sent over a plain
 * socket to a server on 127.0.0.1: deep nesting, long digit strings and huge numbers, invalid UTF-8, duplicate keys,
 * unknown fields, control characters, truncated JSON, non-object bodies, wrong and missing content types, bodies over the
 * size limit and a {@code Content-Length} that lies, YAML billion laughs, {@code ref} chains and cycles, BOM cycles,
 * formula injection in CSV fleets, absurd paging ({@code limit=-1}, {@code 10^30}, offsets at the end of an int),
 * invalid percent-encoding; and the example case files and valid bodies of each route mutated character- and byte-wise.
 * Most requests carry an admin's API token, so that bodies reach the parsers; some are anonymous, some use a browser
 * session with its CSRF token.
 *
 * <p>Every answer is checked by {@link HttpChecks#check}: it arrives within {@value #TIMEOUT_MS} ms, its status is 2xx
 * or 4xx (never 5xx), its errors have the documented shape and catalogued codes, nothing carries a stack trace or Java
 * wording; and the server answers {@code /api/health} after every route. The seed is fixed ({@code -Dfuzz.seed=N});
 * {@code -Dfuzz.scale=10} sends ten times as many requests. A failing request is written to
 * {@code origin-server/target/http-fuzz-failures/} (replay it with the corpus test, see {@link HttpCorpusTest}); the
 * figures to {@code origin-server/target/http-fuzz-report.txt} (docs/RELIABILITY.md, "HTTP request bodies").
 */
class HttpFuzzTest {
    static final long SEED = Long.getLong("fuzz.seed", 12L);
    static final double SCALE = Double.parseDouble(System.getProperty("fuzz.scale", "1"));
    static final int TIMEOUT_MS = 10_000;
    /** The body limit of the server under test: smaller than the default (5 MiB) so that bodies over it are cheap to send. */
    static final int LIMIT = 1 << 20;
    static final Path ROOT = Fixture.ROOT;
    static final Path FAILURES = Path.of("target/http-fuzz-failures");
    static final Path CLI_SEEDS = ROOT.resolve("origin-cli/src/test/resources/fuzz/seeds");

    static Fixture f;
    static String sessionCookie;
    static String sessionCsrf;
    static String loginCookie;
    static String loginCsrf;
    static List<String> caseFiles;
    static String fleetYaml;
    static String fleetCsv;

    @BeforeAll
    static void start() throws IOException {
        f = new Fixture(LIMIT);
        Fixture.Browser b = f.new Browser().signIn("adam");
        sessionCsrf = b.csrf;
        sessionCookie = b.client.cookieHandler().orElseThrow().get(java.net.URI.create(f.url("/")), Map.of()).get("Cookie").get(0);
        var login = f.get("/login", null);
        loginCsrf = Fixture.field(login.body(), "csrf");
        loginCookie = login.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(OriginServer.LOGIN_CSRF_COOKIE)).findFirst().orElseThrow()
                .split(";")[0];
        List<String> files = new ArrayList<>();
        for (Path dir : List.of(ROOT.resolve("examples"), ROOT.resolve("conformance"))) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml")).sorted().forEach(p -> files.add(read(p)));
            }
        }
        caseFiles = List.copyOf(files);
        fleetYaml = read(CLI_SEEDS.resolve("fleet-two-models.yaml"));
        fleetCsv = read(CLI_SEEDS.resolve("fleet.csv"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (f == null) return;
        f.close();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/http-fuzz-server.log"), f.log.toByteArray());
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ one request

    /** A request to send: its route, what kind of input it is (for the report), the raw bytes, and the codes expected (null: any). */
    record Req(Endpoint route, String what, byte[] bytes, Set<String> expect) {}

    /**
     * How many requests each route gets at scale 1 (about 5,200 in all, what {@code mvn verify} sends): the parsers of
     * bodies most, routes without input least. {@code -Dfuzz.scale=4} sends about 20,700.
     */
    static int count(Endpoint e) {
        String k = key(e);
        return switch (k) {
            case "POST /api/qualify", "POST /api/explain", "POST /api/compare" -> 550;
            case "POST /qualify", "POST /compare", "POST /what-if" -> 200;
            case "POST /api/users", "PATCH /api/users/{name}" -> 15;   // bcrypt, a quarter of a second per valid password
            case "POST /login" -> 25;
            case "POST /logout" -> 15;
            case "GET /api/chase" -> 10;   // ranks every undetermined good's missing declarations on each call
            case "POST /api/simulations", "POST /simulate" -> 125;
            default -> e.body() != null ? 175 : !e.query().isEmpty() || k.equals("GET /qualify") || k.equals("GET /compare") || k.equals("GET /login") ? 40 : 10;
        };
    }

    static String key(Endpoint e) {
        return e.method() + " " + e.path();
    }

    /** Who calls: mostly an admin's token; some anonymous; some a browser session (pages). */
    enum Caller { ADMIN_TOKEN, SESSION, ANONYMOUS }

    static Req generate(Endpoint e, Random r) {
        String k = key(e);
        Caller caller = k.equals("POST /login") ? Caller.ANONYMOUS
                : r.nextInt(25) == 0 ? Caller.ANONYMOUS
                : !HttpChecks.api(e.path()) && !k.equals("POST /logout") && r.nextInt(8) == 0 ? Caller.SESSION : Caller.ADMIN_TOKEN;
        Map<String, String> headers = new LinkedHashMap<>();
        if (caller == Caller.ADMIN_TOKEN) headers.put("Authorization", "Bearer " + f.adminToken);
        if (caller == Caller.SESSION) headers.put("Cookie", sessionCookie);
        if (k.equals("POST /login")) headers.put("Cookie", r.nextInt(10) == 0 ? loginCookie : OriginServer.LOGIN_CSRF_COOKIE + "=" + pick(r, TEXTS));
        if (!HttpChecks.api(e.path())) headers.put("Accept", r.nextInt(5) == 0 ? "application/json" : "text/html");
        String what;
        String target = path(e, r);
        String query = Queries.query(e, r);
        if (!query.isEmpty()) target += "?" + query;
        Body body = Bodies.body(e, r, caller == Caller.SESSION ? sessionCsrf : null);
        what = body.what();
        Set<String> expect = body.expect();
        byte[] bytes = body.bytes();
        if (body.type() != null) headers.put("Content-Type", body.type());
        if (caller == Caller.SESSION && e.method() != HandlerType.GET && r.nextBoolean()) headers.put(OriginServer.CSRF_HEADER, sessionCsrf);
        // hostile transport, for any route: a body over the limit, a Content-Length that lies, a body cut short
        int t = r.nextInt(60);
        if (t == 0 && e.method() != HandlerType.GET) {
            bytes = new byte[LIMIT + 1 + r.nextInt(4096)];
            java.util.Arrays.fill(bytes, (byte) (r.nextBoolean() ? ' ' : '['));
            what = "over the size limit";
            // a route that reads a body must refuse it (most with REQUEST_TOO_LARGE; a check made before reading may answer first)
            expect = e.body() != null && HttpChecks.api(e.path()) ? Set.of("ERROR") : null;
        } else if (t == 1 && bytes != null) {
            headers.put("Content-Length", String.valueOf(bytes.length + 1 + r.nextInt(1000)));
            what = "Content-Length longer than the body";
            expect = null;
        } else if (t == 2 && bytes != null && bytes.length > 1) {
            headers.put("Content-Length", String.valueOf(r.nextInt(bytes.length)));
            what = "Content-Length shorter than the body";
            expect = null;
        } else if (t == 3) {
            headers.put("Content-Length", pick(r, List.of("-1", "abc", "99999999999999999999", "1, 2", " ")));
            what = "Content-Length not a number";
            expect = null;
        } else if (t == 4 && bytes != null) {
            headers.put("Content-Length", String.valueOf((long) LIMIT * (2 + r.nextInt(1000))));
            what = "Content-Length over the limit, short body";
            expect = e.body() != null && HttpChecks.api(e.path()) ? Set.of("ERROR") : null;
        } else if (t == 5 && bytes != null) {
            headers.put("Transfer-Encoding", "chunked");
            String size = pick(r, List.of(Integer.toHexString(bytes.length), "zz", "ffffffffffff", Integer.toHexString(bytes.length + 7)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((size + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(bytes);
            if (r.nextBoolean()) out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            bytes = out.toByteArray();
            what = "chunked, sizes wrong or unterminated";
            expect = null;
        } else if (t == 6 && bytes != null && bytes.length > 0) {
            bytes = Mutations.bytewise(bytes, r);
            what = body.what() + ", bytes flipped";
            expect = null;
        }
        if (caller == Caller.ANONYMOUS && e.access() != Access.PUBLIC && expect != null && !expect.contains("ERROR")) {
            // a path that matches no route (an empty segment) is not found before anyone is asked to sign in
            expect = e.method() == HandlerType.GET && !HttpChecks.api(e.path()) ? null : Set.of("NOT_SIGNED_IN", "NOT_FOUND");
        }
        if (caller == Caller.ANONYMOUS && e.access() != Access.PUBLIC) what = "anonymous: " + what;
        return new Req(e, what, RawHttp.request(e.method().name(), target, headers, bytes), expect);
    }

    /** The path with its parameters filled: mostly ids of the sample workspace, some hostile segments. */
    static String path(Endpoint e, Random r) {
        String p = e.path();
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(p);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String v;
            if (key(e).startsWith("DELETE /api/tokens")) {
                // never a small number: it could revoke the fuzzer's own token
                v = pick(r, List.of("-1", "0", "99999999", "1e3", "abc", "9".repeat(40), "1.5", " 7"));
            } else if (r.nextInt(4) == 0) {
                m.appendReplacement(out, Matcher.quoteReplacement(Queries.hostileSegment(r)));   // already encoded, or raw on purpose
                continue;
            } else if (name.equals("name")) {
                // never the admin whose token the fuzzer uses: a PATCH could disable them
                v = pick(r, List.of("fz-user", "nobody", "vera", "fz" + r.nextInt(20)));
            } else if (name.equals("validFrom")) {
                v = pick(r, List.of("2024-01-01", "2030-01-01", "2026-02-30", "2024-1-1", "+99999-01-01", "9999-12-31"));
            } else if (p.startsWith("/api/simulations") || p.startsWith("/simulate/") || p.startsWith("/api/certificates")) {
                v = pick(r, List.of("abc", "000000000000", "CERT-1", "1"));
            } else if (p.startsWith("/api/declarations")) {
                v = pick(r, List.of("ACME-2026", "GUAD-2026", "FZ-DECL", "NEW-1"));
            } else if (p.startsWith("/api/suppliers")) {
                v = pick(r, List.of("ACME", "GUAD", "FZCO", "NEWCO"));
            } else if (p.startsWith("/api/parties")) {
                v = pick(r, List.of("SAL-PLANT", "FZ-PARTY", "ACME"));
            } else {
                v = pick(r, PARTS);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(enc(v).replace("+", "%20")));
        }
        m.appendTail(out);
        String s = out.toString();
        if (s.contains("/api/users/adam") || s.endsWith("/api/users/ADAM")) s = s.replace("/api/users/adam", "/api/users/fz-user");
        return s;
    }

    static final List<String> PARTS = List.of("BRK-FR-100", "CAL-200", "ROT-300", "SEN-ABS", "HUB-500", "SUS-700", "SPR-SEAT", "BRG-HUB", "FZ-PART", "NEW-9");
    static final List<String> TEXTS = List.of("", " ", "x", "\u0000", "\u001b[2J", "é", "\uFEFF", "\u202E", "a".repeat(5000), "${x}", "'; DROP TABLE parts; --",
            "=cmd|' /C calc'!A0", "+1", "<script>", "../../etc/passwd", "9".repeat(300), "null", "true", "-1", "1e999");

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static <T> T pick(Random r, List<T> xs) {
        return xs.get(r.nextInt(xs.size()));
    }

    // ------------------------------------------------------------------ the run

    record Outcome(String route, String what, int status, String codes) {}

    @Test
    void everyRouteAnswersHostileInputWithA2xxOr4xxAndADocumentedError() throws Exception {
        List<Endpoint> routes = new ArrayList<>(f.server.endpoints());
        routes.sort((a, b) -> Integer.compare(count(b), count(a)));
        ConcurrentLinkedQueue<Endpoint> queue = new ConcurrentLinkedQueue<>(routes);
        Map<String, Map<String, AtomicInteger>> perRoute = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> perOutcome = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> perKind = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        long start = System.nanoTime();
        Runnable worker = () -> {
            Endpoint e;
            while ((e = queue.poll()) != null) {
                int n = (int) Math.max(1, count(e) * SCALE);
                Random r = new Random(SEED ^ key(e).hashCode());
                int routeFailures = 0;
                for (int i = 0; i < n; i++) {
                    Req q;
                    try {
                        q = generate(e, r);
                    } catch (RuntimeException | StackOverflowError x) {
                        failures.add(key(e) + ": the generator failed on request " + i + ": " + x);
                        break;
                    }
                    RawHttp.Answer a = RawHttp.send(f.server.port(), q.bytes(), TIMEOUT_MS);
                    sent.incrementAndGet();
                    boolean busyOk = key(e).equals("POST /api/simulations") || key(e).equals("POST /simulate");
                    String failure = HttpChecks.check(a, HttpChecks.api(e.path()), busyOk, q.expect());
                    String outcome = a.status() == 0 ? "no answer" : a.status() + (a.status() >= 400 ? " " + String.join(",", new java.util.TreeSet<>(HttpChecks.codes(a))) : "");
                    perRoute.computeIfAbsent(key(e), x -> new TreeMap<>()).computeIfAbsent(failure == null ? bucket(a.status()) : "FAILED", x -> new AtomicInteger()).incrementAndGet();
                    perOutcome.computeIfAbsent(outcome, x -> new AtomicInteger()).incrementAndGet();
                    perRoute.get(key(e)).computeIfAbsent("ms", x -> new AtomicInteger()).addAndGet((int) a.millis());
                    perRoute.get(key(e)).computeIfAbsent("max ms", x -> new AtomicInteger()).accumulateAndGet((int) a.millis(), Math::max);
                    perRoute.get(key(e)).computeIfAbsent("= " + outcome, x -> new AtomicInteger()).incrementAndGet();
                    perKind.computeIfAbsent(q.what().replaceAll("\\d+", "N"), x -> new AtomicInteger()).incrementAndGet();
                    if (failure != null && routeFailures++ < 10) {
                        String name = key(e).replaceAll("\\W+", "-").replaceAll("^-|-$", "") + "-" + i + ".http";
                        try {
                            Files.createDirectories(FAILURES);
                            Files.write(FAILURES.resolve(name), new String(q.bytes(), StandardCharsets.ISO_8859_1).replace(f.adminToken, "{{TOKEN}}")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                        } catch (IOException x) {
                            throw new IllegalStateException(x);
                        }
                        failures.add(key(e) + " [" + q.what() + "] " + FAILURES.resolve(name) + ": " + failure);
                    }
                }
                RawHttp.Answer health = RawHttp.send(f.server.port(), RawHttp.request("GET", "/api/health", Map.of(), null), TIMEOUT_MS);
                if (health.status() != 200 || !health.text().contains("\"ok\"")) failures.add("after " + key(e) + ": /api/health answered " + health.status() + " " + health.failure());
            }
        };
        Thread[] threads = new Thread[2];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(worker, "http-fuzz-" + i);
            threads[i].start();
        }
        for (Thread t : threads) t.join();
        double secs = (System.nanoTime() - start) / 1e9;
        report(perRoute, perOutcome, perKind, failures, sent.get(), secs, routes.size());
        assertThat(perRoute.keySet()).as("every route of the table was fuzzed").hasSize(routes.size());
        for (Endpoint e : routes) {
            Map<String, AtomicInteger> m = perRoute.get(key(e));
            int got = get(m, "2xx") + get(m, "3xx") + get(m, "4xx") + get(m, "503 busy") + get(m, "FAILED");
            assertThat(got).as("requests sent to " + key(e)).isEqualTo((int) Math.max(1, count(e) * SCALE));
        }
        assertThat(failures).as("requests whose answer was not a 2xx or a documented 4xx (see target/http-fuzz-failures)").isEmpty();
        RawHttp.Answer health = RawHttp.send(f.server.port(), RawHttp.request("GET", "/api/health", Map.of(), null), TIMEOUT_MS);
        assertThat(health.status()).as("the server is up after the run").isEqualTo(200);
        assertThat(f.log.toString(StandardCharsets.UTF_8)).as("no unexpected failure in the server's log").doesNotContain("failure");
    }

    static String bucket(int status) {
        return status >= 500 ? "503 busy" : status >= 400 ? "4xx" : status >= 300 ? "3xx" : "2xx";
    }

    static void report(Map<String, Map<String, AtomicInteger>> perRoute, Map<String, AtomicInteger> perOutcome, Map<String, AtomicInteger> perKind,
                       List<String> failures, int sent, double secs, int routes) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("HTTP fuzzing of origin serve: %,d requests to %d routes in %.1f s (%.0f/s), seed %d, scale %s, %d failures",
                sent, routes, secs, sent / secs, SEED, SCALE, failures.size()));
        lines.add("");
        lines.add(String.format("%-44s %8s %8s %8s %8s %8s %8s %8s %8s", "route", "requests", "2xx", "3xx", "4xx", "503 busy", "FAILED", "mean ms", "max ms"));
        for (var e : new TreeMap<>(perRoute).entrySet()) {
            Map<String, AtomicInteger> m = e.getValue();
            int total = get(m, "2xx") + get(m, "3xx") + get(m, "4xx") + get(m, "503 busy") + get(m, "FAILED");
            lines.add(String.format("%-44s %,8d %,8d %,8d %,8d %,8d %,8d %8.1f %8d", e.getKey(), total, get(m, "2xx"), get(m, "3xx"), get(m, "4xx"), get(m, "503 busy"),
                    get(m, "FAILED"), get(m, "ms") / (double) total, get(m, "max ms")));
        }
        lines.add("");
        lines.add("the most frequent answers of each route:");
        for (var e : new TreeMap<>(perRoute).entrySet()) {
            String top = e.getValue().entrySet().stream().filter(x -> x.getKey().startsWith("= "))
                    .sorted((a, b) -> Integer.compare(b.getValue().get(), a.getValue().get())).limit(4)
                    .map(x -> x.getKey().substring(2) + " (" + x.getValue().get() + ")").collect(java.util.stream.Collectors.joining(", "));
            lines.add(String.format("  %-44s %s", e.getKey(), top));
        }
        lines.add("");
        lines.add("outcomes (status and error codes):");
        new TreeMap<>(perOutcome).forEach((k, v) -> lines.add(String.format("  %-70s %,8d", k, v.get())));
        lines.add("");
        lines.add("inputs by kind:");
        new TreeMap<>(perKind).forEach((k, v) -> lines.add(String.format("  %-70s %,8d", k, v.get())));
        if (!failures.isEmpty()) {
            lines.add("");
            lines.add("failures:");
            failures.forEach(x -> lines.add("  " + x));
        }
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/http-fuzz-report.txt"), lines, StandardCharsets.UTF_8);
        System.out.println("http-fuzz: " + lines.get(0));
    }

    private static int get(Map<String, AtomicInteger> m, String k) {
        AtomicInteger v = m.get(k);
        return v == null ? 0 : v.get();
    }

    // ------------------------------------------------------------------ generators

    /** A body: its bytes (null: none), content type (null: none), what it is, and the codes it must give (null: any). */
    record Body(byte[] bytes, String type, String what, Set<String> expect) {
        static Body none() {
            return new Body(null, null, "no body", null);
        }

        static Body text(String s, String type, String what, Set<String> expect) {
            return new Body(s.getBytes(StandardCharsets.UTF_8), type, what, expect);
        }
    }

    static Function<Random, String> fleets() {
        return r -> switch (r.nextInt(8)) {
            case 0 -> "\"sample\"";
            case 1 -> "{\"csv\": " + Mutations.quote(Mutations.formulaCsv(fleetCsv, r)) + "}";
            case 2 -> "{\"csv\": " + Mutations.quote(Mutations.mutate(fleetCsv, r)) + "}";
            case 3 -> "{\"yaml\": " + Mutations.quote(Mutations.yamlBillionLaughs(r)) + "}";
            case 4 -> "{\"json\": " + Mutations.quote("{\"models\": " + Mutations.nested("[", "", "]", 1 + r.nextInt(3000)) + "}") + "}";
            default -> "{\"yaml\": " + Mutations.quote(r.nextInt(3) == 0 ? Mutations.mutate(fleetYaml, r) : fleetYaml) + "}";
        };
    }
}
