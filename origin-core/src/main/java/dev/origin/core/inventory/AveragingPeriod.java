package dev.origin.core.inventory;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Consecutive averaging periods of {@code months} months, the first starting on {@code firstStart}.
 * The average method over a preceding period takes one- or three-month periods (SOR/94-14 Sch. X s.6 and 14;
 * SOR/2020-155 Sch. 8 s.6 and 14); the average method over a period takes the period chosen for net cost
 * averaging (SOR/94-14 Sch. X s.7 with s.6(15); SOR/2020-155 Sch. 8 s.7 with s.7(15)), e.g. a month, quarter,
 * half-year or fiscal year.
 */
public record AveragingPeriod(LocalDate firstStart, int months) {

    public AveragingPeriod {
        Objects.requireNonNull(firstStart, "firstStart");
        if (months <= 0) {
            throw new InventoryException(InventoryException.Code.INVENTORY_INVALID_PERIOD,
                    "Averaging period length `" + months + "` months must be at least one month.");
        }
    }

    /** One-month periods starting with {@code first}. */
    public static AveragingPeriod monthly(YearMonth first) { return new AveragingPeriod(first.atDay(1), 1); }

    /** Three-month periods starting with {@code first}. */
    public static AveragingPeriod threeMonthly(YearMonth first) { return new AveragingPeriod(first.atDay(1), 3); }

    /** Start of period {@code index} (0 = first). */
    public LocalDate start(int index) { return firstStart.plusMonths((long) index * months); }

    /** Last day of period {@code index}. */
    public LocalDate end(int index) { return start(index + 1).minusDays(1); }

    /** Index of the period containing {@code date}, or -1 when the date is before the first period. */
    public int indexOf(LocalDate date) {
        if (date.isBefore(firstStart)) return -1;
        int k = (int) (ChronoUnit.MONTHS.between(firstStart, date) / months);
        while (date.isBefore(start(k))) k--;
        while (!date.isBefore(start(k + 1))) k++;
        return k;
    }
}
