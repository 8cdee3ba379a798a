package dev.origin.sim.opt;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Array form of a {@link Problem} with exact (BigDecimal) evaluation helpers; package-private. */
final class Compiled {
    final Problem problem;
    final int n;
    final int m;
    final int[] k;
    final BigDecimal[][] cost;
    /** coef[r][i][j]. */
    final BigDecimal[][][] coef;
    final BigDecimal[] bound;
    final String[][] optionIds;
    /** suffixMinCost[i] = Σ_{i' ≥ i} min_j cost[i'][j]. */
    final BigDecimal[] suffixMinCost;
    /** suffixMax[r][i] = Σ_{i' ≥ i} max_j coef[r][i'][j]. */
    final BigDecimal[][] suffixMax;

    Compiled(Problem problem) {
        this.problem = problem;
        n = problem.items().size();
        m = problem.requirements().size();
        k = new int[n];
        cost = new BigDecimal[n][];
        optionIds = new String[n][];
        coef = new BigDecimal[m][n][];
        bound = new BigDecimal[m];
        for (int r = 0; r < m; r++) {
            bound[r] = problem.requirements().get(r).bound();
        }
        for (int i = 0; i < n; i++) {
            List<Option> options = problem.items().get(i).options();
            k[i] = options.size();
            cost[i] = new BigDecimal[k[i]];
            optionIds[i] = new String[k[i]];
            for (int r = 0; r < m; r++) {
                coef[r][i] = new BigDecimal[k[i]];
            }
            for (int j = 0; j < k[i]; j++) {
                Option o = options.get(j);
                cost[i][j] = o.cost();
                optionIds[i][j] = o.id();
                for (int r = 0; r < m; r++) {
                    coef[r][i][j] = o.coefficient(problem.requirements().get(r).id());
                }
            }
        }
        suffixMinCost = new BigDecimal[n + 1];
        suffixMinCost[n] = BigDecimal.ZERO;
        for (int i = n - 1; i >= 0; i--) {
            suffixMinCost[i] = suffixMinCost[i + 1].add(min(cost[i]));
        }
        suffixMax = new BigDecimal[m][n + 1];
        for (int r = 0; r < m; r++) {
            suffixMax[r][n] = BigDecimal.ZERO;
            for (int i = n - 1; i >= 0; i--) {
                suffixMax[r][i] = suffixMax[r][i + 1].add(max(coef[r][i]));
            }
        }
    }

    private static BigDecimal min(BigDecimal[] values) {
        BigDecimal best = values[0];
        for (BigDecimal v : values) {
            best = best.min(v);
        }
        return best;
    }

    private static BigDecimal max(BigDecimal[] values) {
        BigDecimal best = values[0];
        for (BigDecimal v : values) {
            best = best.max(v);
        }
        return best;
    }

    /** Requirements unreachable even with, per item, the option maximising that requirement's coefficient. */
    List<String> individuallyUnmet() {
        var unmet = new ArrayList<String>();
        for (int r = 0; r < m; r++) {
            if (suffixMax[r][0].compareTo(bound[r]) < 0) {
                unmet.add(problem.requirements().get(r).id());
            }
        }
        return unmet;
    }

    List<String> allRequirementIds() {
        return problem.requirements().stream().map(Requirement::id).toList();
    }

    BigDecimal costOf(int[] choice) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            sum = sum.add(cost[i][choice[i]]);
        }
        return sum;
    }

    static int movesOf(int[] choice) {
        int moves = 0;
        for (int j : choice) {
            if (j != 0) {
                moves++;
            }
        }
        return moves;
    }

    BigDecimal lhs(int r, int[] choice) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            sum = sum.add(coef[r][i][choice[i]]);
        }
        return sum;
    }

    /** Exact check of every requirement. */
    boolean satisfies(int[] choice) {
        for (int r = 0; r < m; r++) {
            if (lhs(r, choice).compareTo(bound[r]) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Lexicographic comparison of the chosen option ids, item by item. */
    int compareIds(int[] a, int[] b) {
        for (int i = 0; i < n; i++) {
            int c = optionIds[i][a[i]].compareTo(optionIds[i][b[i]]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Total order of plans: cost, then moves, then option ids. */
    int compare(BigDecimal costA, int[] a, BigDecimal costB, int[] b) {
        int c = costA.compareTo(costB);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(movesOf(a), movesOf(b));
        return c != 0 ? c : compareIds(a, b);
    }

    /** Smallest positive cost granularity 10^-s, s being the largest scale among the costs (at least 0). */
    BigDecimal costGranularity() {
        int scale = 0;
        for (BigDecimal[] row : cost) {
            for (BigDecimal c : row) {
                scale = Math.max(scale, c.stripTrailingZeros().scale());
            }
        }
        return BigDecimal.ONE.movePointLeft(scale);
    }

    Plan plan(int[] choice, String method, String note) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < n; i++) {
            map.put(problem.items().get(i).id(), optionIds[i][choice[i]]);
        }
        return new Plan(true, map, costOf(choice), List.of(), method, note);
    }

    static Plan infeasible(List<String> unmet, String method, String note) {
        return new Plan(false, java.util.Map.of(), null, unmet, method, note);
    }

    /**
     * Exhaustive depth-first enumeration with exact bounds (cost and per-requirement reachability); returns the best
     * feasible choice in the total order of {@link #compare}, or {@code null}.
     */
    int[] enumerate() {
        int[] cur = new int[n];
        java.util.Arrays.fill(cur, -1);
        BigDecimal[] costAt = new BigDecimal[n + 1];
        BigDecimal[][] lhsAt = new BigDecimal[n + 1][m];
        costAt[0] = BigDecimal.ZERO;
        java.util.Arrays.fill(lhsAt[0], BigDecimal.ZERO);
        int[] best = null;
        BigDecimal bestCost = null;
        int i = 0;
        while (i >= 0) {
            if (i == n) {
                boolean ok = true;
                for (int r = 0; r < m && ok; r++) {
                    ok = lhsAt[n][r].compareTo(bound[r]) >= 0;
                }
                if (ok && (best == null || compare(costAt[n], cur, bestCost, best) < 0)) {
                    best = cur.clone();
                    bestCost = costAt[n];
                }
                i--;
                continue;
            }
            cur[i]++;
            if (cur[i] >= k[i]) {
                cur[i] = -1;
                i--;
                continue;
            }
            int j = cur[i];
            costAt[i + 1] = costAt[i].add(cost[i][j]);
            if (bestCost != null && costAt[i + 1].add(suffixMinCost[i + 1]).compareTo(bestCost) > 0) {
                continue;
            }
            boolean reachable = true;
            for (int r = 0; r < m && reachable; r++) {
                lhsAt[i + 1][r] = lhsAt[i][r].add(coef[r][i][j]);
                reachable = lhsAt[i + 1][r].add(suffixMax[r][i + 1]).compareTo(bound[r]) >= 0;
            }
            if (reachable) {
                i++;
            }
        }
        return best;
    }
}
