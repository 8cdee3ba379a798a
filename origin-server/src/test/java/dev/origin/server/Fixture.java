package dev.origin.server;

import dev.origin.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server on a fresh in-memory database on 127.0.0.1 (any free port) with one user of each role, and HTTP helpers. */
final class Fixture implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";
    /** A finished good of the sample workspace (origin-store Sample) that is NON_ORIGINATING under the USMCA: the wheel hub. */
    static final String SAMPLE_GOOD = "HUB-500";
    static final Path ROOT = Path.of(System.getProperty("origin.root", ".."));
    final Database db;
    final OriginServer server;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    final String viewerToken;
    final String analystToken;
    final String adminToken;

    Fixture() {
        this(OriginServer.Settings.DEFAULT_MAX_REQUEST);
    }

    Fixture(long maxRequest) {
        db = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        server = OriginServer.start(new OriginServer.Settings("127.0.0.1", 0, db, maxRequest, new PrintStream(log, true, StandardCharsets.UTF_8)));
        try {
            dev.origin.store.Sample.load(server.workspace, java.time.LocalDate.now(), dev.origin.store.importer.Importer.Progress.NONE);
        } catch (dev.origin.io.InputException e) {
            throw new IllegalStateException(e.getMessage());
        }
        Accounts a = server.accounts();
        viewerToken = a.issueToken(a.add("vera", PASSWORD, Access.VIEWER), "test");
        analystToken = a.issueToken(a.add("anna", PASSWORD, Access.ANALYST), "test");
        adminToken = a.issueToken(a.add("adam", PASSWORD, Access.ADMIN), "test");
    }

    String url(String path) {
        return server.url() + path;
    }

    static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> send(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(java.time.Duration.ofSeconds(60));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (contentType != null) b.header("Content-Type", contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    HttpResponse<String> postJson(String path, String token, String body) {
        return send("POST", path, token, "application/json", body);
    }

    static String example(String name) {
        try {
            return Files.readString(ROOT.resolve("examples").resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A browser-like client with its own cookies: signs in through the form. */
    final class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf;

        Browser signIn(String name) {
            HttpResponse<String> page = send("GET", "/login", null, null);
            String token = field(page.body(), "csrf");
            HttpResponse<String> r = send("POST", "/login", "application/x-www-form-urlencoded",
                    form("csrf", token, "name", name, "password", PASSWORD, "next", "/"));
            if (r.statusCode() != 302) throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + r.body());
            csrf = field(send("GET", "/qualify", null, null).body(), "csrf");
            return this;
        }

        HttpResponse<String> send(String method, String path, String contentType, String body) {
            return send(method, path, contentType, body, java.util.Map.of());
        }

        HttpResponse<String> send(String method, String path, String contentType, String body, java.util.Map<String, String> headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(java.time.Duration.ofSeconds(60));
            if (contentType != null) b.header("Content-Type", contentType);
            headers.forEach(b::header);
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            try {
                return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static String form(String... kv) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (sb.length() > 0) sb.append('&');
            sb.append(URLEncoder.encode(kv[i], StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) throw new IllegalStateException("no field " + name + " in " + html);
        return m.group(1);
    }

    @Override public void close() {
        server.close();
    }
}
