package dev.origin.core.engine;

import dev.origin.core.engine.Evaluator.Scenario;
import dev.origin.core.model.Good;
import dev.origin.core.regime.Regime;
import dev.origin.core.rules.Rule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One evaluation of a good under one scenario for unknown origins: analyses the bill of materials once,
 * applies the rule with one checker per provision, and assembles the determination from the findings.
 */
final class GoodEvaluation {
    private GoodEvaluation() {}

    static Determination determine(Regime regime, Good good, LocalDate date, Scenario scenario, boolean detail) {
        Ctx ctx = Ctx.of(regime, good, date, scenario, detail);
        RuleEvaluator rules = new RuleEvaluator(ctx);
        BomAnalyzer analyzer = new BomAnalyzer(ctx, rules);
        Rule rule = analyzer.ruleFor(good.rule(), good.hs(), "", true);
        Node top = new Node("", good.hs(), good.costs(), good.materials(), rule, good.adjustedTransactionValue(),
                good.whollyObtained(), false, true);
        if (!regime.isInForce(date)) {
            ctx.report(ErrorCode.REGIME_NOT_IN_FORCE, "", regime.id(), date);
        }
        if (good.transactionValue() != null && good.internationalShipping() != null
                && good.internationalShipping().compareTo(good.transactionValue()) > 0) {
            ctx.report(ErrorCode.SHIPPING_EXCEEDS_VALUE, "internationalShipping", good.internationalShipping(), good.transactionValue());
        }
        ctx.checkAveraging();
        BomAnalysis a = analyzer.analyze(top);
        LvcCheck.checkFigures(ctx, a);
        Outcome o = rules.decide(a);
        Status status = switch (o.status()) {
            case MET -> Status.ORIGINATING;
            case NOT_MET -> Status.NON_ORIGINATING;
            case NOT_EVALUABLE -> Status.UNDETERMINED;
        };
        Step root = null;
        if (detail) {
            List<Step> kids = new ArrayList<>();
            kids.add(costStep(ctx, a));
            kids.add(vnmStep(ctx, a));
            for (BomAnalysis.Sub s : a.subs()) kids.add(subStep(ctx, s));
            kids.add(o.step());
            root = Step.of(scenario == Scenario.BEST ? StepKind.GOOD_BEST_CASE : StepKind.GOOD, regime.id(), null, null, null, o.status(),
                    kids, good.id(), good.hs(), regime.name(), date);
        }
        return new Determination(good.id(), regime.id(), regime.revision(), date, status, o.rvc(), o.findings(), o.deciding(),
                ctx.diagnostics().all(), root, null, a.totalCost(), a.reportedVnm(), null);
    }

    private static Step costStep(Ctx ctx, BomAnalysis a) {
        if (a.totalCost() == null) return Step.leaf(StepKind.NO_COST_SHEET, null, null);
        return Step.of(StepKind.NET_COST, ctx.regime().id() + ".net-cost", ctx.cite("net-cost"), a.netCost(), null, null, List.of(
                Step.leaf(StepKind.TOTAL_COST, ctx.cite("total-cost"), a.totalCost()),
                Step.leaf(StepKind.EXCLUDED_COSTS, ctx.cite("excluded-costs"), a.excluded())));
    }

    private static Step vnmStep(Ctx ctx, BomAnalysis a) {
        if (a.tracing() != null) {
            boolean traced = a.tracing().method() == Regime.Tracing.Method.TRACED;
            List<Step> kids = new ArrayList<>();
            if (!traced) kids.addAll(a.vnmSteps());
            kids.addAll(a.tracedSteps());
            return Step.of(traced ? StepKind.VNM_TRACED_ONLY : StepKind.VNM_LISTED, ctx.regime().id() + ".vnm", a.tracing().citation(),
                    a.tracedVnm(), null, null, kids);
        }
        return Step.of(StepKind.VNM, ctx.regime().id() + ".vnm", ctx.cite("vnm"), a.vnm(), null, null, a.vnmSteps());
    }

    private static Step subStep(Ctx ctx, BomAnalysis.Sub s) {
        BomAnalysis sa = s.analysis();
        List<Step> kids = new ArrayList<>();
        kids.add(costStep(ctx, sa));
        kids.add(vnmStep(ctx, sa));
        for (BomAnalysis.Sub inner : sa.subs()) kids.add(subStep(ctx, inner));
        if (s.outcome().step() != null) kids.add(s.outcome().step());
        return Step.of(s.designated() ? StepKind.SUB_INTERMEDIATE : StepKind.SUB_MATERIAL, null,
                ctx.cite(s.designated() ? "intermediate" : "self-produced"), sa.totalCost(), null, s.outcome().status(), kids,
                s.path(), s.material().hs());
    }
}
