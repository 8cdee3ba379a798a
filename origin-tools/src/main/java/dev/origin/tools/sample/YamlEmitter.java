package dev.origin.tools.sample;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a tree of maps, lists, strings, numbers and booleans as compact block YAML: small maps and lists
 * of scalars go on one line in flow style ({@code { rate: "28.00", currency: USD }}), as in
 * docs/fleet-format.md. Strings that YAML would read as another type are double-quoted.
 */
final class YamlEmitter {
    private static final int FLOW_LIMIT = 110;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9 _./()+-]*");
    private static final java.util.Set<String> RESERVED = java.util.Set.of("true", "false", "null", "yes", "no", "on",
            "off", "y", "n", "~");

    private YamlEmitter() {}

    static String write(Map<String, Object> root, List<String> headerComments) {
        StringBuilder b = new StringBuilder();
        for (String c : headerComments) {
            b.append(c.isEmpty() ? "#" : "# " + c).append('\n');
        }
        block(b, root, 0);
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static void block(StringBuilder b, Map<String, Object> map, int indent) {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            pad(b, indent).append(e.getKey()).append(':');
            value(b, e.getValue(), indent);
        }
    }

    @SuppressWarnings("unchecked")
    private static void value(StringBuilder b, Object v, int indent) {
        String flow = flow(v);
        if (flow != null && (flow.length() <= FLOW_LIMIT || !(v instanceof Map || v instanceof List))) {
            b.append(' ').append(flow).append('\n');
        } else if (v instanceof Map) {
            b.append('\n');
            block(b, (Map<String, Object>) v, indent + 2);
        } else if (v instanceof List) {
            b.append('\n');
            for (Object item : (List<Object>) v) {
                String f = flow(item);
                if (f != null && f.length() <= FLOW_LIMIT) {
                    pad(b, indent + 2).append("- ").append(f).append('\n');
                } else if (item instanceof Map) {
                    Map<String, Object> m = (Map<String, Object>) item;
                    boolean first = true;
                    for (Map.Entry<String, Object> e : m.entrySet()) {
                        pad(b, indent + 2).append(first ? "- " : "  ").append(e.getKey()).append(':');
                        value(b, e.getValue(), indent + 4);
                        first = false;
                    }
                } else {
                    throw new IllegalArgumentException("nested lists are not supported");
                }
            }
        } else {
            throw new IllegalArgumentException("cannot write " + v);
        }
    }

    /** Flow rendering of a scalar or of a map/list of flowable values; null when not flowable. */
    @SuppressWarnings("unchecked")
    private static String flow(Object v) {
        if (v instanceof Map) {
            StringBuilder b = new StringBuilder("{ ");
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
                String f = flow(e.getValue());
                if (f == null) {
                    return null;
                }
                b.append(first ? "" : ", ").append(e.getKey()).append(": ").append(f);
                first = false;
            }
            String s = b.append(" }").toString();
            return s.length() <= FLOW_LIMIT ? s : null;
        }
        if (v instanceof List) {
            StringBuilder b = new StringBuilder("[");
            boolean first = true;
            for (Object o : (List<Object>) v) {
                String f = flow(o);
                if (f == null) {
                    return null;
                }
                b.append(first ? "" : ", ").append(f);
                first = false;
            }
            String s = b.append(']').toString();
            return s.length() <= FLOW_LIMIT ? s : null;
        }
        return scalar(v);
    }

    static String scalar(Object v) {
        if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            return v.toString();
        }
        if (v instanceof String) {
            String s = (String) v;
            if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT)) && !s.endsWith(" ")
                    && !s.contains(": ") && !s.contains(" #")) {
                return s;
            }
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        throw new IllegalArgumentException("unsupported scalar " + v + " (" + (v == null ? "null" : v.getClass()) + ")");
    }

    private static StringBuilder pad(StringBuilder b, int n) {
        for (int i = 0; i < n; i++) {
            b.append(' ');
        }
        return b;
    }
}
