package dev.origin.server;

import static dev.origin.server.Html.esc;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.Evaluator;
import dev.origin.io.CaseFileReader;
import dev.origin.io.CaseResults;
import dev.origin.io.InputException;
import dev.origin.io.ResultWriter;
import dev.origin.store.Declaration;
import dev.origin.store.GoodInput;
import dev.origin.store.LedgerEntry;
import dev.origin.store.Part;
import dev.origin.store.Supplier;
import dev.origin.store.Workspace;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The workspace over HTTP (origin-store, docs/workspace.md): parts, suppliers, declarations and the
 * determinations ledger as paginated JSON; qualifying a stored part appends to the ledger (analyst); the
 * Catalog page lists the parts and a part's page shows its determination with the explanation tree.
 */
final class Catalog {
    private final OriginServer server;

    Catalog(OriginServer server) {
        this.server = server;
    }

    private Workspace ws() {
        return server.workspace;
    }

    List<Endpoint> endpoints() {
        Endpoint.Param regime = new Endpoint.Param("regime", "string", false, "Built-in regime (default usmca).");
        Endpoint.Param date = new Endpoint.Param("date", "date", false, "As of this date (default today).");
        return List.of(
                new Endpoint(HandlerType.GET, "/api/parts", Access.VIEWER, false, "workspace", "Parts of the workspace (paginated).",
                        List.of(Api.OFFSET, Api.LIMIT), null, Api.JSON, 200, this::parts),
                new Endpoint(HandlerType.GET, "/api/parts/{id}", Access.VIEWER, false, "workspace",
                        "A part, and for a part made here its engine input as of a date (a case file) and its determination now (not recorded); both null for a bought part.", List.of(regime, date), null, Api.JSON, 200, this::part),
                new Endpoint(HandlerType.POST, "/api/parts/{id}/determinations", Access.ANALYST, true, "workspace",
                        "Qualify a stored part and append the determination to the ledger.", List.of(regime, date), null, Api.JSON, 201, this::qualifyPart),
                new Endpoint(HandlerType.GET, "/api/suppliers", Access.VIEWER, false, "workspace", "Suppliers (paginated).",
                        List.of(Api.OFFSET, Api.LIMIT), null, Api.JSON, 200, this::suppliers),
                new Endpoint(HandlerType.GET, "/api/declarations", Access.VIEWER, false, "workspace", "Supplier declarations (paginated).",
                        List.of(Api.OFFSET, Api.LIMIT), null, Api.JSON, 200, this::declarations),
                new Endpoint(HandlerType.GET, "/api/determinations", Access.VIEWER, false, "workspace", "The determinations ledger, oldest first (paginated).",
                        List.of(Api.OFFSET, Api.LIMIT), null, Api.JSON, 200, this::determinations),
                Pages.page(HandlerType.GET, "/catalog", Access.VIEWER, false, "The Catalog page: the workspace's parts.", this::catalogPage),
                Pages.page(HandlerType.GET, "/parts/{id}", Access.VIEWER, false, "A part's page: its determination with the explanation tree and what-if panel.", this::partPage));
    }

    private void parts(Context ctx) {
        Page page = Page.of(ctx);
        List<Part> all = ws().read(tx -> tx.parts().all());
        List<String> items = page.of(all).stream().map(p -> Json.object(g -> {
            g.writeStringField("id", p.id());
            g.writeStringField("description", p.description());
            g.writeStringField("source", p.source().name());
            g.writeStringField("url", "/api/parts/" + p.id());
        })).toList();
        ctx.contentType(Api.JSON).result(page.document(ctx, items, all.size()));
    }

    private Part find(String id) {
        return ws().read(tx -> tx.parts().get(id)).orElseThrow(() -> ApiException.of(404, "id", ErrorCode.NOT_FOUND, "part", id));
    }

    private LocalDate date(Context ctx) {
        List<dev.origin.io.Problem> problems = new ArrayList<>();
        LocalDate d = Cases.date(ctx.queryParam("date"), "date", problems);
        if (!problems.isEmpty()) throw new ApiException(400, problems);
        return d == null ? LocalDate.now() : d;
    }

    private String regime(Context ctx) {
        String r = ctx.queryParam("regime");
        return r == null || r.isBlank() ? "usmca" : r;
    }

    /** The part's input as of the date and its determination under the regime (with trace); problems as an ApiException. */
    private record Evaluated(GoodInput input, Determination determination, CaseResults results) {}

    private Evaluated evaluate(String id, String regime, LocalDate date) {
        find(id);
        List<dev.origin.io.Problem> problems = new ArrayList<>();
        Evaluator ev = server.cases.evaluator(regime, Map.of(), "regime", problems);
        if (!problems.isEmpty()) throw new ApiException(400, problems);
        try {
            GoodInput in = ws().input(id, date);
            CaseResults r = Cases.evaluate(CaseFileReader.load(in.document(), "workspace", false), List.of(ev), date, true, x -> true);
            if (!r.errors().isEmpty()) throw new ApiException(422, r.errors());
            return new Evaluated(in, r.results().get(0), r);
        } catch (InputException e) {
            throw new ApiException(422, e.problems());
        }
    }

    private void part(Context ctx) {
        Part p = find(ctx.pathParam("id"));
        if (p.source() == Part.Source.BUY) {
            // a bought part is not produced here: its origin comes from its supplier's declaration, not from an
            // evaluation of a BOM, so it has no engine input and no determination of its own
            ctx.contentType(Api.JSON).result(Json.object(g -> {
                g.writeStringField("id", p.id());
                g.writeStringField("description", p.description());
                g.writeStringField("source", p.source().name());
                g.writeNullField("input");
                g.writeNullField("determination");
            }));
            return;
        }
        Evaluated e = evaluate(p.id(), regime(ctx), date(ctx));
        ctx.contentType(Api.JSON).result(Json.object(g -> {
            g.writeStringField("id", p.id());
            g.writeStringField("description", p.description());
            g.writeStringField("source", p.source().name());
            g.writeFieldName("input");
            g.writeRawValue(e.input().document());
            g.writeStringField("inputHash", e.input().hash());
            g.writeFieldName("determination");
            g.writeRawValue(ResultWriter.json(List.of(e.determination())));
        }));
    }

    private void qualifyPart(Context ctx) {
        Part p = find(ctx.pathParam("id"));
        String regime = regime(ctx);
        List<dev.origin.io.Problem> problems = new ArrayList<>();
        server.cases.evaluator(regime, Map.of(), "regime", problems);
        if (!problems.isEmpty()) throw new ApiException(400, problems);
        try {
            LedgerEntry e = ws().qualify(p.id(), regime, Map.of(), date(ctx), "qualify (web, " + Api.user(ctx).name() + ")");
            ctx.status(201).contentType(Api.JSON).result(entryJson(e));
        } catch (InputException e) {
            throw new ApiException(422, e.problems());
        }
    }

    static String entryJson(LedgerEntry e) {
        return Json.object(g -> {
            g.writeNumberField("id", e.id());
            g.writeStringField("part", e.partId());
            g.writeStringField("regime", e.regime());
            g.writeStringField("asOf", String.valueOf(e.asOf()));
            g.writeStringField("verdict", String.valueOf(e.verdict()));
            g.writeStringField("entryHash", e.entryHash());
        });
    }

    private void suppliers(Context ctx) {
        Page page = Page.of(ctx);
        List<Supplier> all = ws().read(tx -> tx.suppliers().all());
        ctx.contentType(Api.JSON).result(page.document(ctx, page.of(all).stream().map(s -> Json.object(g -> {
            g.writeStringField("id", s.id());
            g.writeStringField("name", s.name());
            g.writeStringField("country", s.country());
        })).toList(), all.size()));
    }

    private void declarations(Context ctx) {
        Page page = Page.of(ctx);
        List<Declaration> all = ws().read(tx -> tx.declarations().all());
        ctx.contentType(Api.JSON).result(page.document(ctx, page.of(all).stream().map(d -> Json.object(g -> {
            g.writeStringField("id", d.id());
            g.writeStringField("supplier", d.supplierId());
            g.writeStringField("validFrom", String.valueOf(d.validFrom()));
            g.writeStringField("validTo", String.valueOf(d.validTo()));
            g.writeStringField("statement", String.valueOf(d.statement()));
        })).toList(), all.size()));
    }

    private void determinations(Context ctx) {
        Page page = Page.of(ctx);
        long total = ws().read(tx -> tx.ledger().size());
        List<LedgerEntry> entries = ws().read(tx -> tx.ledger().page(page.offset() + 1L, page.limit()));
        ctx.contentType(Api.JSON).result(page.document(ctx, entries.stream().map(Catalog::entryJson).toList(), total));
    }

    // ------------------------------------------------------------------ pages

    private void catalogPage(Context ctx) {
        List<Part> all = ws().read(tx -> tx.parts().all());
        List<Part> finished = ws().read(tx -> tx.parts().finished());
        StringBuilder sb = new StringBuilder("<h1>Catalog</h1><p class=\"muted\">The parts of the workspace (")
                .append(esc(ws().database().url().replaceAll(";.*", ""))).append("). Finished goods first; open one for its determination.</p>")
                .append("<div class=\"card\"><div class=\"scroll\"><table class=\"parts\"><thead><tr><th>Part</th><th>Description</th><th>Made or bought</th><th>Finished good</th></tr></thead><tbody>");
        List<Part> ordered = new ArrayList<>(finished);
        for (Part p : all) if (!ordered.contains(p)) ordered.add(p);
        for (Part p : ordered) {
            sb.append("<tr><td><a href=\"/parts/").append(esc(java.net.URLEncoder.encode(p.id(), java.nio.charset.StandardCharsets.UTF_8))).append("\">")
                    .append(esc(p.id())).append("</a></td><td>").append(esc(p.description())).append("</td><td>")
                    .append(p.source() == Part.Source.MAKE ? "made" : "bought").append("</td><td>").append(finished.contains(p) ? "yes" : "").append("</td></tr>");
        }
        if (ordered.isEmpty()) sb.append("<tr><td colspan=\"4\">The workspace is empty: load the sample with <code>origin db init --sample</code>.</td></tr>");
        sb.append("</tbody></table></div></div>");
        ctx.contentType(Pages.HTML).result(Pages.layout(ctx, "Catalog", "Catalog", sb.toString()));
    }

    private void partPage(Context ctx) {
        Part p = find(ctx.pathParam("id"));
        String regime = regime(ctx);
        LocalDate date = date(ctx);
        StringBuilder sb = new StringBuilder("<h1>").append(esc(p.id())).append(" <span class=\"muted\">").append(esc(p.description())).append("</span></h1>")
                .append("<form method=\"get\" class=\"inline noprint\">").append(EnginePages.regimeSelect("regime", regime))
                .append("<label>As of<input type=\"date\" name=\"date\" value=\"").append(esc(date)).append("\"></label><button type=\"submit\">Show</button></form>");
        try {
            Evaluated e = evaluate(p.id(), regime, date);
            String json = e.input().document();
            sb.append(new EnginePages(server).card(ctx, e.determination(), null, EnginePages.asJson(json), regime, date, Map.of()));
        } catch (ApiException x) {
            sb.append(Pages.problems(x.problems()));
        }
        ctx.contentType(Pages.HTML).result(Pages.layout(ctx, p.id(), "Catalog", sb.toString()));
    }
}
