package dev.origin.core.engine;

import dev.origin.core.engine.Evaluator.Scenario;
import dev.origin.core.model.Good;
import dev.origin.core.model.Origin;
import dev.origin.core.model.Use;
import dev.origin.core.model.VehicleKind;
import dev.origin.core.regime.Regime;
import dev.origin.core.regime.RollUpPolicy;
import dev.origin.core.rules.Threshold;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * What every checker of one evaluation shares, fixed before it starts: the regime, the good, the date,
 * how unknown origins are taken ({@code scenario}), whether explanation steps are recorded
 * ({@code detail}), the vocabulary read once from the good, and the diagnostics sink.
 */
record Ctx(Regime regime, Good good, LocalDate date, Scenario scenario, boolean detail, VehicleKind vehicleKind, Use use,
           boolean staging, MonthDay fiscalYearStart, LocalDate thresholdDate, RollUpPolicy rollUp, Diagnostics diagnostics) {

    static Ctx of(Regime regime, Good good, LocalDate date, Scenario scenario, boolean detail) {
        var vd = good.vehicleData();
        LocalDate thresholdDate = vd.averaging() != null && vd.averaging().from() != null ? vd.averaging().from() : date;
        return new Ctx(regime, good, date, scenario, detail, regime.vehicleKind(good.hs(), good.vehicle()),
                good.use(), vd.alternativeStaging(), vd.fiscalYearStart(),
                thresholdDate, regime.rollUp(), new Diagnostics(good.id()));
    }

    /** Originating, or unknown in the best case. */
    boolean isOriginating(Origin o) {
        return o == Origin.ORIGINATING || (o == Origin.UNKNOWN && scenario == Scenario.BEST);
    }

    String cite(String provision) { return regime.cite(provision); }

    Regime.Automotive auto() { return regime.automotive(); }

    /** Reports a problem from the error catalogue, at {@code path} in the good, with the template's arguments. */
    void report(ErrorTemplate template, String path, Object... args) { diagnostics.report(template, path, args); }

    /** The threshold in force (at the averaging period's start when averaging), with the producer's fiscal year. */
    BigDecimal threshold(Threshold t, String ruleId) {
        if (t.dependsOnFiscalYear() && fiscalYearStart == null) {
            report(ErrorCode.FISCAL_YEAR_ASSUMED, "fiscalYearStart", ruleId);
        }
        BigDecimal v = t.at(thresholdDate, fiscalYearStart);
        var av = good.vehicleData().averaging();
        if (v != null && av != null && av.to() != null) {
            BigDecimal end = t.at(av.to(), fiscalYearStart);
            if (end != null && end.compareTo(v) != 0) {
                report(ErrorCode.AVERAGING_SPANS_STEP, "averaging", av.from(), av.to(), ruleId, v, end);
            }
        }
        return v;
    }

    /**
     * An averaging period must be a fiscal year of the producer (SOR/2020-155 s.16(1); SOR/94-14 s.11(1))
     * or one of the periods the pack allows (USMCA s.16(4)-(5): the 18-month period at entry into force,
     * the transitional periods aligned with the 1 July steps).
     */
    void checkAveraging() {
        var av = good.vehicleData().averaging();
        if (av == null || av.from() == null || av.to() == null) return;
        MonthDay start = fiscalYearStart == null ? MonthDay.of(1, 1) : fiscalYearStart;
        LocalDate fyStart = start.atYear(av.from().getYear());
        if (fyStart.isAfter(av.from())) fyStart = start.atYear(av.from().getYear() - 1);
        LocalDate fyEnd = fyStart.plusYears(1).minusDays(1);
        if (av.from().equals(fyStart) && av.to().equals(fyEnd)) return;
        if (auto() != null) {
            for (String period : auto().averagingPeriods()) {
                String[] ft = period.split("\\.\\.");
                if (!LocalDate.parse(ft[0]).equals(av.from())) continue;
                LocalDate to = ft[1].equals("FY") ? fyEnd : ft[1].equals("FY+1") ? fyEnd.plusYears(1) : LocalDate.parse(ft[1]);
                if (to.equals(av.to())) return;
            }
        }
        report(ErrorCode.AVERAGING_PERIOD, "averaging", av.from(), av.to(), start, auto() == null || auto().averagingPeriods().isEmpty() ? "" : " (" + String.join(", ", auto().averagingPeriods()) + ")");
    }
}
