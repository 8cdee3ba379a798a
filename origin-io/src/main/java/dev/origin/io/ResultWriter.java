package dev.origin.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Diagnostic;
import dev.origin.core.engine.Finding;
import dev.origin.core.engine.RvcResult;
import dev.origin.core.engine.TraceNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Writes determinations as the JSON results document of the case-file contract, or as text for
 * people. Percentages are written unrounded to {@value #PERCENT_DECIMALS} decimals (truncated);
 * money amounts as strings with their scale.
 */
public final class ResultWriter {
    /** Decimals of percentages in JSON output. */
    public static final int PERCENT_DECIMALS = 6;
    private static final JsonFactory JSON = new JsonFactory();

    private ResultWriter() {}

    /** The results document {@code {"results": [...]}}. */
    public static String json(List<Determination> results) {
        return json(results, List.of());
    }

    /**
     * The results document {@code {"results": [...]}} and, when some goods had errors, their errors:
     * {@code "errors": [{"good", "code", "message", "file", "line", "column", "path"}]} (see {@link #errors}).
     */
    public static String json(List<Determination> results, List<Problem> errors) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("results");
            for (Determination d : results) determination(g, d, true);
            g.writeEndArray();
            errors(g, errors);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString() + System.lineSeparator();
    }

    /**
     * The comparison document of {@code origin compare --format json}: {@code {"comparisons": [{"good", "date",
     * "results": [...]}], "errors": [...]}}, one entry per good with its determinations under each regime.
     */
    public static String comparison(List<List<Determination>> table, List<Problem> errors) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("comparisons");
            for (List<Determination> row : table) {
                g.writeStartObject();
                g.writeStringField("good", row.get(0).good());
                g.writeStringField("date", row.get(0).date().toString());
                g.writeArrayFieldStart("results");
                for (Determination d : row) determination(g, d, true);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            errors(g, errors);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw + System.lineSeparator();
    }

    /**
     * Writes the field {@code "errors"}, one object per problem with {@code good} (null when the problem
     * concerns no good), {@code code}, {@code message}, {@code file}, {@code line} and {@code column}
     * (0 when unknown) and {@code path}; nothing when there are none.
     */
    public static void errors(JsonGenerator g, List<Problem> errors) throws IOException {
        if (errors.isEmpty()) return;
        g.writeArrayFieldStart("errors");
        for (Problem p : errors) {
            g.writeStartObject();
            if (p.good() == null) g.writeNullField("good"); else g.writeStringField("good", p.good());
            g.writeStringField("code", p.code());
            g.writeStringField("message", p.message());
            g.writeStringField("file", p.file());
            g.writeNumberField("line", p.line());
            g.writeNumberField("column", p.column());
            g.writeStringField("path", p.path());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void determination(JsonGenerator g, Determination d, boolean full) throws IOException {
        determination(g, d, full, TraceView.FULL);
    }

    /** Which view of the explanation tree a result carries in its {@code trace} field ({@code --trace}). */
    public enum TraceView {
        /** No trace: {@code "trace": null}. */
        NONE,
        /** For a good that is not ORIGINATING, the failing path (the view {@code origin explain} prints); null for the others. */
        FAILING,
        /** The whole tree. */
        FULL;

        /** The view of {@code d}'s trace, or null. */
        public TraceNode of(Determination d) {
            if (this == NONE || d.explanation() == null) return null;
            TraceNode root = d.trace();
            if (this == FULL) return root;
            if (d.status() == dev.origin.core.engine.Status.ORIGINATING) return null;
            TraceNode failing = root.failingPath();
            return failing == null ? root : failing;
        }
    }

    /** Writes one result object of the results document (the same shape as an item of {@code results}). */
    public static void result(JsonGenerator g, Determination d, TraceView view) throws IOException {
        determination(g, d, true, view);
    }

    private static void determination(JsonGenerator g, Determination d, boolean full, TraceView view) throws IOException {
        g.writeStartObject();
        g.writeStringField("good", d.good());
        g.writeStringField("regime", d.regime());
        g.writeStringField("date", d.date().toString());
        g.writeStringField("status", d.status().name());
        if (d.rvc() != null) rvc(g, d.rvc());
        if (d.tariff() != null) {
            var t = d.tariff();
            g.writeObjectFieldStart("tariff");
            g.writeStringField("importer", t.importer());
            if (t.ratePercent() == null) g.writeNullField("ratePercent"); else g.writeNumberField("ratePercent", t.ratePercent());
            if (t.mfnRatePercent() == null) g.writeNullField("mfnRatePercent"); else g.writeNumberField("mfnRatePercent", t.mfnRatePercent());
            money(g, "customsValue", t.customsValue());
            money(g, "dutyOwed", t.dutyOwed());
            money(g, "dutySaved", t.dutySaved());
            g.writeStringField("note", t.note());
            g.writeEndObject();
        }
        if (!full) {
            g.writeEndObject();
            return;
        }
        g.writeArrayFieldStart("requirements");
        for (Finding r : d.findings()) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeStringField("kind", r.kind().label());
            if (r.met() == null) g.writeNullField("met"); else g.writeBooleanField("met", r.met());
            g.writeStringField("status", r.status().name());
            if (r.value() != null) g.writeNumberField("value", pct(r.value()));
            if (r.threshold() != null) g.writeNumberField("min", r.threshold());
            if (r.citation() != null) g.writeStringField("citation", r.citation());
            if (r.note() != null) g.writeStringField("note", r.note());
            if (!r.missing().isEmpty()) {
                g.writeArrayFieldStart("missing");
                for (String m : r.missing()) g.writeString(m);
                g.writeEndArray();
            }
            if (r.basis() != null) g.writeStringField("basis", r.basis().name());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!d.missingFacts().isEmpty()) {
            g.writeArrayFieldStart("missingFacts");
            for (String m : d.missingFacts()) g.writeString(m);
            g.writeEndArray();
        }
        g.writeArrayFieldStart("decidingRules");
        for (String id : d.decidingRules()) g.writeString(id);
        g.writeEndArray();
        if (d.totalCost() != null) g.writeStringField("totalCost", d.totalCost().toPlainString());
        g.writeStringField("vnm", d.vnm().toPlainString());
        if (d.bounds() != null) {
            g.writeObjectFieldStart("bounds");
            g.writeArrayFieldStart("unknownMaterials");
            for (String u : d.bounds().unknownMaterials()) g.writeString(u);
            g.writeEndArray();
            g.writeFieldName("best");
            determination(g, d.bounds().best(), false);
            g.writeFieldName("worst");
            determination(g, d.bounds().worst(), false);
            g.writeEndObject();
        }
        g.writeArrayFieldStart("diagnostics");
        for (Diagnostic x : d.diagnostics()) {
            g.writeStartObject();
            g.writeStringField("severity", x.severity().name());
            g.writeStringField("code", x.code());
            g.writeStringField("message", x.message());
            g.writeStringField("path", x.path());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("trace");
        TraceNode shown = view.of(d);
        if (shown == null) g.writeNull(); else trace(g, shown);
        g.writeEndObject();
    }

    private static void rvc(JsonGenerator g, RvcResult r) throws IOException {
        g.writeObjectFieldStart("rvc");
        g.writeStringField("method", r.method().name());
        g.writeNumberField("value", pct(r.value()));
        g.writeNumberField("min", r.min());
        money(g, "netCost", r.netCost());
        money(g, "transactionValue", r.transactionValue());
        money(g, "vnm", r.vnm());
        g.writeEndObject();
    }

    private static void money(JsonGenerator g, String name, BigDecimal v) throws IOException {
        if (v == null) g.writeNullField(name); else g.writeStringField(name, v.toPlainString());
    }

    /** A percentage truncated to {@value #PERCENT_DECIMALS} decimals. */
    public static BigDecimal pct(BigDecimal v) {
        return v.setScale(PERCENT_DECIMALS, RoundingMode.DOWN);
    }

    private static void trace(JsonGenerator g, TraceNode n) throws IOException {
        g.writeStartObject();
        g.writeStringField("label", n.label());
        if (n.ruleId() != null) g.writeStringField("rule", n.ruleId());
        if (n.citation() != null) g.writeStringField("citation", n.citation());
        if (n.amount() != null) g.writeStringField("amount", n.amount().toPlainString());
        if (n.threshold() != null) g.writeStringField("threshold", n.threshold().toPlainString());
        if (n.outcome() == null) g.writeNullField("outcome"); else g.writeBooleanField("outcome", n.outcome());
        if (!n.children().isEmpty()) {
            g.writeArrayFieldStart("children");
            for (TraceNode c : n.children()) trace(g, c);
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** A short human summary of one determination. */
    public static String text(Determination d) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.good()).append(": ").append(d.status()).append(" under ").append(d.regime()).append(" on ").append(d.date()).append('\n');
        if (d.rvc() != null) {
            RvcResult r = d.rvc();
            sb.append("  RVC (").append(r.method()).append(") ").append(display(r.value())).append(" % (min ")
                    .append(r.min().toPlainString()).append(" %)");
            if (r.netCost() != null) sb.append("; net cost ").append(r.netCost().toPlainString());
            if (r.transactionValue() != null) sb.append("; transaction value ").append(r.transactionValue().toPlainString());
            sb.append("; VNM ").append(r.vnm().toPlainString()).append('\n');
        }
        if (d.tariff() != null) {
            var t = d.tariff();
            sb.append("  Duty into ").append(t.importer()).append(": ");
            if (t.dutyOwed() != null) sb.append(t.dutyOwed().toPlainString()).append(" per unit");
            else sb.append(t.ratePercent() == null ? "unknown" : t.ratePercent().stripTrailingZeros().toPlainString() + " %");
            if (t.dutySaved() != null && t.dutySaved().signum() > 0) sb.append(d.status() == dev.origin.core.engine.Status.ORIGINATING
                    ? " (qualifying saves " : " (qualifying would save ").append(t.dutySaved().toPlainString()).append(")");
            sb.append(" — ").append(t.note()).append('\n');
        }
        // each citation once, above the requirements it covers; an alternative the verdict did not need is marked so
        boolean originating = d.status() == dev.origin.core.engine.Status.ORIGINATING;
        String cited = null;
        for (Finding r : d.findings()) {
            if (r.citation() != null && !r.citation().equals(cited)) {
                sb.append("  ").append(r.citation()).append('\n');
                cited = r.citation();
            }
            boolean notNeeded = originating && !r.status().isMet() && !d.decidingRules().contains(r.id());
            sb.append("    ").append(notNeeded ? "[-]" : r.met() == null ? "[?]" : r.met() ? "[x]" : "[ ]").append(' ')
                    .append(r.id()).append(" (").append(r.kind().label()).append(')');
            if (r.value() != null) sb.append(' ').append(display(r.value())).append(" %");
            if (r.threshold() != null) sb.append(r.value() != null ? " against " : " needs ").append(r.threshold().toPlainString()).append(" %");
            if (notNeeded) sb.append(" — not needed: another alternative is met");
            else if (!r.missing().isEmpty()) sb.append(" — not evaluable: give ").append(String.join(", ", r.missing()));
            sb.append('\n');
        }
        if (d.bounds() != null) {
            sb.append("  unknown origin: ").append(String.join(", ", d.bounds().unknownMaterials())).append('\n');
            sb.append("    best case (originating): ").append(d.bounds().best().status()).append(bound(d.bounds().best())).append('\n');
            sb.append("    worst case (non-originating): ").append(d.bounds().worst().status()).append(bound(d.bounds().worst())).append('\n');
        }
        for (Diagnostic x : d.diagnostics()) {
            sb.append("  ").append(x.severity()).append(' ').append(x.code()).append(": ").append(x.message()).append('\n');
        }
        return sb.toString();
    }

    private static String bound(Determination d) {
        return d.rvc() == null ? "" : ", RVC " + display(d.rvc().value()) + " %";
    }

    /** A percentage for people: 4 decimals, truncated, trailing zeros dropped. */
    public static String display(BigDecimal pct) {
        return pct.setScale(4, RoundingMode.DOWN).stripTrailingZeros().toPlainString();
    }

    /** The failing-path view of the trace in plain language, one node per line, with citations. */
    public static String explain(Determination d) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.good()).append(" is ").append(d.status()).append(" under ").append(d.regime()).append(" on ").append(d.date()).append(".\n");
        TraceNode root = d.trace();
        if (root == null) return sb.toString();
        TraceNode view = d.status() == dev.origin.core.engine.Status.ORIGINATING ? root : root.failingPath();
        if (view == null) view = root;
        if (d.status() == dev.origin.core.engine.Status.UNDETERMINED && d.bounds() != null) {
            sb.append("It depends on materials of unknown origin: ").append(String.join(", ", d.bounds().unknownMaterials()))
                    .append(". Treated as originating it would be ").append(d.bounds().best().status())
                    .append("; treated as non-originating it is ").append(d.bounds().worst().status()).append(".\n");
        }
        if (d.status() == dev.origin.core.engine.Status.UNDETERMINED && !d.missingFacts().isEmpty()) {
            sb.append("It cannot be decided without: ").append(String.join(", ", d.missingFacts())).append(".\n");
        }
        sb.append(d.status() == dev.origin.core.engine.Status.ORIGINATING ? "Why it qualifies:\n"
                : d.status() == dev.origin.core.engine.Status.UNDETERMINED ? "What was found:\n" : "Why it does not qualify:\n");
        render(view, 1, new java.util.HashSet<>(), sb);
        for (Diagnostic x : d.diagnostics()) sb.append("Note: ").append(x.code()).append(": ").append(x.message()).append('\n');
        return sb.toString();
    }

    /** One node per line; each citation is shown the first time it applies, so it is read once. */
    private static void render(TraceNode n, int depth, java.util.Set<String> cited, StringBuilder sb) {
        sb.append("  ".repeat(depth)).append(n.outcome() == null ? "- " : n.outcome() ? "✓ " : "✗ ").append(n.label());
        if (n.amount() != null && !n.label().contains(n.amount().toPlainString())) sb.append(" [").append(n.amount().toPlainString()).append(']');
        if (n.citation() != null && cited.add(n.citation())) sb.append(" (").append(n.citation()).append(')');
        sb.append('\n');
        for (TraceNode c : n.children()) render(c, depth + 1, cited, sb);
    }
}
