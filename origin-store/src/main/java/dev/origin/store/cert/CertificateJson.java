package dev.origin.store.cert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A certificate as JSON: the structured data (parties, goods with criterion and the determination each rests
 * on, blanket period, signature) and the numbered elements as printed, so that a reader needs no knowledge of
 * the form. Dates are ISO ({@code 2024-01-31}); absent parties are {@code null}.
 */
public final class CertificateJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CertificateJson() {}

    /** The USMCA certification as a JSON document. */
    public static String of(UsmcaCertification c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("form", "usmca-certification-of-origin");
        m.put("basis", "USMCA Article 5.2 and Annex 5-A");
        m.put("id", c.id());
        m.put("certifierRole", c.role().word());
        m.put("certifier", party(c.certifier()));
        m.put("exporter", party(c.exporter()));
        m.put("producer", party(c.producer()));
        m.put("importer", party(c.importer()));
        List<Map<String, Object>> goods = new ArrayList<>();
        for (UsmcaCertification.Item g : c.goods()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("good", g.goodId());
            i.put("description", g.description());
            i.put("hs", UsmcaCertification.hs6(g.hs()));
            i.put("originCriterion", g.criterion().name());
            i.put("criterionCitation", g.criterion().citation());
            i.put("determination", g.determinationId());
            goods.add(i);
        }
        m.put("goods", goods);
        m.put("blanketPeriod", period(c.blanketFrom(), c.blanketTo()));
        m.put("signature", signature(c.signature()));
        m.put("statement", UsmcaCertification.STATEMENT);
        m.put("elements", elements(c.elements()));
        return write(m);
    }

    /** The NAFTA certificate as a JSON document. */
    public static String of(NaftaCertificate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("form", "nafta-certificate-of-origin");
        m.put("basis", "NAFTA Article 501; fields of the former CBP Form 434");
        m.put("id", c.id());
        m.put("exporter", party(c.exporter()));
        m.put("blanketPeriod", period(c.blanketFrom(), c.blanketTo()));
        m.put("producer", party(c.producer()));
        m.put("importer", party(c.importer()));
        List<Map<String, Object>> goods = new ArrayList<>();
        for (NaftaCertificate.Item g : c.goods()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("good", g.goodId());
            i.put("description", g.description());
            i.put("hs", UsmcaCertification.hs6(g.hs()));
            i.put("preferenceCriterion", g.criterion().name());
            i.put("criterionCitation", g.criterion().citation());
            i.put("producer", g.producer().label());
            i.put("netCost", g.netCost() ? "NC" : "NO");
            i.put("countryOfOrigin", g.countryOfOrigin());
            i.put("determination", g.determinationId());
            goods.add(i);
        }
        m.put("goods", goods);
        m.put("signature", signature(c.signature()));
        m.put("statements", NaftaCertificate.STATEMENTS);
        m.put("fields", elements(c.fields()));
        return write(m);
    }

    private static Map<String, Object> party(Party p) {
        if (p == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("address", p.address());
        m.put("country", p.country());
        m.put("telephone", p.telephone());
        m.put("email", p.email());
        if (p.taxId() != null) m.put("taxId", p.taxId());
        return m;
    }

    private static Map<String, Object> period(java.time.LocalDate from, java.time.LocalDate to) {
        if (from == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from.toString());
        m.put("to", to.toString());
        return m;
    }

    private static Map<String, Object> signature(Signature s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("title", s.title());
        m.put("company", s.company());
        m.put("date", s.date().toString());
        m.put("telephone", s.telephone());
        m.put("email", s.email());
        return m;
    }

    private static List<Map<String, Object>> elements(List<DataElement> es) {
        List<Map<String, Object>> l = new ArrayList<>();
        for (DataElement e : es) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", e.number());
            m.put("title", e.title());
            m.put("lines", e.lines());
            l.add(m);
        }
        return l;
    }

    private static String write(Map<String, Object> m) {
        try {
            return JSON.writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
