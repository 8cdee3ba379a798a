package dev.origin.server;

import static dev.origin.server.Html.esc;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.origin.core.engine.Determination;
import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.engine.Finding;
import dev.origin.core.engine.Status;
import dev.origin.core.engine.TraceNode;
import dev.origin.io.CaseFile;
import dev.origin.io.CaseFileReader;
import dev.origin.io.CaseResults;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.io.ResultWriter;
import dev.origin.io.RulePackReader;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Qualify page (verdict, figures, explanation tree, what-if panel) and the Compare page. */
final class EnginePages {
    static final List<String> EXAMPLES = List.of("passenger-vehicle.json", "net-cost-example.json", "contract-sample.json", "multi-level-bom.yaml");
    static final List<String> ORIGINS = List.of("originating", "non-originating", "unknown");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ObjectMapper YAML = new YAMLMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final OriginServer server;

    EnginePages(OriginServer server) {
        this.server = server;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Pages.page(HandlerType.GET, "/qualify", Access.VIEWER, false, "The Qualify page: a case file (an example, pasted or uploaded), regime and date.", this::qualifyPage),
                Pages.page(HandlerType.POST, "/qualify", Access.VIEWER, false, "Qualify the case file of the form: verdicts, figures, explanation trees, what-if panels.", this::qualify),
                Pages.page(HandlerType.POST, "/what-if", Access.VIEWER, false, "Re-evaluate one good with a material's origin, country or value changed (htmx fragment).", this::whatIf),
                Pages.page(HandlerType.GET, "/compare", Access.VIEWER, false, "The Compare page: one case file under NAFTA, the USMCA and the proposals.", this::comparePage),
                Pages.page(HandlerType.POST, "/compare", Access.VIEWER, false, "Compare the case file of the form across regimes (table).", this::compare));
    }

    static String example(String name) {
        if (name == null || !EXAMPLES.contains(name)) return null;
        try (InputStream in = EnginePages.class.getResourceAsStream("/dev/origin/server/examples/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ the form

    private String form(Context ctx, String action, String target, boolean compare) {
        String ex = ctx.queryParam("example");
        if (ex == null) ex = "passenger-vehicle.json";
        String text = example(ex);
        StringBuilder sb = new StringBuilder("<div class=\"card noprint\"><form method=\"get\" class=\"inline\" action=\"").append(action).append("\">")
                .append("<label>Example<select name=\"example\" id=\"example\">");
        for (String e : EXAMPLES) sb.append("<option").append(e.equals(ex) ? " selected" : "").append(">").append(esc(e)).append("</option>");
        sb.append("</select></label><button type=\"submit\">Load</button></form>");
        sb.append("<form class=\"caseform\" hx-post=\"").append(action).append("\" hx-target=\"#").append(target)
                .append("\" hx-encoding=\"multipart/form-data\" method=\"post\" action=\"").append(action).append("\" enctype=\"multipart/form-data\">")
                .append(Pages.csrfField(ctx))
                .append("<label>Case file (JSON or YAML, the format of docs/case-file.md)<textarea name=\"caseFile\" id=\"caseFile\" rows=\"12\" spellcheck=\"false\">")
                .append(esc(text == null ? "" : text)).append("</textarea></label>")
                .append("<div class=\"inline\" style-none>")
                .append("<label>or upload a file<input type=\"file\" name=\"file\" accept=\".json,.yaml,.yml\"></label>");
        if (compare) {
            sb.append("<fieldset><legend>Regimes</legend>");
            for (String r : RulePackReader.BUILT_IN) sb.append("<label class=\"check\"><input type=\"checkbox\" name=\"regimes\" value=\"").append(r)
                    .append("\" checked> ").append(esc(r)).append("</label>");
            sb.append("</fieldset>");
        } else {
            sb.append(regimeSelect("regime", "usmca"));
        }
        sb.append("<label>Date (default: each good's)<input type=\"date\" name=\"date\"></label>")
                .append("<button type=\"submit\" id=\"run\">").append(compare ? "Compare" : "Qualify").append("</button>")
                .append("<span class=\"htmx-indicator muted\">working…</span></div></form></div>");
        return sb.toString().replace(" style-none", "");
    }

    static String regimeSelect(String name, String selected) {
        StringBuilder sb = new StringBuilder("<label>Regime<select name=\"").append(name).append("\" id=\"").append(name).append("\">");
        for (String r : RulePackReader.BUILT_IN) sb.append("<option").append(r.equals(selected) ? " selected" : "").append(">").append(esc(r)).append("</option>");
        return sb.append("</select></label>").toString();
    }

    private void qualifyPage(Context ctx) {
        String body = "<h1>Qualify a good</h1>" + form(ctx, "/qualify", "results", false) + "<div id=\"results\"></div>";
        ctx.contentType(Pages.HTML).result(Pages.layout(ctx, "Qualify", "Qualify", body));
    }

    private void comparePage(Context ctx) {
        String body = "<h1>Compare regimes</h1><p class=\"muted\">One good under NAFTA, the USMCA and the 2017–18 proposals side by side: "
                + "the verdict, each requirement's value against its threshold, and the duty owed.</p>" + form(ctx, "/compare", "results", true)
                + "<div id=\"results\"></div>";
        ctx.contentType(Pages.HTML).result(Pages.layout(ctx, "Compare", "Compare", body));
    }

    /** The case file's text from the form: the uploaded file when one was chosen, else the text area. */
    private static String[] caseText(Context ctx) {
        var f = ctx.uploadedFile("file");
        if (f != null && f.size() > 0 && f.filename() != null && !f.filename().isBlank()) {
            try (InputStream in = f.content()) {
                return new String[] {Cases.utf8(in.readAllBytes(), f.filename()), f.filename()};
            } catch (IOException e) {
                throw ApiException.of(400, "file", ErrorCode.UNREADABLE, f.filename());
            }
        }
        String t = ctx.formParam("caseFile");
        if (t == null || t.isBlank()) throw new ApiException(422, List.of(OriginServer.problem(ErrorCode.EMPTY_DOCUMENT, "caseFile")));
        return new String[] {t, "case file"};
    }

    static boolean yaml(String text) {
        String s = text.stripLeading();
        return !(s.startsWith("{") || s.startsWith("["));
    }

    /** Renders problems as the fragment's answer (status 422). */
    private static void problems(Context ctx, List<Problem> problems) {
        ctx.status(422).contentType(Pages.HTML).result(Pages.problems(problems));
    }

    // ------------------------------------------------------------------ qualify and what-if

    private void qualify(Context ctx) {
        String[] t = caseText(ctx);
        List<Problem> problems = new ArrayList<>();
        String regime = ctx.formParam("regime");
        LocalDate date = Cases.date(ctx.formParam("date"), "date", problems);
        Evaluator ev = server.cases.evaluator(regime, Map.of(), "regime", problems);
        CaseFile file = null;
        try {
            file = CaseFileReader.load(t[0], t[1], yaml(t[0]), Cases.MAX_MATERIAL_LINES);
        } catch (InputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            problems(ctx, problems);
            return;
        }
        String json = asJson(t[0]);
        CaseResults r = Cases.evaluate(file, List.of(ev), date, true, x -> true);
        StringBuilder sb = new StringBuilder();
        if (!r.errors().isEmpty()) sb.append(Pages.problems(r.problems()));
        for (Determination d : r.results()) sb.append(card(ctx, d, null, json, regime, date, Map.of()));
        if (r.results().isEmpty() && r.errors().isEmpty()) sb.append("<p>No goods.</p>");
        ctx.contentType(Pages.HTML).result(sb.toString());
    }

    /** The case file as JSON text (a YAML file is converted), so that what-ifs can change its fields. */
    static String asJson(String text) {
        try {
            JsonNode n = (yaml(text) ? YAML : JSON).readTree(text);
            return JSON.writeValueAsString(n);
        } catch (IOException e) {
            return text;
        }
    }

    private void whatIf(Context ctx) {
        List<Problem> problems = new ArrayList<>();
        String original = ctx.formParam("caseFile");
        String good = ctx.formParam("good");
        String regime = ctx.formParam("regime");
        LocalDate date = Cases.date(ctx.formParam("date"), "date", problems);
        Evaluator ev = server.cases.evaluator(regime, Map.of(), "regime", problems);
        if (original == null || good == null) throw new ApiException(422, List.of(OriginServer.problem(ErrorCode.MISSING_FIELD, "good", "good")));
        JsonNode doc;
        try {
            doc = JSON.readTree(original);
        } catch (IOException e) {
            throw new ApiException(422, List.of(OriginServer.problem(ErrorCode.BAD_JSON, "caseFile", "the case file of the form is not JSON")));
        }
        ObjectNode g = findGood(doc, good);
        if (g == null) throw ApiException.of(404, "good", ErrorCode.NOT_FOUND, "good", good);
        Map<String, String> changes = new java.util.LinkedHashMap<>();
        JsonNode mats = g.get("materials");
        if (mats instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                if (!(arr.get(i) instanceof ObjectNode m)) continue;
                for (String field : List.of("origin", "country", "value")) {
                    String v = ctx.formParam("m." + i + "." + field);
                    if (v == null || !m.has(field)) continue;
                    v = v.strip();
                    if (!v.equals(m.get(field).asText())) {
                        changes.put(m.path("id").asText("#" + i) + " " + field, m.get(field).asText() + " → " + v);
                        m.put(field, v);
                    }
                }
            }
        }
        String changed;
        try {
            changed = JSON.writeValueAsString(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        CaseFile file = null;
        try {
            file = CaseFileReader.load(changed, "what-if", false, Cases.MAX_MATERIAL_LINES);
        } catch (InputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            problems(ctx, problems);
            return;
        }
        CaseResults r = Cases.evaluate(file, List.of(ev), date, true, x -> true).only(good);
        if (r == null || r.results().isEmpty()) {
            problems(ctx, r == null ? List.of(OriginServer.problem(ErrorCode.NOT_FOUND, "good", "good", good)) : r.problems());
            return;
        }
        Determination before = null;
        try {
            CaseResults b = Cases.evaluate(CaseFileReader.load(original, "case file", false, Cases.MAX_MATERIAL_LINES), List.of(ev), date, false, x -> true).only(good);
            if (b != null && !b.results().isEmpty()) before = b.results().get(0);
        } catch (InputException e) {
            // the original was valid when the page was drawn; without it the card simply has no "before"
        }
        ctx.contentType(Pages.HTML).result(card(ctx, r.results().get(0), before, original, regime, date, changes, doc));
    }

    private static ObjectNode findGood(JsonNode doc, String id) {
        for (JsonNode g : doc.path("goods")) if (g instanceof ObjectNode o && id.equals(o.path("id").asText())) return o;
        return null;
    }

    String card(Context ctx, Determination d, Determination before, String caseJson, String regime, LocalDate date, Map<String, String> changes) {
        JsonNode doc;
        try {
            doc = JSON.readTree(caseJson);
        } catch (IOException e) {
            doc = null;
        }
        return card(ctx, d, before, caseJson, regime, date, changes, doc);
    }

    /** One good's result: verdict, figures, requirements, the explanation tree and the what-if panel. */
    private String card(Context ctx, Determination d, Determination before, String caseJson, String regime, LocalDate date,
                        Map<String, String> changes, JsonNode current) {
        String id = "good-" + Integer.toHexString(d.good().hashCode());
        StringBuilder sb = new StringBuilder("<section class=\"card result\" id=\"").append(id).append("\">");
        sb.append("<h2>").append(esc(d.good())).append(" <span class=\"verdict ").append(d.status().name()).append("\" data-verdict=\"")
                .append(d.status().name()).append("\">").append(esc(statusWords(d.status()))).append("</span></h2>");
        sb.append("<p class=\"muted\">under <b>").append(esc(d.regime())).append("</b> on ").append(esc(d.date())).append("</p>");
        if (before != null && !changes.isEmpty()) {
            sb.append("<div class=\"notice\">What-if: ");
            List<String> cs = new ArrayList<>();
            changes.forEach((k, v) -> cs.add(esc(k) + " " + esc(v)));
            sb.append(String.join("; ", cs)).append(". Before: <b>").append(esc(statusWords(before.status()))).append("</b>");
            if (before.rvc() != null) sb.append(", RVC ").append(esc(ResultWriter.display(before.rvc().value()))).append(" %");
            if (before.tariff() != null && before.tariff().dutyOwed() != null) sb.append(", duty ").append(esc(before.tariff().dutyOwed().toPlainString()));
            sb.append(".</div>");
        }
        sb.append(figures(d));
        sb.append(requirements(d));
        sb.append("<h3>Explanation</h3>");
        if (d.trace() != null) {
            sb.append("<p class=\"muted\">").append(d.status() == Status.ORIGINATING ? "Why it qualifies" : "The failing path is highlighted")
                    .append("; each rule with its legal citation.</p><ul class=\"tree\">");
            tree(d.trace(), true, sb);
            sb.append("</ul>");
        }
        if (current != null) sb.append(whatIfPanel(ctx, d.good(), caseJson, regime, date, current));
        return sb.append("</section>").toString();
    }

    static String statusWords(Status s) {
        return switch (s) {
            case ORIGINATING -> "originating";
            case NON_ORIGINATING -> "not originating";
            case UNDETERMINED -> "undetermined";
        };
    }

    private static String figures(Determination d) {
        StringBuilder sb = new StringBuilder("<div class=\"figures\">");
        if (d.rvc() != null) {
            sb.append("<div><span class=\"muted\">Regional value content (").append(esc(d.rvc().method())).append(")</span><b id=\"rvc\">")
                    .append(esc(ResultWriter.display(d.rvc().value()))).append(" %</b><span class=\"muted\">threshold ")
                    .append(esc(d.rvc().min().stripTrailingZeros().toPlainString())).append(" %</span></div>");
            sb.append("<div><span class=\"muted\">Value of non-originating materials</span><b>").append(esc(d.rvc().vnm().toPlainString())).append("</b></div>");
        }
        if (d.tariff() != null) {
            var t = d.tariff();
            sb.append("<div><span class=\"muted\">Duty into ").append(esc(t.importer())).append("</span><b id=\"duty\">")
                    .append(t.dutyOwed() != null ? esc(t.dutyOwed().toPlainString()) : t.ratePercent() == null ? "unknown" : esc(t.ratePercent().stripTrailingZeros().toPlainString()) + " %")
                    .append("</b><span class=\"muted\">").append(esc(t.note())).append("</span></div>");
        }
        return sb.append("</div>").toString();
    }

    private static String requirements(Determination d) {
        StringBuilder sb = new StringBuilder("<div class=\"scroll\"><table class=\"requirements\"><thead><tr><th>Requirement</th><th>Kind</th>"
                + "<th class=\"num\">Value</th><th class=\"num\">Threshold</th><th>Result</th><th>Citation</th></tr></thead><tbody>");
        boolean originating = d.status() == Status.ORIGINATING;
        for (Finding f : d.findings()) {
            boolean notNeeded = originating && !f.status().isMet() && !d.decidingRules().contains(f.id());
            String cls = notNeeded ? "muted" : f.met() == null ? "unknown" : f.met() ? "met" : "notmet";
            String word = notNeeded ? "not needed" : f.met() == null ? "not evaluable" : f.met() ? "met" : "not met";
            sb.append("<tr class=\"req ").append(cls).append("\"><td>").append(esc(f.id())).append("</td><td>").append(esc(f.kind().label()))
                    .append("</td><td class=\"num\">").append(f.value() == null ? "" : esc(ResultWriter.display(f.value())) + " %")
                    .append("</td><td class=\"num\">").append(f.threshold() == null ? "" : esc(f.threshold().stripTrailingZeros().toPlainString()) + " %")
                    .append("</td><td class=\"").append(cls).append("\">").append(word);
            if (!f.missing().isEmpty()) sb.append(" — give ").append(esc(String.join(", ", f.missing())));
            sb.append("</td><td class=\"cite\">").append(esc(f.citation())).append("</td></tr>");
        }
        return sb.append("</tbody></table></div>").toString();
    }

    /** The full tree; nodes on the failing path (failing nodes under a failing root) are marked {@code path}. */
    private static void tree(TraceNode n, boolean onPath, StringBuilder sb) {
        boolean fail = Boolean.FALSE.equals(n.outcome());
        boolean path = onPath && fail;
        sb.append("<li class=\"").append(n.outcome() == null ? "info" : fail ? "fail" : "ok").append(path ? " path" : "").append("\"><span class=\"node\">")
                .append(n.outcome() == null ? "– " : fail ? "✗ " : "✓ ").append(esc(n.label()));
        if (n.amount() != null && !n.label().contains(n.amount().toPlainString())) sb.append(" [").append(esc(n.amount().toPlainString())).append("]");
        sb.append("</span>");
        if (n.citation() != null) sb.append(" <span class=\"cite\">").append(esc(n.citation())).append("</span>");
        if (!n.children().isEmpty()) {
            sb.append("<ul>");
            for (TraceNode c : n.children()) tree(c, path, sb);
            sb.append("</ul>");
        }
        sb.append("</li>");
    }

    /** Materials with a value of the good, editable: origin, country, value; every change re-evaluates the good. */
    private static String whatIfPanel(Context ctx, String good, String caseJson, String regime, LocalDate date, JsonNode current) {
        ObjectNode g = findGood(current, good);
        if (g == null || !g.path("materials").isArray() || g.path("materials").isEmpty()) return "";
        StringBuilder sb = new StringBuilder("<h3 class=\"noprint\">What if…</h3><form class=\"whatif noprint\" hx-post=\"/what-if\" hx-trigger=\"change\" ")
                .append("hx-target=\"closest section.result\" hx-swap=\"outerHTML\" method=\"post\" action=\"/what-if\">").append(Pages.csrfField(ctx))
                .append("<input type=\"hidden\" name=\"caseFile\" value=\"").append(esc(caseJson)).append("\">")
                .append("<input type=\"hidden\" name=\"good\" value=\"").append(esc(good)).append("\">")
                .append("<input type=\"hidden\" name=\"regime\" value=\"").append(esc(regime)).append("\">")
                .append("<input type=\"hidden\" name=\"date\" value=\"").append(date == null ? "" : esc(date)).append("\">")
                .append("<p class=\"muted\">Change a material's origin, country or value: the verdict, the RVC and the duty update at once.</p>")
                .append("<div class=\"scroll\"><table><thead><tr><th>Material</th><th>HS</th><th>Origin</th><th>Country</th><th class=\"num\">Value</th></tr></thead><tbody>");
        JsonNode mats = g.get("materials");
        for (int i = 0; i < mats.size(); i++) {
            JsonNode m = mats.get(i);
            if (!m.has("value") || !m.has("origin")) continue;
            String mid = m.path("id").asText("#" + i);
            sb.append("<tr><td>").append(esc(mid)).append("</td><td>").append(esc(m.path("hs").asText())).append("</td><td><select name=\"m.").append(i)
                    .append(".origin\" data-material=\"").append(esc(mid)).append("\">");
            for (String o : ORIGINS) sb.append("<option").append(o.equals(m.get("origin").asText()) ? " selected" : "").append(">").append(o).append("</option>");
            sb.append("</select></td><td>");
            if (m.has("country")) sb.append("<input type=\"text\" name=\"m.").append(i).append(".country\" value=\"").append(esc(m.get("country").asText()))
                    .append("\" maxlength=\"2\" size=\"3\">");
            sb.append("</td><td class=\"num\"><input type=\"text\" name=\"m.").append(i).append(".value\" value=\"").append(esc(m.get("value").asText()))
                    .append("\" inputmode=\"decimal\"></td></tr>");
        }
        return sb.append("</tbody></table></div></form>").toString();
    }

    // ------------------------------------------------------------------ compare

    private void compare(Context ctx) {
        String[] t = caseText(ctx);
        List<Problem> problems = new ArrayList<>();
        List<String> regimes = ctx.formParams("regimes");
        if (regimes.isEmpty()) regimes = RulePackReader.BUILT_IN;
        LocalDate date = Cases.date(ctx.formParam("date"), "date", problems);
        List<Evaluator> evs = new ArrayList<>();
        for (String r : regimes) {
            Evaluator ev = server.cases.evaluator(r, Map.of(), "regimes", problems);
            if (ev != null) evs.add(ev);
        }
        CaseFile file = null;
        try {
            file = CaseFileReader.load(t[0], t[1], yaml(t[0]), Cases.MAX_MATERIAL_LINES);
        } catch (InputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            problems(ctx, problems);
            return;
        }
        CaseResults r = Cases.evaluate(file, evs, date, false, x -> !x.code().equals(ErrorCode.REGIME_NOT_IN_FORCE.name()));
        StringBuilder sb = new StringBuilder();
        if (!r.errors().isEmpty()) sb.append(Pages.problems(r.problems()));
        for (List<Determination> row : r.rows()) sb.append(compareTable(row));
        ctx.contentType(Pages.HTML).result(sb.toString());
    }

    static String compareTable(List<Determination> row) {
        StringBuilder sb = new StringBuilder("<section class=\"card\"><h2>").append(esc(row.get(0).good())).append(" <span class=\"muted\">on ")
                .append(esc(row.get(0).date())).append("</span></h2><div class=\"scroll\"><table class=\"compare\"><thead><tr><th></th>");
        for (Determination d : row) sb.append("<th>").append(esc(d.regime())).append("</th>");
        sb.append("</tr></thead><tbody><tr><th>verdict</th>");
        for (Determination d : row) sb.append("<td><span class=\"verdict ").append(d.status().name()).append("\">").append(esc(statusWords(d.status()))).append("</span></td>");
        sb.append("</tr>");
        Set<String> kinds = new LinkedHashSet<>();
        for (Determination d : row) for (Finding f : d.findings()) kinds.add(f.kind().label());
        for (String kind : kinds) {
            sb.append("<tr><th>").append(esc(kind)).append("</th>");
            for (Determination d : row) {
                List<String> cells = new ArrayList<>();
                for (Finding f : d.findings()) {
                    if (!f.kind().label().equals(kind)) continue;
                    String mark = f.met() == null ? "<span class=\"unknown\">not evaluable</span>" : f.met() ? "<span class=\"met\">met</span>" : "<span class=\"notmet\">not met</span>";
                    cells.add(f.value() != null && f.threshold() != null
                            ? esc(ResultWriter.display(f.value())) + " % vs " + esc(f.threshold().stripTrailingZeros().toPlainString()) + " %: " + mark : mark);
                }
                sb.append("<td>").append(cells.isEmpty() ? "–" : String.join("<br>", cells)).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("<tr><th>duty per unit</th>");
        for (Determination d : row) {
            var t = d.tariff();
            sb.append("<td class=\"num\">").append(t == null ? "–" : t.dutyOwed() != null ? esc(t.dutyOwed().toPlainString()) + " into " + esc(t.importer())
                    : t.ratePercent() == null ? "?" : esc(t.ratePercent().stripTrailingZeros().toPlainString()) + " %").append("</td>");
        }
        sb.append("</tr></tbody></table></div><p class=\"cite\">value % vs threshold %; –: not required. rvc: regional value content; lvc: labour value content.</p></section>");
        return sb.toString();
    }
}
