package dev.origin.store.graph;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The "used in" graph of the workspace's bills of materials: for each part, the assemblies whose BOM version lists
 * it, with the version's effective dates. {@link #usersOf} walks it upwards (the reverse closure) to find every
 * assembly or good that uses a set of parts at any depth in the BOM versions effective on a date; the walk visits
 * each part at most once, so its cost is the size of the affected sub-graph, not of the catalog.
 */
public final class BomGraph {
    /**
     * A line of a BOM version: {@code parent} uses {@code child} from {@code from} (inclusive) to {@code to}
     * (exclusive; null while the version is current).
     */
    public record Edge(String parent, String child, LocalDate from, LocalDate to) {
        public Edge {
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(child, "child");
            Objects.requireNonNull(from, "from");
        }

        /** True when the BOM version is effective on {@code date}. */
        public boolean inForce(LocalDate date) {
            return !date.isBefore(from) && (to == null || date.isBefore(to));
        }
    }

    private final Map<String, List<Edge>> usedIn = new HashMap<>();
    private int edges;

    private BomGraph() {}

    /** The graph of {@code edges}. */
    public static BomGraph of(Collection<Edge> edges) {
        BomGraph g = new BomGraph();
        for (Edge e : edges) g.add(e);
        return g;
    }

    /** Adds one BOM line. */
    public void add(Edge e) {
        usedIn.computeIfAbsent(e.child(), k -> new ArrayList<>()).add(e);
        edges++;
    }

    /** The number of BOM lines in the graph. */
    public int size() { return edges; }

    /** The assemblies that list {@code part} directly in a BOM version effective on {@code date}. */
    public Set<String> parentsOf(String part, LocalDate date) {
        Set<String> out = new TreeSet<>();
        for (Edge e : usedIn.getOrDefault(part, List.of())) if (e.inForce(date)) out.add(e.parent());
        return out;
    }

    /**
     * Every assembly that uses one of {@code parts} at any depth in the BOM versions effective on {@code date}
     * (the parts themselves are included only where one uses another), in the order they were reached
     * (nearest first). A circular BOM is walked once round.
     */
    public Set<String> usersOf(Collection<String> parts, LocalDate date) {
        return closure(parts, p -> parentsOf(p, date));
    }

    /**
     * The reverse closure of {@code parts} under {@code parents}: every node reached by following parents, in the order
     * reached (nearest first); a start node is included only when another reaches it. Each node is expanded once.
     */
    public static Set<String> closure(Collection<String> parts, java.util.function.Function<String, ? extends Collection<String>> parents) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(parts);
        Set<String> expanded = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            String p = todo.poll();
            if (!expanded.add(p)) continue;
            for (String parent : parents.apply(p)) {
                seen.add(parent);
                if (!expanded.contains(parent)) todo.add(parent);
            }
        }
        return seen;
    }

    /** {@code parts} and every assembly using them at any depth on {@code date}: what a change of those parts affects. */
    public Set<String> affectedBy(Collection<String> parts, LocalDate date) {
        Set<String> all = new LinkedHashSet<>(parts);
        all.addAll(usersOf(parts, date));
        return all;
    }
}
