package dev.origin.sim.opt;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A multiple-choice 0/1 programme: choose exactly one option per item so that every requirement holds, at minimum
 * total cost. Validated on construction: unique item and requirement ids, and option coefficients only for known
 * requirements.
 *
 * @param items        the items (may be empty)
 * @param requirements the requirements (may be empty: then the cheapest option of each item is chosen)
 */
public record Problem(List<Item> items, List<Requirement> requirements) {
    public Problem {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        requirements = List.copyOf(Objects.requireNonNull(requirements, "requirements"));
        var reqIds = new HashSet<String>();
        for (Requirement r : requirements) {
            if (!reqIds.add(r.id())) {
                throw new IllegalArgumentException("duplicate requirement id " + r.id());
            }
        }
        var itemIds = new HashSet<String>();
        for (Item item : items) {
            if (!itemIds.add(item.id())) {
                throw new IllegalArgumentException("duplicate item id " + item.id());
            }
            for (Option o : item.options()) {
                for (String key : o.coefficients().keySet()) {
                    if (!reqIds.contains(key)) {
                        throw new IllegalArgumentException("item " + item.id() + ", option " + o.id()
                                + ": coefficient for unknown requirement " + key);
                    }
                }
            }
        }
    }

    /** Number of combinations (one option per item), saturating at {@link Long#MAX_VALUE}. */
    public long combinations() {
        long n = 1;
        for (Item item : items) {
            int k = item.options().size();
            if (n > Long.MAX_VALUE / k) {
                return Long.MAX_VALUE;
            }
            n *= k;
        }
        return n;
    }
}
