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

    /** One step: {@code percent} applies from {@code from} (inclusive; null = always). */
    public record Step(LocalDate from, BigDecimal percent) {}

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
        BigDecimal result = null;
        for (Step s : steps) {
            if (s.from() == null || !date.isBefore(s.from())) result = s.percent();
        }
        return result;
    }

    @Override public String toString() {
        if (isFixed()) return steps.get(0).percent().toPlainString();
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) sb.append(", ");
            Step s = steps.get(i);
            sb.append(s.percent().toPlainString());
            if (s.from() != null) sb.append(" @").append(s.from());
        }
        return sb.append(']').toString();
    }
}
