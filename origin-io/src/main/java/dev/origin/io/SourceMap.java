package dev.origin.io;

import dev.origin.core.engine.Diagnostic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the goods of a case file are: for each good (by id), the line and column of the good, of each
 * of its fields and of each material line, nested through self-produced materials (and through the
 * goods their {@code ref} names). It turns the engine's diagnostics, which name a good and a path inside
 * it, into problems located like the reader's own ({@link #locate(Diagnostic)}).
 *
 * <p>Paths understood, as the engine and {@code HsCheck} write them:
 * <ul>
 *   <li>{@code ""}: the good itself;</li>
 *   <li>a field path: {@code costs}, {@code costs.totalCost}, {@code labour}, {@code steel.purchases[0]};</li>
 *   <li>a bill-of-materials path, material ids joined by {@code /}, optionally ending in a field path of the
 *       last material: {@code m1}, {@code m1/sub}, {@code m1/costs.totalCost};</li>
 *   <li>materials selected by id: {@code materials[m1]}, {@code materials[m1/sub]},
 *       {@code materials[m1].materials[s1].hs}, {@code materials[m1].statement.materials[x]}.</li>
 * </ul>
 * A path, or the part of it, that is not in the file (typically a field that is missing, such as
 * {@code costs}) is located at the deepest part that is, and still named in full.
 */
public final class SourceMap {
    /** Fields a material with a {@code ref} takes from the good it names. */
    private static final Set<String> FROM_REF = Set.of("costs", "materials", "rule");
    /** How deep a material named by its id alone is looked for. */
    private static final int DEPTH = 16;
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)(?:\\[([^\\]]*)\\])?");

    private final String file;
    private final Map<String, At> goods = new LinkedHashMap<>();
    /** Goods that {@code ref} names, shared by the source maps of a file read good by good; empty otherwise. */
    private final Map<String, At> shared;

    /** A place in the document: a node and its field path. */
    private record At(Tree node, String path) {}

    /** Where something is: file, 1-based line and column (0 when unknown), and field path such as {@code goods[2].materials[1]}. */
    public record Location(String file, int line, int column, String path) {}

    /** The goods of {@code goods} (the document's {@code goods} list) that have an id. */
    SourceMap(String file, Tree.Arr goods) {
        this.file = file;
        this.shared = Map.of();
        for (int i = 0; i < goods.items.size(); i++) {
            if (goods.items.get(i) instanceof Tree.Obj o && o.get("id") instanceof Tree.Scalar s && s.text != null) {
                this.goods.putIfAbsent(s.text, new At(o, "goods[" + i + "]"));
            }
        }
    }

    /**
     * The source map of one good of a file read good by good: good {@code index} of the file is {@code good};
     * {@code refs} are the places of the goods that {@code ref} names shared between goods.
     */
    SourceMap(String file, Tree good, int index, Refs refs) {
        this.file = file;
        this.shared = refs.places;
        if (good instanceof Tree.Obj o && o.get("id") instanceof Tree.Scalar s && s.text != null) {
            goods.put(s.text, new At(o, "goods[" + index + "]"));
        }
    }

    /** The places of the goods that {@code ref} names in a file read good by good, shared by its goods' source maps. */
    static final class Refs {
        private final Map<String, At> places = new java.util.HashMap<>();

        /** Good {@code index} of the file, {@code good}, has the id {@code id}. */
        void add(String id, Tree.Obj good, int index) {
            places.putIfAbsent(id, new At(good, "goods[" + index + "]"));
        }
    }

    public String file() { return file; }

    private At good(String id) {
        At g = goods.get(id);
        return g != null ? g : shared.get(id);
    }

    /**
     * Where {@code path} (as the engine writes it) of the good {@code good} is; the position of the good
     * itself when the path is not in the file; no position ({@code 0:0}) when the good is not in this file.
     */
    public Location where(String good, String path) {
        At g = good == null ? null : good(good);
        String p = path == null ? "" : path;
        if (g == null) return new Location(file, 0, 0, p);
        At at = resolve(g, p);
        return new Location(file, at.node().line, at.node().column, at.path());
    }

    /** The diagnostic as a problem of this file: its position, field path, good and severity. */
    public Problem locate(Diagnostic d) {
        Location l = where(d.good(), d.path());
        return new Problem(file, l.line(), l.column(), l.path(), d.code(), d.message(), d.good(), d.severity());
    }

    /** Every diagnostic located, in order. */
    public List<Problem> locate(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(this::locate).toList();
    }

    private At resolve(At good, String path) {
        At at = good;
        String rest = path;
        if (rest.isEmpty()) return at;
        if (!rest.startsWith("materials[") && rest.indexOf('/') >= 0) {
            // the engine's bill-of-materials form: m1/m2/costs.totalCost
            int slash = rest.lastIndexOf('/');
            At bom = materials(at, rest.substring(0, slash));
            if (bom.node() == null) return new At(at.node(), bom.path() + "." + rest.substring(slash + 1));
            at = bom;
            rest = rest.substring(slash + 1);
        }
        if (child(at, rest) == null) {
            At m = material(at, rest, DEPTH);
            if (m != null) return m;
        }
        return fields(at, rest);
    }

    /** Follows a field path ({@code costs.totalCost}, {@code materials[m1].hs}) from {@code at}. */
    private At fields(At at, String rest) {
        Matcher m = SEGMENT.matcher(rest);
        int end = 0;
        while (end < rest.length() && m.find(end) && m.start() == end) {
            String name = m.group(1);
            String select = m.group(2);
            At next;
            if (name.equals("materials") && select != null && !digits(select)) {
                next = materials(at, select);
            } else {
                next = child(at, name);
                if (next != null && select != null) next = item(next, select);
            }
            if (next == null || next.node() == null) {
                String missing = next == null ? rest.substring(end) : next.path().substring(at.path().length() + 1) + rest.substring(m.end());
                return new At(at.node(), at.path() + "." + missing);
            }
            at = next;
            end = m.end();
            if (end < rest.length() && rest.charAt(end) == '.') end++;
        }
        return at;
    }

    /** The material at the end of {@code ids} ({@code m1/m2}); a null node (and the path so far) when one is not in the file. */
    private At materials(At at, String ids) {
        String[] steps = ids.split("/");
        for (int i = 0; i < steps.length; i++) {
            At m = material(at, steps[i], i == 0 && steps.length == 1 ? DEPTH : 0);
            if (m == null) return new At(null, at.path() + ".materials[" + String.join("/", List.of(steps).subList(i, steps.length)) + "]");
            at = m;
        }
        return at;
    }

    /**
     * The material line {@code id} of the good or material at {@code at}; when none of this level has that
     * id, also one up to {@code depth} levels further down the bill of materials (the engine names some
     * materials by their id alone).
     */
    private At material(At at, String id, int depth) {
        At list = child(at, "materials");
        if (list == null || !(list.node() instanceof Tree.Arr a)) return null;
        for (int i = 0; i < a.items.size(); i++) {
            if (a.items.get(i) instanceof Tree.Obj o && o.get("id") instanceof Tree.Scalar s && id.equals(s.text)) {
                return new At(o, list.path() + "[" + i + "]");
            }
        }
        if (depth > 0) {
            for (int i = 0; i < a.items.size(); i++) {
                At found = material(new At(a.items.get(i), list.path() + "[" + i + "]"), id, depth - 1);
                if (found != null) return found;
            }
        }
        return null;
    }

    /** The field {@code name} of the object at {@code at}; a material with a {@code ref} takes its production from the good it names. */
    private At child(At at, String name) {
        if (!(at.node() instanceof Tree.Obj o)) return null;
        Tree v = o.get(name);
        if (v != null) return new At(v, at.path() + "." + name);
        if (FROM_REF.contains(name) && o.get("ref") instanceof Tree.Scalar r && r.text != null && good(r.text) != null) {
            return child(good(r.text), name);
        }
        return null;
    }

    private static boolean digits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    /** Item {@code select} (an index, or the id of an object) of the list at {@code at}. */
    private static At item(At at, String select) {
        if (!(at.node() instanceof Tree.Arr a)) return null;
        if (digits(select)) {
            int i = Integer.parseInt(select);
            return i < a.items.size() ? new At(a.items.get(i), at.path() + "[" + i + "]") : null;
        }
        for (int i = 0; i < a.items.size(); i++) {
            if (a.items.get(i) instanceof Tree.Obj o && o.get("id") instanceof Tree.Scalar s && select.equals(s.text)) {
                return new At(o, at.path() + "[" + i + "]");
            }
        }
        return null;
    }
}
