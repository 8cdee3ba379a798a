package dev.origin.core.engine;

import dev.origin.core.model.LabourMethod;
import dev.origin.core.model.Material;
import dev.origin.core.model.VehicleKind;
import dev.origin.core.model.VehicleData;
import dev.origin.core.regime.Regime;
import dev.origin.core.rules.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Labour value content (SOR/2020-155 s.18): high-wage material and manufacturing expenditures (net cost
 * or annual purchase method), the technology credit (capped) and the assembly credit.
 */
final class LvcCheck {
    private LvcCheck() {}

    static Outcome check(Ctx ctx, Rule.Lvc rule, BomAnalysis a) {
        BigDecimal min = ctx.threshold(rule.min(), rule.id());
        BigDecimal hwMin = ctx.threshold(rule.hwmmeMin(), rule.id());
        if (min == null || hwMin == null) return Checks.notInForce(ctx, rule);
        var l = ctx.good().vehicleData().labour();
        if (l == null) return Checks.notEvaluable(ctx, rule, min, "labour");
        Regime.Automotive auto = ctx.auto();
        Map<String, BigDecimal> floors = floors(ctx);
        if (l.method() == LabourMethod.ANNUAL_PURCHASE) {
            if (l.totalAnnualPurchaseValue() == null) return Checks.notEvaluable(ctx, rule, min, "labour.totalAnnualPurchaseValue");
        } else if (a.netCost() == null || a.netCost().signum() <= 0) {
            return Checks.notEvaluable(ctx, rule, min, "costs");
        }
        Ratio hwmme = hwmme(ctx, a);
        if (hwmme == null) return Checks.notEvaluable(ctx, rule, min, "labour.totalAnnualPurchaseValue");
        List<Step> kids = new ArrayList<>();
        if (ctx.detail()) {
            boolean plantOk = l.vehiclePlantWage() == null || qualifies(l.vehiclePlantWage(), floors);
            BigDecimal labour = l.highWageLabour() == null || !plantOk ? BigDecimal.ZERO : l.highWageLabour();
            kids.add(l.vehiclePlantWage() == null ? Step.leaf(StepKind.LVC_LABOUR_CERTIFIED, rule.citation(), labour)
                    : Step.leaf(plantOk ? StepKind.LVC_LABOUR_ABOVE_FLOOR : StepKind.LVC_LABOUR_BELOW_FLOOR, rule.citation(), labour,
                    wage(l.vehiclePlantWage())));
            if (l.highWageMaterials() == null) {
                for (Material m : ctx.good().materials()) {
                    var w = m.part() == null ? null : m.part().plantWage();
                    if (w != null && qualifies(w, floors)) {
                        kids.add(Step.leaf(StepKind.LVC_HIGH_WAGE_MATERIAL, rule.citation(), m.value() != null ? m.value() : BigDecimal.ZERO,
                                m.id(), wage(w)));
                    }
                }
            }
        }
        Ratio cap = Ratio.of(auto == null || auto.technologyCreditCap() == null ? BigDecimal.TEN : auto.technologyCreditCap());
        Ratio tech = Ratio.ZERO;
        if (l.technologyWages() != null && l.productionWages() != null && l.productionWages().signum() > 0) {
            tech = Ratio.percent(l.technologyWages(), l.productionWages()).min(cap);
        }
        Ratio assembly = Ratio.ZERO;
        if (l.assemblyPlant() != null && auto != null && auto.assemblyCredit() != null) {
            var ac = auto.assemblyCredit();
            var p = l.assemblyPlant();
            boolean capacity = ctx.vehicleKind() == VehicleKind.HEAVY_TRUCK
                    ? Math.max(p.engines(), Math.max(p.transmissions(), p.batteries())) >= ac.heavyTruck()
                    : p.engines() >= ac.engines() || p.transmissions() >= ac.transmissions() || p.batteries() >= ac.batteries();
            if (capacity && (p.wage() == null || qualifies(p.wage(), floors))) assembly = Ratio.of(ac.points());
        }
        Ratio total = hwmme.plus(tech).plus(assembly);
        boolean met = hwmme.atLeast(hwMin) && total.atLeast(min);
        if (ctx.detail()) {
            kids.add(Step.of(StepKind.LVC_HWMME, null, rule.citation(), hwmme.value(), hwMin, FindingStatus.of(hwmme.atLeast(hwMin)), List.of(),
                    Checks.display(hwmme.value()), hwMin));
            kids.add(Step.leaf(StepKind.LVC_TECHNOLOGY_CREDIT, rule.citation(), tech.value(), Checks.display(tech.value()),
                    cap.value().stripTrailingZeros()));
            kids.add(Step.leaf(StepKind.LVC_ASSEMBLY_CREDIT, rule.citation(), assembly.value(), Checks.display(assembly.value())));
        }
        return Checks.simple(ctx, rule, total, min, met, StepKind.LVC, kids,
                "HWMME " + Checks.display(hwmme.value()) + " + technology " + Checks.display(tech.value()) + " + assembly "
                        + Checks.display(assembly.value()), Checks.display(total.value()), min, hwMin);
    }

    /** High-wage material and manufacturing points (the LVC without credits), or null without labour data. */
    static Ratio hwmme(Ctx ctx, BomAnalysis a) {
        var l = ctx.good().vehicleData().labour();
        if (l == null) return null;
        Map<String, BigDecimal> floors = floors(ctx);
        boolean plantOk = l.vehiclePlantWage() == null || qualifies(l.vehiclePlantWage(), floors);
        BigDecimal hwlc = l.highWageLabour() == null || !plantOk ? BigDecimal.ZERO : l.highWageLabour();
        BigDecimal hwm = l.highWageMaterials();
        if (hwm == null) {
            hwm = BigDecimal.ZERO;
            for (Material m : ctx.good().materials()) {
                var w = m.part() == null ? null : m.part().plantWage();
                if (w != null && qualifies(w, floors)) hwm = hwm.add(m.value() != null ? m.value() : BigDecimal.ZERO);
            }
        }
        if (l.method() == LabourMethod.ANNUAL_PURCHASE) {
            BigDecimal apv = l.annualPurchaseValue() != null ? l.annualPurchaseValue() : hwm;
            if (l.totalAnnualPurchaseValue() == null || l.totalAnnualPurchaseValue().add(hwlc).signum() <= 0) return null;
            return Ratio.percent(apv.add(hwlc), l.totalAnnualPurchaseValue().add(hwlc));
        }
        if (a.netCost() == null || a.netCost().signum() <= 0) return null;
        return Ratio.percent(hwlc.add(hwm), a.netCost());
    }

    /**
     * The labour figures must fit the costs they are part of, whatever the regime (SOR/2020-155 s.18(6)): high-wage
     * labour and high-wage materials are elements of the vehicle's net cost, and the annual purchase value of
     * high-wage materials is part of the total annual purchase value; figures beyond them would give an LVC of
     * more than 100 points from the material and labour term alone. Reported as an error at the labour figure.
     * Wage floors play no part: a figure does not become consistent because it would not be counted.
     */
    static void checkFigures(Ctx ctx, BomAnalysis a) {
        var l = ctx.good().vehicleData().labour();
        if (l == null) return;
        if (l.method() == LabourMethod.ANNUAL_PURCHASE) {
            BigDecimal apv = l.annualPurchaseValue(), tapv = l.totalAnnualPurchaseValue();
            if (apv != null && tapv != null && apv.compareTo(tapv) > 0) {
                ctx.report(ErrorCode.Variant.PURCHASES_EXCEED_TOTAL, "labour.annualPurchaseValue", apv, tapv);
            }
            return;
        }
        if (a.netCost() == null || a.netCost().signum() <= 0) return;
        BigDecimal hwlc = l.highWageLabour() == null ? BigDecimal.ZERO : l.highWageLabour();
        BigDecimal hwm = l.highWageMaterials();
        if (hwm == null) {
            hwm = BigDecimal.ZERO;
            Map<String, BigDecimal> floors = floors(ctx);
            for (Material m : ctx.good().materials()) {
                var w = m.part() == null ? null : m.part().plantWage();
                if (w != null && qualifies(w, floors) && m.value() != null) hwm = hwm.add(m.value());
            }
        }
        BigDecimal sum = hwlc.add(hwm);
        if (sum.compareTo(a.netCost()) > 0) {
            String at = l.highWageLabour() != null ? "labour.highWageLabour" : l.highWageMaterials() != null ? "labour.highWageMaterials" : "labour";
            ctx.report(ErrorCode.LVC_EXCEEDS_COST, at, hwlc, hwm, sum, a.netCost(), Checks.display(Ratio.percent(sum, a.netCost()).value()));
        }
    }

    private static Map<String, BigDecimal> floors(Ctx ctx) {
        return ctx.auto() == null ? Map.of() : ctx.auto().wageFloors();
    }

    private static boolean qualifies(VehicleData.Wage w, Map<String, BigDecimal> floors) {
        BigDecimal floor = floors.get(w.currency());
        return floor != null && w.rate().compareTo(floor) >= 0;
    }

    private static String wage(VehicleData.Wage w) {
        return w.currency() + " " + w.rate().toPlainString() + "/h";
    }
}
