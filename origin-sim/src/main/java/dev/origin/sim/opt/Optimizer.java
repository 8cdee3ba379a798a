package dev.origin.sim.opt;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;

/**
 * Cheapest path to qualify: choose exactly one option per item, meeting every requirement, at minimum total cost.
 *
 * <p>Ties in cost are broken deterministically: fewer moves (options other than option 0), then the chosen option
 * ids compared lexicographically item by item (in item order). {@link #solve}, {@link #exhaustive} and
 * {@link #optimal} return the same plan for the same problem.
 *
 * <p>{@link #solve} builds an ojAlgo {@link ExpressionsBasedModel} over binary variables. ojAlgo computes in double, so
 * every requirement bound is relaxed by a tiny tolerance in the model (the model's feasible set contains the exact
 * one) and every solution ojAlgo returns is verified exactly in BigDecimal; a solution that fails the exact check is
 * cut off (no-good cut) and the model re-solved. The cost optimum is then confirmed by asking for a strictly cheaper
 * plan (cost ≤ optimum − granularity of the costs), and the tie-break is resolved by further small solves. If ojAlgo
 * fails, {@link #solve} falls back to {@link #exhaustive} when there are at most {@value #FALLBACK_LIMIT}
 * combinations, and otherwise reports an infeasible plan with a note.
 */
public final class Optimizer {
    /** Largest search space (combinations) for which {@link #solve} falls back to exhaustive search. */
    public static final long FALLBACK_LIMIT = 1_000_000L;
    /** Largest search space {@link #exhaustive} accepts. */
    public static final long EXHAUSTIVE_LIMIT = 50_000_000L;

    static {
        // ojAlgo otherwise prints a hardware-profile notice on stdout when its classes load (would corrupt CLI output)
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    static final String OJALGO = "ojalgo";
    static final String EXHAUSTIVE = "exhaustive";
    static final String BRANCH_AND_BOUND = "branch-and-bound";

    /** Largest problem (options summed over the items: ojAlgo's variables) {@link #optimal} gives the branch and bound. */
    public static final int BRANCH_AND_BOUND_LIMIT = 400;
    /** Nodes the branch and bound may visit before {@link #optimal} hands the problem to ojAlgo instead. */
    static final long BRANCH_AND_BOUND_BUDGET = 5_000_000L;

    /** Exactly-infeasible ojAlgo solutions cut off before giving up on one solve. */
    private static final int MAX_CUTS = 50;
    /** Rounds of "strictly cheaper?" confirmation. */
    private static final int MAX_IMPROVEMENTS = 10;
    /** Relative tolerance by which bounds are relaxed in the double model. */
    private static final double RELAX = 1e-9;
    /** Time limit per ojAlgo solve, milliseconds. */
    private static final long TIME_LIMIT_MS = 20_000L;
    /** A fractionality of 1 admits no variable, so no Gomory mixed-integer cut is ever generated. */
    private static final IntegerStrategy.GMICutConfiguration NO_GMI_CUTS =
            new IntegerStrategy.GMICutConfiguration().withFractionality(1.0);

    private Optimizer() {
    }

    /**
     * Solves with ojAlgo (binary variables; one "= 1" expression per item, one "≥ bound" per requirement; objective
     * minimum cost), verifying the result exactly. See the class comment for the fallbacks.
     */
    public static Plan solve(Problem p) {
        Compiled c = new Compiled(p);
        List<String> unmet = c.individuallyUnmet();
        if (!unmet.isEmpty()) {
            return Compiled.infeasible(unmet, OJALGO, "");
        }
        if (c.n == 0) {
            return c.plan(new int[0], OJALGO, "");
        }
        var mip = new Mip(c);

        // 1. minimum cost
        Outcome first = mip.solve(Goal.COST, null, null, null, c::satisfies);
        if (first.status == Status.INFEASIBLE) {
            // a wrong "infeasible" would tell the user a vehicle cannot qualify: confirm it when that is cheap
            if (p.combinations() <= FALLBACK_LIMIT) {
                int[] found = c.enumerate();
                if (found != null) {
                    return c.plan(found, EXHAUSTIVE, "ojAlgo reported the model infeasible, but exhaustive search"
                            + " found this plan");
                }
            }
            return Compiled.infeasible(c.allRequirementIds(), OJALGO,
                    "each requirement is reachable on its own but not all together");
        }
        if (first.status == Status.FAILED) {
            return fallback(c, first.detail);
        }
        int[] best = first.choice;
        BigDecimal bestCost = c.costOf(best);
        boolean proven = first.proven;

        // 2. confirm (or improve) the optimum exactly: is there a plan with cost ≤ best − granularity?
        BigDecimal step = c.costGranularity();
        for (int round = 0; round < MAX_IMPROVEMENTS; round++) {
            BigDecimal cap = bestCost.subtract(step);
            Outcome cheaper = mip.solve(Goal.COST, cap, null, null,
                    ch -> c.satisfies(ch) && c.costOf(ch).compareTo(cap) <= 0);
            if (cheaper.status == Status.INFEASIBLE) {
                proven = true;
                break;
            }
            if (cheaper.status == Status.FAILED) {
                break;
            }
            best = cheaper.choice;
            bestCost = c.costOf(best);
            proven = cheaper.proven;
        }
        if (!proven) {
            if (p.combinations() <= FALLBACK_LIMIT) {
                return fallback(c, "ojAlgo did not prove optimality");
            }
            return c.plan(best, OJALGO, "feasible and verified exactly, but ojAlgo did not prove optimality");
        }

        // 3. tie-break: fewest moves at the optimal cost
        final BigDecimal optimum = bestCost;
        if (Compiled.movesOf(best) > 0) {
            Outcome fewer = mip.solve(Goal.MOVES, optimum, null, null,
                    ch -> c.satisfies(ch) && c.costOf(ch).compareTo(optimum) <= 0);
            if (fewer.status == Status.PLAN && Compiled.movesOf(fewer.choice) < Compiled.movesOf(best)
                    && c.costOf(fewer.choice).compareTo(optimum) == 0) {
                best = fewer.choice;
            }
        }

        // 4. tie-break: lexicographically smallest option ids, item by item (greedy fix-and-check)
        best = lexicographic(c, mip, best, optimum);
        return c.plan(best, OJALGO, "");
    }

    /**
     * The optimum, by the fastest exact method: a problem of at most {@value #BRANCH_AND_BOUND_LIMIT} options in all
     * goes to an exact depth-first branch and bound ({@code method} {@code "branch-and-bound"}; exact long
     * arithmetic, or BigDecimal when the figures do not scale to a long), anything larger, or a branch and bound that
     * exceeds {@value #BRANCH_AND_BOUND_BUDGET} nodes, to {@link #solve} (ojAlgo). Same plan, infeasibility report and
     * tie-break (cost, then moves, then option ids) as {@link #solve} and {@link #exhaustive}; the simulator's
     * re-sourcing problems (a few parts, a few options each) all take the branch and bound.
     */
    public static Plan optimal(Problem p) {
        if (p.items().stream().mapToInt(i -> i.options().size()).sum() > BRANCH_AND_BOUND_LIMIT) {
            return solve(p);
        }
        Compiled c = new Compiled(p);
        List<String> unmet = c.individuallyUnmet();
        if (!unmet.isEmpty()) {
            return Compiled.infeasible(unmet, BRANCH_AND_BOUND, "");
        }
        int[] best = BranchAndBound.search(c, BRANCH_AND_BOUND_BUDGET);
        if (best == BranchAndBound.GAVE_UP) {
            return solve(p);
        }
        if (best == BranchAndBound.NOT_LONG) {
            if (p.combinations() > FALLBACK_LIMIT) {
                return solve(p);
            }
            best = c.enumerate();
        }
        if (best == null) {
            return Compiled.infeasible(c.allRequirementIds(), BRANCH_AND_BOUND,
                    "each requirement is reachable on its own but not all together");
        }
        return c.plan(best, BRANCH_AND_BOUND, "");
    }

    /** Enumerates every combination in exact arithmetic (with exact pruning); same tie-breaking as {@link #solve}. */
    public static Plan exhaustive(Problem p) {
        long combinations = p.combinations();
        if (combinations > EXHAUSTIVE_LIMIT) {
            throw new IllegalArgumentException(
                    "search space of " + combinations + " combinations exceeds " + EXHAUSTIVE_LIMIT);
        }
        return exhaustive(new Compiled(p), "");
    }

    private static Plan exhaustive(Compiled c, String note) {
        List<String> unmet = c.individuallyUnmet();
        if (!unmet.isEmpty()) {
            return Compiled.infeasible(unmet, EXHAUSTIVE, note);
        }
        int[] best = c.enumerate();
        if (best == null) {
            String why = "each requirement is reachable on its own but not all together";
            return Compiled.infeasible(c.allRequirementIds(), EXHAUSTIVE, note.isEmpty() ? why : note + "; " + why);
        }
        return c.plan(best, EXHAUSTIVE, note);
    }

    /** What {@link #solve} does when ojAlgo gives no usable answer. */
    static Plan fallback(Compiled c, String reason) {
        long combinations = c.problem.combinations();
        if (combinations <= FALLBACK_LIMIT) {
            return exhaustive(c, reason + "; result from exhaustive search");
        }
        return Compiled.infeasible(List.of(), OJALGO, reason + "; search space of "
                + (combinations == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : combinations)
                + " combinations is too large for exhaustive search (limit " + FALLBACK_LIMIT
                + "), so no plan could be established");
    }

    private static int[] lexicographic(Compiled c, Mip mip, int[] incumbent, BigDecimal optimum) {
        int[] best = incumbent.clone();
        int moves = Compiled.movesOf(best);
        for (int i = 0; i < c.n; i++) {
            // prefix 0..i-1 fixed at best; exact partial sums over the prefix
            BigDecimal prefixCost = BigDecimal.ZERO;
            int prefixMoves = 0;
            BigDecimal[] prefixLhs = new BigDecimal[c.m];
            java.util.Arrays.fill(prefixLhs, BigDecimal.ZERO);
            for (int q = 0; q < i; q++) {
                prefixCost = prefixCost.add(c.cost[q][best[q]]);
                prefixMoves += best[q] != 0 ? 1 : 0;
                for (int r = 0; r < c.m; r++) {
                    prefixLhs[r] = prefixLhs[r].add(c.coef[r][q][best[q]]);
                }
            }
            var candidates = new ArrayList<Integer>();
            for (int j = 0; j < c.k[i]; j++) {
                if (c.optionIds[i][j].compareTo(c.optionIds[i][best[i]]) < 0) {
                    candidates.add(j);
                }
            }
            String[] ids = c.optionIds[i];
            candidates.sort((a, b) -> ids[a].compareTo(ids[b]));
            for (int j : candidates) {
                if (!mayImprove(c, i, j, prefixCost, prefixMoves, prefixLhs, optimum, moves)) {
                    continue;
                }
                int[] swapped = best.clone();
                swapped[i] = j;
                final int item = i;
                final int[] prefix = best.clone();
                Predicate<int[]> ok = ch -> {
                    for (int q = 0; q < item; q++) {
                        if (ch[q] != prefix[q]) {
                            return false;
                        }
                    }
                    return ch[item] == j && Compiled.movesOf(ch) <= moves && c.satisfies(ch)
                            && c.costOf(ch).compareTo(optimum) <= 0;
                };
                if (ok.test(swapped)) {
                    best = swapped;
                    break;
                }
                int[] fixed = new int[c.n];
                java.util.Arrays.fill(fixed, -1);
                System.arraycopy(best, 0, fixed, 0, i);
                fixed[i] = j;
                Outcome o = mip.solve(Goal.COST, optimum, moves, fixed, ok);
                if (o.status == Status.PLAN) {
                    best = o.choice;
                    break;
                }
            }
        }
        return best;
    }

    /** Exact bounds: can fixing item i to option j (prefix fixed) still reach the optimum with at most the moves? */
    private static boolean mayImprove(Compiled c, int i, int j, BigDecimal prefixCost, int prefixMoves,
                                      BigDecimal[] prefixLhs, BigDecimal optimum, int moves) {
        if (prefixCost.add(c.cost[i][j]).add(c.suffixMinCost[i + 1]).compareTo(optimum) > 0) {
            return false;
        }
        if (prefixMoves + (j != 0 ? 1 : 0) > moves) {
            return false;
        }
        for (int r = 0; r < c.m; r++) {
            if (prefixLhs[r].add(c.coef[r][i][j]).add(c.suffixMax[r][i + 1]).compareTo(c.bound[r]) < 0) {
                return false;
            }
        }
        return true;
    }

    private enum Goal { COST, MOVES }

    private enum Status { PLAN, INFEASIBLE, FAILED }

    private record Outcome(Status status, int[] choice, boolean proven, String detail) {
    }

    /** Builds and solves ojAlgo models for one compiled problem. */
    private static final class Mip {
        private final Compiled c;
        private final double costTolerance;
        private final BigDecimal[] relaxedBound;

        Mip(Compiled c) {
            this.c = c;
            double costScale = 1;
            for (BigDecimal[] row : c.cost) {
                double max = 0;
                for (BigDecimal v : row) {
                    max = Math.max(max, Math.abs(v.doubleValue()));
                }
                costScale += max;
            }
            costTolerance = RELAX * costScale;
            relaxedBound = new BigDecimal[c.m];
            for (int r = 0; r < c.m; r++) {
                double scale = Math.max(1, Math.abs(c.bound[r].doubleValue()));
                double sum = 0;
                for (int i = 0; i < c.n; i++) {
                    double max = 0;
                    for (BigDecimal v : c.coef[r][i]) {
                        max = Math.max(max, Math.abs(v.doubleValue()));
                    }
                    sum += max;
                }
                relaxedBound[r] = c.bound[r].subtract(BigDecimal.valueOf(RELAX * Math.max(scale, sum)));
            }
        }

        /**
         * Minimises the goal subject to the problem, an optional cost cap, an optional moves cap and optional fixed
         * options ({@code fixed[i] ≥ 0}); solutions rejected by {@code exact} are cut off and the model re-solved.
         */
        Outcome solve(Goal goal, BigDecimal costCap, Integer movesCap, int[] fixed, Predicate<int[]> exact) {
            var cuts = new ArrayList<int[]>();
            for (int attempt = 0; attempt <= MAX_CUTS; attempt++) {
                Optimisation.Result result;
                try {
                    var options = new Optimisation.Options();
                    options.time_abort = TIME_LIMIT_MS;
                    // GMI cuts off: with them ojAlgo 55.2.0 reports some feasible 0/1 models INFEASIBLE
                    options.integer(IntegerStrategy.DEFAULT.withGMICutConfiguration(NO_GMI_CUTS));
                    var model = new ExpressionsBasedModel(options);
                    build(model, goal, costCap, movesCap, fixed, cuts);
                    result = model.minimise();
                } catch (RuntimeException e) {
                    return new Outcome(Status.FAILED, null, false, "ojAlgo failed: " + e);
                }
                Optimisation.State state = result.getState();
                if (state == Optimisation.State.INFEASIBLE) {
                    return new Outcome(Status.INFEASIBLE, null, true, "");
                }
                if (!state.isFeasible()) {
                    return new Outcome(Status.FAILED, null, false, "ojAlgo ended in state " + state);
                }
                int[] choice = extract(result);
                if (choice == null) {
                    return new Outcome(Status.FAILED, null, false,
                            "ojAlgo returned a non-integral or inconsistent solution (state " + state + ")");
                }
                if (exact.test(choice)) {
                    return new Outcome(Status.PLAN, choice, state.isOptimal(), "");
                }
                cuts.add(choice);
            }
            return new Outcome(Status.FAILED, null, false, "ojAlgo's solutions failed the exact BigDecimal check "
                    + (MAX_CUTS + 1) + " times (rounding in double)");
        }

        private void build(ExpressionsBasedModel model, Goal goal, BigDecimal costCap, Integer movesCap,
                                   int[] fixed, List<int[]> cuts) {
            Variable[][] x = new Variable[c.n][];
            for (int i = 0; i < c.n; i++) {
                x[i] = new Variable[c.k[i]];
                for (int j = 0; j < c.k[i]; j++) {
                    Variable v = model.addVariable("x_" + i + "_" + j).binary();
                    if (goal == Goal.COST && c.cost[i][j].signum() != 0) {
                        v.weight(c.cost[i][j]);
                    } else if (goal == Goal.MOVES && j != 0) {
                        v.weight(1);
                    }
                    if (fixed != null && fixed[i] >= 0) {
                        v.level(j == fixed[i] ? 1 : 0);
                    }
                    x[i][j] = v;
                }
                Expression one = model.addExpression("item_" + i).level(1);
                for (Variable v : x[i]) {
                    one.set(v, 1);
                }
            }
            for (int r = 0; r < c.m; r++) {
                Expression req = model.addExpression("req_" + r).lower(relaxedBound[r]);
                for (int i = 0; i < c.n; i++) {
                    for (int j = 0; j < c.k[i]; j++) {
                        if (c.coef[r][i][j].signum() != 0) {
                            req.set(x[i][j], c.coef[r][i][j]);
                        }
                    }
                }
            }
            if (costCap != null) {
                Expression cap = model.addExpression("cost_cap").upper(costCap.add(BigDecimal.valueOf(costTolerance)));
                for (int i = 0; i < c.n; i++) {
                    for (int j = 0; j < c.k[i]; j++) {
                        if (c.cost[i][j].signum() != 0) {
                            cap.set(x[i][j], c.cost[i][j]);
                        }
                    }
                }
            }
            if (movesCap != null) {
                Expression cap = model.addExpression("moves_cap").upper(movesCap.longValue());
                for (int i = 0; i < c.n; i++) {
                    for (int j = 1; j < c.k[i]; j++) {
                        cap.set(x[i][j], 1);
                    }
                }
            }
            for (int q = 0; q < cuts.size(); q++) {
                int[] cut = cuts.get(q);
                Expression noGood = model.addExpression("cut_" + q).upper(c.n - 1);
                for (int i = 0; i < c.n; i++) {
                    noGood.set(x[i][cut[i]], 1);
                }
            }
        }

        /** The option per item with value ≥ ½ in ojAlgo's solution; null unless exactly one per item. */
        private int[] extract(Optimisation.Result result) {
            int[] choice = new int[c.n];
            int index = 0;
            for (int i = 0; i < c.n; i++) {
                choice[i] = -1;
                for (int j = 0; j < c.k[i]; j++, index++) {
                    double value = result.doubleValue(index);
                    if (value > 0.5) {
                        if (choice[i] >= 0) {
                            return null;
                        }
                        choice[i] = j;
                    } else if (value < -0.5 || Double.isNaN(value)) {
                        return null;
                    }
                }
                if (choice[i] < 0) {
                    return null;
                }
            }
            return choice;
        }
    }
}
