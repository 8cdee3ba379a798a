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

    /** A value of a metric as {@link Wording} writes it: money in US$ (the metric is in millions), jobs rounded, percentages. */
    static String num(Metric m, double v) {
        return switch (m) {
            case TARIFFS, RESOURCING_COST -> Wording.money(java.math.BigDecimal.valueOf(v * 1e6));
            case PURCHASES_US, PURCHASES_CA, PURCHASES_MX, PURCHASES_ROW -> Wording.signedMoney(java.math.BigDecimal.valueOf(v * 1e6));
            case JOBS_US, JOBS_CA, JOBS_MX -> Wording.jobs(java.math.BigDecimal.valueOf(v));
            case PRICE_EFFECT -> Wording.signedPercent(java.math.BigDecimal.valueOf(v), 2);
            default -> Wording.percent(java.math.BigDecimal.valueOf(v), 1);
        };
    }

    /** An interval: point [low, high]. */
    static String interval(Metric m, Interval i) {
        return num(m, i.point()) + " [" + num(m, i.low()) + ", " + num(m, i.high()) + "]";
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
        List<String> header = new java.util.ArrayList<>();
        header.add("");
        header.addAll(r.intervals().keySet());
        List<List<String>> rows = new java.util.ArrayList<>();
        for (Metric m : Metric.values()) {
            List<String> row = new java.util.ArrayList<>();
            row.add(label(m));
            for (Map<Metric, Interval> byMetric : r.intervals().values()) row.add(interval(m, byMetric.get(m)));
            rows.add(row);
        }
        sb.append(Wording.table(header, rows));
        sb.append("Tornado (outcome at the assumption's low / high end, others at their defaults; largest swing first):\n");
        r.tornado().forEach((regime, byMetric) -> {
            for (Metric m : MonteCarlo.HEADLINE) {
                List<Bar> bars = byMetric.get(m);
                sb.append("  ").append(regime).append(", ").append(label(m)).append(": ");
                for (int k = 0; k < Math.min(2, bars.size()); k++) {
                    Bar b = bars.get(k);
                    if (k > 0) sb.append("; ");
                    sb.append(b.assumption().label).append(' ').append(num(m, b.atLow())).append(" / ").append(num(m, b.atHigh()));
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
        for (String regime : r.intervals().keySet()) sb.append("<th class=\"num\">").append(Report.esc(regime)).append("</th>");
        sb.append("</tr>");
        for (Metric m : Metric.values()) {
            sb.append("<tr><td>").append(Report.esc(label(m))).append("</td>");
            for (Map<Metric, Interval> byMetric : r.intervals().values()) {
                sb.append("<td class=\"num\">").append(Report.esc(interval(m, byMetric.get(m)))).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</table><p>Point estimate at the defaults, and the 5th to 95th percentile of the draws.</p>");
        sb.append("<h3>Tornado: which assumption moves each headline outcome most</h3>");
        r.tornado().forEach((regime, byMetric) -> {
            sb.append("<h4>").append(Report.esc(regime)).append("</h4><div class=\"grid2\">");
            for (Metric m : MonteCarlo.HEADLINE) sb.append(tornadoChart(m, byMetric.get(m), r.intervals().get(regime).get(m).point()));
            sb.append("</div>");
        });
        return sb.toString();
    }

    /** The label of a metric in the text and HTML views: money in US$ (values are written with their unit). */
    static String label(Metric m) {
        return m.label.replace(" (US$ million)", " (US$)");
    }

    /**
     * One tornado chart: a bar per assumption from the outcome at its low end to the outcome at its high end, a value
     * label at each end, the point estimate as a dark line, an axis with gridlines in the metric's unit, and a legend.
     */
    private static String tornadoChart(Metric m, List<Bar> bars, double point) {
        int width = 560, left = 150, right = width - 60, top = 56, row = 22;
        double lo = point, hi = point;
        for (Bar b : bars) {
            lo = Math.min(lo, Math.min(b.atLow(), b.atHigh()));
            hi = Math.max(hi, Math.max(b.atLow(), b.atHigh()));
        }
        if (hi == lo) hi = lo + 1;
        double pad = (hi - lo) * 0.15;
        List<Double> ticks = Svg.ticksWithin(lo - pad, hi + pad, 6);
        Svg.Scale x = new Svg.Scale(ticks.get(0), ticks.get(ticks.size() - 1), left, right);
        int bottom = top + bars.size() * row;
        StringBuilder sb = new StringBuilder(Svg.open("tornado: " + label(m), width, bottom + 45));
        sb.append(Svg.f("<text x=\"0\" y=\"16\" font-weight=\"bold\">%s</text>", Report.esc(label(m))));
        Svg.legend(sb, 0, 36, List.of("high end raises it", "high end lowers it", "point estimate"), List.of("#1971c2", "#e03131", "#222"));
        Svg.xAxis(sb, x, ticks, top - 4, bottom, t -> axisLabel(m, t), unit(m));
        for (int k = 0; k < bars.size(); k++) {
            Bar b = bars.get(k);
            double x1 = x.at(Math.min(b.atLow(), b.atHigh()));
            double x2 = x.at(Math.max(b.atLow(), b.atHigh()));
            int y = top + k * row;
            sb.append(Svg.f("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", left - 8, y + 15, Report.esc(b.assumption().label)));
            sb.append(Svg.f("<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %s at low, %s at high</title></rect>",
                    x1, y + 3, Math.max(1, x2 - x1), row - 6, b.atHigh() >= b.atLow() ? "#1971c2" : "#e03131", Report.esc(b.assumption().label),
                    num(m, b.atLow()), num(m, b.atHigh())));
            if (x2 - x1 > 1) {
                boolean lowLeft = b.atLow() <= b.atHigh();
                sb.append(Svg.f("<text class=\"value\" x=\"%.1f\" y=\"%d\" text-anchor=\"end\">%s</text>",
                        x1 - 4, y + 15, Report.esc(num(m, lowLeft ? b.atLow() : b.atHigh()))));
                sb.append(Svg.f("<text class=\"value\" x=\"%.1f\" y=\"%d\">%s</text>",
                        x2 + 4, y + 15, Report.esc(num(m, lowLeft ? b.atHigh() : b.atLow()))));
            } else {
                // no swing: one label, the outcome at both ends
                sb.append(Svg.f("<text class=\"value\" x=\"%.1f\" y=\"%d\">%s (no change)</text>", x2 + 4, y + 15, Report.esc(num(m, b.atLow()))));
            }
        }
        double px = x.at(point);
        sb.append(Svg.f("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#222\" stroke-width=\"2\"/>", px, px, top - 4, bottom));
        return sb.append("</svg>").toString();
    }

    /** The unit of a metric's axis. */
    private static String unit(Metric m) {
        return switch (m) {
            case TARIFFS, RESOURCING_COST, PURCHASES_US, PURCHASES_CA, PURCHASES_MX, PURCHASES_ROW -> "US$ million per year";
            case JOBS_US, JOBS_CA, JOBS_MX -> "jobs";
            default -> "percent";
        };
    }

    private static String axisLabel(Metric m, double t) {
        return switch (m) {
            case JOBS_US, JOBS_CA, JOBS_MX -> Wording.number(t, 0);
            case TARIFFS, RESOURCING_COST, PURCHASES_US, PURCHASES_CA, PURCHASES_MX, PURCHASES_ROW -> Wording.number(t, 1);
            default -> Wording.number(t, 1) + " %";
        };
    }

    /** The backtest as an HTML table: observed against predicted. */
    public static String backtestHtml(List<Backtest.Row> rows) {
        StringBuilder sb = new StringBuilder("<h2>Backtest: observed against predicted</h2><table><tr><th>target</th><th class=\"num\">year</th>"
                + "<th>unit</th><th class=\"num\">observed</th><th class=\"num\">predicted</th><th class=\"num\">tolerance (±)</th>"
                + "<th>within</th><th>use</th></tr>");
        for (Backtest.Row r : rows) {
            var t = r.target();
            String unit = switch (t.unit()) {
                case "percent" -> "%";
                case "usd-billion" -> "US$ billion";
                case "direction" -> "direction";
                default -> t.unit();
            };
            sb.append("<tr><td>").append(Report.esc(t.name())).append("</td><td class=\"num\">").append(t.year()).append("</td><td>")
                    .append(Report.esc(unit)).append("</td><td class=\"num\">").append(Report.esc(t.observed()))
                    .append("</td><td class=\"num\">").append(r.predicted() == null ? "not modelled" : Report.esc(r.predicted())).append("</td><td class=\"num\">")
                    .append(t.tolerance() == null ? "sign" : t.tolerance().toPlainString()).append("</td><td>")
                    .append(r.predicted() == null ? "–" : r.within() ? "yes" : "no").append("</td><td>").append(t.heldOut() ? "held out" : "calibration")
                    .append("</td></tr>");
        }
        return sb.append("</table>").toString();
    }
}
