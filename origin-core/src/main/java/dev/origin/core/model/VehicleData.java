package dev.origin.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * Vehicle-level data for the automotive provisions; every part is optional (null when not given).
 *
 * @param fiscalYearStart    first day of the producer's fiscal year (NAFTA thresholds step by the fiscal
 *                           year "beginning on the day closest to" 1 January 1998 / 2002)
 * @param alternativeStaging the producer is approved under the USMCA alternative staging regime (s.19)
 * @param newPlant           NAFTA s.13(2)-(3) / USMCA s.20(8) relief for a new plant or a refit
 */
public record VehicleData(MonthDay fiscalYearStart, boolean alternativeStaging, Labour labour, Purchases steel,
                          Purchases aluminum, Intangibles intangibles, Averaging averaging, NewPlant newPlant) {

    public static final VehicleData NONE = new VehicleData(null, false, null, null, null, null, null, null);

    /**
     * Labour value content data (SOR/2020-155 s.18). Either {@code highWageMaterials} is given, or it is
     * the sum of the material lines made in plants paying at least the wage floor.
     *
     * @param method net cost (default, when null) or annual purchase value
     */
    public record Labour(LabourMethod method, BigDecimal highWageMaterials, BigDecimal highWageLabour,
                         BigDecimal annualPurchaseValue, BigDecimal totalAnnualPurchaseValue,
                         BigDecimal technologyWages, BigDecimal productionWages, Wage vehiclePlantWage,
                         AssemblyPlant assemblyPlant) {}

    /** An average base hourly wage of a plant, in its currency (USD, CAD or MXN). */
    public record Wage(BigDecimal rate, String currency) {}

    /** A high-wage assembly plant the producer operates or contracts with (s.18(12)-(14)): capacities and wage. */
    public record AssemblyPlant(long engines, long transmissions, long batteries, Wage wage) {}

    /**
     * Corporate-level purchases of Table S steel or aluminum: originating value and total value, or the
     * purchases themselves ({@code items}), of which only those of Table S count (SOR/2020-155 s.17).
     */
    public record Purchases(BigDecimal originating, BigDecimal total, java.util.List<Purchase> items) {
        public Purchases {
            items = items == null ? java.util.List.of() : java.util.List.copyOf(items);
        }

        public Purchases(BigDecimal originating, BigDecimal total) {
            this(originating, total, null);
        }
    }

    /** One purchase of steel or aluminum: HS code, value, originating or not. */
    public record Purchase(dev.origin.core.hs.HsCode hs, BigDecimal value, boolean originating) {}

    /** R&amp;D, engineering, software and IP embodied in the vehicle, not already in its net cost. */
    public record Intangibles(BigDecimal northAmerican, BigDecimal total) {}

    /** Averaging election: category and period (SOR/2020-155 s.16; SOR/94-14 s.11). */
    public record Averaging(String category, LocalDate from, LocalDate to) {}

    /** New-plant or refit relief: {@code kind} a new plant or a refit; {@code from} the first prototype / end of refit. */
    public record NewPlant(NewPlantKind kind, LocalDate from) {}
}
