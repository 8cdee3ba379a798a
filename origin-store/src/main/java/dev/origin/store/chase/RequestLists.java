package dev.origin.store.chase;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The request lists of "who to chase first": the whole ranking and each supplier's list as CSV, and a letter-style
 * text per supplier asking for the declarations in rank order. Amounts are US$ with two decimals (plain in CSV).
 */
public final class RequestLists {
    /** The CSV header of a request list. */
    public static final List<String> HEADER = List.of("rank", "supplier", "part", "goods_flippable", "goods_decided_alone",
            "value_at_stake", "duty_at_stake", "goods");

    private RequestLists() {}

    /** The requests as CSV (RFC 4180, header first), one row per missing declaration. */
    public static String csv(List<ChaseRanker.Request> requests) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get())) {
            for (ChaseRanker.Request r : requests) {
                p.printRecord(r.rank(), r.key().supplier(), r.key().part(), r.goodsFlippable(), r.goodsDecidedAlone(),
                        plain(r.valueAtStake()), plain(r.dutyAtStake()),
                        String.join(" ", r.impacts().stream().filter(ChaseRanker.Impact::canFlip).map(ChaseRanker.Impact::good).toList()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * A letter to {@code supplier} asking for its declarations in rank order.
     *
     * @param from       who asks (the producer), signed at the end
     * @param agreement  the agreement the declarations are for, e.g. {@code USMCA}
     * @param replyBy    the date a reply is asked for
     */
    public static String letter(String supplier, List<ChaseRanker.Request> requests, String from, String agreement, LocalDate date,
                                LocalDate replyBy) {
        return letter(supplier, requests, from, agreement, date, replyBy, false);
    }

    /**
     * As {@link #letter(String, List, String, String, LocalDate, LocalDate)}; {@code perUnit}: the stakes are per unit of
     * each good (no sales volumes known), not per year.
     */
    public static String letter(String supplier, List<ChaseRanker.Request> requests, String from, String agreement, LocalDate date,
                                LocalDate replyBy, boolean perUnit) {
        String per = perUnit ? " per unit" : " a year";
        StringBuilder b = new StringBuilder();
        b.append(from).append('\n').append(date).append("\n\n");
        b.append("To: ").append(supplier).append("\n\n");
        b.append("Subject: Request for ").append(agreement).append(" supplier declarations of origin (").append(requests.size())
                .append(requests.size() == 1 ? " part" : " parts").append(")\n\n");
        b.append("Dear ").append(supplier).append(",\n\n");
        b.append(wrap("To determine the origin of our goods under the " + agreement + ", we need your declaration of origin for "
                + "the parts below: whether each is originating, with the origin criterion, or, if it is not, its HS "
                + "classification and the value of its non-originating materials, for a blanket period of up to 12 months. "
                + "Until we have it, the goods that use these parts cannot be shown to qualify and are imported at the "
                + "most-favoured-nation rate. The parts are listed by priority: the duty at stake is the duty" + per + " on "
                + "the goods whose origin your answer can decide.")).append("\n\n");
        for (ChaseRanker.Request r : requests) {
            long flip = r.goodsFlippable();
            b.append(String.format(Locale.ROOT, "  %d. Part %s: can decide the origin of %d of our goods%s; duty at stake %s%s, "
                            + "goods' value %s%s.%n", r.rank(), r.key().part(), flip,
                    r.goodsDecidedAlone() > 0 ? " (" + r.goodsDecidedAlone() + " by your answer alone)" : "",
                    money(r.dutyAtStake()), per, money(r.valueAtStake()), per));
        }
        b.append('\n').append(wrap("Please reply by " + replyBy + ". A certification of origin with the data elements of "
                + "USMCA Annex 5-A, or a signed statement with the same facts, is sufficient.")).append("\n\n");
        b.append("Yours sincerely,\n\n").append(from).append('\n');
        return b.toString();
    }

    /** US$ with grouping and two decimals, e.g. {@code US$12,345.60}. */
    static String money(BigDecimal v) {
        return "US$" + String.format(Locale.US, "%,.2f", v == null ? BigDecimal.ZERO : v);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** Text wrapped at 100 characters. */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        int col = 0;
        for (String w : text.split(" ")) {
            if (col > 0 && col + 1 + w.length() > 100) {
                out.append('\n');
                col = 0;
            } else if (col > 0) {
                out.append(' ');
                col++;
            }
            out.append(w);
            col += w.length();
        }
        return out.toString();
    }
}
