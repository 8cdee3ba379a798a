package dev.origin.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.origin.sim.Simulator.Choice;
import dev.origin.sim.Simulator.Decision;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes simulation results: a comparison table (text), decisions (CSV), everything (JSON), a report with charts (HTML). */
public final class Report {
    private Report() {}

    /** The choices in the order tables and charts show them. */
    static final List<Choice> CHOICES = List.of(Choice.QUALIFIES, Choice.RESOURCES, Choice.PAYS, Choice.NOT_EXPOSED, Choice.NOT_ELIGIBLE);
    static final List<String> BUCKETS = List.of("US", "CA", "MX", "ROW");

    /** The comparison of regimes as rows of words and figures (shared by the text table and the HTML report). */
    public record Table(List<String> header, List<List<String>> rows, List<String> legend) {}

    /** The comparison table of regimes, one column each, figures written by {@link Wording}. */
    public static Table comparison(List<Outcome> outcomes) {
        List<String> header = new ArrayList<>();
        header.add("");
        for (Outcome o : outcomes) header.add(o.regime());
        List<List<String>> rows = new ArrayList<>();
        for (Choice c : CHOICES) {
            rows.add(row(Wording.models(c) + " (vol %)", outcomes,
                    o -> Wording.count(o.count().get(c)) + " (" + Wording.percent(o.volumeShare(c), 1) + ")"));
        }
        rows.add(row("compliance rate (% of exposed volume)", outcomes, o -> Wording.percent(o.complianceRate(), 1)));
        rows.add(row("tariffs paid per year", outcomes, o -> Wording.money(o.tariffsPaid())));
        rows.add(row("re-sourcing cost per year", outcomes, o -> Wording.money(o.complianceCost())));
        rows.add(row("North American share of parts purchases", outcomes, o -> Wording.percent(o.regionalShare(), 1)));
        for (String c : BUCKETS) {
            rows.add(row("change of yearly parts purchases from " + Wording.place(c), outcomes,
                    o -> Wording.signedMoney(o.purchasesAfter().get(c).subtract(o.purchasesBefore().get(c)))));
        }
        for (String c : List.of("US", "CA", "MX")) {
            rows.add(row("change of parts jobs in " + Wording.place(c), outcomes, o -> Wording.jobs(o.jobs().get(c))));
        }
        rows.add(row("average vehicle price change", outcomes, o -> Wording.signedPercent(o.priceEffect(), 2)));
        return new Table(header, rows, Wording.SIMULATION_LEGEND);
    }

    /** The comparison table of regimes as text, with its legend. */
    public static String text(List<Outcome> outcomes) {
        Table t = comparison(outcomes);
        StringBuilder sb = new StringBuilder(Wording.table(t.header(), t.rows()));
        for (String l : t.legend()) sb.append("  ").append(Wording.wrap(l, 110, "    ")).append('\n');
        return sb.toString();
    }

    private interface Cell { String of(Outcome o); }

    private static List<String> row(String label, List<Outcome> outcomes, Cell cell) {
        List<String> r = new ArrayList<>();
        r.add(label);
        for (Outcome o : outcomes) r.add(cell.of(o));
        return r;
    }

    /** One row per model and regime: the decision and the figures behind it. */
    public static String csv(List<Outcome> outcomes) {
        StringBuilder sb = new StringBuilder("regime,model,maker,country,class,choice,status_before,status_after,exposed_volume,"
                + "total_volume,premium_per_unit,compliance_cost,tariff_if_not_qualifying,tariffs_paid,moves,unmet,note\n");
        for (Outcome o : outcomes) {
            for (Decision d : o.decisions()) {
                var m = d.model();
                sb.append(String.join(",", csv(o.regime()), csv(m.id()), csv(m.maker()), m.country(), m.vehicleClass(), d.choice().name(),
                        d.statusBefore().name(), d.statusAfter().name(), String.valueOf(d.exposedVolume()), String.valueOf(m.totalVolume()),
                        d.premiumPerUnit() == null ? "" : d.premiumPerUnit().toPlainString(), d.complianceCost().toPlainString(),
                        d.tariffIfNotQualifying().toPlainString(), d.tariffsPaid().toPlainString(), csv(moves(d)),
                        csv(String.join("; ", d.unmet())), csv(d.note()))).append('\n');
            }
        }
        return sb.toString();
    }

    static String moves(Decision d) {
        StringBuilder sb = new StringBuilder();
        for (var p : d.model().parts()) {
            Integer o = d.plan().get(p.id());
            if (o == null || o == 0) continue;
            if (sb.length() > 0) sb.append("; ");
            sb.append(p.id()).append(' ').append(p.country()).append("→").append(GoodBuilder.country(p, o));
        }
        return sb.toString();
    }

    private static String csv(String s) {
        if (s == null) return "";
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Outcomes, the sweep and every decision as JSON. */
    public static String json(List<Outcome> outcomes, List<Sweep.Point> sweep, String sweepPack) {
        return json(outcomes, sweep, sweepPack, null);
    }

    /** The same, with the Monte Carlo's intervals, tornado and claim when {@code uncertainty} is not null. */
    public static String json(List<Outcome> outcomes, List<Sweep.Point> sweep, String sweepPack, MonteCarlo.Result uncertainty) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(sw)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("regimes");
            for (Outcome o : outcomes) outcome(g, o, true);
            g.writeEndArray();
            if (sweep != null) {
                g.writeObjectFieldStart("sweep");
                g.writeStringField("pack", sweepPack);
                g.writeArrayFieldStart("points");
                for (Sweep.Point p : sweep) {
                    g.writeStartObject();
                    g.writeNumberField("threshold", p.threshold());
                    g.writeNumberField("regionalShare", p.outcome().regionalShare());
                    g.writeNumberField("complianceRate", p.outcome().complianceRate());
                    g.writeStringField("tariffsPaid", p.outcome().tariffsPaid().toPlainString());
                    g.writeStringField("complianceCost", p.outcome().complianceCost().toPlainString());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            if (uncertainty != null) UncertaintyReport.json(g, uncertainty);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw + System.lineSeparator();
    }

    private static void outcome(JsonGenerator g, Outcome o, boolean decisions) throws IOException {
        g.writeStartObject();
        g.writeStringField("regime", o.regime());
        g.writeObjectFieldStart("models");
        for (var e : o.count().entrySet()) g.writeNumberField(e.getKey().name().toLowerCase(), e.getValue());
        g.writeEndObject();
        g.writeObjectFieldStart("volume");
        for (var e : o.volume().entrySet()) g.writeNumberField(e.getKey().name().toLowerCase(), e.getValue());
        g.writeEndObject();
        g.writeNumberField("complianceRate", o.complianceRate());
        g.writeStringField("tariffsPaid", o.tariffsPaid().toPlainString());
        g.writeStringField("complianceCost", o.complianceCost().toPlainString());
        g.writeNumberField("regionalShare", o.regionalShare());
        map(g, "purchasesBefore", o.purchasesBefore());
        map(g, "purchasesAfter", o.purchasesAfter());
        map(g, "jobs", o.jobs());
        g.writeNumberField("priceEffectPercent", o.priceEffect());
        if (decisions) {
            g.writeArrayFieldStart("decisions");
            for (Decision d : o.decisions()) {
                g.writeStartObject();
                g.writeStringField("model", d.model().id());
                g.writeStringField("assemblyCountry", d.model().country());
                g.writeBooleanField("alternativeStaging", d.alternativeStaging());
                g.writeObjectFieldStart("exports");
                for (var e : d.exports().entrySet()) g.writeNumberField(e.getKey(), e.getValue());
                g.writeEndObject();
                map(g, "dutyOwed", d.dutyOwed());
                map(g, "dutyPaid", d.dutyPaid());
                g.writeStringField("documentationCost", d.documentationCost().toPlainString());
                g.writeStringField("choice", d.choice().name());
                g.writeStringField("statusBefore", d.statusBefore().name());
                g.writeStringField("statusAfter", d.statusAfter().name());
                g.writeStringField("moves", moves(d));
                g.writeStringField("complianceCost", d.complianceCost().toPlainString());
                g.writeStringField("tariffsPaid", d.tariffsPaid().toPlainString());
                g.writeStringField("tariffIfNotQualifying", d.tariffIfNotQualifying().toPlainString());
                g.writeNumberField("exposedVolume", d.exposedVolume());
                if (!d.unmet().isEmpty()) {
                    g.writeArrayFieldStart("unmet");
                    for (String u : d.unmet()) g.writeString(u);
                    g.writeEndArray();
                }
                if (d.note() != null) g.writeStringField("note", d.note());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void map(JsonGenerator g, String name, Map<String, BigDecimal> m) throws IOException {
        g.writeObjectFieldStart(name);
        for (var e : m.entrySet()) g.writeStringField(e.getKey(), e.getValue().toPlainString());
        g.writeEndObject();
    }

    /** A self-contained HTML report with SVG charts: compliance by regime, purchases shift, the sweep curve. */
    public static String html(String title, List<Outcome> outcomes, List<Sweep.Point> sweep, String sweepPack, String notes) {
        return html(title, outcomes, sweep, sweepPack, notes, null, null);
    }

    /** The page's style: charts at the page width, tables with text left and numbers right, ids that do not wrap. */
    static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222}"
            + "table{border-collapse:collapse;margin:0.5em 0;max-width:100%}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
            + "th{background:#f4f4f4}td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}"
            + "td.id{white-space:nowrap}svg.chart{display:block;width:100%;height:auto;margin:0.5em 0}"
            + "svg text{font-size:12px;fill:#222}svg text.value{font-size:11px}svg text.axis-title{font-size:12px;fill:#444}"
            + ".legend-note{color:#555;font-size:0.9em}.grid2{display:grid;grid-template-columns:1fr 1fr;gap:1em}"
            // a wide table scrolls in its own box, never the page; long notes wrap anywhere
            + ".wide{overflow-x:auto;max-width:100%}td.note{overflow-wrap:anywhere;min-width:14em}";

    /**
     * The same, with the backtest (observed against predicted) and the Monte Carlo's intervals and tornado charts when
     * given (null: left out).
     */
    public static String html(String title, List<Outcome> outcomes, List<Sweep.Point> sweep, String sweepPack, String notes,
                              List<Backtest.Row> backtest, MonteCarlo.Result uncertainty) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>")
                .append("<style>").append(STYLE).append("</style></head><body>");
        sb.append("<h1>").append(esc(title)).append("</h1>");
        if (notes != null) sb.append("<p>").append(esc(notes)).append("</p>");
        sb.append("<h2>Compliance by regime</h2>").append(complianceChart(outcomes));
        sb.append("<h2>Change of parts purchases by country</h2>").append(purchasesChart(outcomes));
        if (sweep != null) sb.append("<h2>Threshold sweep (").append(esc(sweepPack)).append(")</h2>").append(sweepChart(sweep));
        sb.append("<h2>Comparison</h2>").append(table(comparison(outcomes)));
        if (uncertainty != null) sb.append(UncertaintyReport.html(uncertainty));
        if (backtest != null) sb.append(UncertaintyReport.backtestHtml(backtest));
        sb.append("<h2>Decisions</h2><div class=\"wide\"><table><tr><th>regime</th><th>model</th><th>choice</th><th>parts moved</th>"
                + "<th class=\"num\">re-sourcing cost per year</th><th class=\"num\">tariffs paid per year</th><th>note</th></tr>");
        for (Outcome o : outcomes) {
            for (Decision d : o.decisions()) {
                sb.append("<tr><td class=\"id\">").append(esc(o.regime())).append("</td><td class=\"id\">").append(esc(d.model().id()))
                        .append("</td><td>").append(esc(Wording.choice(d.choice()))).append("</td><td>").append(esc(moves(d)))
                        .append("</td><td class=\"num\">").append(esc(Wording.money(d.complianceCost())))
                        .append("</td><td class=\"num\">").append(esc(Wording.money(d.tariffsPaid())))
                        .append("</td><td class=\"note\">").append(esc(d.note() == null ? "" : d.note())).append("</td></tr>");
            }
        }
        sb.append("</table></div><p class=\"legend-note\">").append(esc(Wording.SIMULATION_LEGEND.get(2))).append(' ')
                .append(esc(Wording.SIMULATION_LEGEND.get(3))).append("</p></body></html>\n");
        return sb.toString();
    }

    /** A table of words and figures as HTML: the first column and the header left, the figures right; the legend under it. */
    static String table(Table t) {
        StringBuilder sb = new StringBuilder("<table class=\"comparison\"><tr>");
        for (int i = 0; i < t.header().size(); i++) {
            sb.append(i == 0 ? "<th>" : "<th class=\"num\">").append(esc(t.header().get(i))).append("</th>");
        }
        sb.append("</tr>");
        for (List<String> r : t.rows()) {
            sb.append("<tr>");
            for (int i = 0; i < r.size(); i++) sb.append(i == 0 ? "<td>" : "<td class=\"num\">").append(esc(r.get(i))).append("</td>");
            sb.append("</tr>");
        }
        sb.append("</table><ul class=\"legend-note\">");
        for (String l : t.legend()) sb.append("<li>").append(esc(l)).append("</li>");
        return sb.append("</ul>").toString();
    }

    private static final List<String> COLOURS = List.of("#2b8a3e", "#1971c2", "#e03131", "#adb5bd", "#868e96");
    /** Country colours (US, CA, MX, rest of world), distinct from the choice colours. */
    private static final List<String> COUNTRY_COLOURS = List.of("#364fc7", "#c92a2a", "#2f9e44", "#868e96");

    /** Horizontal stacked bars, one per regime: the share of the fleet's vehicles by the makers' choice. */
    private static String complianceChart(List<Outcome> outcomes) {
        int left = 170, right = Svg.WIDTH - 20, top = 40, bar = 28, gap = 12;
        int bottom = top + outcomes.size() * (bar + gap);
        StringBuilder sb = new StringBuilder(Svg.open("share of vehicles by the makers' choice, per regime", bottom + 45));
        List<String> names = new ArrayList<>();
        for (Choice c : CHOICES) names.add(Wording.shortChoice(c));
        Svg.legend(sb, left, 16, names, COLOURS);
        Svg.Scale x = new Svg.Scale(0, 100, left, right);
        Svg.xAxis(sb, x, Svg.ticks(0, 100, 10), top - 6, bottom, t -> Wording.number(t, 0) + " %", "share of the fleet's vehicles (% of units sold per year)");
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            double y = top + i * (bar + gap);
            sb.append(Svg.f("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", left - 8, y + bar / 2.0 + 4, esc(o.regime())));
            double at = 0;
            for (int k = 0; k < CHOICES.size(); k++) {
                Choice c = CHOICES.get(k);
                double share = o.volumeShare(c).doubleValue();
                if (share <= 0) continue;
                double x0 = x.at(at), x1 = x.at(at + share);
                sb.append(Svg.f("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s, %s: %s of vehicles (%s models)</title></rect>",
                        x0, y, x1 - x0, bar, COLOURS.get(k), esc(o.regime()), esc(Wording.shortChoice(c)), Wording.percent(o.volumeShare(c), 1),
                        o.count().get(c)));
                if (x1 - x0 >= 40) Svg.value(sb, (x0 + x1) / 2, y + bar / 2.0 + 4, "middle", Wording.percent(o.volumeShare(c), 1), "#fff");
                at += share;
            }
        }
        return sb.append("</svg><p class=\"legend-note\">Share of each regime's vehicles (units sold per year) by the makers' choice; "
                + "the value labels give the share of each choice. MFN: the most-favoured-nation tariff.</p>").toString();
    }

    /** Money on an axis: the unit (million or billion US$) that suits the largest value. */
    private record MoneyUnit(double divisor, String name) {
        static MoneyUnit of(double max) {
            return Math.abs(max) >= 1e9 ? new MoneyUnit(1e9, "US$ billion") : new MoneyUnit(1e6, "US$ million");
        }
    }

    /** Horizontal bars, a group of four countries per regime: the change of yearly parts purchases against today's sourcing. */
    private static String purchasesChart(List<Outcome> outcomes) {
        double lo = 0, hi = 0;
        for (Outcome o : outcomes) for (String c : BUCKETS) {
            double d = change(o, c);
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        MoneyUnit unit = MoneyUnit.of(Math.max(-lo, hi));
        List<Double> ticks = Svg.ticks(lo / unit.divisor(), hi / unit.divisor(), 8);
        int left = 170, right = Svg.WIDTH - 20, top = 40, bar = 14, group = BUCKETS.size() * bar + 16;
        int bottom = top + outcomes.size() * group;
        StringBuilder sb = new StringBuilder(Svg.open("change of parts purchases by country, per regime", bottom + 45));
        List<String> names = new ArrayList<>();
        for (String c : BUCKETS) names.add(Wording.country(c));
        Svg.legend(sb, left, 16, names, COUNTRY_COLOURS);
        // leave room for value labels at both ends
        double pad = (ticks.get(ticks.size() - 1) - ticks.get(0)) * 0.12;
        Svg.Scale x = new Svg.Scale(ticks.get(0) - (lo < 0 ? pad : 0), ticks.get(ticks.size() - 1) + (hi > 0 ? pad : 0), left, right);
        Svg.xAxis(sb, x, ticks, top - 6, bottom, t -> (t > 0 ? "+" : "") + Wording.number(t, 2), "change of parts purchases per year (" + unit.name() + ")");
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            double y0 = top + i * group;
            sb.append(Svg.f("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", left - 8, y0 + group / 2.0 - 4, esc(o.regime())));
            for (int k = 0; k < BUCKETS.size(); k++) {
                String c = BUCKETS.get(k);
                double d = change(o, c) / unit.divisor();
                double x0 = x.at(Math.min(0, d)), x1 = x.at(Math.max(0, d));
                double y = y0 + k * bar;
                String money = Wording.signedMoney(BigDecimal.valueOf(change(o, c)));
                sb.append(Svg.f("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s, %s: %s</title></rect>",
                        x0, y, Math.max(0.5, x1 - x0), bar - 2, COUNTRY_COLOURS.get(k), esc(o.regime()), Wording.country(c), money));
                Svg.value(sb, d >= 0 ? x1 + 4 : x0 - 4, y + bar - 4, d >= 0 ? "start" : "end", money, "#222");
            }
        }
        return sb.append("</svg><p class=\"legend-note\">Change of yearly parts purchases against today's sourcing, by the country "
                + "the parts come from (bars right of zero: more purchases).</p>").toString();
    }

    private static double change(Outcome o, String c) {
        return o.purchasesAfter().get(c).subtract(o.purchasesBefore().get(c)).doubleValue();
    }

    /** Two lines over the swept threshold: the North American share of parts purchases and the compliance rate. */
    private static String sweepChart(List<Sweep.Point> sweep) {
        int left = 80, right = Svg.WIDTH - 30, top = 40, bottom = 330;
        double tMin = sweep.get(0).threshold().doubleValue();
        double tMax = sweep.get(sweep.size() - 1).threshold().doubleValue();
        StringBuilder sb = new StringBuilder(Svg.open("threshold sweep", bottom + 45));
        Svg.legend(sb, left, 16, List.of("North American share of parts purchases", "compliance rate (% of exposed volume)"),
                List.of("#1971c2", "#e03131"));
        Svg.Scale x = new Svg.Scale(tMin, tMax == tMin ? tMin + 1 : tMax, left + 20, right - 20);
        Svg.Scale y = new Svg.Scale(0, 100, bottom, top);
        Svg.yAxis(sb, y, Svg.ticks(0, 100, 10), left, right, t -> Wording.number(t, 0) + " %", "share (%)");
        List<Double> xt = new ArrayList<>();
        for (Sweep.Point p : sweep) xt.add(p.threshold().doubleValue());
        sb.append("<g class=\"axis x-axis\">");
        for (double t : xt) {
            sb.append(Svg.f("<line class=\"tick-mark\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#333\"/>", x.at(t), x.at(t), bottom, bottom + 4));
            sb.append(Svg.f("<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s %%</text>", x.at(t), bottom + 16, Wording.number(t, 1)));
        }
        sb.append(Svg.f("<line class=\"axis-line\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#333\"/>", left, right, bottom, bottom));
        sb.append(Svg.f("<text class=\"axis-title\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">regional value content threshold (%%)</text></g>",
                (left + right) / 2.0, bottom + 34));
        String[] colours = {"#1971c2", "#e03131"};
        for (int line = 0; line < 2; line++) {
            StringBuilder pts = new StringBuilder();
            for (Sweep.Point p : sweep) {
                double v = (line == 0 ? p.outcome().regionalShare() : p.outcome().complianceRate()).doubleValue();
                pts.append(Svg.f("%.1f,%.1f ", x.at(p.threshold().doubleValue()), y.at(v)));
            }
            sb.append("<polyline fill=\"none\" stroke=\"").append(colours[line]).append("\" stroke-width=\"2\" points=\"").append(pts.toString().strip()).append("\"/>");
            for (Sweep.Point p : sweep) {
                BigDecimal v = line == 0 ? p.outcome().regionalShare() : p.outcome().complianceRate();
                double px = x.at(p.threshold().doubleValue()), py = y.at(v.doubleValue());
                sb.append(Svg.f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", px, py, colours[line]));
                Svg.value(sb, px, line == 0 ? py + 16 : py - 8, "middle", Wording.percent(v, 1), colours[line]);
            }
        }
        return sb.append("</svg><p class=\"legend-note\">Regional value content threshold (x) against the North American share of parts "
                + "purchases and the share of exposed volume that is originating (y, 0-100 %).</p>").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
