package dev.origin.sim.opt;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;

/** Terse builders for test problems. */
final class Build {
    private Build() {
    }

    /** {@code opt("m1", "2.50", "rvc", "10", "lvc", "-3")}: id, cost, then requirement id / coefficient pairs. */
    static Option opt(String id, String cost, String... coefficients) {
        var map = new LinkedHashMap<String, BigDecimal>();
        for (int q = 0; q < coefficients.length; q += 2) {
            map.put(coefficients[q], new BigDecimal(coefficients[q + 1]));
        }
        return new Option(id, new BigDecimal(cost), map);
    }

    static Item item(String id, Option... options) {
        return new Item(id, List.of(options));
    }

    static Requirement req(String id, String bound) {
        return new Requirement(id, id + " ≥ " + bound, new BigDecimal(bound));
    }

    static Problem problem(List<Requirement> requirements, Item... items) {
        return new Problem(List.of(items), requirements);
    }

    /** Exact check of a plan against every requirement, independent of the optimiser's own code. */
    static boolean satisfies(Problem p, Plan plan) {
        for (Requirement r : p.requirements()) {
            BigDecimal lhs = BigDecimal.ZERO;
            for (Item item : p.items()) {
                Option o = option(item, plan.choice().get(item.id()));
                lhs = lhs.add(o.coefficients().getOrDefault(r.id(), BigDecimal.ZERO));
            }
            if (lhs.compareTo(r.bound()) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Exact cost of a plan's choice. */
    static BigDecimal cost(Problem p, Plan plan) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Item item : p.items()) {
            sum = sum.add(option(item, plan.choice().get(item.id())).cost());
        }
        return sum;
    }

    static Option option(Item item, String optionId) {
        return item.options().stream().filter(o -> o.id().equals(optionId)).findFirst()
                .orElseThrow(() -> new AssertionError("item " + item.id() + " has no option " + optionId));
    }
}
