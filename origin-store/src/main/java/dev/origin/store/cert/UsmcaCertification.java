package dev.origin.store.cert;

import dev.origin.core.hs.HsCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A USMCA certification of origin (Art. 5.2) with the minimum data elements of Annex 5-A. The agreement
 * prescribes no form: the nine elements may be given on an invoice or any other document. Elements:
 * <ol>
 *   <li>importer, exporter or producer certification (who certifies);</li>
 *   <li>certifier: name, title, address, telephone, e-mail;</li>
 *   <li>exporter (where different from the certifier; not required if the producer certifies and does not know it);</li>
 *   <li>producer (where different; "Various" or "Available upon request by the importing authorities" allowed);</li>
 *   <li>importer (if known);</li>
 *   <li>description and HS tariff classification (6 digits) of each good;</li>
 *   <li>origin criterion (A, B, C or D: Art. 4.2(a)-(d));</li>
 *   <li>blanket period (multiple shipments of identical goods within at most 12 months, Art. 5.2.4(b));</li>
 *   <li>authorized signature and date, with the certification statement.</li>
 * </ol>
 *
 * @param id        the certificate's number in the workspace
 * @param exporter  the exporter, or null when the certifying producer does not know it
 * @param importer  the importer, or null when not known
 * @param blanketTo the end of the blanket period, or null for a single shipment (then {@code blanketFrom} is null too)
 */
public record UsmcaCertification(String id, CertifierRole role, Party certifier, Party exporter, Party producer, Party importer,
                                 List<Item> goods, LocalDate blanketFrom, LocalDate blanketTo, Signature signature) {

    /** The statement of Annex 5-A, element 9, printed above the signature. */
    public static final String STATEMENT = "I certify that the goods described in this document qualify as originating and the "
            + "information contained in this document is true and accurate. I assume responsibility for proving such "
            + "representations and agree to maintain and present upon request or to make available during a verification "
            + "visit, documentation necessary to support this certification.";

    /**
     * One certified good: its description, its HS classification (printed to 6 digits), the origin criterion,
     * and the stored determination it rests on.
     */
    public record Item(String goodId, String description, HsCode hs, UsmcaCriterion criterion, long determinationId) {
        public Item {
            Objects.requireNonNull(goodId, "goodId");
            Objects.requireNonNull(hs, "hs");
            Objects.requireNonNull(criterion, "criterion");
            description = description == null || description.isBlank() ? goodId : description;
        }
    }

    public UsmcaCertification {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(certifier, "certifier");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(signature, "signature");
        goods = List.copyOf(goods);
        if (goods.isEmpty()) throw new IllegalArgumentException("a certification covers at least one good");
    }

    /** The nine minimum data elements of Annex 5-A, in order, as printed. */
    public List<DataElement> elements() {
        List<DataElement> e = new ArrayList<>(9);
        e.add(new DataElement("1", "Importer, exporter or producer certification",
                List.of("This certification is being completed by the " + role.word() + ".")));
        e.add(new DataElement("2", "Certifier", partyLines(certifier, signature.title())));
        e.add(new DataElement("3", "Exporter", exporter == null ? List.of("Not known to the producer completing this certification.")
                : partyLines(exporter, null)));
        e.add(new DataElement("4", "Producer", partyLines(producer, null)));
        e.add(new DataElement("5", "Importer", importer == null ? List.of("Not known.") : partyLines(importer, null)));
        List<String> desc = new ArrayList<>();
        List<String> crit = new ArrayList<>();
        int n = 1;
        for (Item g : goods) {
            desc.add(n + ". " + g.description() + " (" + g.goodId() + ") - HS " + hs6(g.hs()));
            crit.add(n + ". " + g.criterion().name() + " (" + g.criterion().citation() + ")");
            n++;
        }
        e.add(new DataElement("6", "Description and HS tariff classification of the good", desc));
        e.add(new DataElement("7", "Origin criterion", crit));
        e.add(new DataElement("8", "Blanket period", blanketFrom == null ? List.of("Single shipment.")
                : List.of("From " + blanketFrom + " to " + blanketTo)));
        e.add(new DataElement("9", "Authorized signature and date", List.of(STATEMENT,
                "Signature: ______________________________",
                "Name: " + signature.name() + (signature.title().isBlank() ? "" : ", " + signature.title()),
                "Date: " + signature.date())));
        return e;
    }

    /**
     * What Annex 5-A element 2 asks of the certifier ("name, title, address (including country), telephone number, and
     * email address") that this certification does not give, in that order: {@code title}, {@code address},
     * {@code country}, {@code telephone}, {@code e-mail}; empty when complete. Such a certification is issued all the same
     * (an importing authority treats it as deficient and lets it be corrected), and the command line warns.
     */
    public List<String> missingCertifierDetails() {
        List<String> missing = new ArrayList<>();
        if (signature.title().isBlank()) missing.add("title");
        if (certifier.address().isBlank()) missing.add("address");
        if (certifier.country().isBlank()) missing.add("country");
        if (certifier.telephone().isBlank()) missing.add("telephone");
        if (certifier.email().isBlank()) missing.add("e-mail");
        return missing;
    }

    /** The HS code to the 6-digit subheading, dotted ({@code 8708.40}), as Annex 5-A asks. */
    static String hs6(HsCode hs) {
        String s = hs.subheading();
        return s.substring(0, 4) + "." + s.substring(4);
    }

    static List<String> partyLines(Party p, String title) {
        List<String> l = new ArrayList<>();
        l.add(p.name() + (title == null || title.isBlank() ? "" : ", " + title));
        if (!p.address().isBlank() || !p.country().isBlank()) {
            l.add("Address: " + p.address() + (p.country().isBlank() ? "" : (p.address().isBlank() ? "" : ", ") + p.country()));
        }
        if (!p.telephone().isBlank()) l.add("Telephone: " + p.telephone());
        if (!p.email().isBlank()) l.add("E-mail: " + p.email());
        if (p.taxId() != null && !p.taxId().isBlank()) l.add("Tax identification number: " + p.taxId());
        return l;
    }
}
