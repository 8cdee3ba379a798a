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
import java.util.List;
import java.util.Map;

/** Writes simulation results: a comparison table (text), decisions (CSV), everything (JSON), a report with charts (HTML). */
public final class Report {
    private Report() {}

    static String money(BigDecimal v) {
        BigDecimal m = v.divide(Simulator.MILLION, 1, RoundingMode.HALF_UP);
        return m.toPlainString() + "M";
    }

    /** The comparison table of regimes, one column each. */
    public static String text(List<Outcome> outcomes) {
        StringBuilder sb = new StringBuilder();
        int w = 22;
        sb.append(pad("", 30));
        for (Outcome o : outcomes) sb.append(pad(o.regime(), w));
        sb.append('\n');
        for (Choice c : List.of(Choice.QUALIFIES, Choice.RESOURCES, Choice.PAYS, Choice.NOT_EXPOSED, Choice.NOT_ELIGIBLE)) {
            sb.append(pad("models " + c.name().toLowerCase().replace('_', ' ') + " (vol %)", 30));
            for (Outcome o : outcomes) sb.append(pad(o.count().get(c) + " (" + o.volumeShare(c).setScale(1, RoundingMode.HALF_UP) + " %)", w));
            sb.append('\n');
        }
        row(sb, "compliance rate (exposed vol %)", outcomes, o -> o.complianceRate().setScale(1, RoundingMode.HALF_UP) + " %", w);
        row(sb, "tariffs paid / year (US$)", outcomes, o -> money(o.tariffsPaid()), w);
        row(sb, "re-sourcing cost / year (US$)", outcomes, o -> money(o.complianceCost()), w);
        row(sb, "N. American parts share", outcomes, o -> o.regionalShare().setScale(1, RoundingMode.HALF_UP) + " %", w);
        for (String c : List.of("US", "CA", "MX", "ROW")) {
            row(sb, "parts purchases change " + c, outcomes, o -> signed(o.purchasesAfter().get(c).subtract(o.purchasesBefore().get(c))), w);
        }
        for (String c : List.of("US", "CA", "MX")) {
            row(sb, "jobs change " + c, outcomes, o -> (o.jobs().get(c).signum() > 0 ? "+" : "") + o.jobs().get(c).setScale(0, RoundingMode.HALF_UP), w);
        }
        row(sb, "average price effect", outcomes, o -> "+" + o.priceEffect().setScale(2, RoundingMode.HALF_UP) + " %", w);
        return sb.toString();
    }

    private static String signed(BigDecimal v) {
        return (v.signum() > 0 ? "+" : "") + money(v);
    }

    private interface Cell { String of(Outcome o); }

    private static void row(StringBuilder sb, String label, List<Outcome> outcomes, Cell cell, int w) {
        sb.append(pad(label, 30));
        for (Outcome o : outcomes) sb.append(pad(cell.of(o), w));
        sb.append('\n');
    }

    private static String pad(String s, int w) {
        if (s.length() >= w - 1) s = s.substring(0, w - 2) + "…";
        return s + " ".repeat(w - s.length());
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

    /**
     * The same, with the backtest (observed against predicted) and the Monte Carlo's intervals and tornado charts when
     * given (null: left out).
     */
    public static String html(String title, List<Outcome> outcomes, List<Sweep.Point> sweep, String sweepPack, String notes,
                              List<Backtest.Row> backtest, MonteCarlo.Result uncertainty) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}"
                        + "svg text{font-size:11px}</style></head><body>");
        sb.append("<h1>").append(esc(title)).append("</h1>");
        if (notes != null) sb.append("<p>").append(esc(notes)).append("</p>");
        sb.append("<h2>Compliance by regime</h2>").append(complianceChart(outcomes));
        sb.append("<h2>Change of parts purchases by country</h2>").append(purchasesChart(outcomes));
        if (sweep != null) sb.append("<h2>Threshold sweep (").append(esc(sweepPack)).append(")</h2>").append(sweepChart(sweep));
        sb.append("<h2>Comparison</h2><pre>").append(esc(text(outcomes))).append("</pre>");
        if (uncertainty != null) sb.append(UncertaintyReport.html(uncertainty));
        if (backtest != null) sb.append(UncertaintyReport.backtestHtml(backtest));
        sb.append("<h2>Decisions</h2><table><tr><th>regime</th><th>model</th><th>choice</th><th>moves</th><th>re-sourcing / yr</th>"
                + "<th>tariff / yr</th><th>note</th></tr>");
        for (Outcome o : outcomes) {
            for (Decision d : o.decisions()) {
                sb.append("<tr><td>").append(esc(o.regime())).append("</td><td>").append(esc(d.model().id())).append("</td><td>")
                        .append(d.choice()).append("</td><td>").append(esc(moves(d))).append("</td><td>").append(d.complianceCost().toPlainString())
                        .append("</td><td>").append(d.tariffsPaid().toPlainString()).append("</td><td>").append(esc(d.note() == null ? "" : d.note()))
                        .append("</td></tr>");
            }
        }
        sb.append("</table></body></html>\n");
        return sb.toString();
    }

    private static final String[] COLOURS = {"#2b8a3e", "#1971c2", "#e03131", "#adb5bd", "#868e96"};
    /** Country colours (US, CA, MX, rest of world), distinct from the choice colours. */
    private static final String[] COUNTRY_COLOURS = {"#364fc7", "#c92a2a", "#2f9e44", "#868e96"};

    private static String complianceChart(List<Outcome> outcomes) {
        int w = 160, h = 220, top = 20;
        StringBuilder sb = new StringBuilder("<svg role=\"img\" aria-label=\"compliance by regime\" width=\"" + (outcomes.size() * w + 200)
                + "\" height=\"" + (h + 70) + "\">");
        Choice[] order = {Choice.QUALIFIES, Choice.RESOURCES, Choice.PAYS, Choice.NOT_EXPOSED, Choice.NOT_ELIGIBLE};
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            double y = top + h;
            for (int k = 0; k < order.length; k++) {
                double share = o.volumeShare(order[k]).doubleValue() / 100.0;
                double bh = share * h;
                y -= bh;
                sb.append(String.format(java.util.Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s %%</title></rect>",
                        i * w + 20, y, w - 40, bh, COLOURS[k], esc(o.regime()), order[k], o.volumeShare(order[k])));
            }
            sb.append("<text x=\"").append(i * w + 20).append("\" y=\"").append(top + h + 15).append("\">").append(esc(o.regime())).append("</text>");
        }
        for (int k = 0; k < order.length; k++) {
            int x = outcomes.size() * w + 20;
            sb.append("<rect x=\"").append(x).append("\" y=\"").append(top + k * 18).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(COLOURS[k]).append("\"/><text x=\"").append(x + 16).append("\" y=\"").append(top + k * 18 + 10).append("\">")
                    .append(order[k].name().toLowerCase().replace('_', ' ')).append("</text>");
        }
        return sb.append("</svg><p>Share of each regime's vehicles (by volume) by the makers' choice.</p>").toString();
    }

    private static String purchasesChart(List<Outcome> outcomes) {
        String[] cs = {"US", "CA", "MX", "ROW"};
        double max = 1;
        for (Outcome o : outcomes) for (String c : cs) {
            max = Math.max(max, Math.abs(o.purchasesAfter().get(c).subtract(o.purchasesBefore().get(c)).doubleValue()));
        }
        int w = 160, h = 200, mid = 120;
        StringBuilder sb = new StringBuilder("<svg role=\"img\" aria-label=\"purchases shift\" width=\"" + (outcomes.size() * w + 200) + "\" height=\"" + (h + 60) + "\">");
        sb.append("<line x1=\"0\" x2=\"").append(outcomes.size() * w).append("\" y1=\"").append(mid).append("\" y2=\"").append(mid).append("\" stroke=\"#333\"/>");
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            for (int k = 0; k < cs.length; k++) {
                double d = o.purchasesAfter().get(cs[k]).subtract(o.purchasesBefore().get(cs[k])).doubleValue();
                double bh = Math.abs(d) / max * 90;
                double y = d >= 0 ? mid - bh : mid;
                sb.append(String.format(java.util.Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"28\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title></rect>",
                        i * w + 10 + k * 32, y, bh, COUNTRY_COLOURS[k], esc(o.regime()), cs[k], money(BigDecimal.valueOf(d))));
                sb.append("<text x=\"").append(i * w + 14 + k * 32).append("\" y=\"").append(mid + 105).append("\">").append(cs[k]).append("</text>");
            }
            sb.append("<text x=\"").append(i * w + 10).append("\" y=\"").append(mid + 125).append("\">").append(esc(o.regime())).append("</text>");
        }
        for (int k = 0; k < cs.length; k++) {
            int x = outcomes.size() * w + 20;
            sb.append("<rect x=\"").append(x).append("\" y=\"").append(10 + k * 18).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(COUNTRY_COLOURS[k]).append("\"/><text x=\"").append(x + 16).append("\" y=\"").append(20 + k * 18).append("\">")
                    .append(cs[k].equals("ROW") ? "rest of world" : cs[k]).append("</text>");
        }
        return sb.append("</svg><p>Change of yearly parts purchases against today's sourcing (bars up: more purchases).</p>").toString();
    }

    private static String sweepChart(List<Sweep.Point> sweep) {
        int w = 600, h = 260, left = 40, top = 10;
        double tMin = sweep.get(0).threshold().doubleValue();
        double tMax = sweep.get(sweep.size() - 1).threshold().doubleValue();
        StringBuilder regional = new StringBuilder();
        StringBuilder rate = new StringBuilder();
        for (Sweep.Point p : sweep) {
            double x = left + (tMax == tMin ? 0 : (p.threshold().doubleValue() - tMin) / (tMax - tMin) * w);
            regional.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, top + h - p.outcome().regionalShare().doubleValue() / 100 * h));
            rate.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, top + h - p.outcome().complianceRate().doubleValue() / 100 * h));
        }
        StringBuilder sb = new StringBuilder("<svg role=\"img\" aria-label=\"threshold sweep\" width=\"" + (w + 200) + "\" height=\"" + (h + 50) + "\">");
        sb.append("<rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" fill=\"none\" stroke=\"#ccc\"/>");
        sb.append("<polyline fill=\"none\" stroke=\"#1971c2\" stroke-width=\"2\" points=\"").append(regional).append("\"/>");
        sb.append("<polyline fill=\"none\" stroke=\"#e03131\" stroke-width=\"2\" points=\"").append(rate).append("\"/>");
        for (Sweep.Point p : sweep) {
            double x = left + (tMax == tMin ? 0 : (p.threshold().doubleValue() - tMin) / (tMax - tMin) * w);
            sb.append(String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s %%</text>", x, top + h + 15,
                    p.threshold().toPlainString()));
        }
        for (int pct = 0; pct <= 100; pct += 25) {
            double y = top + h - pct / 100.0 * h;
            sb.append(String.format(java.util.Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d %%</text>", left, left + w, y, y, left - 4, y + 4, pct));
        }
        sb.append("<text x=\"").append(left + w + 10).append("\" y=\"").append(top + 20).append("\" fill=\"#1971c2\">N. American parts share</text>");
        sb.append("<text x=\"").append(left + w + 10).append("\" y=\"").append(top + 40).append("\" fill=\"#e03131\">compliance rate</text>");
        return sb.append("</svg><p>Regional value content threshold (x) against the North American share of parts purchases and the "
                + "share of exposed volume that is originating (y, 0-100 %).</p>").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
