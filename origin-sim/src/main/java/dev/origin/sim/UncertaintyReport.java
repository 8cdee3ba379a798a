package dev.origin.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.origin.sim.MonteCarlo.Bar;
import dev.origin.sim.MonteCarlo.Interval;
import dev.origin.sim.MonteCarlo.Metric;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Monte Carlo's intervals, tornado and the Montreal claim's robustness as text, JSON and HTML (used by {@link Report}). */
public final class UncertaintyReport {
    private UncertaintyReport() {}

    static String num(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.1f", v);
    }

    /** The claim as a sentence. */
    public static String claim(MonteCarlo.Result r) {
        if (r.claim() == null) return "The Montreal claim needs the regimes nafta and canada-proposal-2018.";
        MonteCarlo.Claim c = r.claim();
        return String.format(Locale.ROOT, "Canada's proposal, against NAFTA in the same draw, lowers Canadian parts purchases in %.0f %% of %d draws "
                + "and lowers jobs in all three countries (the US side's claim in Montreal) in %.0f %% of draws.",
                c.lowersCanadianPurchases(), r.draws(), c.lowersJobsEverywhere());
    }

    /** Intervals per regime and metric, the tornado's two largest bars per headline outcome, and the claim. */
    public static String text(MonteCarlo.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Uncertainty: ").append(r.draws()).append(" draws, seed ").append(r.seed())
                .append("; point estimate at the defaults [5th - 95th percentile of the draws]\n");
        int w = 26;
        sb.append(String.format(Locale.ROOT, "%-36s", ""));
        for (String regime : r.intervals().keySet()) sb.append(String.format(Locale.ROOT, "%-" + w + "s", regime));
        sb.append('\n');
        for (Metric m : Metric.values()) {
            sb.append(String.format(Locale.ROOT, "%-36s", m.label));
            for (Map<Metric, Interval> byMetric : r.intervals().values()) {
                Interval i = byMetric.get(m);
                sb.append(String.format(Locale.ROOT, "%-" + w + "s", num(i.point()) + " [" + num(i.low()) + ", " + num(i.high()) + "]"));
            }
            sb.append('\n');
        }
        sb.append("Tornado (outcome at the assumption's low / high end, others at their defaults; largest swing first):\n");
        r.tornado().forEach((regime, byMetric) -> {
            for (Metric m : MonteCarlo.HEADLINE) {
                List<Bar> bars = byMetric.get(m);
                sb.append("  ").append(regime).append(", ").append(m.label).append(": ");
                for (int k = 0; k < Math.min(2, bars.size()); k++) {
                    Bar b = bars.get(k);
                    if (k > 0) sb.append("; ");
                    sb.append(b.assumption().label).append(' ').append(num(b.atLow())).append(" / ").append(num(b.atHigh()));
                }
                sb.append('\n');
            }
        });
        sb.append(claim(r)).append('\n');
        return sb.toString();
    }

    static void json(JsonGenerator g, MonteCarlo.Result r) throws IOException {
        g.writeObjectFieldStart("uncertainty");
        g.writeNumberField("draws", r.draws());
        g.writeNumberField("seed", r.seed());
        g.writeObjectFieldStart("assumptions");
        for (Assumption a : Assumption.values()) {
            g.writeObjectFieldStart(a.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            g.writeStringField("label", a.label);
            g.writeNumberField("low", a.low);
            g.writeNumberField("high", a.high);
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("regimes");
        for (var e : r.intervals().entrySet()) {
            g.writeStartObject();
            g.writeStringField("regime", e.getKey());
            g.writeObjectFieldStart("intervals");
            for (var i : e.getValue().entrySet()) {
                g.writeObjectFieldStart(key(i.getKey()));
                g.writeNumberField("point", i.getValue().point());
                g.writeNumberField("low", i.getValue().low());
                g.writeNumberField("high", i.getValue().high());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("tornado");
            for (Metric m : MonteCarlo.HEADLINE) {
                g.writeArrayFieldStart(key(m));
                for (Bar b : r.tornado().get(e.getKey()).get(m)) {
                    g.writeStartObject();
                    g.writeStringField("assumption", b.assumption().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                    g.writeNumberField("atLow", b.atLow());
                    g.writeNumberField("atHigh", b.atHigh());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        if (r.claim() != null) {
            g.writeObjectFieldStart("montrealClaim");
            g.writeStringField("proposal", r.claim().proposal());
            g.writeStringField("baseline", r.claim().baseline());
            g.writeNumberField("lowersCanadianPurchasesPercentOfDraws", r.claim().lowersCanadianPurchases());
            g.writeNumberField("lowersJobsInAllThreePercentOfDraws", r.claim().lowersJobsEverywhere());
            g.writeStringField("statement", claim(r));
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    static String key(Metric m) {
        StringBuilder sb = new StringBuilder();
        for (String part : m.name().toLowerCase(Locale.ROOT).split("_")) {
            sb.append(sb.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return sb.toString();
    }

    /** The intervals table, one tornado chart per regime and headline outcome (inline SVG), and the claim. */
    static String html(MonteCarlo.Result r) {
        StringBuilder sb = new StringBuilder("<h2>Uncertainty (").append(r.draws()).append(" draws, seed ").append(r.seed()).append(")</h2>");
        sb.append("<p>").append(Report.esc(claim(r))).append("</p>");
        sb.append("<table><tr><th>outcome</th>");
        for (String regime : r.intervals().keySet()) sb.append("<th>").append(Report.esc(regime)).append("</th>");
        sb.append("</tr>");
        for (Metric m : Metric.values()) {
            sb.append("<tr><td>").append(Report.esc(m.label)).append("</td>");
            for (Map<Metric, Interval> byMetric : r.intervals().values()) {
                Interval i = byMetric.get(m);
                sb.append("<td>").append(num(i.point())).append(" [").append(num(i.low())).append(", ").append(num(i.high())).append("]</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</table><p>Point estimate at the defaults, and the 5th to 95th percentile of the draws.</p>");
        sb.append("<h3>Tornado: which assumption moves each headline outcome most</h3>");
        r.tornado().forEach((regime, byMetric) -> {
            sb.append("<h4>").append(Report.esc(regime)).append("</h4><div>");
            for (Metric m : MonteCarlo.HEADLINE) sb.append(tornadoChart(m, byMetric.get(m), r.intervals().get(regime).get(m).point()));
            sb.append("</div>");
        });
        return sb.toString();
    }

    private static String tornadoChart(Metric m, List<Bar> bars, double point) {
        int w = 260, left = 190, row = 18, top = 22;
        double lo = point, hi = point;
        for (Bar b : bars) {
            lo = Math.min(lo, Math.min(b.atLow(), b.atHigh()));
            hi = Math.max(hi, Math.max(b.atLow(), b.atHigh()));
        }
        double span = hi == lo ? 1 : hi - lo;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "<svg role=\"img\" aria-label=\"tornado %s\" width=\"%d\" height=\"%d\" style=\"margin-right:1em\">", Report.esc(m.label),
                left + w + 20, top + bars.size() * row + 20));
        sb.append("<text x=\"0\" y=\"14\" font-weight=\"bold\">").append(Report.esc(m.label)).append("</text>");
        for (int k = 0; k < bars.size(); k++) {
            Bar b = bars.get(k);
            double x1 = left + (Math.min(b.atLow(), b.atHigh()) - lo) / span * w;
            double x2 = left + (Math.max(b.atLow(), b.atHigh()) - lo) / span * w;
            int y = top + k * row;
            sb.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 12, Report.esc(b.assumption().label)));
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %s at low, %s at high</title></rect>",
                    x1, y + 2, Math.max(1, x2 - x1), row - 4, b.atHigh() >= b.atLow() ? "#1971c2" : "#e03131", Report.esc(b.assumption().label),
                    num(b.atLow()), num(b.atHigh())));
        }
        double px = left + (point - lo) / span * w;
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#333\"/>", px, px, top, top + bars.size() * row));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                left, top + bars.size() * row + 14, num(lo), left + w, top + bars.size() * row + 14, num(hi)));
        return sb.append("</svg>").toString();
    }

    /** The backtest as an HTML table: observed against predicted. */
    public static String backtestHtml(List<Backtest.Row> rows) {
        StringBuilder sb = new StringBuilder("<h2>Backtest: observed against predicted</h2><table><tr><th>target</th><th>year</th>"
                + "<th>observed</th><th>predicted</th><th>tolerance</th><th>within</th><th>use</th></tr>");
        for (Backtest.Row r : rows) {
            var t = r.target();
            sb.append("<tr><td>").append(Report.esc(t.name())).append("</td><td>").append(t.year()).append("</td><td>").append(Report.esc(t.observed()))
                    .append("</td><td>").append(r.predicted() == null ? "not modelled" : Report.esc(r.predicted())).append("</td><td>")
                    .append(t.tolerance() == null ? "sign" : t.tolerance().toPlainString()).append("</td><td>")
                    .append(r.predicted() == null ? "–" : r.within() ? "yes" : "no").append("</td><td>").append(t.heldOut() ? "held out" : "calibration")
                    .append("</td></tr>");
        }
        return sb.append("</table>").toString();
    }
}
