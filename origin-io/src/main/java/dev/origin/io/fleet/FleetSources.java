package dev.origin.io.fleet;

import dev.origin.core.engine.Diagnostic;
import dev.origin.io.Problem;
import dev.origin.io.Tree;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the models of a fleet file are (YAML, JSON or CSV: a CSV cell keeps its row and field number), to
 * place the engine's diagnostics about the good a model is ({@code GoodBuilder}) in the fleet file, as the
 * reader's own problems are: file, line, column and field path such as {@code models[2].parts[0]}.
 *
 * <p>A fleet model becomes a good whose paths the engine writes in case-file terms; they are taken back to
 * the fleet's fields: {@code hs} and {@code vehicle} to the model's {@code hs} and {@code class}, a material
 * ({@code engine}, {@code materials[engine]}, {@code engine/costs}) to the part of that id, {@code costs} and
 * {@code labour} to {@code assembly} ({@code labour.highWageLabour} to {@code assembly.labour}),
 * {@code transactionValue} to {@code price}, {@code steel}, {@code aluminum} and {@code intangibles} to theirs;
 * anything else to the model itself.
 */
public final class FleetSources {
    private final String file;
    private final Map<String, Tree.Obj> models = new LinkedHashMap<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();

    FleetSources(String file, Tree root) {
        this.file = file;
        if (root instanceof Tree.Obj o && o.get("models") instanceof Tree.Arr arr) {
            for (int i = 0; i < arr.items.size(); i++) {
                if (arr.items.get(i) instanceof Tree.Obj m && m.get("id") instanceof Tree.Scalar s && s.text != null && !models.containsKey(s.text)) {
                    models.put(s.text, m);
                    index.put(s.text, i);
                }
            }
        }
    }

    /** Sources of a fleet that has no file (the built-in sample): every diagnostic is placed at the file's name alone. */
    public static FleetSources none(String file) {
        return new FleetSources(file, null);
    }

    public String file() { return file; }

    /** The diagnostic {@code d} of the good that model {@code d.good()} is, as a problem of this file. */
    public Problem locate(Diagnostic d) {
        Tree.Obj m = models.get(d.good());
        if (m == null) return new Problem(file, 0, 0, "", d.code(), d.message(), d.good(), d.severity());
        String p = "models[" + index.get(d.good()) + "]";
        String path = d.path() == null ? "" : d.path();
        Tree at = m;
        String where = p;
        String head = path.split("[./\\[]", 2)[0];
        switch (head) {
            case "" -> { }
            case "hs" -> { at = field(m, "hs"); where = p + ".hs"; }
            case "vehicle" -> { at = field(m, "class"); where = p + ".class"; }
            case "transactionValue", "internationalShipping" -> { at = field(m, "price"); where = p + ".price"; }
            case "steel", "aluminum", "intangibles" -> { at = field(m, head); where = p + "." + head; }
            case "costs", "labour" -> {
                Tree a = field(m, "assembly");
                at = a;
                where = p + ".assembly";
                String inner = path.equals("labour.highWageLabour") ? "labour" : path.startsWith("costs.excluded") ? "excluded" : null;
                if (inner != null && a instanceof Tree.Obj ao && ao.get(inner) != null) {
                    at = ao.get(inner);
                    where = where + "." + inner;
                }
            }
            default -> {
                String part = head.equals("materials") ? path.substring(path.indexOf('[') + 1).split("[\\]/]", 2)[0] : head;
                if (m.get("parts") instanceof Tree.Arr parts) {
                    for (int i = 0; i < parts.items.size(); i++) {
                        if (parts.items.get(i) instanceof Tree.Obj po && po.get("id") instanceof Tree.Scalar s && part.equals(s.text)) {
                            at = po;
                            where = p + ".parts[" + i + "]";
                        }
                    }
                }
            }
        }
        if (at == null) at = m;
        return new Problem(file, at.line, at.column, where, d.code(), d.message(), d.good(), d.severity());
    }

    private static Tree field(Tree.Obj o, String key) {
        return o.get(key);
    }
}
