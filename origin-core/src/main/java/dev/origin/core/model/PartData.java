package dev.origin.core.model;

import java.math.BigDecimal;

/**
 * Automotive data of a material line; every part is optional.
 *
 * @param corePart  the Table A.2 category when the line is a core part of the vehicle (engine,
 *                  transmission, body-chassis, axle, suspension, steering, advanced-battery)
 * @param figures   the part's own net cost and VNM (all non-originating materials and only Table A.2
 *                  column-2 components), for the core-parts options of SOR/2020-155 s.14(7)-(11)
 * @param tracing   what is known of traced (listed) materials inside the line (NAFTA s.9; USMCA s.20(4))
 * @param plantWage average base hourly wage of the plant that made it (for high-wage materials, s.18)
 * @param heavyDuty the line's role in a NAFTA heavy-duty good (listed material, component, sub-component,
 *                  component assembly: SOR/94-14 s.10), or null
 */
public record PartData(String corePart, Figures figures, Tracing tracing, VehicleData.Wage plantWage, HeavyDutyRole heavyDuty) {

    /** Automotive data without a heavy-duty role. */
    public PartData(String corePart, Figures figures, Tracing tracing, VehicleData.Wage plantWage) {
        this(corePart, figures, tracing, plantWage, null);
    }

    /** A part's figures as declared by its producer. */
    public record Figures(BigDecimal netCost, BigDecimal vnm, BigDecimal vnmComponents, BigDecimal transactionValue) {}

    /**
     * Traced value of a material line, per the supplier statement available (SOR/94-14 s.9(2)-(7)):
     * {@code value} (the value of traced materials inside, stated); or {@code rvc} (the part is stated
     * originating with this RVC: value × (1 − RVC)); or {@code rvcRequirement} (stated originating, RVC
     * unknown: value × (1 − requirement)); or {@code full} (no statement: the whole value).
     */
    public record Tracing(BigDecimal value, BigDecimal rvc, BigDecimal rvcRequirement, boolean full) {}
}
