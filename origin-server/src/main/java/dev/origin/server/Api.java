package dev.origin.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.origin.core.engine.Determination;
import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.engine.TraceNode;
import dev.origin.core.fleet.Fleet;
import dev.origin.core.regime.Regime;
import dev.origin.io.CaseFile;
import dev.origin.io.CaseResults;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.io.ResultWriter;
import dev.origin.io.RulePackReader;
import dev.origin.io.fleet.FleetReader;
import dev.origin.sim.AlternativeStaging;
import dev.origin.sim.Backtest;
import dev.origin.sim.Demand;
import dev.origin.sim.Simulator;
import dev.origin.sim.Sweep;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The REST API: JSON over HTTP, documented at {@code /openapi.json} (docs/api.md). */
final class Api {
    static final String JSON = "application/json";
    static final List<String> CASE_FILE_TYPES = List.of("application/json", "application/yaml", "multipart/form-data");
    static final Endpoint.Param REGIME = new Endpoint.Param("regime", "string", true, "Built-in regime: nafta, usmca, us-proposal-2017, proposal-80-15, canada-proposal-2018.");
    static final Endpoint.Param DATE = new Endpoint.Param("date", "date", false, "Apply the rules in force on this date, YYYY-MM-DD (default: each good's date, else today).");
    static final Endpoint.Param PARAM = new Endpoint.Param("param", "string[]", false, "Override a pack parameter, NAME=VALUE (repeatable), e.g. min=70.");
    static final Endpoint.Param OFFSET = new Endpoint.Param("offset", "integer", false, "First item of the page (default 0).");
    static final Endpoint.Param LIMIT = new Endpoint.Param("limit", "integer", false, "Items per page, 1 to 100 (default 20).");
    static final Endpoint.Param TRACE = new Endpoint.Param("trace", "string", false,
            "The explanation tree each result carries, as `origin qualify --trace`: none, failing (the failing path of a good that does not qualify) "
                    + "or full; default full for a file of one good, failing for more.");
    private final OriginServer server;

    Api(OriginServer server) {
        this.server = server;
    }

    private static Endpoint get(String path, Access a, String tag, String summary, List<Endpoint.Param> q, Handler h) {
        return new Endpoint(HandlerType.GET, path, a, false, tag, summary, q, null, JSON, 200, h);
    }

    List<Endpoint> endpoints() {
        Endpoint.Body caseFile = new Endpoint.Body(CASE_FILE_TYPES, "CaseFile");
        Endpoint.Body json = new Endpoint.Body(List.of(JSON), null);
        return List.of(
                get("/api/health", Access.PUBLIC, "meta", "Whether the server is up.", List.of(), ctx -> ctx.json(Map.of("status", "ok"))),
                get("/openapi.json", Access.PUBLIC, "meta", "This API's OpenAPI 3.1 document.", List.of(),
                        ctx -> ctx.contentType(JSON).result(OpenApi.document(server.endpoints()))),
                get("/api/me", Access.VIEWER, "users", "The signed-in user (or the owner of the API token) and their role.", List.of(), this::me),
                get("/api/regimes", Access.VIEWER, "engine", "The built-in regimes (paginated).", List.of(OFFSET, LIMIT), this::regimes),
                new Endpoint(HandlerType.POST, "/api/qualify", Access.VIEWER, false, "engine",
                        "Decide the origin of every good of a case file: the JSON of `origin qualify --format json`.",
                        List.of(REGIME, DATE, PARAM, TRACE), caseFile, JSON, 200, this::qualify),
                new Endpoint(HandlerType.POST, "/api/explain", Access.VIEWER, false, "engine",
                        "Explain each verdict: the failing path of the explanation tree with citations, as text and as a tree.",
                        List.of(REGIME, DATE, PARAM, new Endpoint.Param("good", "string", false, "Only this good.")), caseFile, JSON, 200, this::explain),
                new Endpoint(HandlerType.POST, "/api/compare", Access.VIEWER, false, "engine",
                        "Each good under several regimes side by side: the JSON of `origin compare --format json`.",
                        List.of(new Endpoint.Param("regimes", "string", false, "Comma-separated regimes (default: the five built-in)."), DATE,
                                new Endpoint.Param("param", "string[]", false, "REGIME:NAME=VALUE (repeatable), e.g. us-proposal-2017:min=75.")),
                        caseFile, JSON, 200, this::compare),
                new Endpoint(HandlerType.POST, "/api/simulations", Access.VIEWER, false, "simulator",
                        "Start a simulation of a fleet under several regimes (a job; poll its URL for progress and results).",
                        List.of(), new Endpoint.Body(List.of(JSON), "SimulationRequest"), JSON, 202, this::simulate),
                get("/api/simulations", Access.VIEWER, "simulator", "Simulation jobs, newest first (paginated).", List.of(OFFSET, LIMIT), this::simulations),
                get("/api/simulations/{id}", Access.VIEWER, "simulator", "A simulation job: state, phase, progress and, when done, its results.",
                        List.of(), this::simulation),
                get("/api/backtest", Access.VIEWER, "simulator", "The backtest of the sample fleet: observed against predicted for every target.",
                        List.of(), this::backtest),
                get("/api/tokens", Access.VIEWER, "users", "Your API tokens (an admin sees everyone's), newest first (paginated).", List.of(OFFSET, LIMIT), this::tokens),
                new Endpoint(HandlerType.POST, "/api/tokens", Access.ANALYST, true, "users",
                        "Create an API token for yourself; the secret is in this response only.", List.of(), new Endpoint.Body(List.of(JSON), "TokenRequest"),
                        JSON, 201, this::createToken),
                new Endpoint(HandlerType.DELETE, "/api/tokens/{id}", Access.ANALYST, true, "users", "Revoke one of your API tokens (an admin: anyone's).",
                        List.of(), null, JSON, 200, this::revokeToken),
                get("/api/users", Access.ADMIN, "users", "Users by name (paginated).", List.of(OFFSET, LIMIT), this::users),
                new Endpoint(HandlerType.POST, "/api/users", Access.ADMIN, true, "users", "Add a user with a role (viewer, analyst or admin).",
                        List.of(), new Endpoint.Body(List.of(JSON), "UserRequest"), JSON, 201, this::addUser),
                new Endpoint(HandlerType.PATCH, "/api/users/{name}", Access.ADMIN, true, "users", "Change a user's role or password, or disable them.",
                        List.of(), new Endpoint.Body(List.of(JSON), "UserChange"), JSON, 200, this::changeUser),
                new Endpoint(HandlerType.DELETE, "/api/users/{name}", Access.ADMIN, true, "users", "Delete a user with their sessions and tokens.",
                        List.of(), null, JSON, 200, this::deleteUser),
                new Endpoint(HandlerType.POST, "/api/users/{name}/tokens", Access.ADMIN, true, "users",
                        "Issue an API token for a user (e.g. a read-only integration as a viewer); the secret is in this response only.",
                        List.of(), new Endpoint.Body(List.of(JSON), "TokenRequest"), JSON, 201, this::issueToken));
    }

    static Accounts.User user(Context ctx) {
        return ctx.attribute(OriginServer.USER);
    }

    private void me(Context ctx) {
        Accounts.User u = user(ctx);
        ctx.contentType(JSON).result(Json.object(g -> {
            g.writeStringField("name", u.name());
            g.writeStringField("role", u.role().label());
        }));
    }

    private void regimes(Context ctx) {
        Page page = Page.of(ctx);
        List<String> items = new ArrayList<>();
        for (String id : page.of(RulePackReader.BUILT_IN)) {
            Regime r = server.cases.evaluator(id, Map.of(), "regime", new ArrayList<>()).regime();
            items.add(Json.object(g -> {
                g.writeStringField("id", r.id());
                g.writeStringField("name", r.name());
                g.writeStringField("revision", r.revision());
            }));
        }
        ctx.contentType(JSON).result(page.document(ctx, items, RulePackReader.BUILT_IN.size()));
    }

    /** Reads the case file and the options; every problem of both at once, as the command line reports them. */
    private record Run(CaseResults results, List<Problem> errors, int goods) {}

    private Run run(Context ctx, List<Evaluator> evaluators, LocalDate date, List<Problem> problems, boolean trace,
                    java.util.function.Predicate<dev.origin.core.engine.Diagnostic> shown) {
        CaseFile file = Cases.read(ctx, problems);
        if (!problems.isEmpty()) {
            // as on the command line, nothing is evaluated when an option or the file as a whole is invalid
            if (file != null) problems.addAll(file.problems());
            throw new ApiException(422, problems);
        }
        CaseResults r = Cases.evaluate(file, evaluators, date, trace, shown);
        return new Run(r, r.errors(), file.goods().size() + file.rejected().size());
    }

    private void qualify(Context ctx) {
        List<Problem> problems = new ArrayList<>();
        Cases.Options o = Cases.options(ctx, problems);
        Evaluator ev = server.cases.evaluator(o.regime(), o.params(), "regime", problems);
        ResultWriter.TraceView asked = traceView(ctx.queryParam("trace"), problems);
        Run run = run(ctx, ev == null ? List.of() : List.of(ev), o.date(), problems, asked != ResultWriter.TraceView.NONE, x -> true);
        // as the command line: the whole tree for a file of one good, the failing path for more, unless `trace` says
        ResultWriter.TraceView view = asked != null ? asked : run.goods() == 1 ? ResultWriter.TraceView.FULL : ResultWriter.TraceView.FAILING;
        // the document of ResultWriter.json, written as it is made: a full trace of a file of many material lines runs to tens of MB
        stream(ctx, run.errors().isEmpty() ? 200 : 422, g -> {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("results");
            for (Determination d : run.results().results()) ResultWriter.result(g, d, view);
            g.writeEndArray();
            ResultWriter.errors(g, run.errors());
            g.writeEndObject();
            g.writeRaw(System.lineSeparator());
        });
    }

    /** {@code ?trace=none|failing|full} (null when not given); a problem for another word, as {@code origin qualify --trace}. */
    static ResultWriter.TraceView traceView(String text, List<Problem> problems) {
        if (text == null || text.isBlank()) return null;
        for (ResultWriter.TraceView v : ResultWriter.TraceView.values()) {
            if (v.name().equalsIgnoreCase(text.strip())) return v;
        }
        problems.add(Problem.of(null, 0, 0, "trace", ErrorCode.BAD_VALUE, text, "`none`, `failing`, `full`"));
        return null;
    }

    /**
     * Writes a JSON document straight to the response instead of building it as one string first: the memory a request
     * needs stays bounded however large its answer (found by the HTTP fuzzer: goods that use the next twice, qualified
     * with their traces, ran the server out of memory).
     */
    static void stream(Context ctx, int status, Json.Body body) {
        ctx.status(status).contentType(JSON);
        try (com.fasterxml.jackson.core.JsonGenerator g = Json.MAPPER.getFactory().createGenerator(ctx.outputStream(), com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            body.write(g);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void explain(Context ctx) {
        List<Problem> problems = new ArrayList<>();
        Cases.Options o = Cases.options(ctx, problems);
        Evaluator ev = server.cases.evaluator(o.regime(), o.params(), "regime", problems);
        Run run = run(ctx, ev == null ? List.of() : List.of(ev), o.date(), problems, true, x -> true);
        CaseResults r = run.results();
        String good = ctx.queryParam("good");
        if (good != null) {
            r = r.only(good);
            if (r == null) throw ApiException.of(404, "good", ErrorCode.NOT_FOUND, "good", good);
        }
        CaseResults shown = r;
        stream(ctx, run.errors().isEmpty() ? 200 : 422, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("explanations");
            for (Determination d : shown.results()) {
                g.writeStartObject();
                g.writeStringField("good", d.good());
                g.writeStringField("regime", d.regime());
                g.writeStringField("date", d.date().toString());
                g.writeStringField("status", d.status().name());
                g.writeStringField("text", ResultWriter.explain(d));
                TraceNode view = d.trace() == null ? null : d.status() == dev.origin.core.engine.Status.ORIGINATING ? d.trace() : d.trace().failingPath();
                g.writeFieldName("view");
                if (view == null) g.writeNull();
                else {
                    g.writeStartObject();
                    writeTrace(g, view);
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            ResultWriter.errors(g, shown.errors());
            g.writeEndObject();
        });
    }

    /** A trace node as JSON, in the shape of the results' {@code trace}. */
    static String traceJson(TraceNode n) {
        return Json.object(g -> writeTrace(g, n));
    }

    private static void writeTrace(com.fasterxml.jackson.core.JsonGenerator g, TraceNode n) throws java.io.IOException {
        g.writeStringField("label", n.label());
        if (n.ruleId() != null) g.writeStringField("rule", n.ruleId());
        if (n.citation() != null) g.writeStringField("citation", n.citation());
        if (n.amount() != null) g.writeStringField("amount", n.amount().toPlainString());
        if (n.threshold() != null) g.writeStringField("threshold", n.threshold().toPlainString());
        if (n.outcome() == null) g.writeNullField("outcome"); else g.writeBooleanField("outcome", n.outcome());
        if (!n.children().isEmpty()) {
            g.writeArrayFieldStart("children");
            for (TraceNode c : n.children()) {
                g.writeStartObject();
                writeTrace(g, c);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    static final String DEFAULT_REGIMES = "nafta,usmca,us-proposal-2017,proposal-80-15,canada-proposal-2018";

    /** The evaluators of {@code regimes} with {@code REGIME:NAME=VALUE} overrides; problems collected. */
    List<Evaluator> evaluators(List<String> regimes, List<String> params, List<Problem> problems) {
        Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        for (String p : params) {
            int colon = p.indexOf(':');
            int eq = p.indexOf('=');
            if (colon <= 0 || eq < colon + 2) {
                problems.add(new Problem(null, 0, 0, "param", "BAD_PARAM", "`" + p + "` is not of the form REGIME:NAME=VALUE."));
                continue;
            }
            String regime = p.substring(0, colon).strip();
            if (!regimes.contains(regime)) problems.add(Problem.of(null, 0, 0, "param", ErrorCode.Variant.NOT_AMONG_REGIMES_ASKED, regime, String.join(", ", regimes)));
            overrides.computeIfAbsent(regime, k -> new LinkedHashMap<>()).put(p.substring(colon + 1, eq).strip(), p.substring(eq + 1).strip());
        }
        List<Evaluator> out = new ArrayList<>();
        for (String r : regimes) {
            Evaluator ev = server.cases.evaluator(r, overrides.getOrDefault(r, Map.of()), "regimes", problems);
            if (ev != null) out.add(ev);
        }
        return out;
    }

    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String x : s.split(",")) if (!x.isBlank()) out.add(x.strip());
        return out;
    }

    private void compare(Context ctx) {
        List<Problem> problems = new ArrayList<>();
        String rs = ctx.queryParam("regimes");
        List<String> regimes = split(rs == null || rs.isBlank() ? DEFAULT_REGIMES : rs);
        LocalDate date = Cases.date(ctx.queryParam("date"), "date", problems);
        List<Evaluator> evs = evaluators(regimes, ctx.queryParams("param"), problems);
        Run run = run(ctx, evs, date, problems, false, x -> !x.code().equals(ErrorCode.REGIME_NOT_IN_FORCE.name()));
        ctx.status(run.errors().isEmpty() ? 200 : 422).contentType(JSON).result(ResultWriter.comparison(run.results().rows(), run.errors()));
    }

    // ------------------------------------------------------------------ simulations

    private void simulate(Context ctx) {
        JsonNode body = body(ctx);
        List<Problem> problems = new ArrayList<>();
        Jobs.Spec spec = Simulations.spec(body, server, problems);
        if (!problems.isEmpty()) throw new ApiException(422, problems);
        Jobs.Job job = server.jobs.submit(user(ctx).name(), spec);
        ctx.status(202).header("Location", "/api/simulations/" + job.id).contentType(JSON).result(jobJson(job, false));
    }

    private void simulations(Context ctx) {
        Page page = Page.of(ctx);
        List<Jobs.Job> all = server.jobs.list();
        ctx.contentType(JSON).result(page.document(ctx, page.of(all).stream().map(j -> jobJson(j, false)).toList(), all.size()));
    }

    private void simulation(Context ctx) {
        Jobs.Job job = server.jobs.get(ctx.pathParam("id"));
        if (job == null) throw ApiException.of(404, "id", ErrorCode.NOT_FOUND, "simulation", ctx.pathParam("id"));
        ctx.contentType(JSON).result(jobJson(job, true));
    }

    static String jobJson(Jobs.Job job, boolean result) {
        return Json.object(g -> {
            g.writeStringField("id", job.id);
            g.writeStringField("url", "/api/simulations/" + job.id);
            g.writeStringField("owner", job.owner);
            g.writeStringField("created", job.created.toString());
            g.writeStringField("state", job.state.name());
            g.writeStringField("phase", job.phase);
            g.writeNumberField("percent", job.percent());
            if (job.failure != null) g.writeStringField("failure", job.failure);
            if (result && job.result != null) {
                g.writeFieldName("result");
                g.writeRawValue(job.result.json());
            }
        });
    }

    private void backtest(Context ctx) {
        List<Backtest.Row> rows = server.jobs.backtest();
        ctx.contentType(JSON).result(Json.object(g -> {
            g.writeArrayFieldStart("targets");
            for (Backtest.Row r : rows) {
                var t = r.target();
                g.writeStartObject();
                g.writeStringField("name", t.name());
                g.writeNumberField("year", t.year());
                g.writeStringField("observed", t.observed());
                if (r.predicted() == null) g.writeNullField("predicted"); else g.writeStringField("predicted", r.predicted());
                if (t.tolerance() == null) g.writeNullField("tolerance"); else g.writeNumberField("tolerance", t.tolerance());
                if (r.predicted() != null) g.writeBooleanField("within", r.within());
                g.writeStringField("source", t.source());
                g.writeBooleanField("heldOut", t.heldOut());
                g.writeEndObject();
            }
            g.writeEndArray();
        }));
    }

    // ------------------------------------------------------------------ users and tokens

    /**
     * The request body as a JSON object, read with the case files' reader ({@link dev.origin.io.Tree}) first, so that a
     * body gets the command line's codes and limits: {@code BAD_JSON} with line and column, {@code DUPLICATE_KEY},
     * {@code TOO_DEEP} (100 levels), {@code NUMBER_TOO_LONG}, {@code TRAILING_CONTENT}, {@code EMPTY_DOCUMENT}; then
     * as a tree of Jackson nodes whose decimals are exact ({@code BigDecimal}, never a rounded double).
     */
    static JsonNode body(Context ctx) {
        String type = Cases.contentType(ctx);
        if (!type.startsWith(JSON)) throw ApiException.of(415, "Content-Type", ErrorCode.BAD_CONTENT_TYPE, type.isEmpty() ? "(none)" : type, JSON);
        String text = Cases.utf8(ctx.bodyAsBytes(), "request");
        List<Problem> problems = new ArrayList<>();
        dev.origin.io.Tree tree = dev.origin.io.Tree.parse(text, false, "request", problems);
        if (!problems.isEmpty()) throw new ApiException(422, problems);
        if (!(tree instanceof dev.origin.io.Tree.Obj)) {
            String got = tree instanceof dev.origin.io.Tree.Arr ? "array" : ((dev.origin.io.Tree.Scalar) tree).type.name().toLowerCase(java.util.Locale.ROOT);
            throw new ApiException(422, List.of(new Problem("request", 1, 1, "", "BAD_TYPE", ErrorCode.BAD_TYPE.message("an object", "{...}", got))));
        }
        try {
            return Json.BODY.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            // the reader above accepted it; the two parsers disagree only on what they both read as JSON
            throw new ApiException(422, List.of(new Problem("request", 0, 0, "", "BAD_JSON", ErrorCode.BAD_JSON.message("unreadable text"))));
        }
    }

    static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    static String userJson(Accounts.User u) {
        return Json.object(g -> {
            g.writeStringField("name", u.name());
            g.writeStringField("role", u.role().label());
            g.writeBooleanField("disabled", u.disabled());
        });
    }

    static String tokenJson(Accounts.Token t) {
        return Json.object(g -> {
            g.writeNumberField("id", t.id());
            g.writeStringField("name", t.name());
            g.writeStringField("user", t.user());
            g.writeStringField("created", t.created().toString());
            if (t.lastUsed() == null) g.writeNullField("lastUsed"); else g.writeStringField("lastUsed", t.lastUsed().toString());
            g.writeBooleanField("revoked", t.revoked());
        });
    }

    private void tokens(Context ctx) {
        Page page = Page.of(ctx);
        Accounts.User u = user(ctx);
        Accounts.User whose = u.role() == Access.ADMIN ? null : u;
        List<String> items = server.accounts.tokens(whose, page.offset(), page.limit()).stream().map(Api::tokenJson).toList();
        ctx.contentType(JSON).result(page.document(ctx, items, server.accounts.tokenCount(whose)));
    }

    private void createToken(Context ctx) {
        issue(ctx, user(ctx));
    }

    private void issueToken(Context ctx) {
        Accounts.User u = server.accounts.find(ctx.pathParam("name"));
        if (u == null) throw ApiException.of(404, "name", ErrorCode.NOT_FOUND, "user", ctx.pathParam("name"));
        issue(ctx, u);
    }

    private void issue(Context ctx, Accounts.User u) {
        JsonNode body = body(ctx);
        String name = text(body, "name");
        String secret = server.accounts.issueToken(u, name);
        ctx.status(201).contentType(JSON).result(Json.object(g -> {
            g.writeStringField("name", name.strip());
            g.writeStringField("user", u.name());
            g.writeStringField("token", secret);
            g.writeStringField("use", "Authorization: Bearer " + secret);
        }));
    }

    private void revokeToken(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.of(404, "id", ErrorCode.NOT_FOUND, "token", ctx.pathParam("id"));
        }
        Accounts.User u = user(ctx);
        if (!server.accounts.revoke(id, u.role() == Access.ADMIN ? null : u)) throw ApiException.of(404, "id", ErrorCode.NOT_FOUND, "token", id);
        ctx.contentType(JSON).result(Json.object(g -> g.writeBooleanField("revoked", true)));
    }

    private void users(Context ctx) {
        Page page = Page.of(ctx);
        List<String> items = server.accounts.users(page.offset(), page.limit()).stream().map(Api::userJson).toList();
        ctx.contentType(JSON).result(page.document(ctx, items, server.accounts.count()));
    }

    private static Access role(JsonNode body, boolean required) {
        String r = text(body, "role");
        if (r == null && !required) return null;
        Access a = Access.role(r);
        if (a == null) throw ApiException.of(422, "role", ErrorCode.BAD_VALUE, r == null ? "" : r, "viewer, analyst or admin");
        return a;
    }

    private void addUser(Context ctx) {
        JsonNode body = body(ctx);
        Accounts.User u = server.accounts.add(text(body, "name"), text(body, "password"), role(body, true));
        ctx.status(201).contentType(JSON).result(userJson(u));
    }

    private void changeUser(Context ctx) {
        JsonNode body = body(ctx);
        JsonNode d = body.get("disabled");
        Accounts.User u = server.accounts.change(ctx.pathParam("name"), role(body, false), text(body, "password"),
                d == null || d.isNull() ? null : d.asBoolean());
        ctx.contentType(JSON).result(userJson(u));
    }

    private void deleteUser(Context ctx) {
        server.accounts.delete(ctx.pathParam("name"));
        ctx.contentType(JSON).result(Json.object(g -> g.writeBooleanField("deleted", true)));
    }

}
