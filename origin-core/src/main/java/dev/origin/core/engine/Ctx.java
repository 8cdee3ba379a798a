package dev.origin.core.engine;

import dev.origin.core.engine.Evaluator.Scenario;
import dev.origin.core.model.Good;
import dev.origin.core.model.Origin;
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
record Ctx(Regime regime, Good good, LocalDate date, Scenario scenario, boolean detail, String vehicleKind, String use,
           boolean staging, MonthDay fiscalYearStart, LocalDate thresholdDate, RollUpPolicy rollUp, Diagnostics diagnostics) {

    static Ctx of(Regime regime, Good good, LocalDate date, Scenario scenario, boolean detail) {
        var vd = good.vehicleData();
        LocalDate thresholdDate = vd.averaging() != null && vd.averaging().from() != null ? vd.averaging().from() : date;
        return new Ctx(regime, good, date, scenario, detail, regime.vehicleKind(good.hs(), good.vehicle()),
                good.use() == null ? "original-equipment" : good.use(), vd.alternativeStaging(), vd.fiscalYearStart(),
                thresholdDate, regime.rollUp(), new Diagnostics(good.id()));
    }

    /** Originating, or unknown in the best case. */
    boolean isOriginating(Origin o) {
        return o == Origin.ORIGINATING || (o == Origin.UNKNOWN && scenario == Scenario.BEST);
    }

    String cite(String provision) { return regime.cite(provision); }

    Regime.Automotive auto() { return regime.automotive(); }

    void error(String code, String message, String path) { diagnostics.error(code, message, path); }

    void warn(String code, String message, String path) { diagnostics.warn(code, message, path); }

    /** The threshold in force (at the averaging period's start when averaging), with the producer's fiscal year. */
    BigDecimal threshold(Threshold t, String ruleId) {
        if (t.dependsOnFiscalYear() && fiscalYearStart == null) {
            warn("FISCAL_YEAR_ASSUMED", "Rule `" + ruleId + "` steps by the producer's fiscal year; none is given, so a fiscal year "
                    + "starting on 1 January is assumed (give `fiscalYearStart`).", "fiscalYearStart");
        }
        BigDecimal v = t.at(thresholdDate, fiscalYearStart);
        var av = good.vehicleData().averaging();
        if (v != null && av != null && av.to() != null) {
            BigDecimal end = t.at(av.to(), fiscalYearStart);
            if (end != null && end.compareTo(v) != 0) {
                warn("AVERAGING_SPANS_STEP", "The averaging period " + av.from() + " to " + av.to() + " spans a change of the threshold of rule `"
                        + ruleId + "` (" + v.toPlainString() + " to " + end.toPlainString() + " %); the threshold at the period's start is applied.", "averaging");
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
        warn("AVERAGING_PERIOD", "The averaging period " + av.from() + " to " + av.to() + " is neither a fiscal year of the producer"
                + " (from " + start + ") nor a period the regime allows" + (auto() == null || auto().averagingPeriods().isEmpty()
                ? "" : " (" + String.join(", ", auto().averagingPeriods()) + ")") + ".", "averaging");
    }
}
