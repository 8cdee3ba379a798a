package dev.origin.sim.opt;

import static dev.origin.sim.opt.Build.item;
import static dev.origin.sim.opt.Build.opt;
import static dev.origin.sim.opt.Build.problem;
import static dev.origin.sim.opt.Build.req;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-computed cases, each run through {@link Optimizer#solve}, {@link Optimizer#exhaustive} and
 * {@link Optimizer#optimal} (branch and bound); then seeded random problems through all three.
 */
class OptimizerTest {

    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of("ojalgo", (Function<Problem, Plan>) Optimizer::solve),
                Arguments.of("exhaustive", (Function<Problem, Plan>) Optimizer::exhaustive),
                Arguments.of("branch-and-bound", (Function<Problem, Plan>) Optimizer::optimal));
    }

    /** The same answer, exactly: feasibility, unmet requirements, cost and (tie-break) the very same choice. */
    private static void assertSamePlan(Problem p, Plan expected, Plan actual) {
        assertThat(actual.feasible()).as("feasibility, %s", p).isEqualTo(expected.feasible());
        assertThat(actual.unmet()).as("unmet, %s", p).isEqualTo(expected.unmet());
        if (expected.feasible()) {
            assertThat(actual.cost()).as("cost, %s", p).isEqualByComparingTo(expected.cost());
            assertThat(actual.choice()).as("choice (tie-break), %s", p).isEqualTo(expected.choice());
            assertThat(Build.satisfies(p, actual)).isTrue();
            assertThat(actual.cost()).isEqualByComparingTo(Build.cost(p, actual));
        } else {
            assertThat(actual.choice()).isEmpty();
        }
    }

    /** Ties: coarse costs (0–3) and coarse coefficients make many plans of equal cost. */
    private static Problem tied(Random rnd) {
        int m = 1 + rnd.nextInt(3);
        int n = 2 + rnd.nextInt(7);
        var items = new ArrayList<Item>();
        for (int i = 0; i < n; i++) {
            int k = 1 + rnd.nextInt(4);
            var options = new ArrayList<Option>();
            for (int j = 0; j < k; j++) {
                var coefficients = new HashMap<String, BigDecimal>();
                for (int r = 0; r < m; r++) {
                    coefficients.put("r" + r, BigDecimal.valueOf(rnd.nextInt(7) - 2));
                }
                BigDecimal cost = j == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(rnd.nextInt(4));
                options.add(new Option(j == 0 ? "cur" : "o" + (char) ('a' + rnd.nextInt(26)) + j, cost, coefficients));
            }
            items.add(new Item("i" + i, options));
        }
        var reqs = new ArrayList<Requirement>();
        for (int r = 0; r < m; r++) {
            reqs.add(new Requirement("r" + r, "r" + r, BigDecimal.valueOf(rnd.nextInt(3 * n + 1) - n)));
        }
        return new Problem(items, reqs);
    }

    /**
     * Like the simulator's: up to 12 items, coefficients of up to 10^14 with 4 decimals (as its linearised LVC slack)
     * next to small ones, costs in cents; bounds near a random plan, so about half are infeasible.
     */
    private static Problem wide(Random rnd) {
        int m = 1 + rnd.nextInt(3);
        int n = 2 + rnd.nextInt(11);
        var items = new ArrayList<Item>();
        for (int i = 0; i < n; i++) {
            int k = 1 + rnd.nextInt(4);
            var options = new ArrayList<Option>();
            for (int j = 0; j < k; j++) {
                var coefficients = new HashMap<String, BigDecimal>();
                for (int r = 0; r < m; r++) {
                    long unscaled = rnd.nextLong() % (r == 0 ? 1_000_000_000_000_000_000L : 10_000_000L);
                    coefficients.put("r" + r, j == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(unscaled, 4));
                }
                BigDecimal cost = j == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(rnd.nextInt(50_000), 2);
                options.add(new Option(String.valueOf(j), cost, coefficients));
            }
            items.add(new Item("i" + i, options));
        }
        var reqs = new ArrayList<Requirement>();
        for (int r = 0; r < m; r++) {
            BigDecimal lhs = BigDecimal.ZERO;
            for (Item item : items) {
                lhs = lhs.add(item.options().get(rnd.nextInt(item.options().size())).coefficient("r" + r));
            }
            reqs.add(new Requirement("r" + r, "r" + r, lhs));
        }
        return new Problem(items, reqs);
    }

    @Test
    void branchAndBoundAgreesWithExhaustiveSearchOnRandomProblems() {
        int feasible = 0;
        int infeasible = 0;
        for (int seed = 1; seed <= 3000; seed++) {
            Random rnd = new Random(seed);
            Problem p = switch (seed % 3) {
                case 0 -> PropertyTest.random(rnd);
                case 1 -> tied(rnd);
                default -> wide(rnd);
            };
            Plan exhaustive = Optimizer.exhaustive(p);
            Plan bb = Optimizer.optimal(p);
            assertThat(bb.method()).as("seed %d", seed).isEqualTo("branch-and-bound");
            assertSamePlan(p, exhaustive, bb);
            if (exhaustive.feasible()) {
                feasible++;
            } else {
                infeasible++;
            }
        }
        // both kinds were exercised
        assertThat(feasible).isGreaterThan(300);
        assertThat(infeasible).isGreaterThan(300);
    }

    @Test
    void branchAndBoundAgreesWithOjAlgoOnRandomProblems() {
        for (int seed = 1; seed <= 300; seed++) {
            Random rnd = new Random(10_000 + seed);
            Problem p = seed % 2 == 0 ? PropertyTest.random(rnd) : tied(rnd);
            assertSamePlan(p, Optimizer.solve(p), Optimizer.optimal(p));
        }
    }

    @Test
    void branchAndBoundHandsLargeProblemsToOjAlgo() {
        // more options in all than the branch and bound takes: ojAlgo (the real solver) answers
        var items = new ArrayList<Item>();
        for (int i = 0; i < Optimizer.BRANCH_AND_BOUND_LIMIT / 2 + 1; i++) {
            items.add(item("i" + i, opt("cur", "0"), opt("m", "1", "r", "1")));
        }
        Plan plan = Optimizer.optimal(new Problem(items, List.of(req("r", "3"))));
        assertThat(plan.method()).isEqualTo("ojalgo");
        assertThat(plan.cost()).isEqualByComparingTo("3");
        // a search that runs out of nodes says so (optimal then asks ojAlgo)
        var small = new Problem(items.subList(0, 12), List.of(req("r", "3")));
        assertThat(BranchAndBound.search(new Compiled(small), 1)).isSameAs(BranchAndBound.GAVE_UP);
        assertThat(BranchAndBound.search(new Compiled(small), 1_000_000)).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void oneItemTakesTheCheapestSufficientOption(String method, Function<Problem, Plan> solver) {
        // current gives 10 (< 20); A gives 30 at 5.00, B gives 25 at 3.00, C gives 19 at 1.00 (not enough)
        var p = problem(List.of(req("rvc", "20")),
                item("engine", opt("current", "0", "rvc", "10"), opt("A", "5.00", "rvc", "30"),
                        opt("B", "3.00", "rvc", "25"), opt("C", "1.00", "rvc", "19")));
        Plan plan = solver.apply(p);
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.choice()).containsExactly(Map.entry("engine", "B"));
        assertThat(plan.cost()).isEqualByComparingTo("3.00");
        assertThat(plan.unmet()).isEmpty();
        assertThat(plan.method()).isEqualTo(method);
        assertThat(plan.note()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void alreadyQualifyingKeepsCurrentSourcing(String method, Function<Problem, Plan> solver) {
        var p = problem(List.of(req("rvc", "20")),
                item("engine", opt("current", "0", "rvc", "20"), opt("A", "0", "rvc", "30")),
                item("body", opt("current", "0"), opt("A", "1")));
        Plan plan = solver.apply(p);
        assertThat(plan.choice()).containsExactly(Map.entry("engine", "current"), Map.entry("body", "current"));
        assertThat(plan.cost()).isEqualByComparingTo("0");
        assertThat(plan.moves(p)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void cheapestSingleMoveIsNotEnough(String method, Function<Problem, Plan> solver) {
        // base 40 + 40 = 80, need 115. Single moves: m1 → 100 (2.00), m2 → 110 (3.00), m2big → 140 (10.00).
        // Cheapest qualifying: m1 + m2 = 130 at 5.00 (beats m2big alone at 10.00).
        var p = problem(List.of(req("rvc", "115")),
                item("i1", opt("cur", "0", "rvc", "40"), opt("m1", "2.00", "rvc", "60")),
                item("i2", opt("cur", "0", "rvc", "40"), opt("m2", "3.00", "rvc", "70"),
                        opt("m2big", "10.00", "rvc", "100")));
        Plan plan = solver.apply(p);
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.choice()).containsExactly(Map.entry("i1", "m1"), Map.entry("i2", "m2"));
        assertThat(plan.cost()).isEqualByComparingTo("5.00");
        assertThat(plan.moves(p)).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void twoRequirementsPullingInDifferentDirections(String method, Function<Problem, Plan> solver) {
        // x raises A and kills B; y is a compromise. Alone, A ≥ 15 is met by x+x at 2.
        // With B ≥ 7: (x, y) A 17 B 7 at 4; (y, x) A 18 B 8 at 5; (y, y) A 15 B 15 at 7; all else fails.
        Item i1 = item("i1", opt("cur", "0", "A", "0", "B", "10"), opt("x", "1", "A", "10", "B", "0"),
                opt("y", "4", "A", "8", "B", "8"));
        Item i2 = item("i2", opt("cur", "0", "A", "0", "B", "10"), opt("x", "1", "A", "10", "B", "0"),
                opt("y", "3", "A", "7", "B", "7"));
        Plan onlyA = solver.apply(new Problem(List.of(i1, i2), List.of(req("A", "15"), req("B", "-1000"))));
        assertThat(onlyA.choice()).containsExactly(Map.entry("i1", "x"), Map.entry("i2", "x"));
        assertThat(onlyA.cost()).isEqualByComparingTo("2");

        Plan both = solver.apply(new Problem(List.of(i1, i2), List.of(req("A", "15"), req("B", "7"))));
        assertThat(both.feasible()).isTrue();
        assertThat(both.choice()).containsExactly(Map.entry("i1", "x"), Map.entry("i2", "y"));
        assertThat(both.cost()).isEqualByComparingTo("4");

        Plan tighter = solver.apply(new Problem(List.of(i1, i2), List.of(req("A", "15"), req("B", "9"))));
        assertThat(tighter.choice()).containsExactly(Map.entry("i1", "y"), Map.entry("i2", "y"));
        assertThat(tighter.cost()).isEqualByComparingTo("7");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void unreachableRequirementIsNamed(String method, Function<Problem, Plan> solver) {
        // rvc is reachable (max 50 + 30 = 80 ≥ 75); lvc is not (max 20 + 15 = 35 < 40)
        var p = problem(List.of(req("rvc", "75"), req("lvc", "40")),
                item("i1", opt("cur", "0", "rvc", "30", "lvc", "5"), opt("m", "2", "rvc", "50", "lvc", "20")),
                item("i2", opt("cur", "0", "rvc", "30", "lvc", "15"), opt("m", "1", "rvc", "20", "lvc", "0")));
        Plan plan = solver.apply(p);
        assertThat(plan.feasible()).isFalse();
        assertThat(plan.unmet()).containsExactly("lvc");
        assertThat(plan.choice()).isEmpty();
        assertThat(plan.cost()).isNull();
        assertThat(plan.method()).isEqualTo(method);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void jointlyInfeasibleListsAllRequirements(String method, Function<Problem, Plan> solver) {
        // A ≥ 10 needs "a", B ≥ 10 needs "b": each alone is reachable, both together are not
        var p = problem(List.of(req("A", "10"), req("B", "10")),
                item("i1", opt("cur", "0"), opt("a", "1", "A", "10"), opt("b", "1", "B", "10")));
        Plan plan = solver.apply(p);
        assertThat(plan.feasible()).isFalse();
        assertThat(plan.unmet()).containsExactly("A", "B");
        assertThat(plan.note()).contains("not all together");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void tiesPreferFewerMovesThenOptionIds(String method, Function<Problem, Plan> solver) {
        // item "t": "zeta" and "alpha" equal in cost and effect → "alpha"; item "u": current costs 1 like its move
        var p = problem(List.of(req("r", "10")),
                item("t", opt("cur", "0"), opt("zeta", "1", "r", "5"), opt("alpha", "1", "r", "5")),
                item("u", opt("cur", "1", "r", "5"), opt("move", "1", "r", "5")));
        Plan plan = solver.apply(p);
        assertThat(plan.choice()).containsExactly(Map.entry("t", "alpha"), Map.entry("u", "cur"));
        assertThat(plan.cost()).isEqualByComparingTo("2");

        // one move at 3 (big) versus two moves at 3 (s1 + s2): fewer moves wins
        var q = problem(List.of(req("r", "10")),
                item("a", opt("cur", "0"), opt("big", "3", "r", "10"), opt("s1", "1", "r", "5")),
                item("b", opt("cur", "0"), opt("s2", "2", "r", "5")));
        Plan fewer = solver.apply(q);
        assertThat(fewer.choice()).containsExactly(Map.entry("a", "big"), Map.entry("b", "cur"));
        assertThat(fewer.moves(q)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void boundMetExactlyDespiteDoubleRounding(String method, Function<Problem, Plan> solver) {
        // 0.7 + 0.1 is 0.7999999999999999 in double but exactly 0.8 in BigDecimal
        var p = problem(List.of(req("r", "0.8")),
                item("i1", opt("cur", "0"), opt("m", "1", "r", "0.7")),
                item("i2", opt("cur", "0"), opt("m", "1", "r", "0.1")),
                item("i3", opt("cur", "0"), opt("all", "5", "r", "1")));
        Plan plan = solver.apply(p);
        assertThat(plan.choice()).containsExactly(Map.entry("i1", "m"), Map.entry("i2", "m"), Map.entry("i3", "cur"));
        assertThat(plan.cost()).isEqualByComparingTo("2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void boundMissedByLessThanDoublePrecisionIsNotMet(String method, Function<Problem, Plan> solver) {
        // 0.7 + 0.1 falls short of 0.8000000000000000001 only in exact arithmetic (same double as 0.8)
        var p = problem(List.of(req("r", "0.8000000000000000001")),
                item("i1", opt("cur", "0"), opt("m", "1", "r", "0.7")),
                item("i2", opt("cur", "0"), opt("m", "1", "r", "0.1")),
                item("i3", opt("cur", "0"), opt("all", "5", "r", "1")));
        Plan plan = solver.apply(p);
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.choice()).containsEntry("i3", "all");
        assertThat(plan.cost()).isEqualByComparingTo("5");
        assertThat(Build.satisfies(p, plan)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void noRequirementsTakesCheapestOptions(String method, Function<Problem, Plan> solver) {
        var p = problem(List.of(),
                item("i1", opt("cur", "2"), opt("cheap", "0.50")),
                item("i2", opt("cur", "0"), opt("m", "1")));
        Plan plan = solver.apply(p);
        assertThat(plan.choice()).containsExactly(Map.entry("i1", "cheap"), Map.entry("i2", "cur"));
        assertThat(plan.cost()).isEqualByComparingTo("0.50");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void noItems(String method, Function<Problem, Plan> solver) {
        assertThat(solver.apply(new Problem(List.of(), List.of(req("r", "0")))).feasible()).isTrue();
        Plan none = solver.apply(new Problem(List.of(), List.of(req("r", "1"))));
        assertThat(none.feasible()).isFalse();
        assertThat(none.unmet()).containsExactly("r");
    }

    @Test
    void negativeCoefficientsAsFromLinearisedRvc() {
        // RVC ≥ 60 % over net cost NC: Σ (VOM-ish) ... linearised as Σ a x ≥ b with mixed signs
        var p = problem(List.of(req("rvc", "-12.34")),
                item("i1", opt("cur", "0", "rvc", "-20.00"), opt("m", "4.10", "rvc", "-5.25")),
                item("i2", opt("cur", "0", "rvc", "-3.00"), opt("m", "0.90", "rvc", "1.50")));
        Plan plan = Optimizer.solve(p);
        Plan exhaustive = Optimizer.exhaustive(p);
        // cur/cur −23, m/cur −8.25 (4.10), cur/m −18.5, m/m −3.75 (5.00) → m/cur
        assertThat(plan.choice()).containsExactly(Map.entry("i1", "m"), Map.entry("i2", "cur"));
        assertThat(plan.cost()).isEqualByComparingTo("4.10");
        assertThat(exhaustive.choice()).isEqualTo(plan.choice());
    }

    @Test
    void feasibleModelThatOjAlgoGmiCutsCalledInfeasible() {
        // property-test seed 171: ojAlgo 55.2.0 with default GMI cuts answers INFEASIBLE; (oz1, cur) at 2.59 is optimal
        var p = problem(List.of(req("r0", "18.83"), req("r1", "-18.68"), req("r2", "-37.12")),
                item("i0", opt("cur", "0", "r0", "-38.99", "r1", "26.67", "r2", "-40.70"),
                        opt("oz1", "2.59", "r0", "18.61", "r1", "-14.83", "r2", "-9.06")),
                item("i1", opt("cur", "0", "r0", "22.68"), opt("ox1", "4.03", "r0", "13.44", "r1", "48.04")));
        Plan plan = Optimizer.solve(p);
        assertThat(plan.method()).isEqualTo("ojalgo");
        assertThat(plan.choice()).containsExactly(Map.entry("i0", "oz1"), Map.entry("i1", "cur"));
        assertThat(plan.cost()).isEqualByComparingTo("2.59");
    }

    @Test
    void fallbackBeyondTheLimitReportsInfeasibleWithANote() {
        // 2^21 > 10^6 combinations: no exhaustive fallback
        var items = new ArrayList<Item>();
        for (int i = 0; i < 21; i++) {
            items.add(item("i" + i, opt("cur", "0"), opt("m", "1", "r", "1")));
        }
        var p = new Problem(items, List.of(req("r", "3")));
        Plan plan = Optimizer.fallback(new Compiled(p), "ojAlgo failed: test");
        assertThat(plan.feasible()).isFalse();
        assertThat(plan.unmet()).isEmpty();
        assertThat(plan.note()).contains("ojAlgo failed: test").contains("2097152").contains("too large");

        // within the limit the fallback is exhaustive
        var small = new Problem(items.subList(0, 5), List.of(req("r", "3")));
        Plan exhaustive = Optimizer.fallback(new Compiled(small), "ojAlgo failed: test");
        assertThat(exhaustive.method()).isEqualTo("exhaustive");
        assertThat(exhaustive.cost()).isEqualByComparingTo("3");
        assertThat(exhaustive.note()).contains("ojAlgo failed: test");
        // and the real solver handles the large one
        assertThat(Optimizer.solve(p).cost()).isEqualByComparingTo("3");
    }

    @Test
    void exhaustiveRefusesHugeSpaces() {
        var items = new ArrayList<Item>();
        for (int i = 0; i < 30; i++) {
            items.add(item("i" + i, opt("cur", "0"), opt("m", "1")));
        }
        assertThatThrownBy(() -> Optimizer.exhaustive(new Problem(items, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1073741824");
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> problem(List.of(req("r", "1")), item("i", opt("a", "0", "nope", "1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown requirement nope");
        assertThatThrownBy(() -> problem(List.of(), item("i", opt("a", "0")), item("i", opt("a", "0"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate item id i");
        assertThatThrownBy(() -> problem(List.of(req("r", "1"), req("r", "2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate requirement id r");
        assertThatThrownBy(() -> item("i", opt("a", "0"), opt("a", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate option id a");
        assertThatThrownBy(() -> new Item("i", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no options");
        assertThat(new Option("a", BigDecimal.ONE, Map.of()).coefficient("r")).isEqualByComparingTo("0");
    }
}
