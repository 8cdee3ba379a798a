package dev.origin.io.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes goods given as catalog rows as case-file JSON (docs/case-file.md): either one document
 * {@code {"goods": [...]}} or NDJSON, one good object per line. Only the fields of the tabular format are
 * written; amounts are written as strings (read exactly); a table's excluded costs are written as
 * {@code excludedCosts.salesPromotion} (their category changes nothing in a determination).
 */
public final class CaseFileWriter implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();
    private final JsonGenerator g;
    private final OutputStream out;
    private final boolean ndjson;

    /** A writer of a whole document ({@code ndjson = false}) or of one good per line. */
    public CaseFileWriter(OutputStream out, boolean ndjson) throws IOException {
        this.out = out;
        this.ndjson = ndjson;
        this.g = JSON.createGenerator(out);
        g.setRootValueSeparator(null);
        if (!ndjson) {
            g.writeStartObject();
            g.writeArrayFieldStart("goods");
        }
    }

    /** Writes one good from its row and its lines (any order; nested by {@code parent_id}). */
    public void good(GoodRow row, List<LineRow> lines) throws IOException {
        Map<String, List<LineRow>> children = new HashMap<>();
        for (LineRow l : lines) children.computeIfAbsent(l.parentId(), k -> new ArrayList<>()).add(l);
        g.writeStartObject();
        g.writeStringField("id", row.goodId());
        g.writeStringField("hs", row.hs());
        g.writeObjectFieldStart("producer");
        g.writeStringField("country", row.producerCountry());
        g.writeEndObject();
        if (row.destination() != null) g.writeStringField("destination", row.destination());
        if (row.date() != null) g.writeStringField("date", row.date().toString());
        if (row.use() != null) g.writeStringField("use", row.use());
        if (row.vehicle() != null) g.writeStringField("vehicle", row.vehicle());
        money("transactionValue", row.transactionValue());
        money("internationalShipping", row.internationalShipping());
        if (row.hasCosts()) {
            g.writeObjectFieldStart("costs");
            money("originatingMaterials", row.originatingMaterials());
            money("nonOriginatingMaterials", row.nonOriginatingMaterials());
            money("otherCosts", row.otherCosts());
            excluded(row.excludedCosts());
            g.writeEndObject();
        }
        materials(children, null);
        if (row.rule() != null) g.writeStringField("rule", row.rule());
        g.writeEndObject();
        if (ndjson) {
            g.flush();
            out.write('\n');
        }
    }

    private void materials(Map<String, List<LineRow>> children, String parent) throws IOException {
        List<LineRow> ls = children.get(parent);
        if (ls == null) return;
        g.writeArrayFieldStart("materials");
        for (LineRow l : ls) {
            g.writeStartObject();
            g.writeStringField("id", l.lineId());
            g.writeStringField("hs", l.hs());
            money("value", l.value());
            if (l.origin() != null) g.writeStringField("origin", l.origin());
            if (l.country() != null) g.writeStringField("country", l.country());
            if (l.selfProduced()) g.writeBooleanField("selfProduced", true);
            if (l.intermediate()) g.writeBooleanField("intermediate", true);
            if (l.otherCosts() != null || l.excludedCosts() != null) {
                g.writeObjectFieldStart("costs");
                money("otherCosts", l.otherCosts());
                excluded(l.excludedCosts());
                g.writeEndObject();
            }
            materials(children, l.lineId());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void excluded(java.math.BigDecimal v) throws IOException {
        if (v == null) return;
        g.writeObjectFieldStart("excludedCosts");
        money("salesPromotion", v);
        g.writeEndObject();
    }

    private void money(String field, java.math.BigDecimal v) throws IOException {
        if (v != null) g.writeStringField(field, v.toPlainString());
    }

    @Override public void close() throws IOException {
        if (!ndjson) {
            g.writeEndArray();
            g.writeEndObject();
        }
        g.flush();
        if (!ndjson) out.write('\n');
        g.close();
    }

    /** For callers in lambdas. */
    static void unchecked(IOException e) {
        throw new UncheckedIOException(e);
    }
}
