package dev.origin.sim.opt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Random small instances: {@link Optimizer#solve} (ojAlgo) against {@link Optimizer#exhaustive}, exactly. */
class PropertyTest {

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void solverAgreesWithExhaustiveSearch(int seed) {
        Problem p = random(new Random(seed));
        Plan solved = Optimizer.solve(p);
        Plan exhaustive = Optimizer.exhaustive(p);

        assertThat(solved.feasible()).as("feasibility, %s", p).isEqualTo(exhaustive.feasible());
        assertThat(solved.unmet()).as("unmet").isEqualTo(exhaustive.unmet());
        assertThat(exhaustive.method()).isEqualTo("exhaustive");
        // ojAlgo itself answered: no fallback, no correction by the exhaustive safety net
        assertThat(solved.method()).as("method, note %s", solved.note()).isEqualTo("ojalgo");
        if (exhaustive.feasible()) {
            assertThat(solved.cost()).as("optimal cost, %s", p).isEqualByComparingTo(exhaustive.cost());
            for (Plan plan : List.of(solved, exhaustive)) {
                assertThat(plan.choice().keySet()).containsExactlyElementsOf(
                        p.items().stream().map(Item::id).toList());
                assertThat(Build.satisfies(p, plan)).as("%s plan meets every requirement exactly", plan.method())
                        .isTrue();
                assertThat(plan.cost()).isEqualByComparingTo(Build.cost(p, plan));
            }
            // deterministic tie-breaking: the very same plan
            assertThat(solved.choice()).as("tie-break, %s", p).isEqualTo(exhaustive.choice());
        } else {
            assertThat(solved.choice()).isEmpty();
            assertThat(solved.unmet()).isNotEmpty();
        }
    }

    /** 2–6 items, 1–4 options each, 1–3 requirements, 2-decimal coefficients; bounds near a random plan. */
    static Problem random(Random rnd) {
        int m = 1 + rnd.nextInt(3);
        var reqIds = new ArrayList<String>();
        for (int r = 0; r < m; r++) {
            reqIds.add("r" + r);
        }
        int n = 2 + rnd.nextInt(5);
        var items = new ArrayList<Item>();
        // small cost range so that equal costs (ties) occur
        boolean coarseCosts = rnd.nextBoolean();
        for (int i = 0; i < n; i++) {
            int k = 1 + rnd.nextInt(4);
            var options = new ArrayList<Option>();
            for (int j = 0; j < k; j++) {
                BigDecimal cost = j == 0 && rnd.nextInt(4) > 0 ? BigDecimal.ZERO
                        : coarseCosts ? BigDecimal.valueOf(rnd.nextInt(4)) : cents(rnd, 0, 2000);
                var coefficients = new HashMap<String, BigDecimal>();
                for (String r : reqIds) {
                    if (rnd.nextInt(5) > 0) {
                        coefficients.put(r, cents(rnd, -5000, 5000));
                    }
                }
                // option ids not in index order, so that lexicographic tie-breaking matters
                options.add(new Option(j == 0 ? "cur" : "o" + (char) ('a' + rnd.nextInt(26)) + j, cost, coefficients));
            }
            items.add(new Item("i" + i, options));
        }
        var requirements = new ArrayList<Requirement>();
        for (String r : reqIds) {
            // bound = value of a random plan ± up to 30.00: roughly half the instances feasible
            BigDecimal lhs = BigDecimal.ZERO;
            for (Item item : items) {
                Option o = item.options().get(rnd.nextInt(item.options().size()));
                lhs = lhs.add(o.coefficient(r));
            }
            requirements.add(new Requirement(r, "req " + r, lhs.add(cents(rnd, -3000, 3000))));
        }
        return new Problem(items, requirements);
    }

    private static BigDecimal cents(Random rnd, int lo, int hi) {
        return BigDecimal.valueOf(lo + rnd.nextInt(hi - lo + 1), 2);
    }
}
