package dev.origin.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Finding;
import dev.origin.core.engine.FindingStatus;
import dev.origin.core.engine.RvcResult;
import dev.origin.core.engine.Status;
import dev.origin.core.rules.RequirementKind;
import dev.origin.core.rules.RvcMethod;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stored determination read back from the ledger's findings document (the results JSON the engine wrote): the
 * verdict, the requirements with their status, the deciding rules, the RVC, VNM and tariff consequence. The trace
 * and the bounds' own findings are not rebuilt (the audit file exports them as stored); what certificates and
 * requalification reports need is.
 */
public final class StoredFindings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredFindings() {}

    /** The determination of {@code e}. */
    public static Determination of(LedgerEntry e) {
        JsonNode r;
        try {
            r = JSON.readTree(e.findings()).get("results").get(0);
        } catch (IOException | NullPointerException ex) {
            throw new StoreException("the findings of determination " + e.id() + " cannot be read: " + ex.getMessage(), ex);
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode q : r.path("requirements")) {
            List<String> missing = new ArrayList<>();
            for (JsonNode m : q.path("missing")) missing.add(m.asText());
            findings.add(new Finding(q.path("id").asText(), kind(q.path("kind").asText()), FindingStatus.valueOf(q.path("status").asText()),
                    decimal(q, "value"), decimal(q, "min"), text(q, "citation"), Map.of(), missing,
                    q.hasNonNull("basis") ? Finding.Basis.valueOf(q.get("basis").asText()) : null, text(q, "note")));
        }
        List<String> deciding = new ArrayList<>();
        for (JsonNode x : r.path("decidingRules")) deciding.add(x.asText());
        RvcResult rvc = null;
        JsonNode v = r.get("rvc");
        Status status = Status.valueOf(r.path("status").asText());
        if (v != null && !v.isNull()) {
            BigDecimal value = decimal(v, "value"), min = decimal(v, "min");
            rvc = new RvcResult(RvcMethod.valueOf(v.path("method").asText()), value, min, decimal(v, "netCost"), decimal(v, "transactionValue"),
                    decimal(v, "vnm"), value != null && min != null && value.compareTo(min) >= 0);
        }
        Determination.Tariff tariff = null;
        JsonNode t = r.get("tariff");
        if (t != null && !t.isNull()) {
            tariff = new Determination.Tariff(text(t, "importer"), decimal(t, "ratePercent"), decimal(t, "mfnRatePercent"),
                    decimal(t, "customsValue"), decimal(t, "dutyOwed"), decimal(t, "dutySaved"), text(t, "note"));
        }
        Determination.Bounds bounds = null;
        if (r.hasNonNull("bounds")) {
            List<String> unknown = new ArrayList<>();
            for (JsonNode u : r.get("bounds").path("unknownMaterials")) unknown.add(u.asText());
            bounds = new Determination.Bounds(unknown, null, null);
        }
        return new Determination(r.path("good").asText(), r.path("regime").asText(), e.packRevision(),
                java.time.LocalDate.parse(r.path("date").asText()), status, rvc, findings, deciding, List.of(), null, bounds,
                decimal(r, "totalCost"), decimal(r, "vnm"), tariff);
    }

    private static RequirementKind kind(String label) {
        for (RequirementKind k : RequirementKind.values()) if (k.label().equals(label)) return k;
        return RequirementKind.PRODUCT_RULE;
    }

    private static BigDecimal decimal(JsonNode n, String field) {
        JsonNode x = n.get(field);
        return x == null || x.isNull() ? null : new BigDecimal(x.asText());
    }

    private static String text(JsonNode n, String field) {
        JsonNode x = n.get(field);
        return x == null || x.isNull() ? null : x.asText();
    }
}
