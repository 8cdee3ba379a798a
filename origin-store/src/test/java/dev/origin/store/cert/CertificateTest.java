package dev.origin.store.cert;

import static dev.origin.store.TestGoods.good;
import static dev.origin.store.TestGoods.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.engine.Status;
import dev.origin.core.model.Good;
import dev.origin.core.model.Origin;
import dev.origin.io.RulePackReader;
import dev.origin.store.TestGoods;
import dev.origin.store.WorkflowException;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class CertificateTest {
    static final Evaluator USMCA = Evaluator.of(load("usmca"));
    static final Evaluator NAFTA = Evaluator.of(load("nafta"));

    // qualifies by the tariff shift: a non-originating material of another heading (criterion B)
    static final Good SHIFT = good("BRK-100", "8708.30", "250.00", "CTH", line("pad", "6813.81", "40.00", Origin.NON_ORIGINATING),
            line("caliper", "8708.30", "60.00", Origin.ORIGINATING));
    // fails the tariff shift, but every material is originating (criterion C)
    static final Good ORIGINATING_ONLY = good("GBX-7", "8708.40", "900.00", "CTH",
            line("housing", "8708.40", "300.00", Origin.ORIGINATING));
    // fails: a non-originating material of the same heading
    static final Good FAILS = good("GBX-8", "8708.40", "900.00", "CTH", line("housing", "8708.40", "300.00", Origin.NON_ORIGINATING));
    // unknown origin decides it
    static final Good UNKNOWN = good("GBX-9", "8708.40", "900.00", "CTH", line("housing", "8708.40", "300.00", Origin.UNKNOWN));

    static final Party MAKER = new Party("Frenos del Norte S.A. de C.V.", "Av. Industrial 12, Saltillo, Coahuila", "MX",
            "+52 844 555 0101", "origin@frenos.example", "FNO920101AB1");
    static final Party SHIPPER = Party.of("Norte Export Logistics", "Blvd. Aeropuerto 7, Monterrey", "MX", "+52 81 555 0199",
            "export@norte.example");
    static final Party BUYER = new Party("Great Lakes Assembly Inc.", "4100 Plant Road, Toledo, OH 43612", "US", "+1 419 555 0142",
            "customs@gla.example", "38-1234567");
    static final Signature SIGNED = new Signature("Lucia Ramirez", "Trade Compliance Manager", "Frenos del Norte S.A. de C.V.",
            LocalDate.of(2023, 7, 3), "+52 844 555 0101", "lramirez@frenos.example");

    static dev.origin.core.regime.Regime load(String id) {
        try {
            return RulePackReader.load(id, Map.of());
        } catch (dev.origin.io.InputException e) {
            throw new IllegalStateException(e);
        }
    }

    static CertificateIssuer.Basis basis(long id, Determination d, Good g, String description) {
        return new CertificateIssuer.Basis(id, d, description, g.hs(), g.whollyObtained(), g.producerCountry());
    }

    static CertificateIssuer.Request request(LocalDate from, LocalDate to) {
        return new CertificateIssuer.Request(CertifierRole.PRODUCER, null, SHIPPER, MAKER, BUYER, from, to, SIGNED, null);
    }

    @Test
    void theUsmcaPdfCarriesTheNineDataElementsOfAnnex5A() throws Exception {
        Determination shift = USMCA.evaluate(SHIFT, TestGoods.DATE);
        Determination only = USMCA.evaluate(ORIGINATING_ONLY, TestGoods.DATE);
        assertThat(shift.status()).isEqualTo(Status.ORIGINATING);
        assertThat(only.status()).isEqualTo(Status.ORIGINATING);
        LocalDate from = LocalDate.of(2023, 7, 1), to = LocalDate.of(2024, 6, 30);
        UsmcaCertification c = CertificateIssuer.usmca("C-2023-0007", request(from, to),
                List.of(basis(41, shift, SHIFT, "Front brake assembly"), basis(42, only, ORIGINATING_ONLY, "Gearbox housing kit")));

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        CertificatePdf.write(c, pdf);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        // 1 who certifies; 2-5 the parties with their contact details
        assertThat(text).contains("1. Importer, exporter or producer certification", "completed by the " + c.role().word());
        assertThat(text).contains("2. Certifier", MAKER.name(), MAKER.telephone(), MAKER.email(), SIGNED.title());
        assertThat(text).contains("3. Exporter", SHIPPER.name(), SHIPPER.address(), SHIPPER.email());
        assertThat(text).contains("4. Producer", "5. Importer", BUYER.name(), BUYER.address(), BUYER.telephone());
        // 6 description and HS to 6 digits, of each good
        assertThat(text).contains("6. Description and HS tariff classification", "Front brake assembly",
                SHIFT.hs().subheading().substring(0, 4) + "." + SHIFT.hs().subheading().substring(4), "Gearbox housing kit",
                ORIGINATING_ONLY.hs().subheading().substring(0, 4) + "." + ORIGINATING_ONLY.hs().subheading().substring(4));
        // 7 the criterion each good was qualified by: B by the rule, C from originating materials only
        assertThat(text).contains("7. Origin criterion", "1. B (USMCA Art. 4.2(b))", "2. C (USMCA Art. 4.2(c))");
        // 8 blanket period; 9 statement, signatory and date
        assertThat(text).contains("8. Blanket period", "From " + from + " to " + to);
        assertThat(text).contains("9. Authorized signature and date", "I certify that the goods described in this document qualify",
                SIGNED.name(), "Date: " + SIGNED.date());
    }

    /** Annex 5-A element 2: the certifier's title, address with country, telephone and e-mail; what is not given is named. */
    @Test
    void theCertifierDetailsElement2AsksForAreCheckedForGaps() throws Exception {
        Determination shift = USMCA.evaluate(SHIFT, TestGoods.DATE);
        List<CertificateIssuer.Basis> bases = List.of(basis(41, shift, SHIFT, "Front brake assembly"));
        LocalDate from = LocalDate.of(2023, 7, 1), to = LocalDate.of(2024, 6, 30);
        assertThat(CertificateIssuer.usmca("C-1", request(from, to), bases).missingCertifierDetails()).isEmpty();

        Party bare = Party.of("Frenos del Norte S.A. de C.V.", null, "MX", null, "origin@frenos.example");
        Signature untitled = new Signature("Lucia Ramirez", null, null, SIGNED.date(), null, null);
        UsmcaCertification c = CertificateIssuer.usmca("C-2", new CertificateIssuer.Request(CertifierRole.PRODUCER, null, SHIPPER, bare,
                BUYER, from, to, untitled, null), bases);
        assertThat(c.missingCertifierDetails()).containsExactly("title", "address", "telephone");
    }

    @Test
    void theJsonGivesTheSameElementsAndTheDeterminationsReliedOn() throws Exception {
        Determination shift = USMCA.evaluate(SHIFT, TestGoods.DATE);
        UsmcaCertification c = CertificateIssuer.usmca("C-1", request(null, null), List.of(basis(7, shift, SHIFT, "Brake")));
        JsonNode j = new ObjectMapper().readTree(CertificateJson.of(c));
        assertThat(j.get("certifierRole").asText()).isEqualTo("producer");
        assertThat(j.get("certifier").get("name").asText()).isEqualTo(MAKER.name());
        assertThat(j.get("importer").get("email").asText()).isEqualTo(BUYER.email());
        assertThat(j.get("goods").get(0).get("originCriterion").asText()).isEqualTo("B");
        assertThat(j.get("goods").get(0).get("determination").asLong()).isEqualTo(7);
        assertThat(j.get("blanketPeriod").isNull()).isTrue();
        assertThat(j.get("elements")).hasSize(9);
        assertThat(j.get("elements").get(7).get("lines").get(0).asText()).isEqualTo("Single shipment.");
    }

    @Test
    void onlyAnOriginatingDeterminationIsCertified() {
        for (Good g : List.of(FAILS, UNKNOWN)) {
            Determination d = USMCA.evaluate(g, TestGoods.DATE);
            assertThat(d.status()).isNotEqualTo(Status.ORIGINATING);
            assertThatThrownBy(() -> CertificateIssuer.usmca("C-2", request(null, null), List.of(basis(9, d, g, null))))
                    .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.code()).isEqualTo("NOT_ORIGINATING"))
                    .hasMessageContaining("`9`").hasMessageContaining(g.id());
        }
    }

    @Test
    void aBlanketPeriodIsAtMostTwelveMonthsAndTheFormMatchesTheAgreement() {
        Determination shift = USMCA.evaluate(SHIFT, TestGoods.DATE);
        var b = List.of(basis(1, shift, SHIFT, null));
        assertThatThrownBy(() -> CertificateIssuer.usmca("X", request(LocalDate.of(2023, 7, 1), LocalDate.of(2024, 7, 1)), b))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.code()).isEqualTo("BLANKET_PERIOD"))
                .hasMessageContaining("longer than 12 months");
        assertThatThrownBy(() -> CertificateIssuer.usmca("X", request(LocalDate.of(2023, 7, 2), LocalDate.of(2023, 7, 1)), b))
                .hasMessageContaining("ends before it starts");
        // a USMCA determination cannot back a NAFTA certificate
        assertThatThrownBy(() -> CertificateIssuer.nafta("X", request(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)), b))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.code()).isEqualTo("CERTIFICATE_REGIME"));
    }

    @Test
    void aNaftaCertificateHasTheFieldsOfForm434() throws Exception {
        LocalDate date = LocalDate.of(2019, 6, 17);
        Good g = Good.builder("BRK-100", SHIFT.hs(), "MX").destination("US").date(date).transactionValue(SHIFT.transactionValue())
                .rule(SHIFT.rule()).materials(SHIFT.materials()).build();
        Determination d = NAFTA.evaluate(g, date);
        assertThat(d.status()).isEqualTo(Status.ORIGINATING);
        NaftaCertificate c = CertificateIssuer.nafta("N-19", request(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)),
                List.of(basis(3, d, g, "Front brake assembly")));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        CertificatePdf.write(c, pdf);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("1. Exporter name and address", SHIPPER.name(), "2. Blanket period", "From 2019-01-01 to 2019-12-31",
                "3. Producer name and address", MAKER.name(), "Tax identification number: " + MAKER.taxId(),
                "4. Importer name and address", BUYER.name(), "5 Description: Front brake assembly", "6 HS tariff classification: 8708.30",
                "7 Preference criterion: B", "8 Producer: NO (1)", "9 Net cost: NO", "10 Country of origin: " + g.producerCountry(),
                "11c Name: " + SIGNED.name(), "11e Date: " + SIGNED.date());
        // NAFTA ended on 2020-06-30
        assertThatThrownBy(() -> CertificateIssuer.nafta("N", request(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)),
                List.of(basis(3, d, g, null)))).hasMessageContaining("NAFTA's last day");
    }

    @Test
    void theCriterionFollowsTheProvisionThatDecided() {
        Good wholly = Good.builder("ORE-1", dev.origin.core.hs.HsCode.parse("2601.11"), "CA").destination("US").date(TestGoods.DATE)
                .transactionValue(new java.math.BigDecimal("80.00")).rule(dev.origin.core.rules.RuleSyntax.parse("WO"))
                .whollyObtained(true).build();
        Determination w = USMCA.evaluate(wholly, TestGoods.DATE);
        assertThat(w.status()).isEqualTo(Status.ORIGINATING);
        assertThat(UsmcaCriterion.of(w, true)).isEqualTo(UsmcaCriterion.A);
        assertThat(UsmcaCriterion.of(USMCA.evaluate(SHIFT, TestGoods.DATE), false)).isEqualTo(UsmcaCriterion.B);
        assertThat(UsmcaCriterion.of(USMCA.evaluate(ORIGINATING_ONLY, TestGoods.DATE), false)).isEqualTo(UsmcaCriterion.C);
        // a met parts-rule finding among the deciding rules is criterion (d)
        Determination shift = USMCA.evaluate(SHIFT, TestGoods.DATE);
        var parts = new dev.origin.core.engine.Finding("usmca.parts-rule", dev.origin.core.rules.RequirementKind.PARTS_RULE,
                dev.origin.core.engine.FindingStatus.MET, null, null, "SOR/2020-155 s.3(4)", Map.of(), List.of(), null, null);
        Determination d = new Determination(shift.good(), shift.regime(), shift.regimeRevision(), shift.date(), Status.ORIGINATING,
                shift.rvc(), List.of(parts), List.of("usmca.parts-rule"), List.of(), null, null, shift.totalCost(), shift.vnm(), null);
        assertThat(UsmcaCriterion.of(d, false)).isEqualTo(UsmcaCriterion.D);
        assertThat(NaftaCriterion.of(d, false)).isEqualTo(NaftaCriterion.D);
        assertThatThrownBy(() -> UsmcaCriterion.of(USMCA.evaluate(FAILS, TestGoods.DATE), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
