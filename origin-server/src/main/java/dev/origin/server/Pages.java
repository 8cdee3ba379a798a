package dev.origin.server;

import static dev.origin.server.Html.esc;

import dev.origin.core.engine.ErrorCode;
import dev.origin.io.Problem;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.util.ArrayList;
import java.util.List;

/**
 * The web pages: HTML rendered on the server, htmx for the parts that update in place, Chart.js for the charts;
 * every asset comes from the app itself (webjars and /static). Every value from a user, a file or the database
 * is escaped ({@link Html#esc}); every form that changes something carries the session's CSRF token.
 */
final class Pages {
    static final String HTML = "text/html";
    static final String HTMX = "/webjars/htmx.org/2.0.10/dist/htmx.min.js";
    static final String CHARTJS = "/webjars/chart.js/4.5.1/dist/chart.umd.min.js";
    private final OriginServer server;

    Pages(OriginServer server) {
        this.server = server;
    }

    static Endpoint page(HandlerType m, String path, Access a, boolean changes, String summary, Handler h) {
        return new Endpoint(m, path, a, changes, "pages", summary, List.of(), m == HandlerType.GET ? null
                : new Endpoint.Body(List.of("application/x-www-form-urlencoded", "multipart/form-data"), null), HTML, 200, h);
    }

    List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        all.add(page(HandlerType.GET, "/login", Access.PUBLIC, false, "The sign-in page.", this::loginPage));
        all.add(page(HandlerType.POST, "/login", Access.PUBLIC, false, "Sign in (form: name, password, csrf); opens a session.", this::login));
        all.add(page(HandlerType.POST, "/logout", Access.VIEWER, false, "Sign out (form: csrf); closes the session.", this::logout));
        all.add(page(HandlerType.GET, "/", Access.VIEWER, false, "Home: what the app does and where to start.", this::home));
        all.addAll(new EnginePages(server).endpoints());
        all.addAll(new SimulatorPages(server).endpoints());
        return all;
    }

    // ------------------------------------------------------------------ layout

    /** A whole page: header with the sections and the user, then {@code body}. */
    static String layout(Context ctx, String title, String section, String body) {
        Accounts.User user = ctx.attribute(OriginServer.USER);
        Accounts.Session session = ctx.attribute(OriginServer.SESSION);
        StringBuilder sb = new StringBuilder(4096 + body.length());
        sb.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"htmx-config\" content='{\"includeIndicatorStyles\":false,\"allowEval\":false,\"responseHandling\":[")
                .append("{\"code\":\"204\",\"swap\":false},{\"code\":\"[2345]..\",\"swap\":true}]}'>")
                .append("<title>").append(esc(title)).append(" · Origin</title>")
                .append("<link rel=\"stylesheet\" href=\"/static/origin.css\">")
                .append("<script src=\"").append(HTMX).append("\" defer></script>")
                .append("<script src=\"").append(CHARTJS).append("\" defer></script>")
                .append("<script src=\"/static/app.js\" defer></script></head>");
        sb.append("<body");
        if (session != null) sb.append(" hx-headers='{\"").append(OriginServer.CSRF_HEADER).append("\": \"").append(esc(session.csrf())).append("\"}'");
        sb.append("><header class=\"top\"><a class=\"brand\" href=\"/\">Origin</a>");
        if (user != null) {
            sb.append("<nav>");
            for (String[] s : SECTIONS) {
                sb.append("<a href=\"").append(s[1]).append("\"").append(s[0].equals(section) ? " class=\"here\"" : "").append(">")
                        .append(esc(s[0])).append("</a>");
            }
            sb.append("</nav><div class=\"who\"><span>").append(esc(user.name())).append(" · ").append(esc(user.role().label())).append("</span>")
                    .append("<form method=\"post\" action=\"/logout\">").append(csrfField(ctx))
                    .append("<button class=\"link\" type=\"submit\">Sign out</button></form></div>");
        }
        sb.append("</header><main>").append(body).append("</main></body></html>");
        return sb.toString();
    }

    static final List<String[]> SECTIONS = new ArrayList<>(List.of(
            new String[] {"Catalog", "/catalog"}, new String[] {"Qualify", "/qualify"}, new String[] {"Compare", "/compare"}, new String[] {"Simulator", "/simulate"},
            new String[] {"Declarations", "/declarations"}, new String[] {"Certificates", "/certificates"},
            new String[] {"API", "/openapi.json"}));

    /** The hidden CSRF field of the session's forms. */
    static String csrfField(Context ctx) {
        Accounts.Session session = ctx.attribute(OriginServer.SESSION);
        return session == null ? "" : "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(session.csrf()) + "\">";
    }

    static boolean htmx(Context ctx) {
        return ctx.header("HX-Request") != null;
    }

    /** Problems as a list: code, message and where. */
    static String problems(List<Problem> problems) {
        StringBuilder sb = new StringBuilder("<div class=\"errors\" role=\"alert\"><ul>");
        for (Problem p : problems) {
            sb.append("<li><code>").append(esc(p.code())).append("</code>: ").append(esc(p.message()));
            String where = (p.file() == null ? "" : p.file()) + (p.line() > 0 ? ":" + p.line() + ":" + p.column() : "");
            if (!where.isEmpty() || (p.path() != null && !p.path().isEmpty())) {
                sb.append(" <span class=\"muted\">(").append(esc(where));
                if (p.path() != null && !p.path().isEmpty()) sb.append(where.isEmpty() ? "at " : ", at ").append(esc(p.path()));
                sb.append(")</span>");
            }
            sb.append("</li>");
        }
        return sb.append("</ul></div>").toString();
    }

    static String errorPage(Context ctx, int status, List<Problem> problems) {
        String body = "<h1>" + (status == 404 ? "Not found" : status == 403 ? "Not allowed" : status == 401 ? "Sign in" : "Something is wrong")
                + "</h1>" + problems(problems) + "<p><a href=\"/\">Home</a></p>";
        return htmx(ctx) ? problems(problems) : layout(ctx, "Error " + status, "", body);
    }

    // ------------------------------------------------------------------ sign in and out

    private void loginPage(Context ctx) {
        renderLogin(ctx, null, ctx.queryParam("next"));
    }

    private void renderLogin(Context ctx, List<Problem> problems, String next) {
        String token = Accounts.secret();
        ctx.cookie(new Cookie(OriginServer.LOGIN_CSRF_COOKIE, token, "/login", 3600, false, true, null, SameSite.STRICT));
        StringBuilder sb = new StringBuilder("<div class=\"login card\"><h1>Sign in to Origin</h1>");
        if (problems != null) sb.append(problems(problems));
        sb.append("<form method=\"post\" action=\"/login\"><input type=\"hidden\" name=\"csrf\" value=\"").append(esc(token)).append("\">")
                .append("<input type=\"hidden\" name=\"next\" value=\"").append(esc(safeNext(next))).append("\">")
                .append("<label>User name<input type=\"text\" name=\"name\" id=\"name\" autocomplete=\"username\" required autofocus></label>")
                .append("<label>Password<input type=\"password\" name=\"password\" id=\"password\" autocomplete=\"current-password\" required></label>")
                .append("<button type=\"submit\" id=\"signin\">Sign in</button></form>")
                .append("<p class=\"muted\">No account? An admin adds users with <code>origin users add</code> (docs/web.md).</p></div>");
        ctx.contentType(HTML).result(layout(ctx, "Sign in", "", sb.toString()));
    }

    /** A same-site path to go to after signing in; anything else becomes {@code /}. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.length() > 500) return "/";
        return next;
    }

    private void login(Context ctx) {
        String next = safeNext(ctx.formParam("next"));
        if (!OriginServer.same(ctx.formParam("csrf"), ctx.cookie(OriginServer.LOGIN_CSRF_COOKIE))) {
            ctx.status(403);
            renderLogin(ctx, List.of(OriginServer.problem(ErrorCode.BAD_CSRF, "csrf")), next);
            return;
        }
        Accounts.User u = server.accounts.check(ctx.formParam("name"), ctx.formParam("password"));
        if (u == null) {
            ctx.status(401);
            renderLogin(ctx, List.of(OriginServer.problem(ErrorCode.BAD_LOGIN, "")), next);
            return;
        }
        String token = server.accounts.openSession(u);
        ctx.cookie(new Cookie(OriginServer.SESSION_COOKIE, token, "/", (int) Accounts.SESSION_LIFETIME.toSeconds(), false, true, null, SameSite.LAX));
        ctx.removeCookie(OriginServer.LOGIN_CSRF_COOKIE, "/login");
        ctx.redirect(next);
    }

    private void logout(Context ctx) {
        server.accounts.closeSession(ctx.cookie(OriginServer.SESSION_COOKIE));
        ctx.removeCookie(OriginServer.SESSION_COOKIE, "/");
        ctx.redirect("/login");
    }

    private void home(Context ctx) {
        Accounts.User u = ctx.attribute(OriginServer.USER);
        StringBuilder sb = new StringBuilder("<h1>Origin</h1><p>Rules of origin for North American auto trade: NAFTA 1994, the USMCA as in force "
                + "on any date, and the 2017–18 proposals. Every verdict is explained from the legal text.</p><div class=\"grid\">");
        for (String[] s : SECTIONS) {
            if (s[1].startsWith("/openapi")) continue;
            sb.append("<div class=\"card\"><h2><a href=\"").append(s[1]).append("\">").append(esc(s[0])).append("</a></h2><p>")
                    .append(esc(DESCRIPTIONS.getOrDefault(s[0], ""))).append("</p></div>");
        }
        sb.append("</div><p class=\"muted\">Signed in as ").append(esc(u.name())).append(" (").append(esc(u.role().label()))
                .append("). The REST API is described at <a href=\"/openapi.json\">/openapi.json</a>.</p>");
        ctx.contentType(HTML).result(layout(ctx, "Home", "", sb.toString()));
    }

    static final java.util.Map<String, String> DESCRIPTIONS = new java.util.LinkedHashMap<>(java.util.Map.of(
            "Catalog", "The workspace's parts; each part's determination with its explanation tree and what-if panel.",
            "Declarations", "Supplier declarations about to lapse, with the goods that depend on them, and who to chase first.",
            "Certificates", "Certificates of origin issued from stored determinations; issue one and download it as PDF.",
            "Qualify", "Decide a good's origin, see the explanation tree with the failing requirement and its citation, and try what-ifs.",
            "Compare", "One good under NAFTA, the USMCA and the three proposals side by side.",
            "Simulator", "A fleet under the negotiation scenarios: who complies and who pays, purchases and jobs by country, the sweep, the backtest."));
}
