package dev.origin.server;

import static dev.origin.server.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.origin.core.engine.ErrorCode;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.store.Certificates;
import dev.origin.store.Certifying;
import dev.origin.store.Expiring;
import dev.origin.store.Parties;
import dev.origin.store.Qualification;
import dev.origin.store.StoredChase;
import dev.origin.store.WorkflowException;
import dev.origin.store.Workspace;
import dev.origin.store.cert.CertificatePdf;
import dev.origin.store.cert.CertifierRole;
import dev.origin.store.cert.Party;
import dev.origin.store.cert.Signature;
import dev.origin.store.chase.ChaseRanker;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The workflows of the workspace (origin-store, docs/workspace.md) over HTTP: declarations about to lapse, who to
 * chase first, parties and certificates of origin (issued from stored determinations, downloaded as PDF or JSON);
 * the Declarations page (expiry dashboard and chase list) and the Certificates page.
 */
final class Workflows {
    static final int DEFAULT_DAYS = 60;
    private final OriginServer server;

    Workflows(OriginServer server) {
        this.server = server;
    }

    private Workspace ws() {
        return server.workspace;
    }

    List<Endpoint> endpoints() {
        Endpoint.Param days = new Endpoint.Param("days", "integer", false, "Declarations ending within this many days (default 60, at most 3660).");
        Endpoint.Param regime = new Endpoint.Param("regime", "string", false, "Built-in regime (default usmca).");
        return List.of(
                new Endpoint(HandlerType.GET, "/api/declarations/expiring", Access.VIEWER, false, "workflows",
                        "Declarations whose blanket period ends within `days`, soonest first, with the goods that depend on them (paginated).",
                        List.of(days, Api.OFFSET, Api.LIMIT), null, Api.JSON, 200, this::expiring),
                new Endpoint(HandlerType.GET, "/api/chase", Access.VIEWER, false, "workflows",
                        "Who to chase first: the missing declarations of the undetermined goods, ranked (paginated).",
                        List.of(regime, Api.OFFSET, Api.LIMIT), null, Api.JSON, 200, this::chase),
                new Endpoint(HandlerType.PUT, "/api/parties/{id}", Access.ANALYST, true, "workflows",
                        "Add or replace a party (certifier, exporter, producer, importer) named on certificates.", List.of(),
                        new Endpoint.Body(List.of(Api.JSON), "Party"), Api.JSON, 200, this::putParty),
                new Endpoint(HandlerType.GET, "/api/certificates", Access.VIEWER, false, "workflows", "Certificates of origin (paginated).",
                        List.of(Api.OFFSET, Api.LIMIT), null, Api.JSON, 200, this::certificates),
                new Endpoint(HandlerType.GET, "/api/certificates/{id}", Access.VIEWER, false, "workflows",
                        "A certificate: status, goods and the determinations they rest on, and its document (JSON).", List.of(), null, Api.JSON, 200, this::certificate),
                new Endpoint(HandlerType.POST, "/api/certificates", Access.ANALYST, true, "workflows",
                        "Issue a certificate from the goods' latest stored determinations; answers the PDF when asked with `Accept: application/pdf`.",
                        List.of(), new Endpoint.Body(List.of(Api.JSON), "CertificateRequest"), Api.JSON, 201, this::issue),
                Pages.page(HandlerType.GET, "/declarations", Access.VIEWER, false, "The Declarations page: expiry dashboard and who to chase first.", this::declarationsPage),
                Pages.page(HandlerType.GET, "/certificates", Access.VIEWER, false, "The Certificates page: issued certificates and the form to issue one.", this::certificatesPage),
                new Endpoint(HandlerType.POST, "/certificates", Access.ANALYST, true, "pages",
                        "Issue a certificate from the form and download it as PDF.", List.of(),
                        new Endpoint.Body(List.of("application/x-www-form-urlencoded"), null), "application/pdf", 201, this::issueFromForm));
    }

    private static int days(Context ctx) {
        String d = ctx.queryParam("days");
        if (d == null || d.isBlank()) return DEFAULT_DAYS;
        try {
            int n = Integer.parseInt(d.strip());
            if (n >= 0 && n <= 3660) return n;
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiException.of(400, "days", ErrorCode.OUT_OF_RANGE, d, 0, 3660);
    }

    private void expiring(Context ctx) {
        int within = days(ctx);
        Page page = Page.of(ctx);
        List<Expiring.Lapse> lapses = Expiring.within(ws(), LocalDate.now(), within);
        List<String> items = new ArrayList<>();
        for (Expiring.Lapse l : page.of(lapses)) {
            items.add(Json.object(g -> {
                g.writeStringField("declaration", l.declaration().id());
                g.writeStringField("supplier", l.declaration().supplierId());
                g.writeStringField("validTo", String.valueOf(l.declaration().validTo()));
                g.writeNumberField("daysLeft", l.daysLeft());
                g.writeArrayFieldStart("goods");
                for (String s : l.goods()) g.writeString(s);
                g.writeEndArray();
            }));
        }
        ctx.contentType(Api.JSON).result(page.document(ctx, items, lapses.size()));
    }

    private ChaseRanker.Ranking ranking(String regime) {
        try {
            return StoredChase.rank(ws(), Qualification.Pack.load(regime, Map.of()), LocalDate.now()).ranking();
        } catch (InputException e) {
            throw new ApiException(400, e.problems());
        }
    }

    private static String regime(Context ctx) {
        String r = ctx.queryParam("regime");
        if (r == null || r.isBlank()) return "usmca";
        if (!dev.origin.io.RulePackReader.isBuiltIn(r)) {
            throw new ApiException(400, List.of(Cases.notBuiltIn("regime", r)));
        }
        return r;
    }

    private void chase(Context ctx) {
        String regime = regime(ctx);
        Page page = Page.of(ctx);
        ChaseRanker.Ranking r = ranking(regime);
        List<String> items = new ArrayList<>();
        for (ChaseRanker.Request q : page.of(r.requests())) {
            items.add(Json.object(g -> {
                g.writeNumberField("rank", q.rank());
                g.writeStringField("supplier", q.key().supplier());
                g.writeStringField("part", q.key().part());
                g.writeNumberField("goodsFlippable", q.goodsFlippable());
                g.writeNumberField("goodsDecidedAlone", q.goodsDecidedAlone());
                g.writeArrayFieldStart("goods");
                for (ChaseRanker.Impact i : q.impacts()) g.writeString(i.good());
                g.writeEndArray();
            }));
        }
        // the list document, with the count of undetermined goods the ranking is about
        String list = page.document(ctx, items, r.requests().size());
        ctx.contentType(Api.JSON).result("{\"undeterminedGoods\":" + r.undeterminedGoods() + "," + list.substring(1));
    }

    private void putParty(Context ctx) {
        JsonNode b = Api.body(ctx);
        String name = Api.text(b, "name");
        if (name == null || name.isBlank()) throw ApiException.of(422, "name", ErrorCode.MISSING_FIELD, "name");
        Party p = new Party(name, Api.text(b, "address"), Api.text(b, "country"), Api.text(b, "telephone"), Api.text(b, "email"), Api.text(b, "taxId"));
        String id = ctx.pathParam("id");
        dev.origin.store.Change change;
        try {
            change = ws().writeRetrying(tx -> new Parties(tx).put(id, p));
        } catch (dev.origin.store.WorkflowException e) {
            throw new ApiException(422, List.of(new Problem(null, 0, 0, "", e.code(), e.getMessage())));
        }
        ctx.contentType(Api.JSON).result(Json.object(g -> g.writeStringField("change", change.name())));
    }

    private void certificates(Context ctx) {
        Page page = Page.of(ctx);
        List<String> ids = ws().read(tx -> new Certificates(tx).ids());
        List<String> items = new ArrayList<>();
        for (String id : page.of(ids)) {
            Certificates.Stored s = ws().read(tx -> new Certificates(tx).get(id)).orElseThrow();
            items.add(Json.object(g -> summary(g, s)));
        }
        ctx.contentType(Api.JSON).result(page.document(ctx, items, ids.size()));
    }

    private static void summary(com.fasterxml.jackson.core.JsonGenerator g, Certificates.Stored s) throws java.io.IOException {
        g.writeStringField("id", s.id());
        g.writeStringField("form", s.form());
        g.writeStringField("status", s.status());
        g.writeStringField("issuedOn", String.valueOf(s.issuedOn()));
        g.writeStringField("blanketFrom", String.valueOf(s.blanketFrom()));
        g.writeStringField("blanketTo", String.valueOf(s.blanketTo()));
        g.writeArrayFieldStart("goods");
        for (Certificates.Covered c : s.goods()) {
            g.writeStartObject();
            g.writeStringField("part", c.partId());
            g.writeNumberField("determination", c.determinationId());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void certificate(Context ctx) {
        String id = ctx.pathParam("id");
        Certificates.Stored s = ws().read(tx -> new Certificates(tx).get(id)).orElseThrow(() -> ApiException.of(404, "id", ErrorCode.NOT_FOUND, "certificate", id));
        ctx.contentType(Api.JSON).result(Json.object(g -> {
            summary(g, s);
            g.writeFieldName("document");
            g.writeRawValue(s.document());
        }));
    }

    /** The request of a certificate from a JSON body or the form (same field names). */
    private Certifying.Request request(java.util.function.Function<String, String> field, List<String> goods) {
        String regime = field.apply("regime");
        if (regime == null || regime.isBlank()) regime = "usmca";
        CertifierRole role = CertifierRole.parse(field.apply("role") == null ? "producer" : field.apply("role"));
        List<Problem> problems = new ArrayList<>();
        if (role == null) problems.add(OriginServer.problem(ErrorCode.BAD_VALUE, "role", field.apply("role"), "producer, exporter or importer"));
        if (goods.isEmpty()) problems.add(OriginServer.problem(ErrorCode.MISSING_FIELD, "goods", "goods"));
        String producer = field.apply("producer");
        if (producer == null || producer.isBlank()) problems.add(OriginServer.problem(ErrorCode.MISSING_FIELD, "producer", "producer"));
        String signer = field.apply("signer");
        if (signer == null || signer.isBlank()) problems.add(OriginServer.problem(ErrorCode.MISSING_FIELD, "signer", "signer"));
        LocalDate from = Cases.date(field.apply("from"), "from", problems);
        LocalDate to = Cases.date(field.apply("to"), "to", problems);
        if (!problems.isEmpty()) throw new ApiException(422, problems);
        Certifying.Form form = regime.toLowerCase(java.util.Locale.ROOT).startsWith("nafta") ? Certifying.Form.NAFTA : Certifying.Form.USMCA;
        Signature sig = new Signature(signer, field.apply("title"), field.apply("company"), LocalDate.now(), field.apply("telephone"), field.apply("email"));
        return new Certifying.Request(form, regime, goods, List.of(), role, blank(field.apply("certifier")), blank(field.apply("exporter")), producer,
                blank(field.apply("importer")), from, to, sig, null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Certifying.Issued issue(Certifying.Request r) {
        try {
            return new Certifying(ws()).issue(r, LocalDate.now());
        } catch (InputException e) {
            throw new ApiException(422, e.problems());
        } catch (WorkflowException e) {
            throw new ApiException(422, List.of(new Problem(null, 0, 0, "", e.code(), e.getMessage())));
        }
    }

    static byte[] pdf(Certifying.Issued issued) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (issued.usmca() != null) CertificatePdf.write(issued.usmca(), out);
        else CertificatePdf.write(issued.nafta(), out);
        return out.toByteArray();
    }

    private void issue(Context ctx) {
        JsonNode b = Api.body(ctx);
        List<String> goods = new ArrayList<>();
        b.path("goods").forEach(n -> goods.add(n.asText()));
        Certifying.Issued issued = issue(request(f -> Api.text(b, f), goods));
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/pdf")) {
            ctx.status(201).contentType("application/pdf").header("Content-Disposition", "attachment; filename=\"certificate-" + issued.id() + ".pdf\"")
                    .result(pdf(issued));
        } else {
            ctx.status(201).contentType(Api.JSON).result(Json.object(g -> {
                g.writeStringField("id", issued.id());
                g.writeFieldName("document");
                g.writeRawValue(issued.json());
            }));
        }
    }

    private void issueFromForm(Context ctx) {
        Certifying.Issued issued = issue(request(ctx::formParam, ctx.formParams("goods")));
        ctx.status(201).contentType("application/pdf").header("Content-Disposition", "attachment; filename=\"certificate-" + issued.id() + ".pdf\"")
                .result(pdf(issued));
    }

    // ------------------------------------------------------------------ pages

    private void declarationsPage(Context ctx) {
        int days = days(ctx);
        List<Expiring.Lapse> lapses = Expiring.within(ws(), LocalDate.now(), days);
        StringBuilder sb = new StringBuilder("<h1>Declarations</h1><form method=\"get\" class=\"inline noprint\"><label>Ending within (days)<input type=\"number\" name=\"days\" value=\"")
                .append(days).append("\" min=\"0\" max=\"3660\"></label><button type=\"submit\">Show</button></form>");
        sb.append("<section class=\"card\"><h2>Expiring soon</h2><p class=\"muted\">Supplier declarations whose blanket period ends within ").append(days)
                .append(" days; when one lapses its parts become of unknown origin and the goods listed may become undetermined.</p>")
                .append("<div class=\"scroll\"><table class=\"expiring\"><thead><tr><th>Declaration</th><th>Supplier</th><th>Last day</th><th class=\"num\">Days left</th><th>Goods that depend on it</th></tr></thead><tbody>");
        for (Expiring.Lapse l : lapses) {
            sb.append("<tr class=\"").append(l.daysLeft() <= 30 ? "notmet" : "").append("\"><td>").append(esc(l.declaration().id())).append("</td><td>")
                    .append(esc(l.supplier() == null ? l.declaration().supplierId() : l.supplier().name())).append("</td><td>").append(esc(l.declaration().validTo()))
                    .append("</td><td class=\"num\">").append(l.daysLeft()).append("</td><td>").append(esc(String.join(", ", l.goods()))).append("</td></tr>");
        }
        if (lapses.isEmpty()) sb.append("<tr><td colspan=\"5\">None.</td></tr>");
        sb.append("</tbody></table></div></section>");
        ChaseRanker.Ranking r = ranking("usmca");
        sb.append("<section class=\"card\"><h2>Who to chase first</h2><p class=\"muted\">The missing declarations of the ").append(r.undeterminedGoods())
                .append(" undetermined goods under the USMCA, ranked by the goods an answer can decide (docs/workspace.md).</p>")
                .append("<div class=\"scroll\"><table class=\"chase\"><thead><tr><th class=\"num\">Rank</th><th>Supplier</th><th>Part</th><th class=\"num\">Goods it can flip</th>"
                        + "<th class=\"num\">Decides alone</th><th>Goods</th></tr></thead><tbody>");
        for (ChaseRanker.Request q : r.requests()) {
            sb.append("<tr><td class=\"num\">").append(q.rank()).append("</td><td>").append(esc(q.key().supplier())).append("</td><td>").append(esc(q.key().part()))
                    .append("</td><td class=\"num\">").append(q.goodsFlippable()).append("</td><td class=\"num\">").append(q.goodsDecidedAlone()).append("</td><td>")
                    .append(esc(String.join(", ", q.impacts().stream().map(ChaseRanker.Impact::good).toList()))).append("</td></tr>");
        }
        if (r.requests().isEmpty()) sb.append("<tr><td colspan=\"6\">Nothing to chase.</td></tr>");
        sb.append("</tbody></table></div></section>");
        ctx.contentType(Pages.HTML).result(Pages.layout(ctx, "Declarations", "Declarations", sb.toString()));
    }

    private void certificatesPage(Context ctx) {
        List<String> ids = ws().read(tx -> new Certificates(tx).ids());
        List<String> parties = ws().read(tx -> new Parties(tx).ids());
        List<dev.origin.store.Part> finished = ws().read(tx -> tx.parts().finished());
        StringBuilder sb = new StringBuilder("<h1>Certificates of origin</h1><section class=\"card\"><h2>Issued</h2><div class=\"scroll\"><table class=\"certificates\">"
                + "<thead><tr><th>Certificate</th><th>Form</th><th>Status</th><th>Issued</th><th>Blanket period</th><th>Goods</th><th>Document</th></tr></thead><tbody>");
        for (String id : ids) {
            Certificates.Stored s = ws().read(tx -> new Certificates(tx).get(id)).orElseThrow();
            sb.append("<tr><td>").append(esc(s.id())).append("</td><td>").append(esc(s.form())).append("</td><td>").append(esc(s.status())).append("</td><td>")
                    .append(esc(s.issuedOn())).append("</td><td>").append(esc(s.blanketFrom())).append(" – ").append(esc(s.blanketTo())).append("</td><td>")
                    .append(esc(String.join(", ", s.goods().stream().map(Certificates.Covered::partId).toList()))).append("</td><td><a href=\"/api/certificates/")
                    .append(esc(java.net.URLEncoder.encode(s.id(), java.nio.charset.StandardCharsets.UTF_8))).append("\">JSON</a></td></tr>");
        }
        if (ids.isEmpty()) sb.append("<tr><td colspan=\"7\">None yet.</td></tr>");
        sb.append("</tbody></table></div></section>");
        Accounts.User u = Api.user(ctx);
        if (u.role().allows(Access.ANALYST)) {
            sb.append("<section class=\"card noprint\"><h2>Issue a certificate (PDF)</h2><p class=\"muted\">From each good's latest stored determination under "
                    + "the regime (qualify the part first: <code>POST /api/parts/{id}/determinations</code>). Parties: ")
                    .append(parties.isEmpty() ? "none yet (<code>PUT /api/parties/{id}</code>)" : esc(String.join(", ", parties))).append(".</p>")
                    .append("<form method=\"post\" action=\"/certificates\" class=\"inline\">").append(Pages.csrfField(ctx))
                    .append("<label>Good<select name=\"goods\" id=\"cert-good\">");
            for (dev.origin.store.Part p : finished) sb.append("<option>").append(esc(p.id())).append("</option>");
            sb.append("</select></label>").append(EnginePages.regimeSelect("regime", "usmca"))
                    .append("<label>Producer (party id)<input type=\"text\" name=\"producer\" id=\"cert-producer\"></label>")
                    .append("<label>Importer (party id)<input type=\"text\" name=\"importer\"></label>")
                    .append("<label>Signed by<input type=\"text\" name=\"signer\" id=\"cert-signer\"></label>")
                    .append("<label>Title<input type=\"text\" name=\"title\"></label>")
                    .append("<button type=\"submit\" id=\"cert-issue\">Issue and download</button></form></section>");
        }
        ctx.contentType(Pages.HTML).result(Pages.layout(ctx, "Certificates", "Certificates", sb.toString()));
    }
}
