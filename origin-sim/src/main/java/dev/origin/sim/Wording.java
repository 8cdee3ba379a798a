package dev.origin.sim;

import dev.origin.core.engine.Status;
import dev.origin.sim.Simulator.Choice;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How figures and choices are written for a reader (text tables, the HTML report and, later, the web UI): money
 * grouped and rounded as people write it (US$640, US$12,500, US$5.7 M, US$1.96 B), jobs to the precision the model
 * supports, percentages with their sign, choices and verdicts in words. One place, so every view says the same.
 * Machine outputs (CSV, JSON) keep the exact figures.
 */
public final class Wording {
    private Wording() {}

    /** The minus sign of signed figures (U+2212, as the docs write it). */
    public static final String MINUS = "\u2212";

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);

    /**
     * US dollars as people write them: below a million, whole dollars grouped by thousands and rounded to three
     * significant figures from US$10,000 (US$640, US$12,500; cents only below US$100 when there are any);
     * from a million, millions with one decimal below 100 M (US$5.7 M, US$772 M); from a billion, billions with
     * two decimals below 10 B, one below 100 B (US$1.96 B, US$14.9 B). Rounding is half up on the magnitude.
     */
    public static String money(BigDecimal usd) {
        return (usd.signum() < 0 ? MINUS : "") + "US$" + magnitude(usd.abs());
    }

    /** The same with a sign (+US$1.03 B, −US$11.1 M); zero is US$0. */
    public static String signedMoney(BigDecimal usd) {
        String m = money(usd);
        return usd.signum() > 0 && !m.equals("US$0") ? "+" + m : m;
    }

    private static String magnitude(BigDecimal v) {
        if (v.compareTo(BILLION) >= 0) {
            BigDecimal b = v.divide(BILLION, MathContext.DECIMAL64);
            return scaled(b, b.compareTo(BigDecimal.TEN) < 0 ? 2 : b.compareTo(BigDecimal.valueOf(100)) < 0 ? 1 : 0) + " B";
        }
        if (v.compareTo(MILLION) >= 0) {
            BigDecimal m = v.divide(MILLION, MathContext.DECIMAL64);
            String s = scaled(m, m.compareTo(BigDecimal.valueOf(100)) < 0 ? 1 : 0);
            return s.equals("1000") ? "1.00 B" : s + " M";
        }
        if (v.compareTo(BigDecimal.valueOf(100)) < 0 && v.stripTrailingZeros().scale() > 0) {
            return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        BigDecimal whole = v.compareTo(BigDecimal.valueOf(10_000)) >= 0 ? v.round(new MathContext(3, RoundingMode.HALF_UP)) : v;
        whole = whole.setScale(0, RoundingMode.HALF_UP);
        if (whole.compareTo(MILLION) >= 0) return "1.0 M";
        return grouped(whole);
    }

    private static String scaled(BigDecimal v, int decimals) {
        return v.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** A whole number grouped by thousands with commas (1,303). */
    public static String grouped(BigDecimal whole) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(whole.setScale(0, RoundingMode.HALF_UP));
    }

    /** A count grouped by thousands (48, 1,303). */
    public static String count(long n) {
        return grouped(BigDecimal.valueOf(n));
    }

    /**
     * A change of jobs to the precision the model supports: two significant figures (the jobs per US$1 million of
     * purchases are orders of magnitude), in thousands (k) from 1,000: +35 k, −1.6 k, +45, −3, 0.
     */
    public static String jobs(BigDecimal change) {
        BigDecimal r = change.round(new MathContext(2, RoundingMode.HALF_UP));
        if (r.signum() == 0 || r.abs().compareTo(BigDecimal.valueOf(0.5)) < 0) return "0";
        String sign = r.signum() > 0 ? "+" : MINUS;
        BigDecimal a = r.abs();
        if (a.compareTo(THOUSAND) >= 0) return sign + a.divide(THOUSAND).stripTrailingZeros().toPlainString() + " k";
        return sign + a.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    /** A percentage with {@code decimals} decimals: 82.1 %. */
    public static String percent(BigDecimal pct, int decimals) {
        String s = pct.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        return (s.startsWith("-") ? MINUS + s.substring(1) : s) + " %";
    }

    /** The same with a sign: +0.16 %, −0.40 %. */
    public static String signedPercent(BigDecimal pct, int decimals) {
        String s = percent(pct, decimals);
        return pct.setScale(decimals, RoundingMode.HALF_UP).signum() > 0 ? "+" + s : s;
    }

    /** A number as a reader sees it: grouped, with at most {@code decimals} decimals (20,994,211.7). */
    public static String number(double v, int decimals) {
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals), DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        String s = f.format(v);
        if (s.equals("-0")) s = "0";
        return s.startsWith("-") ? MINUS + s.substring(1) : s;
    }

    /** A maker's choice in words, as a cell: "qualifies as is", "not eligible (built outside North America)". */
    public static String choice(Choice c) {
        return switch (c) {
            case QUALIFIES -> "qualifies as is";
            case RESOURCES -> "re-sources to qualify";
            case PAYS -> "pays the MFN tariff";
            case NOT_EXPOSED -> "not exposed (no sales to another party)";
            case NOT_ELIGIBLE -> "not eligible (built outside North America)";
        };
    }

    /** The models making a choice, as a row label: "models that qualify as is". */
    public static String models(Choice c) {
        return switch (c) {
            case QUALIFIES -> "models that qualify as is";
            case RESOURCES -> "models that re-source to qualify";
            case PAYS -> "models that pay the MFN tariff";
            case NOT_EXPOSED -> "models not exposed";
            case NOT_ELIGIBLE -> "models not eligible";
        };
    }

    /** A short name of a choice, for chart legends: "qualify as is", "re-source", "pay tariff". */
    public static String shortChoice(Choice c) {
        return switch (c) {
            case QUALIFIES -> "qualify as is";
            case RESOURCES -> "re-source to qualify";
            case PAYS -> "pay the MFN tariff";
            case NOT_EXPOSED -> "not exposed";
            case NOT_ELIGIBLE -> "not eligible (built outside N. America)";
        };
    }

    /** A verdict in words: "originating", "not originating", "undetermined". */
    public static String status(Status s) {
        return switch (s) {
            case ORIGINATING -> "originating";
            case NON_ORIGINATING -> "not originating";
            default -> s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /** A country bucket after "from" or "in": "the US", "Canada", "the rest of the world". */
    public static String place(String bucket) {
        return switch (bucket) {
            case "US" -> "the US";
            case "ROW" -> "the rest of the world";
            default -> country(bucket);
        };
    }

    /** A country bucket of parts purchases in words. */
    public static String country(String bucket) {
        return switch (bucket) {
            case "US" -> "United States";
            case "CA" -> "Canada";
            case "MX" -> "Mexico";
            case "ROW" -> "rest of world";
            default -> bucket;
        };
    }

    /** The legend under a simulation table: every abbreviation and unit it uses. */
    public static final List<String> SIMULATION_LEGEND = List.of(
            "vol %: the models' share of the fleet's vehicles (units sold per year); the rows of models add up to 100 %.",
            "exposed volume: vehicles shipped to another party (US, Canada, Mexico), where the rule of origin decides the duty; "
                    + "not exposed: a model that ships nothing to another party; not eligible: built outside North America, "
                    + "it cannot qualify under any regime and pays the MFN tariff.",
            "MFN tariff: the most-favoured-nation duty a vehicle pays when it does not qualify for the preference.",
            "US$: US dollars per year; M = million, B = billion. Jobs: k = thousand, rounded to two significant figures "
                    + "(jobs per US$1 million of parts purchases are orders of magnitude).");

    /**
     * A plain-text table: every column as wide as its widest cell (nothing is cut off), two spaces between columns;
     * the first column (labels) and columns of words left-aligned, columns of figures right-aligned.
     */
    public static String table(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int cols = header.size();
        int[] w = new int[cols];
        boolean[] numeric = new boolean[cols];
        for (int i = 1; i < cols; i++) {
            numeric[i] = true;
            for (List<String> r : rows) if (!r.get(i).equals("-") && !isFigure(r.get(i))) numeric[i] = false;
        }
        for (List<String> r : all) for (int i = 0; i < cols; i++) w[i] = Math.max(w[i], r.get(i).length());
        StringBuilder sb = new StringBuilder();
        for (List<String> r : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                String c = r.get(i);
                String fill = " ".repeat(w[i] - c.length());
                if (i > 0) line.append("  ");
                line.append(numeric[i] ? fill + c : c + fill);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** Whether a cell is a figure (a number, a signed number, an amount in US$), to be right-aligned. */
    public static boolean isFigure(String cell) {
        return cell.matches("[+\u2212-]?(US\\$)?[0-9].*");
    }

    /** {@code text} wrapped at {@code width} characters, each line after the first indented by {@code indent}. */
    public static String wrap(String text, int width, String indent) {
        StringBuilder sb = new StringBuilder();
        int col = 0;
        for (String word : text.split(" ")) {
            if (col > 0 && col + 1 + word.length() > width) {
                sb.append('\n').append(indent);
                col = indent.length();
            } else if (col > 0) {
                sb.append(' ');
                col++;
            }
            sb.append(word);
            col += word.length();
        }
        return sb.toString();
    }
}
