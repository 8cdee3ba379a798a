package dev.origin.store.cert;

import dev.origin.core.hs.HsCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A NAFTA Certificate of Origin (NAFTA Art. 501; 19 CFR 181.11), with the fields of the former CBP Form 434,
 * for periods before the USMCA replaced NAFTA on 2020-07-01. Fields: 1 exporter (with tax identification
 * number); 2 blanket period (at most one year); 3 producer; 4 importer; for each good 5 description,
 * 6 HS tariff classification (6 digits), 7 preference criterion (A-F), 8 producer (YES, or NO (1), (2), (3)),
 * 9 net cost (NC or NO), 10 country of origin; 11 signature block (a-g).
 *
 * @param blanketTo null with {@code blanketFrom} for a single importation
 */
public record NaftaCertificate(String id, Party exporter, LocalDate blanketFrom, LocalDate blanketTo, Party producer,
                               Party importer, List<Item> goods, Signature signature) {

    /** The last day NAFTA applied: the USMCA entered into force on 2020-07-01. */
    public static final LocalDate LAST_DAY = LocalDate.of(2020, 6, 30);

    /** The certifications printed above field 11 on CBP Form 434. */
    public static final List<String> STATEMENTS = List.of(
            "The information on this document is true and accurate and I assume the responsibility for proving such "
                    + "representations. I understand that I am liable for any false statements or material omissions made on "
                    + "or in connection with this document;",
            "I agree to maintain and present upon request, documentation necessary to support this certificate, and to "
                    + "inform, in writing, all persons to whom the certificate was given of any changes that could affect "
                    + "the accuracy or validity of this certificate;",
            "The goods originated in the territory of one or more of the Parties, and comply with the origin requirements "
                    + "specified for those goods in the North American Free Trade Agreement, and unless specifically exempted "
                    + "in Article 411 or Annex 401, there has been no further production or any other operation outside the "
                    + "territories of the Parties.");

    /**
     * Field 8: whether the exporter is the producer, and if not, what the certificate rests on: (1) knowledge of
     * whether the good qualifies; (2) reliance on the producer's written representation (other than a certificate);
     * (3) a completed and signed certificate voluntarily provided by the producer.
     */
    public enum ProducerIndicator {
        YES("YES"), NO_KNOWLEDGE("NO (1)"), NO_WRITTEN_REPRESENTATION("NO (2)"), NO_PRODUCER_CERTIFICATE("NO (3)");

        private final String label;

        ProducerIndicator(String label) { this.label = label; }

        /** As printed on the form, e.g. {@code NO (2)}. */
        public String label() { return label; }
    }

    /**
     * One good (fields 5-10).
     *
     * @param netCost         true when the RVC was calculated by the net cost method (field 9 {@code NC}), else {@code NO}
     * @param countryOfOrigin ISO code of the Party of origin (field 10)
     */
    public record Item(String goodId, String description, HsCode hs, NaftaCriterion criterion, ProducerIndicator producer,
                       boolean netCost, String countryOfOrigin, long determinationId) {
        public Item {
            Objects.requireNonNull(goodId, "goodId");
            Objects.requireNonNull(hs, "hs");
            Objects.requireNonNull(criterion, "criterion");
            Objects.requireNonNull(producer, "producer");
            description = description == null || description.isBlank() ? goodId : description;
            countryOfOrigin = countryOfOrigin == null ? "" : countryOfOrigin;
        }
    }

    public NaftaCertificate {
        Objects.requireNonNull(exporter, "exporter");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(signature, "signature");
        goods = List.copyOf(goods);
        if (goods.isEmpty()) throw new IllegalArgumentException("a certificate covers at least one good");
    }

    /** The fields of CBP Form 434, in order, as printed. */
    public List<DataElement> fields() {
        List<DataElement> f = new ArrayList<>();
        f.add(new DataElement("1", "Exporter name and address", UsmcaCertification.partyLines(exporter, null)));
        f.add(new DataElement("2", "Blanket period", blanketFrom == null ? List.of("Single importation.")
                : List.of("From " + blanketFrom + " to " + blanketTo)));
        f.add(new DataElement("3", "Producer name and address", UsmcaCertification.partyLines(producer, null)));
        f.add(new DataElement("4", "Importer name and address", importer == null ? List.of("Unknown.")
                : UsmcaCertification.partyLines(importer, null)));
        List<String> rows = new ArrayList<>();
        int n = 1;
        for (Item g : goods) {
            rows.add(n + ". 5 Description: " + g.description() + " (" + g.goodId() + ")");
            rows.add("   6 HS tariff classification: " + UsmcaCertification.hs6(g.hs())
                    + "   7 Preference criterion: " + g.criterion().name()
                    + "   8 Producer: " + g.producer().label()
                    + "   9 Net cost: " + (g.netCost() ? "NC" + (blanketFrom == null ? "" : " " + blanketFrom + " to " + blanketTo) : "NO")
                    + "   10 Country of origin: " + g.countryOfOrigin());
            n++;
        }
        f.add(new DataElement("5-10", "Goods", rows));
        List<String> sig = new ArrayList<>(STATEMENTS);
        sig.add("11a Authorized signature: ______________________________");
        sig.add("11b Company: " + signature.company());
        sig.add("11c Name: " + signature.name());
        sig.add("11d Title: " + signature.title());
        sig.add("11e Date: " + signature.date());
        sig.add("11f Telephone: " + signature.telephone());
        sig.add("11g E-mail: " + signature.email());
        f.add(new DataElement("11", "Certification", sig));
        return f;
    }
}
