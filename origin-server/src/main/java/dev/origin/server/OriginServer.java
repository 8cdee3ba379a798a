package dev.origin.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.origin.core.engine.ErrorCode;
import dev.origin.io.Problem;
import dev.origin.store.Database;
import io.javalin.Javalin;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.PrintWriter;
import java.io.PrintStream;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * {@code origin serve}: the REST API and the web pages over one engine, workspace and simulator.
 *
 * <p>Every route is an {@link Endpoint} of {@link #endpoints()}; before each one the server finds who is
 * calling (an API token in {@code Authorization: Bearer}, else the session cookie), checks the role the
 * route needs, and for a cookie-authenticated request that is not a GET, the session's CSRF token. Errors
 * are JSON ({@code {"errors": [...]}}, the codes of docs/errors.md) on the API and a page on the UI; no
 * response ever carries a stack trace (an unexpected failure is logged with a reference the response names).
 */
public final class OriginServer implements AutoCloseable {
    public static final String SESSION_COOKIE = "origin_session";
    public static final String LOGIN_CSRF_COOKIE = "origin_login_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String USER = "origin.user";
    static final String SESSION = "origin.session";

    /**
     * How to run: host and port (0: any free port), the workspace database, the largest request body in bytes,
     * and where the server writes its log (failures with their reference).
     */
    public record Settings(String host, int port, Database database, long maxRequestBytes, PrintStream log) {
        public static final long DEFAULT_MAX_REQUEST = 5L * 1024 * 1024;

        public static Settings of(Database db) {
            return new Settings("127.0.0.1", 8080, db, DEFAULT_MAX_REQUEST, System.err);
        }

        public Settings withPort(int p) { return new Settings(host, p, database, maxRequestBytes, log); }

        public Settings withHost(String h) { return new Settings(h, port, database, maxRequestBytes, log); }

        public Settings withMaxRequestBytes(long n) { return new Settings(host, port, database, n, log); }
    }

    private final Settings settings;
    private final HikariDataSource pool;
    final Accounts accounts;
    final Cases cases = new Cases();
    final Jobs jobs;
    final dev.origin.store.Workspace workspace;
    private final List<Endpoint> endpoints;
    private final List<HandlerMetaInfo> registered = Collections.synchronizedList(new ArrayList<>());
    private final Javalin app;

    private OriginServer(Settings settings) {
        this.settings = settings;
        this.pool = pool(settings.database());
        this.accounts = new Accounts(pool);
        this.jobs = new Jobs(cases.tariffs);
        this.workspace = dev.origin.store.Workspace.of(settings.database());
        List<Endpoint> all = new ArrayList<>();
        all.addAll(new Api(this).endpoints());
        all.addAll(new Catalog(this).endpoints());
        all.addAll(new Workflows(this).endpoints());
        all.addAll(new Entities(this).endpoints());
        all.addAll(new Pages(this).endpoints());
        this.endpoints = List.copyOf(all);
        this.app = Javalin.create(config -> {
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.http.maxRequestSize = settings.maxRequestBytes();
            // the limit above covers the bodies Javalin reads itself; an upload (multipart/form-data) is read by Jetty, whose
            // own limits are off by default: without these an uploaded file of any size was read whole (found in the audit of issue 10)
            config.jetty.multipartConfig.maxTotalRequestSize(settings.maxRequestBytes(), io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxFileSize(settings.maxRequestBytes(), io.javalin.config.SizeUnit.BYTES);
            config.startup.showJavalinBanner = false;
            config.staticFiles.enableWebjars();
            config.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/dev/origin/server/static";
                s.location = Location.CLASSPATH;
            });
            config.events.handlerAdded(registered::add);
            config.jetty.modifyServer(server -> server.setErrorHandler(new PlainErrors(settings.maxRequestBytes())));
            config.router.javaLangErrorHandler((res, error) -> {
                String ref = log(error);
                res.setStatus(500);
                res.setContentType("application/json");
                try {
                    res.getWriter().write(Json.errors(List.of(problem(ErrorCode.INTERNAL_ERROR, "", ref))));
                } catch (java.io.IOException e) {
                    // the client has gone
                }
            });
            config.routes.before(this::headers);
            config.routes.beforeMatched(this::authorize);
            for (Endpoint e : endpoints) config.routes.addHttpHandler(e.method(), e.path(), e.handler(), e.access());
            config.routes.exception(ApiException.class, (e, ctx) -> fail(ctx, e.status(), e.problems()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 413) fail(ctx, 413, List.of(problem(ErrorCode.REQUEST_TOO_LARGE, "", settings.maxRequestBytes())));
                else if (e.getStatus() == 404) fail(ctx, 404, List.of(problem(ErrorCode.NOT_FOUND, "", "page", ctx.path())));
                else fail(ctx, e.getStatus(), List.of(problem(ErrorCode.INTERNAL_ERROR, "", log(e))));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                String malformed = malformed(e);
                if (malformed != null && uploadTooLarge(ctx)) fail(ctx, 413, List.of(problem(ErrorCode.REQUEST_TOO_LARGE, "", settings.maxRequestBytes())));
                else if (malformed != null) fail(ctx, 400, List.of(problem(ErrorCode.BAD_REQUEST, "", malformed)));
                else fail(ctx, 500, List.of(problem(ErrorCode.INTERNAL_ERROR, "", log(e))));
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) fail(ctx, 404, List.of(problem(ErrorCode.NOT_FOUND, "", "page", ctx.path())));
            });
            config.routes.error(405, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) fail(ctx, 404, List.of(problem(ErrorCode.NOT_FOUND, "", "page", ctx.path())));
            });
        });
    }

    /** Starts a server; the caller stops it with {@link #close()}. */
    public static OriginServer start(Settings settings) {
        OriginServer s = new OriginServer(settings);
        s.app.start();
        return s;
    }

    public int port() { return app.port(); }

    public String url() { return "http://" + settings.host() + ":" + port(); }

    public Accounts accounts() { return accounts; }

    /** Every route the server serves (the source of the OpenAPI document). */
    public List<Endpoint> endpoints() { return endpoints; }

    /** The HTTP handlers Javalin registered (method and path), as it reported them. */
    public List<HandlerMetaInfo> registeredHandlers() {
        synchronized (registered) {
            return List.copyOf(registered);
        }
    }

    DataSource dataSource() { return pool; }

    Settings settings() { return settings; }

    @Override public void close() {
        app.stop();
        jobs.close();
        pool.close();
    }

    // ------------------------------------------------------------------ every request

    private void headers(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        ctx.header("Cache-Control", "no-store");
    }

    /** Who is calling, whether their role allows the route, and for a cookie session's change, its CSRF token. */
    private void authorize(Context ctx) {
        // the static assets (the app's own CSS and scripts, the webjars) are public; every route of the table names its role
        boolean asset = ctx.path().startsWith("/static/") || ctx.path().startsWith("/webjars/");
        Access needed = ctx.routeRoles().stream().filter(Access.class::isInstance).map(Access.class::cast).findFirst()
                .orElse(asset ? Access.PUBLIC : Access.ADMIN);
        Accounts.User user = null;
        Accounts.Session session = null;
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            user = accounts.tokenUser(auth.substring(7).strip());
            if (user == null) throw ApiException.of(401, "Authorization", ErrorCode.NOT_SIGNED_IN);
        } else {
            session = accounts.session(ctx.cookie(SESSION_COOKIE));
            if (session != null) user = session.user();
        }
        if (user != null) ctx.attribute(USER, user);
        if (session != null) ctx.attribute(SESSION, session);
        if (needed == Access.PUBLIC) return;
        if (user == null) {
            if (!isApi(ctx) && ctx.method() == HandlerType.GET) {
                ctx.redirect("/login?next=" + java.net.URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8));
                ctx.skipRemainingHandlers();
                return;
            }
            throw ApiException.of(401, "", ErrorCode.NOT_SIGNED_IN);
        }
        if (!user.role().allows(needed)) {
            throw ApiException.of(403, ctx.method() + " " + ctx.path(), ErrorCode.NOT_ALLOWED, user.role().label(), action(ctx), needed.label());
        }
        if (session != null && ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            String sent = ctx.header(CSRF_HEADER);
            if (sent == null) sent = ctx.formParam("csrf");
            if (!same(sent, session.csrf())) throw ApiException.of(403, "csrf", ErrorCode.BAD_CSRF);
        }
    }

    private static String action(Context ctx) {
        return switch (ctx.method().name()) {
            case "GET" -> "see this";
            case "DELETE" -> "delete this";
            default -> "do this";
        };
    }

    static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static boolean isApi(Context ctx) {
        String p = ctx.path();
        return p.startsWith("/api/") || p.equals("/openapi.json") || (ctx.header("HX-Request") == null && accepts(ctx, "application/json"));
    }

    private static boolean accepts(Context ctx, String type) {
        String a = ctx.header("Accept");
        return a != null && a.contains(type) && !a.contains("text/html");
    }

    /** Answers with the problems: JSON on the API (and to htmx), an error page to a browser. */
    void fail(Context ctx, int status, List<Problem> problems) {
        ctx.status(status);
        if (isApi(ctx)) {
            ctx.contentType("application/json").result(Json.errors(problems));
        } else {
            ctx.contentType("text/html").result(Pages.errorPage(ctx, status, problems));
        }
    }

    static Problem problem(ErrorCode code, String where, Object... args) {
        return new Problem(null, 0, 0, where, code.name(), code.message(args));
    }

    /** Logs an unexpected failure with its stack trace on the server's log; returns the reference the response names. */
    String log(Throwable t) {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        synchronized (settings.log()) {
            settings.log().println("origin serve: failure " + ref + ":");
            t.printStackTrace(settings.log());
        }
        return ref;
    }

    private static HikariDataSource pool(Database db) {
        HikariConfig c = new HikariConfig();
        c.setDataSource(new DatabaseSource(db));
        c.setMaximumPoolSize(8);
        c.setPoolName("origin-server");
        return new HikariDataSource(c);
    }

    /** The workspace database as a {@link DataSource} for the pool (connections from {@link Database#connect()}). */
    private record DatabaseSource(Database db) implements DataSource {
        @Override public Connection getConnection() throws SQLException { return db.connect(); }
        @Override public Connection getConnection(String u, String p) throws SQLException { return db.connect(); }
        @Override public PrintWriter getLogWriter() { return null; }
        @Override public void setLogWriter(PrintWriter out) {}
        @Override public void setLoginTimeout(int seconds) {}
        @Override public int getLoginTimeout() { return 0; }
        @Override public Logger getParentLogger() { return Logger.getGlobal(); }
        @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("not a wrapper"); }
        @Override public boolean isWrapperFor(Class<?> iface) { return false; }
    }

    /**
     * Why the request itself cannot be read, in Origin's words, when {@code e} says so (a body that ends before its
     * {@code Content-Length}, a multipart body without its boundary, a chunk of the wrong size); null for a failure of
     * the server.
     */
    static String malformed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.eclipse.jetty.io.EofException || t instanceof java.io.EOFException) return "the body ended before its Content-Length";
            if (t instanceof org.eclipse.jetty.http.HttpException h && h.getCode() >= 400 && h.getCode() < 500) return reason(h.getCode(), t.getMessage());
        }
        return null;
    }

    /**
     * Whether a multipart body Jetty refused was refused for its size: Jetty reports an upload over the limits of
     * {@code multipartConfig} as just "bad multipart", so the size is told by the declared length or, for a chunked body,
     * by the bytes read before it stopped.
     */
    private boolean uploadTooLarge(Context ctx) {
        if (!Cases.contentType(ctx).startsWith("multipart/")) return false;
        long limit = settings.maxRequestBytes();
        if (ctx.req().getContentLengthLong() > limit) return true;
        try {
            var request = org.eclipse.jetty.ee10.servlet.ServletContextRequest.getServletContextRequest(ctx.req());
            return request != null && org.eclipse.jetty.server.Request.getContentBytesRead(request) >= limit;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A reason of Jetty's ({@code "bad multipart"}, {@code "Bad UTF-8 encoding"}) in Origin's words. */
    static String reason(int status, String jetty) {
        String m = String.valueOf(jetty).toLowerCase(java.util.Locale.ROOT);
        if (status == 414) return "its URI is too long";
        if (status == 431) return "its headers are too large";
        if (m.contains("multipart")) return "the multipart body is malformed (a missing or wrong boundary, or a part cut short)";
        if (m.contains("utf-8") || m.contains("utf8")) return "its URI is not valid UTF-8";
        if (m.contains("path") || m.contains("uri") || m.contains("ambiguous")) return "its URI holds a character or an escape a path cannot hold";
        if (m.contains("content-length") || m.contains("content length")) return "its Content-Length is not a single whole number";
        if (m.contains("chunk") || m.contains("transfer")) return "its chunked body is malformed";
        if (m.contains("early eof") || m.contains("eof")) return "the body ended before its Content-Length";
        if (m.contains("header") || m.contains("field")) return "a header is malformed";
        return "it is not valid HTTP";
    }

    /** The JSON errors document of a request Jetty refused before it reached a route (a malformed request line, URI or header). */
    static String jettyError(int status, String message, long limit) {
        Problem p = status == 413 ? problem(ErrorCode.REQUEST_TOO_LARGE, "", limit)
                : problem(ErrorCode.BAD_REQUEST, "", reason(status, message));
        return Json.errors(List.of(p));
    }

    /**
     * Jetty's own error responses (a malformed request line, URI or header, refused before any route runs): the JSON
     * errors document of the API ({@code BAD_REQUEST}), never Jetty's HTML page or a stack trace.
     */
    private static final class PlainErrors extends org.eclipse.jetty.server.handler.ErrorHandler {
        private final long limit;

        PlainErrors(long limit) {
            this.limit = limit;
            setShowStacks(false);
            setShowMessageInTitle(false);
        }

        @Override
        public boolean errorPageForMethod(String method) {
            return true;   // Jetty writes no body for a PUT or DELETE by default: every method gets the JSON errors
        }

        @Override
        protected void generateResponse(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, int code, String message,
                                        Throwable cause, org.eclipse.jetty.util.Callback callback) {
            response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, java.nio.ByteBuffer.wrap(jettyError(code, message, limit).getBytes(StandardCharsets.UTF_8)), callback);
        }

        @Override
        public java.nio.ByteBuffer badMessageError(int status, String reason, org.eclipse.jetty.http.HttpFields.Mutable fields) {
            fields.put(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE, "application/json");
            return java.nio.ByteBuffer.wrap(jettyError(status, reason, limit).getBytes(StandardCharsets.UTF_8));
        }
    }

    static final Set<HandlerType> CHANGING = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
}
