package dev.origin.sim.opt;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Exact depth-first branch and bound for the small problems of the simulator.
 *
 * <p>Arithmetic. Costs are scaled exactly to {@code long} (by 10^s, s the largest decimal scale among them); when they
 * do not fit, {@link #search} returns {@link #NOT_LONG}. Requirement figures (which the simulator derives from products
 * of amounts and can be 10^18 and more once scaled) are pruned on in {@code double} with a safety margin: a branch is
 * cut only when it misses a bound by more than 10^-9 of the requirement's whole range, far beyond any rounding of the
 * double sums, so no branch holding a feasible plan is ever cut; every complete plan is then checked exactly in
 * BigDecimal ({@link Compiled#satisfies}) before it can become the incumbent.
 *
 * <p>Search. Items are visited in decreasing order of their cost spread, each item's options in increasing cost. A
 * branch is cut when its exact cost plus the cheapest option of every remaining item exceeds the incumbent's cost
 * (strictly: equal-cost plans are still visited, for the tie-break); when a requirement stays short even with the
 * largest coefficient of every remaining item; or when its cost plus a lower bound on completing it exceeds the
 * incumbent: for each requirement, the LP relaxation of "reach the bound at least cost" over the remaining items (the
 * greedy over the upper convex hulls of each item's options), taken with a relative margin of 10^-6. Leaves are
 * compared in the total order of {@link Compiled#compare} (cost, then moves, then option ids item by item in the
 * problem's item order), so the result does not depend on the visiting order: it is {@link Optimizer#exhaustive}'s.
 */
final class BranchAndBound {
    /** Returned by {@link #search} when the costs do not fit exact long arithmetic. */
    static final int[] NOT_LONG = new int[0];
    /** Returned by {@link #search} when the node budget ran out before the search ended. */
    static final int[] GAVE_UP = new int[0];
    /** Exact cost sums are kept below this, so no addition can overflow. */
    private static final long SAFE = Long.MAX_VALUE / 4;
    /** Relative margin (of a requirement's range) by which a double comparison must fail before a branch is cut. */
    private static final double MARGIN = 1e-9;

    private final Compiled c;
    private final long budget;
    // the problem in visiting order: search depth d is c's item order[d]; option t there is c's option opt[d][t]
    private int[] order;
    private int[][] opt;
    private long[][] cost;
    /** coef[d][t][r], rounded to double. */
    private double[][][] coef;
    /** The bounds lowered by the margin: a branch is cut only below these. */
    private double[] bound;
    private long[] suffixMinCost;
    /** suffixMax[d][r]: Σ over depths ≥ d of the largest coefficient. */
    private double[][] suffixMax;
    /** baseSum[d][r]: Σ over depths ≥ d of the base (cheapest) option's coefficient. */
    private double[][] baseSum;
    /** LP bound segments for depths ≥ d and requirement r, steepest first: extra cost, extra coefficient. */
    private double[][][] segCost;
    private double[][][] segGain;

    private int[] best;
    private long bestCost;
    private int bestMoves;
    private long nodes;

    private BranchAndBound(Compiled c, long budget) {
        this.c = c;
        this.budget = budget;
    }

    /**
     * The best feasible choice (c's option indices, item by item), {@code null} when none exists, {@link #NOT_LONG} or
     * {@link #GAVE_UP} (compare by identity) when this search cannot answer.
     */
    static int[] search(Compiled c, long budget) {
        var bb = new BranchAndBound(c, budget);
        if (!bb.compile()) {
            return NOT_LONG;
        }
        return bb.run();
    }

    private static int scaleOf(BigDecimal v) {
        return Math.max(0, v.stripTrailingZeros().scale());
    }

    private boolean compile() {
        int n = c.n;
        int m = c.m;
        int costScale = 0;
        for (BigDecimal[] row : c.cost) {
            for (BigDecimal v : row) {
                costScale = Math.max(costScale, scaleOf(v));
            }
        }
        if (costScale > 18) {
            return false;
        }
        // items by decreasing cost spread (ties: problem order)
        BigDecimal[] spread = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            BigDecimal lo = c.cost[i][0];
            BigDecimal hi = c.cost[i][0];
            for (BigDecimal v : c.cost[i]) {
                lo = lo.min(v);
                hi = hi.max(v);
            }
            spread[i] = hi.subtract(lo);
        }
        order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparing((Integer i) -> spread[i]).reversed().thenComparing(i -> i))
                .mapToInt(Integer::intValue).toArray();
        opt = new int[n][];
        cost = new long[n][];
        coef = new double[n][][];
        double costSum = 0;
        double[] range = new double[m];
        for (int r = 0; r < m; r++) {
            range[r] = Math.abs(c.bound[r].doubleValue());
        }
        for (int d = 0; d < n; d++) {
            final int i = order[d];
            // options by increasing cost, then the current sourcing first, then option id (a fixed order; any works)
            opt[d] = IntStream.range(0, c.k[i]).boxed()
                    .sorted(Comparator.comparing((Integer j) -> c.cost[i][j])
                            .thenComparing(j -> j != 0)
                            .thenComparing(j -> c.optionIds[i][j]))
                    .mapToInt(Integer::intValue).toArray();
            cost[d] = new long[c.k[i]];
            coef[d] = new double[c.k[i]][m];
            double maxCost = 0;
            double[] maxCoef = new double[m];
            for (int t = 0; t < c.k[i]; t++) {
                int j = opt[d][t];
                long v;
                try {
                    v = c.cost[i][j].setScale(costScale).unscaledValue().longValueExact();
                } catch (ArithmeticException e) {
                    return false;
                }
                cost[d][t] = v;
                maxCost = Math.max(maxCost, Math.abs((double) v));
                for (int r = 0; r < m; r++) {
                    double a = c.coef[r][i][j].doubleValue();
                    if (!Double.isFinite(a)) {
                        return false;
                    }
                    coef[d][t][r] = a;
                    maxCoef[r] = Math.max(maxCoef[r], Math.abs(a));
                }
            }
            costSum += maxCost;
            for (int r = 0; r < m; r++) {
                range[r] += maxCoef[r];
            }
        }
        if (costSum * 2 >= SAFE) {
            return false;
        }
        bound = new double[m];
        for (int r = 0; r < m; r++) {
            if (!Double.isFinite(range[r])) {
                return false;
            }
            bound[r] = c.bound[r].doubleValue() - MARGIN * (range[r] + 1e-300);
        }
        suffixMinCost = new long[n + 1];
        suffixMax = new double[n + 1][m];
        for (int d = n - 1; d >= 0; d--) {
            long min = Long.MAX_VALUE;
            for (long v : cost[d]) {
                min = Math.min(min, v);
            }
            suffixMinCost[d] = suffixMinCost[d + 1] + min;
            for (int r = 0; r < m; r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (double[] a : coef[d]) {
                    max = Math.max(max, a[r]);
                }
                suffixMax[d][r] = suffixMax[d + 1][r] + max;
            }
        }
        hulls();
        return true;
    }

    /**
     * For each depth d and requirement r, the LP relaxation of "reach the bound at least cost" over the items d..n−1:
     * each item's cheapest option (most coefficient among equally cheap) is its base, and the upper concave hull of
     * its options' (extra cost, extra coefficient) points gives segments of decreasing slope; all items' segments
     * sorted by slope make a greedy (fractional) lower bound on the extra cost of any completion.
     */
    private void hulls() {
        int n = c.n;
        int m = c.m;
        baseSum = new double[n + 1][m];
        segCost = new double[n + 1][m][];
        segGain = new double[n + 1][m][];
        for (int r = 0; r < m; r++) {
            List<double[]> segs = new ArrayList<>();
            for (int d = n; d >= 0; d--) {
                if (d < n) {
                    int base = 0;
                    for (int t = 1; t < cost[d].length; t++) {
                        if (cost[d][t] < cost[d][base]
                                || cost[d][t] == cost[d][base] && coef[d][t][r] > coef[d][base][r]) {
                            base = t;
                        }
                    }
                    long c0 = cost[d][base];
                    double a0 = coef[d][base][r];
                    baseSum[d][r] = baseSum[d + 1][r] + a0;
                    // upper hull from (0, 0): repeatedly the point of steepest slope beyond the current one
                    double x = 0;
                    double y = 0;
                    while (true) {
                        int next = -1;
                        double bestSlope = 0;
                        for (int t = 0; t < cost[d].length; t++) {
                            double dx = (double) (cost[d][t] - c0) - x;
                            double dy = (coef[d][t][r] - a0) - y;
                            if (dy <= 0 || dx < 0) {
                                continue;
                            }
                            double slope = dx == 0 ? Double.POSITIVE_INFINITY : dy / dx;
                            if (next < 0 || slope > bestSlope) {
                                next = t;
                                bestSlope = slope;
                            }
                        }
                        if (next < 0) {
                            break;
                        }
                        double nx = cost[d][next] - c0;
                        double ny = coef[d][next][r] - a0;
                        segs.add(new double[] {nx - x, ny - y});
                        x = nx;
                        y = ny;
                    }
                }
                segs.sort((u, v) -> Double.compare(v[1] * u[0], u[1] * v[0])); // slope dy/dx, steepest first
                segCost[d][r] = segs.stream().mapToDouble(u -> u[0]).toArray();
                segGain[d][r] = segs.stream().mapToDouble(u -> u[1]).toArray();
            }
        }
    }

    /** A lower bound (in cost units, rounding slack left to the caller) on the extra cost over the bases at depth d. */
    private double lpBound(int d, double[] lhs) {
        double worst = 0;
        for (int r = 0; r < c.m; r++) {
            // bound[r] already lowered by the margin: the need is never overstated by rounding
            double need = bound[r] - lhs[r] - baseSum[d][r];
            if (need <= 0) {
                continue;
            }
            double[] dc = segCost[d][r];
            double[] dg = segGain[d][r];
            double extra = 0;
            for (int s = 0; s < dc.length && need > 0; s++) {
                if (dg[s] >= need) {
                    extra += dc[s] * (need / dg[s]);
                    need = 0;
                } else {
                    extra += dc[s];
                    need -= dg[s];
                }
            }
            worst = Math.max(worst, extra);
        }
        return worst;
    }

    /**
     * A first incumbent: one dive that fixes each item in turn to the option of least cost plus LP bound on the rest
     * (among those that keep every requirement reachable). Only speeds the search up; the result is the same without.
     */
    private void dive() {
        int n = c.n;
        int m = c.m;
        int[] cur = new int[n];
        double[] lhs = new double[m];
        long total = 0;
        int moves = 0;
        for (int d = 0; d < n; d++) {
            int pick = -1;
            double pickScore = 0;
            double[] next = new double[m];
            for (int t = 0; t < opt[d].length; t++) {
                boolean reachable = true;
                for (int r = 0; r < m && reachable; r++) {
                    next[r] = lhs[r] + coef[d][t][r];
                    reachable = next[r] + suffixMax[d + 1][r] >= bound[r];
                }
                if (!reachable) {
                    continue;
                }
                double score = cost[d][t] + (d + 1 < n ? lpBound(d + 1, next) : 0);
                if (pick < 0 || score < pickScore) {
                    pick = t;
                    pickScore = score;
                }
            }
            if (pick < 0) {
                return;
            }
            for (int r = 0; r < m; r++) {
                lhs[r] += coef[d][pick][r];
            }
            int j = opt[d][pick];
            cur[order[d]] = j;
            total += cost[d][pick];
            moves += j != 0 ? 1 : 0;
        }
        if (c.satisfies(cur)) {
            offer(cur, total, moves);
        }
    }

    private int[] run() {
        int n = c.n;
        int m = c.m;
        dive();
        int[] cur = new int[n]; // c's option index per c's item
        int[] pos = new int[n]; // option position per search depth
        long[] costAt = new long[n + 1];
        double[][] lhsAt = new double[n + 1][m];
        int[] movesAt = new int[n + 1];
        java.util.Arrays.fill(pos, -1);
        int d = 0;
        while (d >= 0) {
            if (d == n) {
                if (c.satisfies(cur)) {
                    offer(cur, costAt[n], movesAt[n]);
                }
                d--;
                continue;
            }
            if (++nodes > budget) {
                return GAVE_UP;
            }
            int t = ++pos[d];
            if (t >= opt[d].length) {
                pos[d] = -1;
                d--;
                continue;
            }
            long nc = costAt[d] + cost[d][t];
            if (best != null && nc + suffixMinCost[d + 1] > bestCost) {
                // options come in increasing cost: every later option of this item is cut too
                pos[d] = opt[d].length;
                continue;
            }
            boolean reachable = true;
            double[] lhs = lhsAt[d + 1];
            double[] prev = lhsAt[d];
            double[] a = coef[d][t];
            double[] sm = suffixMax[d + 1];
            for (int r = 0; r < m; r++) {
                lhs[r] = prev[r] + a[r];
                if (lhs[r] + sm[r] < bound[r]) {
                    reachable = false;
                    break;
                }
            }
            if (!reachable) {
                continue;
            }
            if (best != null && d + 1 < n) {
                // completing costs at least suffixMinCost + lb (exact integers but for lb's rounding): cut when that
                // exceeds the incumbent by more than one unit, lb taken with a relative margin of 10^-6
                double lb = lpBound(d + 1, lhs);
                if ((double) (nc + suffixMinCost[d + 1] - bestCost) + lb * (1 - 1e-6) > 1) {
                    continue;
                }
            }
            int j = opt[d][t];
            cur[order[d]] = j;
            costAt[d + 1] = nc;
            movesAt[d + 1] = movesAt[d] + (j != 0 ? 1 : 0);
            d++;
        }
        return best;
    }

    /** An exactly feasible leaf: kept when it comes first in the order cost, moves, option ids in item order. */
    private void offer(int[] cur, long total, int moves) {
        if (best != null) {
            int cmp = Long.compare(total, bestCost);
            if (cmp == 0) {
                cmp = Integer.compare(moves, bestMoves);
            }
            if (cmp == 0) {
                cmp = c.compareIds(cur, best);
            }
            if (cmp >= 0) {
                return;
            }
        }
        best = cur.clone();
        bestCost = total;
        bestMoves = moves;
    }
}
