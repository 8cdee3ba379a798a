package dev.origin.io;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Diagnostic;
import dev.origin.core.engine.Finding;
import dev.origin.core.engine.RvcResult;
import dev.origin.core.engine.TraceNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * One ndjson result line written straight into a buffer, character for character what {@link ResultWriter#result}
 * writes through a Jackson generator without a pretty printer (same fields, order, numbers as
 * {@link BigDecimal#toString()}, strings escaped alike), at a fraction of the cost. It handles the strings Jackson writes
 * as they are or with {@code \"} and {@code \\}; for a string holding a control character it gives up (returns
 * false) and the caller uses the generator. NdjsonTextTest compares both on the determinations of generated
 * catalogs and the examples, with every trace view.
 */
final class NdjsonText {
    private NdjsonText() {}

    /** Appends the result line of {@code d} (with its line break) to {@code sb}; false, with {@code sb} in any state, when it cannot. */
    static boolean write(StringBuilder sb, Determination d, ResultWriter.TraceView view) {
        return determination(sb, d, true, view) && sb.append('\n') != null;
    }

    private static boolean determination(StringBuilder sb, Determination d, boolean full, ResultWriter.TraceView view) {
        sb.append('{');
        if (!field(sb, "good", d.good(), false)) return false;
        if (!field(sb, "regime", d.regime(), true)) return false;
        if (!field(sb, "date", d.date().toString(), true)) return false;
        if (!field(sb, "status", d.status().name(), true)) return false;
        RvcResult r = d.rvc();
        if (r != null) {
            sb.append(",\"rvc\":{");
            if (!field(sb, "method", r.method().name(), false)) return false;
            number(sb, "value", ResultWriter.pct(r.value()));
            number(sb, "min", r.min());
            money(sb, "netCost", r.netCost());
            money(sb, "transactionValue", r.transactionValue());
            money(sb, "vnm", r.vnm());
            sb.append('}');
        }
        if (d.tariff() != null) {
            var t = d.tariff();
            sb.append(",\"tariff\":{");
            if (!field(sb, "importer", t.importer(), false)) return false;
            number(sb, "ratePercent", t.ratePercent());
            number(sb, "mfnRatePercent", t.mfnRatePercent());
            money(sb, "customsValue", t.customsValue());
            money(sb, "dutyOwed", t.dutyOwed());
            money(sb, "dutySaved", t.dutySaved());
            if (!field(sb, "note", t.note(), true)) return false;
            sb.append('}');
        }
        if (!full) {
            sb.append('}');
            return true;
        }
        sb.append(",\"requirements\":[");
        boolean first = true;
        for (Finding f : d.findings()) {
            if (!first) sb.append(',');
            first = false;
            sb.append('{');
            if (!field(sb, "id", f.id(), false)) return false;
            if (!field(sb, "kind", f.kind().label(), true)) return false;
            sb.append(",\"met\":").append(f.met() == null ? "null" : f.met() ? "true" : "false");
            if (!field(sb, "status", f.status().name(), true)) return false;
            if (f.value() != null) number(sb, "value", ResultWriter.pct(f.value()));
            if (f.threshold() != null) number(sb, "min", f.threshold());
            if (f.citation() != null && !field(sb, "citation", f.citation(), true)) return false;
            if (f.note() != null && !field(sb, "note", f.note(), true)) return false;
            if (!f.missing().isEmpty() && !array(sb, "missing", f.missing(), true)) return false;
            if (f.basis() != null && !field(sb, "basis", f.basis().name(), true)) return false;
            sb.append('}');
        }
        sb.append(']');
        if (!d.missingFacts().isEmpty() && !array(sb, "missingFacts", d.missingFacts(), true)) return false;
        if (!array(sb, "decidingRules", d.decidingRules(), true)) return false;
        if (d.totalCost() != null) money(sb, "totalCost", d.totalCost());
        if (!field(sb, "vnm", d.vnm().toPlainString(), true)) return false;
        if (d.bounds() != null) {
            sb.append(",\"bounds\":{");
            if (!array(sb, "unknownMaterials", d.bounds().unknownMaterials(), false)) return false;
            sb.append(",\"best\":");
            if (!determination(sb, d.bounds().best(), false, view)) return false;
            sb.append(",\"worst\":");
            if (!determination(sb, d.bounds().worst(), false, view)) return false;
            sb.append('}');
        }
        sb.append(",\"diagnostics\":[");
        first = true;
        for (Diagnostic x : d.diagnostics()) {
            if (!first) sb.append(',');
            first = false;
            sb.append('{');
            if (!field(sb, "severity", x.severity().name(), false)) return false;
            if (!field(sb, "code", x.code(), true)) return false;
            if (!field(sb, "message", x.message(), true)) return false;
            if (!field(sb, "path", x.path(), true)) return false;
            sb.append('}');
        }
        sb.append("],\"trace\":");
        TraceNode shown = view.of(d);
        if (shown == null) sb.append("null");
        else if (!trace(sb, shown)) return false;
        sb.append('}');
        return true;
    }

    private static boolean trace(StringBuilder sb, TraceNode n) {
        sb.append('{');
        if (!field(sb, "label", n.label(), false)) return false;
        if (n.ruleId() != null && !field(sb, "rule", n.ruleId(), true)) return false;
        if (n.citation() != null && !field(sb, "citation", n.citation(), true)) return false;
        if (n.amount() != null) money(sb, "amount", n.amount());
        if (n.threshold() != null) money(sb, "threshold", n.threshold());
        sb.append(",\"outcome\":").append(n.outcome() == null ? "null" : n.outcome() ? "true" : "false");
        if (!n.children().isEmpty()) {
            sb.append(",\"children\":[");
            boolean first = true;
            for (TraceNode c : n.children()) {
                if (!first) sb.append(',');
                first = false;
                if (!trace(sb, c)) return false;
            }
            sb.append(']');
        }
        sb.append('}');
        return true;
    }

    private static boolean array(StringBuilder sb, String name, List<String> items, boolean comma) {
        if (comma) sb.append(',');
        sb.append('"').append(name).append("\":[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(',');
            if (!string(sb, items.get(i))) return false;
        }
        sb.append(']');
        return true;
    }

    private static boolean field(StringBuilder sb, String name, String value, boolean comma) {
        if (comma) sb.append(',');
        sb.append('"').append(name).append("\":");
        return string(sb, value);
    }

    /** As Jackson writes a {@code BigDecimal} (its {@code toString()}), or null. */
    private static void number(StringBuilder sb, String name, BigDecimal v) {
        sb.append(",\"").append(name).append("\":");
        if (v == null) sb.append("null");
        else sb.append(v.toString());
    }

    /** An amount as a string in plain notation, or null. */
    private static void money(StringBuilder sb, String name, BigDecimal v) {
        sb.append(",\"").append(name).append("\":");
        if (v == null) sb.append("null");
        else sb.append('"').append(v.toPlainString()).append('"');
    }

    /**
     * Long strings found to need no escape, by their very object, per thread (a direct-mapped table): the citations,
     * notes and labels of a rule pack and a tariff table recur in every result, as the same objects.
     */
    private static final ThreadLocal<String[]> PLAIN = ThreadLocal.withInitial(() -> new String[512]);

    /** A JSON string as Jackson writes it; false for one holding a character Jackson writes as an escape other than {@code \"} and {@code \\}. */
    private static boolean string(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return true;
        }
        if (s.length() < 24) return escape(sb, s);
        String[] plain = PLAIN.get();
        int slot = System.identityHashCode(s) & (plain.length - 1);
        if (plain[slot] == s) {
            sb.append('"').append(s).append('"');
            return true;
        }
        int before = sb.length();
        if (!escape(sb, s)) return false;
        // no quote or backslash was escaped: the text is the string itself
        if (sb.length() - before == s.length() + 2) plain[slot] = s;
        return true;
    }

    private static boolean escape(StringBuilder sb, String s) {
        sb.append('"');
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20) return false;
            if (c == '"' || c == '\\') {
                sb.append(s, start, i).append('\\').append(c);
                start = i + 1;
            }
        }
        sb.append(s, start, n).append('"');
        return true;
    }
}
