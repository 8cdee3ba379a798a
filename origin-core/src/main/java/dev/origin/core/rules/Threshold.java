package dev.origin.core.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A percentage threshold that may step up on given dates (e.g. USMCA 66/69/72/75 % from each
 * 1 July 2020-2023). The first step may have no date (applies from the beginning of time).
 */
public record Threshold(List<Step> steps) {

    /**
     * One step: {@code percent} applies from {@code from} (inclusive; null = always). With
     * {@code fiscalYear}, the step applies from the start of the producer's fiscal year "beginning on
     * the day closest to" {@code from} (SOR/94-14 s.13: 1 January 1998 and 2002).
     */
    public record Step(LocalDate from, BigDecimal percent, boolean fiscalYear) {
        public Step(LocalDate from, BigDecimal percent) {
            this(from, percent, false);
        }
    }

    public Threshold {
        if (steps.isEmpty()) throw new IllegalArgumentException("a threshold needs at least one step");
        List<Step> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparing(Step::from, Comparator.nullsFirst(Comparator.naturalOrder())));
        steps = List.copyOf(sorted);
    }

    public static Threshold of(BigDecimal percent) {
        return new Threshold(List.of(new Step(null, percent)));
    }

    public static Threshold of(String percent) {
        return of(new BigDecimal(percent));
    }

    /** True when the threshold does not change with the date. */
    public boolean isFixed() { return steps.size() == 1 && steps.get(0).from() == null; }

    /** The percentage in force on {@code date}; null when the date precedes the first step. */
    public BigDecimal at(LocalDate date) {
        return at(date, null);
    }

    /**
     * The percentage in force on {@code date} for a producer whose fiscal year starts on
     * {@code fiscalYearStart} (month and day; null = 1 January); null before the first step.
     */
    public BigDecimal at(LocalDate date, java.time.MonthDay fiscalYearStart) {
        BigDecimal result = null;
        for (Step s : steps) {
            LocalDate from = s.from() == null ? null : s.fiscalYear() ? fiscalYearClosestTo(s.from(), fiscalYearStart) : s.from();
            if (from == null || !date.isBefore(from)) result = s.percent();
        }
        return result;
    }

    /** True when some step depends on the producer's fiscal year. */
    public boolean dependsOnFiscalYear() {
        return steps.stream().anyMatch(Step::fiscalYear);
    }

    /**
     * The first day of the fiscal year "beginning on the day closest to" {@code anchor}, for fiscal years
     * starting on {@code start} (null = 1 January). On a tie the earlier start is taken.
     */
    public static LocalDate fiscalYearClosestTo(LocalDate anchor, java.time.MonthDay start) {
        if (start == null) return anchor;
        LocalDate before = start.atYear(anchor.getYear());
        if (before.isAfter(anchor)) before = start.atYear(anchor.getYear() - 1);
        LocalDate after = start.atYear(before.getYear() + 1);
        long db = java.time.temporal.ChronoUnit.DAYS.between(before, anchor);
        long da = java.time.temporal.ChronoUnit.DAYS.between(anchor, after);
        return db <= da ? before : after;
    }

    @Override public String toString() {
        if (isFixed()) return steps.get(0).percent().toPlainString();
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) sb.append(", ");
            Step s = steps.get(i);
            sb.append(s.percent().toPlainString());
            if (s.from() != null) sb.append(" @").append(s.fiscalYear() ? "FY" : "").append(s.from());
        }
        return sb.append(']').toString();
    }
}
