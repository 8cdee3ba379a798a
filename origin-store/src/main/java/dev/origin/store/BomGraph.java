package dev.origin.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The BOM graph as a whole: its edges (every version) and cycles in it. */
public final class BomGraph {
    private BomGraph() {}

    /** Every stored BOM edge: parent, version start (ISO date), component. */
    public static List<String[]> edges(Tx tx) {
        return Sql.list(tx.connection(), "SELECT part_id, valid_from, component_id FROM bom_lines",
                rs -> new String[] {rs.getString(1), Sql.date(rs, "valid_from").toString(), rs.getString(3)});
    }

    /**
     * A cycle reachable from {@code start} in {@code edges} (parent to components), as the path that closes it
     * ({@code A, B, C, A}), or null; nodes proven acyclic are added to {@code done} and skipped later. Iterative, so
     * deep BOMs do not exhaust the stack.
     */
    public static List<String> cycleFrom(String start, Map<String, Set<String>> edges, Set<String> done) {
        if (done.contains(start)) {
            return null;
        }
        Deque<String> path = new ArrayDeque<>();
        Deque<Iterator<String>> its = new ArrayDeque<>();
        Set<String> onPath = new HashSet<>();
        Map<String, Boolean> unused = new HashMap<>();
        path.push(start);
        onPath.add(start);
        its.push(edges.getOrDefault(start, Set.of()).iterator());
        while (!path.isEmpty()) {
            Iterator<String> it = its.peek();
            if (it.hasNext()) {
                String next = it.next();
                if (onPath.contains(next)) {
                    List<String> cycle = new ArrayList<>();
                    List<String> rev = new ArrayList<>(path);
                    java.util.Collections.reverse(rev);
                    boolean in = false;
                    for (String p : rev) {
                        in |= p.equals(next);
                        if (in) {
                            cycle.add(p);
                        }
                    }
                    cycle.add(next);
                    return cycle;
                }
                if (!done.contains(next)) {
                    path.push(next);
                    onPath.add(next);
                    its.push(edges.getOrDefault(next, Set.of()).iterator());
                }
            } else {
                String finished = path.pop();
                its.pop();
                onPath.remove(finished);
                done.add(finished);
            }
        }
        unused.clear();
        return null;
    }
}
