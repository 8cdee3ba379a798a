package dev.origin.sim;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.engine.Finding;
import dev.origin.core.engine.FindingStatus;
import dev.origin.core.rules.RequirementKind;
import dev.origin.core.engine.Status;
import dev.origin.core.fleet.Fleet;
import dev.origin.core.model.Material;
import dev.origin.sim.opt.Item;
import dev.origin.sim.opt.Option;
import dev.origin.sim.opt.Optimizer;
import dev.origin.sim.opt.Plan;
import dev.origin.sim.opt.Problem;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cheapest set of re-sourcing moves that makes a model originating under a regime.
 *
 * <p>The regime's requirements are linearised around the current sourcing with the engine as the
 * oracle: each move's effect on net cost, VNM, national content and the other ratios is measured by
 * evaluating the model with that one move, so the solver never re-implements a rule; its plan is then
 * checked by the engine, and the margin tightened if a rounding left it short. Requirements that no
 * move can change (steel, aluminum, the tariff shift) are reported as unmet when they fail.
 */
final class Resourcing {
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final MathContext MC = MathContext.DECIMAL64;
    /** Requirements no re-sourcing of parts can change: a failure ends the search. */
    private static final Set<RequirementKind> FIXED = Set.of(RequirementKind.STEEL, RequirementKind.ALUMINUM,
            RequirementKind.TARIFF_SHIFT, RequirementKind.CONDITION);
    /** Requirements the linear model carries, each measured on the engine's findings. */
    private static final Set<RequirementKind> MODELLED = Set.of(RequirementKind.RVC, RequirementKind.NATIONAL_CONTENT,
            RequirementKind.LVC, RequirementKind.INTANGIBLES, RequirementKind.CORE_PARTS);

    record Result(boolean feasible, Map<String, Integer> plan, BigDecimal premiumPerUnit, List<String> unmet) {}

    private Resourcing() {}

    /**
     * The measurements of one evaluation that the linear model needs, read from the engine's findings:
     * for each threshold requirement, its slack, linear in the costs of the parts. For a percentage
     * test, numerator − threshold × denominator of the engine's exact ratio (the finding's
     * {@code numerator} and {@code denominator}); for the core parts, the parts the engine found
     * originating minus all of them. No formula of the rules exists here a second time.
     */
    private record Metrics(Map<String, Finding> byKind) {
        static Metrics of(Determination d) {
            Map<String, Finding> v = new LinkedHashMap<>();
            for (Finding r : d.findings()) if (r.threshold() != null) v.putIfAbsent(r.kind().label(), r);
            return new Metrics(v);
        }

        /** The slack of requirement {@code kind} at {@code threshold} percent, or null when the engine gave no figures. */
        BigDecimal slack(String kind, BigDecimal threshold) {
            Finding f = byKind.get(kind);
            if (f == null) return null;
            if (f.kind() == RequirementKind.CORE_PARTS) {
                BigDecimal ok = f.amount("partsOriginating"), all = f.amount("partsTotal");
                return ok == null || all == null ? null : ok.subtract(all);
            }
            BigDecimal num = f.amount("numerator"), den = f.amount("denominator");
            return num == null || den == null ? null : num.subtract(threshold.multiply(den, MC));
        }
    }

    /** The cheapest plan for a model whose current sourcing gives {@code d0} (its determination, already made). */
    static Result cheapest(Fleet.Model m, Determination d0, Evaluator ev, String dest, LocalDate date, BigDecimal margin,
                          boolean staging) {
        Set<String> fixedFailures = new LinkedHashSet<>();
        for (Finding r : d0.findings()) {
            if (r.status() == FindingStatus.NOT_MET && FIXED.contains(r.kind())) fixedFailures.add(r.kind().label());
        }
        if (!fixedFailures.isEmpty()) return new Result(false, Map.of(), null, List.copyOf(fixedFailures));
        Metrics base = Metrics.of(d0);
        for (Finding r : d0.findings()) {
            // a failing requirement the model must move needs the engine's figures (e.g. a net cost)
            if (r.status() != FindingStatus.MET && MODELLED.contains(r.kind()) && r.threshold() != null
                    && base.slack(r.kind().label(), r.threshold()) == null) {
                return new Result(false, Map.of(), null, List.of(r.kind().label() + " (no figures computed)"));
            }
        }
        // each single move, measured by the engine: today's lines with one line replaced; no destination, because
        // only the requirements are read (the duty consequence is the simulator's, per importer)
        List<Material> today = GoodBuilder.materials(m, Map.of());
        Map<String, Map<Integer, Metrics>> moves = new LinkedHashMap<>();
        for (int i = 0; i < m.parts().size(); i++) {
            Fleet.Part p = m.parts().get(i);
            Map<Integer, Metrics> byOption = new LinkedHashMap<>();
            for (int o = 1; o <= p.alternatives().size(); o++) {
                List<Material> moved = new ArrayList<>(today);
                moved.set(i, GoodBuilder.material(p, o));
                byOption.put(o, Metrics.of(ev.evaluate(GoodBuilder.good(m, moved, null, date, staging), date, false)));
            }
            moves.put(p.id(), byOption);
        }
        BigDecimal extra = margin;
        for (int attempt = 0; attempt < 4; attempt++) {
            Problem problem = problem(m, d0, base, moves, extra);
            Plan plan = Optimizer.optimal(problem);
            if (!plan.feasible()) {
                List<String> unmet = new ArrayList<>(plan.unmet());
                if (unmet.isEmpty()) unmet.add(plan.note() == null ? "no plan found" : plan.note());
                return new Result(false, Map.of(), null, unmet);
            }
            Map<String, Integer> chosen = new LinkedHashMap<>();
            BigDecimal premium = BigDecimal.ZERO;
            for (Fleet.Part p : m.parts()) {
                String c = plan.choice().get(p.id());
                int o = c == null ? 0 : Integer.parseInt(c);
                if (o != 0) chosen.put(p.id(), o);
                premium = premium.add(GoodBuilder.value(p, o).subtract(p.cost()));
            }
            Determination check = ev.evaluate(GoodBuilder.good(m, chosen, dest, date, staging), date, false);
            if (check.status() == Status.ORIGINATING) return new Result(true, chosen, premium, List.of());
            extra = extra.add(new BigDecimal("0.5"));
        }
        return new Result(false, Map.of(), null, List.of("no plan the engine accepts (checked with margins up to +2 points)"));
    }

    /** The linear model: one item per part, one requirement per threshold kind of the regime's rule. */
    private static Problem problem(Fleet.Model m, Determination d0, Metrics base, Map<String, Map<Integer, Metrics>> moves,
                                   BigDecimal margin) {
        List<dev.origin.sim.opt.Requirement> reqs = new ArrayList<>();
        Map<String, Map<String, Map<Integer, BigDecimal>>> coef = new LinkedHashMap<>(); // requirement → part → option → coefficient
        for (Finding r : d0.findings()) {
            if (r.threshold() == null || !MODELLED.contains(r.kind())) continue;
            String kind = r.kind().label();
            if (coef.containsKey(kind)) continue;
            BigDecimal p = r.threshold().add(margin);
            BigDecimal s0 = base.slack(kind, p);
            if (s0 == null) continue;
            Map<String, Map<Integer, BigDecimal>> perPart = new LinkedHashMap<>();
            for (Fleet.Part part : m.parts()) {
                Map<Integer, BigDecimal> c = new LinkedHashMap<>();
                c.put(0, BigDecimal.ZERO);
                for (var e : moves.get(part.id()).entrySet()) {
                    BigDecimal x = e.getValue().slack(kind, p);
                    c.put(e.getKey(), x == null ? BigDecimal.valueOf(-1_000_000_000L) : x.subtract(s0));
                }
                perPart.put(part.id(), c);
            }
            coef.put(kind, perPart);
            reqs.add(new dev.origin.sim.opt.Requirement(kind, kind + " " + r.threshold().toPlainString() + " %", s0.negate()));
        }
        List<Item> items = new ArrayList<>();
        for (Fleet.Part part : m.parts()) {
            List<Option> options = new ArrayList<>();
            for (int o = 0; o <= part.alternatives().size(); o++) {
                Map<String, BigDecimal> c = new LinkedHashMap<>();
                for (var e : coef.entrySet()) c.put(e.getKey(), e.getValue().get(part.id()).get(o));
                options.add(new Option(String.valueOf(o), GoodBuilder.value(part, o).subtract(part.cost()), c));
            }
            List<Option> kept = undominated(options, coef.keySet());
            // an item left with its current source alone is not a decision; the bounds stay as they are
            if (kept.size() > 1 || !kept.get(0).id().equals("0")) items.add(new Item(part.id(), kept));
        }
        return new Problem(items, reqs);
    }

    /**
     * Drops options no cheaper and no better for any requirement than another option (dominated): an
     * optimal plan never needs them, and the search shrinks (moves abroad, dearer moves within the territory).
     */
    static List<Option> undominated(List<Option> options, Set<String> reqs) {
        List<Option> kept = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            Option a = options.get(i);
            boolean dominated = false;
            for (int j = 0; j < options.size() && !dominated; j++) {
                if (i == j) continue;
                Option b = options.get(j);
                int cost = b.cost().compareTo(a.cost());
                if (cost > 0) continue;
                boolean allAtLeast = true;
                boolean someBetter = cost < 0;
                for (String r : reqs) {
                    int cmp = b.coefficient(r).compareTo(a.coefficient(r));
                    if (cmp < 0) { allAtLeast = false; break; }
                    if (cmp > 0) someBetter = true;
                }
                // strictly better somewhere, or identical and listed earlier (keeps one of equal twins)
                dominated = allAtLeast && (someBetter || j < i);
            }
            if (!dominated) kept.add(a);
        }
        return kept;
    }

}
