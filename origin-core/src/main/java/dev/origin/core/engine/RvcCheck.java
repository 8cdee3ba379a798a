package dev.origin.core.engine;

import dev.origin.core.model.NewPlantKind;
import dev.origin.core.model.Use;

import dev.origin.core.regime.DeMinimis;
import dev.origin.core.regime.Regime;
import dev.origin.core.rules.RequirementKind;
import dev.origin.core.rules.Rule;
import dev.origin.core.rules.RvcMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Regional value content (SOR/2020-155 s.6-7; SOR/94-14 s.6) by the transaction value and net cost
 * methods, with the automotive thresholds, new-plant relief, the net-cost-only cases, the de minimis
 * exemption (SOR/2020-155 s.5(4); SOR/94-14 s.5(5)) and the heavy-truck LVC credit (SOR/2020-155 s.18(22)).
 */
final class RvcCheck {
    private RvcCheck() {}

    static Outcome check(Ctx ctx, Rule.Rvc rv, BomAnalysis a) {
        Node n = a.node();
        Regime regime = ctx.regime();
        Regime.ThresholdOverride auto = ctx.auto() != null
                ? ctx.auto().thresholdFor(n.hs(), ctx.vehicleKind(), n.top() ? ctx.use() : Use.ORIGINAL_EQUIPMENT) : null;
        BigDecimal min = ctx.threshold(auto != null ? auto.threshold() : rv.min(), rv.id());
        Step relief = null;
        var np = ctx.good().vehicleData().newPlant();
        var npr = ctx.auto() == null ? null : ctx.auto().newPlantRelief();
        if (n.top() && np != null && np.from() != null && npr != null && min != null
                && (npr.vehicles().isEmpty() || (ctx.vehicleKind() != null && npr.vehicles().contains(ctx.vehicleKind())))) {
            boolean refit = np.kind() == NewPlantKind.REFIT;
            LocalDate end = np.from().plusYears(refit ? npr.refitYears() : npr.newPlantYears());
            if (!ctx.thresholdDate().isBefore(np.from()) && ctx.thresholdDate().isBefore(end) && npr.percent().compareTo(min) < 0) {
                min = npr.percent();
                relief = Step.of(refit ? StepKind.RVC_REFIT_RELIEF : StepKind.RVC_NEW_PLANT_RELIEF, null, npr.citation(), null, min, null,
                        List.of(), end.minusDays(1), min);
            }
        }
        if (min == null) return Checks.notInForce(ctx, rv);
        BigDecimal vnm = a.reportedVnm();
        // De minimis exemption: all non-originating materials within the limit (SOR/2020-155 s.5(4); SOR/94-14 s.5(5)).
        DeMinimis dm = regime.deMinimis();
        BigDecimal base = TariffShiftCheck.deMinimisBase(ctx, a);
        BigDecimal pct = dm.percentFor(n.hs());
        Finding exemption = null;
        Step exemptionStep = null;
        String dmId = regime.id() + ".de-minimis-rvc";
        if (base != null && base.signum() > 0 && a.vnm().multiply(Checks.HUNDRED).compareTo(pct.multiply(base)) <= 0) {
            BigDecimal share = Checks.percent(a.vnm(), base);
            exemption = Finding.of(dmId, RequirementKind.DE_MINIMIS, FindingStatus.MET, share, pct, dm.rvcCitation(),
                    "all non-originating materials within de minimis").withAmounts(Map.of("vnm", a.vnm(), "base", base));
            if (ctx.detail()) exemptionStep = Step.of(StepKind.RVC_DE_MINIMIS_ALL, dmId, dm.rvcCitation(), a.vnm(), pct, FindingStatus.MET,
                    List.of(), a.vnm(), Checks.display(share), TariffShiftCheck.baseName(ctx, a), base, pct);
        }
        boolean ncOnly = (regime.netCostRequiredWhenAccumulating() && a.accumulating())
                || (regime.netCostRequiredForIntermediate() && n.intermediate()) || auto != null
                || (ctx.auto() != null && ctx.auto().netCostOnly(n.hs()))
                // a statement of an originating amount serves the net cost method only (SOR/2020-155 s.9(2)(b), (3))
                || a.amountStatement();
        if (ncOnly && rv.method() == RvcMethod.TV) {
            // the net cost method is required, so a transaction-value limb is not available (its NC
            // alternative, if the rule has one, is evaluated on its own)
            Finding f = Finding.of(rv.id(), rv.kind(), FindingStatus.NOT_MET, null, min, rv.citation(), "net cost method required")
                    .withBasis(Finding.Basis.NET_COST_REQUIRED);
            return Outcome.of(f, ctx.detail() ? Step.of(StepKind.RVC_TV_UNAVAILABLE, rv.id(), ctx.cite("net-cost-required"), null, min,
                    FindingStatus.NOT_MET, List.of()) : null);
        }
        List<RvcMethod> methods = new ArrayList<>();
        if (rv.method() != RvcMethod.NC && !ncOnly) methods.add(RvcMethod.TV);
        if (rv.method() != RvcMethod.TV) methods.add(RvcMethod.NC);
        RvcResult best = null;
        Ratio bestRatio = null;
        List<Step> kids = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (RvcMethod m : methods) {
            BigDecimal basis = m == RvcMethod.TV ? a.adjustedTv() : a.netCost();
            if (basis == null) {
                missing.add(m == RvcMethod.TV ? "transactionValue" : "costs");
                continue;
            }
            if (basis.signum() <= 0) {
                ctx.report(ErrorCode.NONPOSITIVE_BASIS, n.at("costs"), m == RvcMethod.TV ? "adjusted transaction value" : "net cost", n.top() ? ctx.good().id() : n.path(), basis);
                continue;
            }
            BigDecimal value = Checks.percent(basis.subtract(vnm), basis);
            boolean met = basis.subtract(vnm).multiply(Checks.HUNDRED).compareTo(min.multiply(basis)) >= 0;
            RvcResult r = new RvcResult(m, value, min, m == RvcMethod.NC ? a.netCost() : null, m == RvcMethod.TV ? a.adjustedTv() : null, vnm, met);
            if (ctx.detail()) {
                kids.add(Step.of(StepKind.RVC_FORMULA, rv.id(), ctx.cite(m == RvcMethod.TV ? "rvc-tv" : "rvc-nc"), value, min,
                        FindingStatus.of(met), List.of(), m, basis, vnm, Checks.display(value), min));
            }
            if (best == null || better(r, best)) {
                best = r;
                bestRatio = Ratio.percent(basis.subtract(vnm), basis);
            }
        }
        if (best == null && exemption != null) {
            Finding f = Finding.of(rv.id(), rv.kind(), FindingStatus.MET, null, min, rv.citation(), "not required: de minimis")
                    .withBasis(Finding.Basis.DE_MINIMIS_EXEMPTION);
            Step t = ctx.detail() ? Step.of(StepKind.RVC_NOT_REQUIRED, rv.id(), rv.citation(), null, min, FindingStatus.MET,
                    List.of(exemptionStep), min) : null;
            return new Outcome(FindingStatus.MET, t, List.of(f, exemption), List.of(rv.id(), dmId), null);
        }
        if (best == null) {
            if (missing.isEmpty()) missing.add("costs");
            return Checks.notEvaluable(ctx, rv, min, missing.toArray(String[]::new));
        }
        if (ctx.detail()) {
            if (ncOnly && rv.method() != RvcMethod.NC) kids.add(Step.leaf(StepKind.RVC_NET_COST_REQUIRED, ctx.cite("net-cost-required"), null));
            if (a.tracing() != null) {
                kids.add(Step.leaf(a.tracing().method() == Regime.Tracing.Method.TRACED ? StepKind.RVC_TRACED_VNM : StepKind.RVC_LISTED_VNM,
                        a.tracing().citation(), a.tracedVnm()));
            }
            if (relief != null) kids.add(relief);
            if (auto != null) {
                kids.add(Step.of(ctx.fiscalYearStart() == null ? StepKind.RVC_AUTOMOTIVE_THRESHOLD_JANUARY : StepKind.RVC_AUTOMOTIVE_THRESHOLD,
                        null, auto.citation(), null, min, null, List.of(), min, ctx.fiscalYearStart()));
            }
        }
        String how = (best.method() == RvcMethod.NC ? "net cost method" : "transaction value method") + (a.tracing() != null ? "; traced VNM" : "");
        var credit = ctx.auto() == null ? null : ctx.auto().lvcCredit();
        if (!best.met() && n.top() && credit != null && ctx.vehicleKind() != null && credit.vehicles().contains(ctx.vehicleKind())
                && (credit.until() == null || !ctx.thresholdDate().isAfter(credit.until())) && best.method() == RvcMethod.NC
                && best.value().compareTo(credit.floor()) >= 0) {
            Ratio points = LvcCheck.hwmme(ctx, a);
            if (points != null) {
                Ratio excess = points.compareTo(Ratio.of(credit.above())) > 0
                        ? points.plus(new Ratio(credit.above().negate(), BigDecimal.ONE)) : Ratio.ZERO;
                Ratio withCredit = Ratio.percent(best.netCost().subtract(vnm), best.netCost()).plus(excess);
                if (withCredit.atLeast(min)) {
                    best = new RvcResult(best.method(), withCredit.value(), min, best.netCost(), best.transactionValue(), best.vnm(), true);
                    bestRatio = withCredit;
                    how += "; with " + Checks.display(excess.value()) + " LVC points above " + credit.above().toPlainString() + " credited ("
                            + credit.citation() + ")";
                    if (ctx.detail()) kids.add(Step.of(StepKind.RVC_LVC_CREDIT, null, credit.citation(), excess.value(), null, FindingStatus.MET,
                            List.of(), credit.above(), Checks.display(excess.value()), credit.floor()));
                }
            }
        }
        // the amounts used, and the exact parts of the percentage (value = numerator ÷ denominator)
        Map<String, BigDecimal> amounts = best.netCost() != null
                ? Map.of("vnm", vnm, "netCost", best.netCost(), "numerator", bestRatio.num(), "denominator", bestRatio.den())
                : Map.of("vnm", vnm, "transactionValue", best.transactionValue(), "numerator", bestRatio.num(), "denominator", bestRatio.den());
        if (exemption != null && !best.met()) {
            // computed and reported, but not required (SOR/2020-155 s.5(4); SOR/94-14 s.5(5))
            Finding f = new Finding(rv.id(), rv.kind(), FindingStatus.MET, best.value(), min, rv.citation(), amounts, List.of(),
                    Finding.Basis.DE_MINIMIS_EXEMPTION, how + "; not required: de minimis");
            List<Step> ek = new ArrayList<>(kids);
            if (exemptionStep != null) ek.add(exemptionStep);
            Step t = ctx.detail() ? Step.of(StepKind.RVC_EXEMPT, rv.id(), rv.citation(), best.value(), min, FindingStatus.MET, ek, min) : null;
            return new Outcome(FindingStatus.MET, t, List.of(f, exemption), List.of(rv.id(), dmId), best);
        }
        List<Finding> reqs = new ArrayList<>();
        reqs.add(new Finding(rv.id(), rv.kind(), FindingStatus.of(best.met()), best.value(), min, rv.citation(), amounts, List.of(), null, how));
        if (exemption != null) {
            // met anyway; the exemption is reported too (SOR/2020-155 s.5(4); SOR/94-14 s.5(5))
            reqs.add(exemption);
            if (exemptionStep != null) kids.add(exemptionStep);
        }
        Step t = ctx.detail() ? Step.of(StepKind.RVC, rv.id(), rv.citation(), best.value(), min, FindingStatus.of(best.met()), kids,
                min, rv.method()) : null;
        return new Outcome(FindingStatus.of(best.met()), t, reqs, List.of(rv.id()), best);
    }

    /** Prefers a met result; among equals, the larger margin over the threshold. */
    private static boolean better(RvcResult r, RvcResult than) {
        if (r.met() != than.met()) return r.met();
        return r.value().compareTo(than.value()) > 0;
    }
}
