package dev.origin.sim.opt;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A part group with its sourcing options; exactly one option is chosen per item.
 *
 * @param id      item id, unique within a {@link Problem}
 * @param options at least one option; {@code options.get(0)} is the current sourcing, the others are moves
 */
public record Item(String id, List<Option> options) {
    public Item {
        Objects.requireNonNull(id, "id");
        options = List.copyOf(Objects.requireNonNull(options, "options"));
        if (options.isEmpty()) {
            throw new IllegalArgumentException("item " + id + " has no options");
        }
        var ids = new HashSet<String>();
        for (Option o : options) {
            if (!ids.add(o.id())) {
                throw new IllegalArgumentException("item " + id + ": duplicate option id " + o.id());
            }
        }
    }
}
