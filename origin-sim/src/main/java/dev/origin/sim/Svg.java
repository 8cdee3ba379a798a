package dev.origin.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The parts every chart of the HTML report shares: a canvas that scales to the page width, a value axis with
 * gridlines, tick labels and a title carrying the unit, and a legend. Inline SVG only (the report stays
 * self-contained). Elements carry classes ({@code axis}, {@code grid}, {@code value}, {@code legend}) so tests and
 * styles can find them.
 */
final class Svg {
    private Svg() {}

    /** The canvas width in user units; the SVG is drawn at 100 % of the page width. */
    static final int WIDTH = 1000;

    static String open(String label, int height) {
        return open(label, WIDTH, height);
    }

    /** A canvas {@code width} user units wide (for charts that share a row), drawn at the width of its container. */
    static String open(String label, int width, int height) {
        return String.format(Locale.ROOT, "<svg role=\"img\" aria-label=\"%s\" viewBox=\"0 0 %d %d\" width=\"100%%\" "
                + "preserveAspectRatio=\"xMinYMin meet\" class=\"chart\">", Report.esc(label), width, height);
    }

    static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** About {@code n} round ticks (1, 2 or 5 × 10^k apart) covering [lo, hi] and zero. */
    static List<Double> ticks(double lo, double hi, int n) {
        return ticksWithin(Math.min(lo, 0), Math.max(hi, 0), n);
    }

    /** About {@code n} round ticks covering [lo, hi] (zero included only when inside). */
    static List<Double> ticksWithin(double lo, double hi, int n) {
        if (hi - lo < 1e-12) hi = lo + 1;
        double raw = (hi - lo) / n;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag <= 1 ? mag : raw / mag <= 2 ? 2 * mag : raw / mag <= 5 ? 5 * mag : 10 * mag;
        List<Double> out = new ArrayList<>();
        for (double t = Math.floor(lo / step) * step; t <= hi + step * 1e-9; t += step) out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        if (out.get(out.size() - 1) < hi - step * 1e-9) out.add(out.get(out.size() - 1) + step);
        return out;
    }

    /** A linear scale from [d0, d1] to [r0, r1]. */
    record Scale(double d0, double d1, double r0, double r1) {
        double at(double v) {
            return d1 == d0 ? r0 : r0 + (v - d0) / (d1 - d0) * (r1 - r0);
        }
    }

    /**
     * A horizontal value axis at {@code y} (bottom of the plot) with vertical gridlines from {@code top}, tick labels
     * and a title (with the unit) under it.
     */
    static void xAxis(StringBuilder sb, Scale x, List<Double> ticks, double top, double y, DoubleFunction<String> label, String title) {
        sb.append("<g class=\"axis x-axis\">");
        for (double t : ticks) {
            double px = x.at(t);
            sb.append(f("<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", px, px, top, y, t == 0 ? "#555" : "#e5e5e5"));
            sb.append(f("<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>", px, y + 14, Report.esc(label.apply(t))));
        }
        sb.append(f("<line class=\"axis-line\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>", x.r0(), x.r1(), y, y));
        sb.append(f("<text class=\"axis-title\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>", (x.r0() + x.r1()) / 2, y + 30, Report.esc(title)));
        sb.append("</g>");
    }

    /** A vertical value axis at {@code x} (left of the plot) with horizontal gridlines to {@code right}, tick labels and a title. */
    static void yAxis(StringBuilder sb, Scale y, List<Double> ticks, double x, double right, DoubleFunction<String> label, String title) {
        sb.append("<g class=\"axis y-axis\">");
        for (double t : ticks) {
            double py = y.at(t);
            sb.append(f("<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>", x, right, py, py));
            sb.append(f("<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>", x - 6, py + 4, Report.esc(label.apply(t))));
        }
        sb.append(f("<line class=\"axis-line\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>", x, x, y.r0(), y.r1()));
        double mid = (y.r0() + y.r1()) / 2;
        sb.append(f("<text class=\"axis-title\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 %.1f %.1f)\">%s</text>",
                x - 48, mid, x - 48, mid, Report.esc(title)));
        sb.append("</g>");
    }

    /** A one-line legend of coloured swatches starting at ({@code x}, {@code y}). */
    static void legend(StringBuilder sb, double x, double y, List<String> names, List<String> colours) {
        sb.append("<g class=\"legend\">");
        double at = x;
        for (int i = 0; i < names.size(); i++) {
            sb.append(f("<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>", at, y - 10, colours.get(i)));
            sb.append(f("<text x=\"%.1f\" y=\"%.1f\">%s</text>", at + 16, y, Report.esc(names.get(i))));
            at += 16 + names.get(i).length() * 6.6 + 22;
        }
        sb.append("</g>");
    }

    /** A value label (class {@code value}). */
    static void value(StringBuilder sb, double x, double y, String anchor, String text, String fill) {
        sb.append(f("<text class=\"value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" style=\"fill:%s\">%s</text>", x, y, anchor, fill, Report.esc(text)));
    }
}
