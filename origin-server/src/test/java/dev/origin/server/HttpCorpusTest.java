package dev.origin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP requests that found bugs in {@code origin serve} (issue 12, {@link HttpFuzzTest}), kept as regression
 * tests. A file of {@code fuzz/http-corpus} is a raw HTTP/1.1 request, named {@code ROUTE--CODE--what.http}; it is sent
 * as it is (with {@code {{TOKEN}}} replaced by an admin's API token) to a server on 127.0.0.1 whose body limit is
 * {@link HttpFuzzTest#LIMIT}, and its answer must name {@code CODE} (or be a success for {@code OK}) and pass every
 * check of {@link HttpChecks}; the server must answer {@code /api/health} afterwards.
 *
 * <p>{@code -Dhttp.replay=DIR} replays the requests of another folder instead (e.g. {@code target/http-fuzz-failures}),
 * printing each answer.
 */
class HttpCorpusTest {
    static final Path CORPUS = Fixture.ROOT.resolve("origin-server/src/test/resources/fuzz/http-corpus");
    static Fixture f;

    @BeforeAll
    static void start() {
        f = new Fixture(HttpFuzzTest.LIMIT);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    /** Found by the fuzzer's mutations: a decimal of a body went through a double, so 999999999999999.99 was stored as 1000000000000000. */
    @org.junit.jupiter.api.Test
    void decimalsOfABodyAreStoredExactly() throws Exception {
        var r = f.send("PUT", "/api/parts/ROT-300/costs/2031-01-01", f.adminToken, "application/json", "{\"unitCost\": 999999999999999.99}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        try (var c = f.db.connect(); var q = c.prepareStatement("SELECT unit_cost FROM cost_sheets WHERE part_id = 'ROT-300' AND valid_from = DATE '2031-01-01'")) {
            var rs = q.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("999999999999999.99");
        }
    }

    static Stream<Path> corpus() throws IOException {
        String replay = System.getProperty("http.replay");
        try (Stream<Path> s = Files.list(replay != null ? Path.of(replay) : CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".http")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void endsInADocumentedAnswer(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        String text = new String(raw, StandardCharsets.ISO_8859_1).replace("{{TOKEN}}", f.adminToken);
        byte[] request = text.getBytes(StandardCharsets.ISO_8859_1);
        String path = text.substring(text.indexOf(' ') + 1, text.indexOf(' ', text.indexOf(' ') + 1)).split("\\?")[0];
        RawHttp.Answer a = RawHttp.send(f.server.port(), request, HttpFuzzTest.TIMEOUT_MS);
        String[] name = file.getFileName().toString().split("--");
        boolean replay = System.getProperty("http.replay") != null;
        if (replay) {
            System.out.println(file.getFileName() + " -> " + a.status() + " " + a.millis() + " ms " + a.body().length + " bytes " + a.contentType() + " " + (a.failure() != null ? a.failure() : "")
                    + "\n  " + a.text().substring(0, Math.min(600, a.text().length())).replace("\n", "\n  "));
        }
        Set<String> expect = replay || name.length < 3 ? null : Set.of(name[1]);
        boolean busy = name[0].contains("simulat");
        assertThat(HttpChecks.check(a, HttpChecks.api(path), busy, expect)).as(a.status() + " " + a.text()).isNull();
        RawHttp.Answer health = RawHttp.send(f.server.port(), RawHttp.request("GET", "/api/health", java.util.Map.of(), null), HttpFuzzTest.TIMEOUT_MS);
        assertThat(health.status()).as("the server answers after it").isEqualTo(200);
        if (!replay) assertThat(f.log.toString(StandardCharsets.UTF_8)).as("no unexpected failure in the server's log").doesNotContain("failure");
    }
}
