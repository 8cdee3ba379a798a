package dev.origin.core.engine;

import dev.origin.core.model.Material;
import dev.origin.core.regime.RollUpPolicy;
import dev.origin.core.rules.RequirementKind;
import dev.origin.core.rules.Rule;
import dev.origin.core.rules.Rules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The core parts of a vehicle evaluated under the four VNM options, and the super-core result
 * (SOR/2020-155 s.14(4)-(11), Table A.2); and the core-parts requirement checked on them.
 */
record CoreParts(Rule.CoreParts rule, BigDecimal ncMin, BigDecimal tvMin, List<Part> parts, Ratio superAll,
                 Ratio superComponents, boolean superMet) {

    /** How a core part qualified: its own RVC counting all non-originating materials, or another option. */
    enum Qualification {
        ALL_MATERIALS("with all non-originating materials counted (s.14(7)(a))"),
        OTHER_OPTION("under the component or super-core options (s.14(7)(b), s.14(10))"),
        NONE("not originating");

        final String label;

        Qualification(String label) { this.label = label; }
    }

    /** One core part: its figures (when given), its RVCs under the options, and how it qualified. */
    record Part(Material material, String path, boolean figures, BigDecimal nc, BigDecimal vnm, BigDecimal vnmComponents,
                BigDecimal tv, Ratio rvcAll, Ratio rvcComponents, Qualification qualification, boolean individually) {
        Part upgraded() {
            return new Part(material, path, figures, nc, vnm, vnmComponents, tv, rvcAll, rvcComponents, Qualification.OTHER_OPTION, false);
        }
    }

    Part part(Material m) {
        for (Part p : parts) if (p.material() == m) return p;
        return null;
    }

    /** The core parts of a node whose rule has a core-parts requirement in force, else null. */
    static CoreParts of(Ctx ctx, Node n) {
        if (n.rule() == null) return null;
        Rule.CoreParts rule = null;
        for (Rule r : Rules.flatten(n.rule())) if (r instanceof Rule.CoreParts c) rule = c;
        if (rule == null) return null;
        BigDecimal ncMin = rule.ncMin().at(ctx.thresholdDate(), ctx.fiscalYearStart());
        BigDecimal tvMin = rule.tvMin() == null ? null : rule.tvMin().at(ctx.thresholdDate(), ctx.fiscalYearStart());
        if (ncMin == null) return null;
        List<Part> parts = new ArrayList<>();
        BigDecimal sumNc = BigDecimal.ZERO, sumVnm = BigDecimal.ZERO, sumComp = BigDecimal.ZERO;
        boolean allFigures = true;
        for (Material m : n.materials()) {
            if (m.corePart() == null) continue;
            var f = m.part().figures();
            String path = n.at(m.id());
            if (f == null || f.netCost() == null || f.vnm() == null || f.netCost().signum() <= 0) {
                allFigures = false;
                Qualification q = !m.isSelfProduced() && ctx.isOriginating(m.origin()) ? Qualification.ALL_MATERIALS : Qualification.NONE;
                parts.add(new Part(m, path, false, null, null, null, null, null, null, q, q != Qualification.NONE));
                continue;
            }
            BigDecimal comp = f.vnmComponents() == null ? f.vnm() : f.vnmComponents();
            Ratio all = Ratio.percent(f.netCost().subtract(f.vnm()), f.netCost());
            Ratio components = Ratio.percent(f.netCost().subtract(comp), f.netCost());
            boolean hasTv = tvMin != null && f.transactionValue() != null && f.transactionValue().signum() > 0;
            boolean tvOk = hasTv && Ratio.percent(f.transactionValue().subtract(f.vnm()), f.transactionValue()).atLeast(tvMin);
            // s.14(13): the TV threshold serves every option where the part's rule has a TV method
            boolean tvComponentsOk = hasTv && Ratio.percent(f.transactionValue().subtract(comp), f.transactionValue()).atLeast(tvMin);
            Qualification q = all.atLeast(ncMin) || tvOk ? Qualification.ALL_MATERIALS
                    : components.atLeast(ncMin) || tvComponentsOk ? Qualification.OTHER_OPTION : Qualification.NONE;
            parts.add(new Part(m, path, true, f.netCost(), f.vnm(), comp, f.transactionValue(), all, components, q, q != Qualification.NONE));
            sumNc = sumNc.add(f.netCost());
            sumVnm = sumVnm.add(f.vnm());
            sumComp = sumComp.add(comp);
        }
        Ratio superAll = null, superComp = null;
        boolean superMet = false;
        if (allFigures && !parts.isEmpty() && sumNc.signum() > 0) {
            superAll = Ratio.percent(sumNc.subtract(sumVnm), sumNc);
            superComp = Ratio.percent(sumNc.subtract(sumComp), sumNc);
            superMet = superAll.atLeast(ncMin) || superComp.atLeast(ncMin);
            if (superMet) {
                // s.14(10)-(11): as one part, every core part in it is originating
                parts = parts.stream().map(p -> p.qualification() == Qualification.NONE ? p.upgraded() : p).toList();
            }
        }
        return new CoreParts(rule, ncMin, tvMin, List.copyOf(parts), superAll, superComp, superMet);
    }

    /**
     * How a core part with figures rolls up into the vehicle's VNM: its full value when it is not originating;
     * nothing when it qualified with all materials counted or under the {@code panel-2023} roll-up; else its own
     * non-originating materials ({@code us-cbp}). The step kind names the case; {@link #rollUp} gives the amount.
     */
    StepKind rollUpStep(Part cp, RollUpPolicy policy) {
        if (cp.qualification() == Qualification.NONE) return StepKind.VNM_CORE_PART_NONE;
        if (cp.qualification() == Qualification.ALL_MATERIALS || policy == RollUpPolicy.PANEL_2023) return StepKind.VNM_CORE_PART_ROLLED_UP;
        return StepKind.VNM_CORE_PART_OWN_MATERIALS;
    }

    /** What a core part with figures adds to the vehicle's VNM, by the case {@link #rollUpStep} names. */
    BigDecimal rollUp(Part cp, RollUpPolicy policy) {
        return switch (rollUpStep(cp, policy)) {
            case VNM_CORE_PART_NONE -> cp.material().value();
            case VNM_CORE_PART_ROLLED_UP -> BigDecimal.ZERO;
            default -> cp.vnm();
        };
    }

    /** SOR/2020-155 s.14(4)-(11): every Table A.2 core part originating, individually or as a super-core part. */
    static Outcome check(Ctx ctx, Rule.CoreParts rule, BomAnalysis a) {
        CoreParts core = a.core();
        BigDecimal min = ctx.threshold(rule.ncMin(), rule.id());
        if (min == null) return Checks.notInForce(ctx, rule);
        if (core == null || core.parts().isEmpty()) return Checks.notEvaluable(ctx, rule, min, "materials[].corePart");
        List<Step> kids = new ArrayList<>();
        boolean allIndividually = true;
        Ratio lowest = null;
        for (Part p : core.parts()) {
            boolean ok = p.qualification() != Qualification.NONE;
            allIndividually &= p.individually();
            if (p.figures()) {
                Ratio best = p.rvcAll().compareTo(p.rvcComponents()) >= 0 ? p.rvcAll() : p.rvcComponents();
                lowest = lowest == null ? best : lowest.min(best);
                if (ctx.detail()) kids.add(Step.of(StepKind.CORE_PART, null, rule.citation(), p.rvcAll().value(), core.ncMin(),
                        FindingStatus.of(ok), List.of(), p.path(), p.material().corePart(), Checks.display(p.rvcAll().value()),
                        Checks.display(p.rvcComponents().value()), p.qualification().label));
            } else if (ctx.detail()) {
                kids.add(Step.of(StepKind.CORE_PART_DECLARED, null, rule.citation(), null, null, FindingStatus.of(ok), List.of(),
                        p.path(), p.material().corePart()));
            }
        }
        if (core.superAll() != null && ctx.detail()) {
            kids.add(Step.of(StepKind.SUPER_CORE, null, rule.citation(), core.superAll().value(), core.ncMin(),
                    FindingStatus.of(core.superMet()), List.of(), Checks.display(core.superAll().value()),
                    Checks.display(core.superComponents().value())));
        }
        boolean met = allIndividually || core.superMet();
        Ratio value = core.superMet() && !allIndividually
                ? core.superComponents().compareTo(core.superAll()) > 0 ? core.superComponents() : core.superAll() : lowest;
        Finding.Basis basis = !met ? null : allIndividually ? Finding.Basis.CORE_PARTS_INDIVIDUALLY : Finding.Basis.CORE_PARTS_SUPER_CORE;
        String note = met ? (allIndividually ? "every core part individually" : "as a super-core part") : "a core part is not originating";
        long originating = core.parts().stream().filter(p -> p.qualification() != Qualification.NONE).count();
        Finding f = Finding.of(rule.id(), RequirementKind.CORE_PARTS, FindingStatus.of(met), value == null ? null : value.value(),
                core.ncMin(), rule.citation(), note).withBasis(basis).withAmounts(java.util.Map.of(
                "partsOriginating", BigDecimal.valueOf(originating), "partsTotal", BigDecimal.valueOf(core.parts().size())));
        return Outcome.of(f, ctx.detail() ? Step.of(core.tvMin() == null ? StepKind.CORE_PARTS : StepKind.CORE_PARTS_WITH_TV, rule.id(),
                rule.citation(), f.value(), core.ncMin(), f.status(), kids, core.ncMin(), core.tvMin(), ctx.rollUp()) : null);
    }
}
