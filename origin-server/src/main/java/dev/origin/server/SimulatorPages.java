package dev.origin.server;

import static dev.origin.server.Html.esc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.origin.core.engine.ErrorCode;
import dev.origin.io.Problem;
import dev.origin.io.RulePackReader;
import dev.origin.sim.Backtest;
import dev.origin.sim.MonteCarlo;
import dev.origin.sim.Outcome;
import dev.origin.sim.Report;
import dev.origin.sim.Simulator;
import dev.origin.sim.Sweep;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The policy simulator page: pick a fleet, regimes and parameters, start a job, watch its progress, then read
 * the comparison table, the charts (with intervals when Monte Carlo draws were asked for), the threshold sweep
 * and the backtest.
 */
final class SimulatorPages {
    private final OriginServer server;

    SimulatorPages(OriginServer server) {
        this.server = server;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Pages.page(HandlerType.GET, "/simulate", Access.VIEWER, false, "The simulator page: fleet, regimes, parameters, sweep.", this::page),
                Pages.page(HandlerType.POST, "/simulate", Access.VIEWER, false, "Start a simulation from the form; answers a fragment that polls its progress.", this::start),
                Pages.page(HandlerType.GET, "/simulate/{id}", Access.VIEWER, false, "A simulation: its progress while it runs, then the table, charts, sweep and backtest.", this::job));
    }

    private void page(Context ctx) {
        StringBuilder sb = new StringBuilder("<h1>Policy simulator</h1><p class=\"muted\">A fleet under the negotiation scenarios: each model qualifies, "
                + "re-sources at the least cost, or pays the tariff; the fleet's compliance, tariffs, parts purchases and jobs by country "
                + "(docs/simulation.md).</p>");
        sb.append("<div class=\"card noprint\"><form id=\"simform\" hx-post=\"/simulate\" hx-target=\"#job\" hx-encoding=\"multipart/form-data\" method=\"post\" ")
                .append("action=\"/simulate\" enctype=\"multipart/form-data\">").append(Pages.csrfField(ctx))
                .append("<div class=\"inline\"><label>Fleet<select name=\"fleet\"><option value=\"sample\">built-in sample fleet (48 MY2022 models)</option>")
                .append("<option value=\"upload\">the file below</option></select></label>")
                .append("<label>Fleet file (YAML, JSON or CSV; docs/fleet-format.md)<input type=\"file\" name=\"fleetFile\" accept=\".yaml,.yml,.json,.csv\"></label></div>")
                .append("<fieldset><legend>Regimes</legend>");
        for (String r : RulePackReader.BUILT_IN) {
            sb.append("<label class=\"check\"><input type=\"checkbox\" name=\"regimes\" value=\"").append(r).append("\" checked> ").append(esc(r)).append("</label>");
        }
        sb.append("</fieldset><div class=\"inline\">")
                .append(field("date", "Rules as of", "date", "2023-07-01"))
                .append(field("margin", "Margin (points)", "text", "0"))
                .append(field("passThrough", "Pass-through (0–1)", "text", "0.5"))
                .append(field("documentationCost", "Documentation cost (%)", "text", "0"))
                .append(field("elasticity", "Elasticity", "text", "-3"))
                .append(field("marketElasticity", "Market elasticity", "text", "-1"))
                .append(field("draws", "Monte Carlo draws (0–500)", "number", "0"))
                .append(field("seed", "Seed", "number", "1"))
                .append("<label class=\"check\"><input type=\"checkbox\" name=\"alternativeStaging\" value=\"true\"> alternative staging</label></div>")
                .append("<div class=\"inline\"><label>Parameter of us-proposal-2017: national-min<input type=\"text\" name=\"param.us-proposal-2017.national-min\" value=\"\" size=\"4\"></label>")
                .append("<label>Sweep pack").append(select("sweepPack", "")).append("</label>")
                .append(field("sweepParam", "Sweep parameter", "text", "min"))
                .append(field("sweepFrom", "from", "text", "50")).append(field("sweepTo", "to", "text", "100")).append(field("sweepStep", "step", "text", "5"))
                .append("</div><p><button type=\"submit\" id=\"simulate\">Run the simulation</button> <span class=\"htmx-indicator muted\">starting…</span></p></form></div>")
                .append("<div id=\"job\"></div>");
        ctx.contentType(Pages.HTML).result(Pages.layout(ctx, "Simulator", "Simulator", sb.toString()));
    }

    private static String field(String name, String label, String type, String value) {
        return "<label>" + esc(label) + "<input type=\"" + type + "\" name=\"" + name + "\" id=\"" + name + "\" value=\"" + esc(value) + "\" size=\"6\"></label>";
    }

    private static String select(String name, String selected) {
        StringBuilder sb = new StringBuilder("<select name=\"").append(name).append("\"><option value=\"\">no sweep</option>");
        for (String r : RulePackReader.BUILT_IN) sb.append("<option").append(r.equals(selected) ? " selected" : "").append(">").append(esc(r)).append("</option>");
        return sb.append("</select>").toString();
    }

    /** The form as the JSON request of the API, so both are checked by one reader ({@link Simulations}). */
    private ObjectNode request(Context ctx) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        if ("upload".equals(ctx.formParam("fleet"))) {
            var f = ctx.uploadedFile("fleetFile");
            if (f == null || f.size() == 0) throw new ApiException(422, List.of(OriginServer.problem(ErrorCode.MISSING_FIELD, "fleetFile", "fleetFile")));
            String text;
            try (InputStream in = f.content()) {
                text = Cases.utf8(in.readAllBytes(), f.filename());
            } catch (IOException e) {
                throw ApiException.of(400, "fleetFile", ErrorCode.UNREADABLE, f.filename());
            }
            String n = f.filename() == null ? "" : f.filename().toLowerCase(java.util.Locale.ROOT);
            body.putObject("fleet").put(n.endsWith(".csv") ? "csv" : n.endsWith(".json") ? "json" : "yaml", text);
        }
        ArrayNode rs = body.putArray("regimes");
        ctx.formParams("regimes").forEach(rs::add);
        for (String f : List.of("date", "margin", "passThrough", "documentationCost", "elasticity", "marketElasticity", "draws", "seed")) {
            String v = ctx.formParam(f);
            if (v != null && !v.isBlank()) body.put(f, v.strip());
        }
        body.put("alternativeStaging", "true".equals(ctx.formParam("alternativeStaging")));
        ObjectNode params = body.putObject("params");
        for (var e : ctx.formParamMap().entrySet()) {
            if (!e.getKey().startsWith("param.") || e.getValue().isEmpty() || e.getValue().get(0).isBlank()) continue;
            String[] p = e.getKey().split("\\.", 3);
            if (p.length != 3) continue;
            ObjectNode of = params.has(p[1]) ? (ObjectNode) params.get(p[1]) : params.putObject(p[1]);
            of.put(p[2], e.getValue().get(0).strip());
        }
        String pack = ctx.formParam("sweepPack");
        if (pack != null && !pack.isBlank()) {
            ObjectNode s = body.putObject("sweep");
            s.put("pack", pack);
            s.put("param", ctx.formParam("sweepParam"));
            s.put("from", ctx.formParam("sweepFrom"));
            s.put("to", ctx.formParam("sweepTo"));
            s.put("step", ctx.formParam("sweepStep"));
        }
        return body;
    }

    private void start(Context ctx) {
        List<Problem> problems = new ArrayList<>();
        ObjectNode req = request(ctx);
        if (req.path("regimes").isEmpty()) {
            problems.add(OriginServer.problem(ErrorCode.EMPTY_VALUE, "regimes", "regimes"));
        }
        Jobs.Spec spec = problems.isEmpty() ? Simulations.spec(req, server, problems) : null;
        if (!problems.isEmpty()) {
            ctx.status(422).contentType(Pages.HTML).result(Pages.problems(problems));
            return;
        }
        Jobs.Job job = server.jobs.submit(Api.user(ctx).name(), spec);
        ctx.contentType(Pages.HTML).result(progress(job));
    }

    private static String progress(Jobs.Job job) {
        return "<div class=\"card\" id=\"progress\" hx-get=\"/simulate/" + esc(job.id) + "\" hx-trigger=\"load delay:700ms\" hx-swap=\"outerHTML\">"
                + "<p>Simulation <code>" + esc(job.id) + "</code>: " + esc(job.phase) + " (" + job.percent() + " %)</p>"
                + "<div class=\"progress\"><div class=\"w" + (job.percent() / 5 * 5) + "\"></div></div>"
                + "<p class=\"muted\">Its results stay at <a href=\"/simulate/" + esc(job.id) + "\">/simulate/" + esc(job.id) + "</a>.</p></div>";
    }

    private void job(Context ctx) {
        Jobs.Job job = server.jobs.get(ctx.pathParam("id"));
        if (job == null) throw ApiException.of(404, "id", ErrorCode.NOT_FOUND, "simulation", ctx.pathParam("id"));
        String body;
        if (job.state == Jobs.State.FAILED) {
            body = "<div class=\"errors\">" + esc(job.failure) + "</div>";
        } else if (job.state != Jobs.State.DONE) {
            body = progress(job);
        } else {
            body = results(job);
        }
        if (Pages.htmx(ctx)) ctx.contentType(Pages.HTML).result(body);
        else ctx.contentType(Pages.HTML).result(Pages.layout(ctx, "Simulation " + job.id, "Simulator", "<h1>Simulation " + esc(job.id) + "</h1>" + body));
    }

    // ------------------------------------------------------------------ results

    private static String results(Jobs.Job job) {
        Jobs.Result r = job.result;
        StringBuilder sb = new StringBuilder("<div id=\"results\" data-job=\"").append(esc(job.id)).append("\">");
        Report.Table t = Report.comparison(r.outcomes());
        sb.append("<section class=\"card\"><h2>Comparison of regimes</h2><p class=\"muted\">Fleet ").append(esc(job.spec.fleet().id()))
                .append(", ").append(job.spec.fleet().models().size()).append(" models, rules as of ").append(esc(job.spec.settings().date()))
                .append("</p><div class=\"scroll\"><table class=\"comparison\"><thead><tr>");
        for (String h : t.header()) sb.append("<th>").append(esc(h)).append("</th>");
        sb.append("</tr></thead><tbody>");
        for (List<String> row : t.rows()) {
            sb.append("<tr>");
            for (int i = 0; i < row.size(); i++) sb.append(i == 0 ? "<th>" : "<td class=\"num\">").append(esc(row.get(i))).append(i == 0 ? "</th>" : "</td>");
            sb.append("</tr>");
        }
        sb.append("</tbody></table></div>");
        for (String l : t.legend()) sb.append("<p class=\"cite\">").append(esc(l)).append("</p>");
        sb.append("</section><div class=\"grid\">");
        sb.append(chart("chart-choices", "What the makers do (share of volume, %)", choices(r.outcomes())));
        sb.append(chart("chart-purchases", "Change of yearly parts purchases by country (US$ million)", purchases(r.outcomes())));
        sb.append("</div>");
        if (r.uncertainty() != null) sb.append(intervals(r.uncertainty()));
        if (r.sweep() != null) {
            sb.append("<section class=\"card\"><h2>Threshold sweep of ").append(esc(job.spec.sweep().pack())).append(' ').append(esc(job.spec.sweep().param()))
                    .append("</h2>").append(chartCanvas("chart-sweep", sweep(r.sweep())));
            Sweep.Point peak = Sweep.peak(r.sweep());
            sb.append("<p>").append(peak == null ? "The regional share does not first rise and then fall over this range."
                    : "The North American share of parts purchases peaks at a threshold of " + esc(peak.threshold().toPlainString())
                    + " % and falls beyond it as makers switch to paying the tariff.").append("</p></section>");
        }
        if (r.backtest() != null) sb.append(backtest(r.backtest()));
        return sb.append("</div>").toString();
    }

    private static String chart(String id, String title, String spec) {
        return "<section class=\"card\"><h2>" + esc(title) + "</h2>" + chartCanvas(id, spec) + "</section>";
    }

    private static String chartCanvas(String id, String spec) {
        return "<div class=\"chart\"><canvas id=\"" + id + "\" role=\"img\" aria-label=\"chart\"></canvas></div><script type=\"application/json\" class=\"chart-data\" data-canvas=\""
                + id + "\">" + Html.jsonInScript(spec) + "</script>";
    }

    private static ObjectNode spec(String type, List<String> labels) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.put("type", type);
        ObjectNode data = s.putObject("data");
        ArrayNode l = data.putArray("labels");
        labels.forEach(l::add);
        data.putArray("datasets");
        return s;
    }

    private static ObjectNode axisTitles(ObjectNode spec, String x, String y, boolean stacked) {
        ObjectNode scales = spec.putObject("options").putObject("scales");
        ObjectNode xs = scales.putObject("x");
        xs.putObject("title").put("display", true).put("text", x);
        xs.put("stacked", stacked);
        ObjectNode ys = scales.putObject("y");
        ys.putObject("title").put("display", true).put("text", y);
        ys.put("stacked", stacked);
        return spec;
    }

    private static String choices(List<Outcome> outcomes) {
        ObjectNode s = spec("bar", outcomes.stream().map(Outcome::regime).toList());
        ArrayNode ds = (ArrayNode) s.path("data").path("datasets");
        for (Simulator.Choice c : List.of(Simulator.Choice.QUALIFIES, Simulator.Choice.RESOURCES, Simulator.Choice.PAYS)) {
            ObjectNode d = ds.addObject();
            d.put("label", dev.origin.sim.Wording.models(c));
            ArrayNode v = d.putArray("data");
            for (Outcome o : outcomes) v.add(o.volumeShare(c));
        }
        return axisTitles(s, "regime", "% of volume", true).toString();
    }

    private static String purchases(List<Outcome> outcomes) {
        ObjectNode s = spec("bar", outcomes.stream().map(Outcome::regime).toList());
        ArrayNode ds = (ArrayNode) s.path("data").path("datasets");
        for (String c : List.of("US", "CA", "MX", "ROW")) {
            ObjectNode d = ds.addObject();
            d.put("label", dev.origin.sim.Wording.place(c));
            ArrayNode v = d.putArray("data");
            for (Outcome o : outcomes) {
                v.add(o.purchasesAfter().get(c).subtract(o.purchasesBefore().get(c)).movePointLeft(6).setScale(1, java.math.RoundingMode.HALF_UP));
            }
        }
        return axisTitles(s, "regime", "US$ million per year", false).toString();
    }

    private static String sweep(List<Sweep.Point> curve) {
        ObjectNode s = spec("line", curve.stream().map(p -> p.threshold().toPlainString()).toList());
        ArrayNode ds = (ArrayNode) s.path("data").path("datasets");
        ObjectNode a = ds.addObject();
        a.put("label", "North American share of parts purchases (%)");
        ArrayNode av = a.putArray("data");
        ObjectNode b = ds.addObject();
        b.put("label", "compliance rate (% of exposed volume)");
        ArrayNode bv = b.putArray("data");
        for (Sweep.Point p : curve) {
            av.add(p.outcome().regionalShare());
            bv.add(p.outcome().complianceRate());
        }
        return axisTitles(s, "threshold (%)", "%", false).toString();
    }

    /** Each headline metric by regime: the 5th–95th percentile interval as a floating bar, the point estimate as a dot. */
    private static String intervals(MonteCarlo.Result mc) {
        StringBuilder sb = new StringBuilder("<section class=\"card\"><h2>Intervals (Monte Carlo, 5th–95th percentile)</h2><div class=\"grid\">");
        int i = 0;
        for (MonteCarlo.Metric m : MonteCarlo.HEADLINE) {
            List<String> regimes = new ArrayList<>(mc.intervals().keySet());
            ObjectNode s = spec("bar", regimes);
            ArrayNode ds = (ArrayNode) s.path("data").path("datasets");
            ObjectNode range = ds.addObject();
            range.put("label", "5th–95th percentile");
            ArrayNode rv = range.putArray("data");
            ObjectNode point = ds.addObject();
            point.put("label", "point estimate");
            point.put("type", "line");
            point.put("showLine", false);
            point.put("pointRadius", 5);
            ArrayNode pv = point.putArray("data");
            for (String r : regimes) {
                MonteCarlo.Interval iv = mc.intervals().get(r).get(m);
                ArrayNode pair = rv.addArray();
                pair.add(iv.low());
                pair.add(iv.high());
                pv.add(iv.point());
            }
            axisTitles(s, "regime", m.label, false);
            sb.append("<div><h3>").append(esc(m.label)).append("</h3>").append(chartCanvas("chart-interval-" + i++, s.toString())).append("</div>");
        }
        return sb.append("</div></section>").toString();
    }

    private static String backtest(List<Backtest.Row> rows) {
        StringBuilder sb = new StringBuilder("<section class=\"card\"><h2>Backtest: observed against predicted</h2><p class=\"muted\">The sample fleet in 2019 "
                + "under NAFTA and 2020–2023 under the USMCA as in force (docs/simulation.md, docs/backtest-sources.md).</p><div class=\"scroll\"><table class=\"backtest\">"
                + "<thead><tr><th>target</th><th class=\"num\">year</th><th class=\"num\">observed</th><th class=\"num\">predicted</th><th class=\"num\">tolerance</th>"
                + "<th>within</th><th>use</th><th>source</th></tr></thead><tbody>");
        List<String> labels = new ArrayList<>();
        ArrayNode obs = Json.MAPPER.createArrayNode();
        ArrayNode pred = Json.MAPPER.createArrayNode();
        for (Backtest.Row r : rows) {
            var t = r.target();
            sb.append("<tr><td>").append(esc(t.name())).append("</td><td class=\"num\">").append(t.year()).append("</td><td class=\"num\">").append(esc(t.observed()))
                    .append("</td><td class=\"num\">").append(r.predicted() == null ? "–" : esc(r.predicted())).append("</td><td class=\"num\">")
                    .append(t.tolerance() == null ? "sign" : esc(t.tolerance().toPlainString())).append("</td><td>")
                    .append(r.predicted() == null ? "n/a" : r.within() ? "<span class=\"met\">yes</span>" : "<span class=\"notmet\">no</span>").append("</td><td>")
                    .append(t.heldOut() ? "held out" : "calibration").append("</td><td class=\"cite\">").append(esc(t.source())).append("</td></tr>");
            if (t.name().equals("vehicles-duty-paid-share") && r.predicted() != null && !t.isDirection()) {
                labels.add(t.year() + (t.heldOut() ? " (held out)" : ""));
                obs.add(new java.math.BigDecimal(t.observed()));
                pred.add(new java.math.BigDecimal(r.predicted()));
            }
        }
        sb.append("</tbody></table></div>");
        if (!labels.isEmpty()) {
            ObjectNode s = spec("bar", labels);
            ArrayNode ds = (ArrayNode) s.path("data").path("datasets");
            ds.addObject().put("label", "observed").set("data", obs);
            ds.addObject().put("label", "predicted").set("data", pred);
            axisTitles(s, "year", "duty-paid share of US vehicle imports from CA+MX (%)", false);
            sb.append("<h3>Duty-paid share of vehicles, observed and predicted</h3>").append(chartCanvas("chart-backtest", s.toString()));
        }
        return sb.append("</section>").toString();
    }

}
