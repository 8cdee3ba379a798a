package dev.origin.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence a determination rests on, stored with it in the ledger as JSON: each BOM line of the input with
 * its part, description, HS code, quantity, value, origin and the basis of that origin, and every supplier
 * declaration relied on as it stood when the determination was made. The audit file is written from it, so a
 * declaration changed or withdrawn later does not change what an old determination relied on.
 *
 * <pre>{@code
 * {"lines": [{"path", "level", "part", "description", "hs", "quantity", "value", "origin", "country",
 *             "supplier", "basis", "declaration"}],
 *  "declarations": [{"id", "supplier", "validFrom", "validTo", "statement", "criterion", "statedRvc",
 *                    "rvcMethod", "withdrawn", "withdrawnOn", "receivedOn", "parts": [...]}]}
 * }</pre>
 */
public final class Evidence {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Evidence() {}

    public static String json(GoodInput input) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode lines = root.putArray("lines");
        for (InputLine l : input.lines()) {
            ObjectNode o = lines.addObject();
            o.put("path", l.path());
            o.put("level", l.level());
            o.put("part", l.partId());
            o.put("description", l.description());
            o.put("hs", l.hs());
            o.put("quantity", l.quantity().stripTrailingZeros().toPlainString());
            o.put("value", l.value() == null ? null : l.value().toPlainString());
            o.put("origin", l.origin());
            o.put("country", l.country());
            o.put("supplier", l.supplierId());
            o.put("basis", l.basis());
            o.put("declaration", l.declaration() == null ? null : l.declaration().id());
        }
        ArrayNode decls = root.putArray("declarations");
        for (Declaration d : input.declarations()) {
            ObjectNode o = decls.addObject();
            o.put("id", d.id());
            o.put("supplier", d.supplierId());
            o.put("validFrom", d.validFrom().toString());
            o.put("validTo", d.validTo().toString());
            o.put("statement", d.statement().name());
            o.put("criterion", d.criterion());
            o.put("statedRvc", d.statedRvc() == null ? null : d.statedRvc().stripTrailingZeros().toPlainString());
            o.put("rvcMethod", d.rvcMethod());
            o.put("withdrawn", d.withdrawn());
            o.put("withdrawnOn", d.withdrawnOn() == null ? null : d.withdrawnOn().toString());
            o.put("receivedOn", d.receivedOn() == null ? null : d.receivedOn().toString());
            ArrayNode parts = o.putArray("parts");
            d.parts().forEach(parts::add);
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lines of stored evidence (declarations as stated there). */
    public static List<InputLine> lines(String evidence) {
        JsonNode root = parse(evidence);
        List<Declaration> decls = declarations(evidence);
        List<InputLine> out = new ArrayList<>();
        for (JsonNode l : root.path("lines")) {
            String did = text(l, "declaration");
            Declaration d = did == null ? null : decls.stream().filter(x -> x.id().equals(did)).findFirst().orElse(null);
            out.add(new InputLine(text(l, "path"), l.path("level").asInt(), text(l, "part"), text(l, "description"), text(l, "hs"),
                    new BigDecimal(text(l, "quantity")), text(l, "value") == null ? null : new BigDecimal(text(l, "value")),
                    text(l, "origin"), text(l, "country"), text(l, "supplier"), text(l, "basis"), d));
        }
        return out;
    }

    /** The declarations of stored evidence, as they stood. */
    public static List<Declaration> declarations(String evidence) {
        List<Declaration> out = new ArrayList<>();
        for (JsonNode d : parse(evidence).path("declarations")) {
            List<String> parts = new ArrayList<>();
            d.path("parts").forEach(p -> parts.add(p.asText()));
            out.add(new Declaration(text(d, "id"), text(d, "supplier"), LocalDate.parse(text(d, "validFrom")),
                    LocalDate.parse(text(d, "validTo")), Declaration.Statement.valueOf(text(d, "statement")), text(d, "criterion"),
                    text(d, "statedRvc") == null ? null : new BigDecimal(text(d, "statedRvc")), text(d, "rvcMethod"),
                    d.path("withdrawn").asBoolean(), date(d, "withdrawnOn"), date(d, "receivedOn"), parts));
        }
        return out;
    }

    private static JsonNode parse(String evidence) {
        try {
            return JSON.readTree(evidence);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored evidence is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static LocalDate date(JsonNode n, String field) {
        String t = text(n, field);
        return t == null ? null : LocalDate.parse(t);
    }
}
