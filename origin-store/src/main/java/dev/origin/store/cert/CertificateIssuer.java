package dev.origin.store.cert;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.Status;
import dev.origin.core.hs.HsCode;
import dev.origin.store.WorkflowException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds certificates of origin from stored determinations, refusing what the law does not allow: a good whose
 * stored determination is not ORIGINATING ({@code NOT_ORIGINATING}); a determination under another agreement or
 * date than the form's ({@code CERTIFICATE_REGIME}: a USMCA certification needs a determination under {@code usmca} (or a
 * pack whose id starts {@code usmca-}, one extending it) on or after 2020-07-01, a NAFTA certificate one under
 * {@code nafta} (or {@code nafta-...}) on or before 2020-06-30; the 2017-18 proposals never were law); a blanket period
 * longer than 12 months, ending before it starts, or outside the agreement's life ({@code BLANKET_PERIOD}).
 */
public final class CertificateIssuer {
    /** The USMCA entered into force on this date (and NAFTA ended the day before). */
    public static final LocalDate USMCA_IN_FORCE = LocalDate.of(2020, 7, 1);

    private CertificateIssuer() {}

    /**
     * A stored determination a certificate rests on, with what the form needs of its good.
     *
     * @param id              the determination's id in the ledger
     * @param description     the good's description (Annex 5-A element 6; Form 434 field 5)
     * @param hs              the good's classification
     * @param whollyObtained  the good is declared wholly obtained (criterion A)
     * @param producerCountry the Party where the good is produced (Form 434 field 10)
     */
    public record Basis(long id, Determination determination, String description, HsCode hs, boolean whollyObtained,
                       String producerCountry) {}

    /**
     * Who certifies and for whom: the parties, the blanket period (both null for a single shipment) and the signature.
     *
     * @param naftaProducer Form 434 field 8; null: YES when the exporter is the producer, else NO (1)
     */
    public record Request(CertifierRole role, Party certifier, Party exporter, Party producer, Party importer,
                          LocalDate blanketFrom, LocalDate blanketTo, Signature signature,
                          NaftaCertificate.ProducerIndicator naftaProducer) {}

    /** The USMCA certification of origin of the goods whose determinations are {@code bases}. */
    public static UsmcaCertification usmca(String id, Request r, List<Basis> bases) {
        checkPeriod(r, 12, USMCA_IN_FORCE, null);
        List<UsmcaCertification.Item> items = new ArrayList<>();
        for (Basis b : bases) {
            check(b, "usmca", "USMCA", "`usmca` on or after 2020-07-01",
                    !b.determination().date().isBefore(USMCA_IN_FORCE));
            items.add(new UsmcaCertification.Item(b.determination().good(), b.description(), b.hs(),
                    UsmcaCriterion.of(b.determination(), b.whollyObtained()), b.id()));
        }
        Party certifier = r.certifier();
        if (certifier == null) {
            certifier = switch (r.role()) {
                case PRODUCER -> r.producer();
                case EXPORTER -> r.exporter();
                case IMPORTER -> r.importer();
            };
        }
        if (certifier == null) throw new WorkflowException(ErrorCode.CERTIFICATE_FIELD, "certifier (Annex 5-A element 2)", "--certifier");
        if (r.producer() == null) throw new WorkflowException(ErrorCode.CERTIFICATE_FIELD, "producer (Annex 5-A element 4)", "--producer");
        return new UsmcaCertification(id, r.role(), certifier, r.exporter(), r.producer(), r.importer(), items,
                r.blanketFrom(), r.blanketTo(), r.signature());
    }

    /** The NAFTA certificate of origin (Form 434 fields) of the goods whose determinations are {@code bases}. */
    public static NaftaCertificate nafta(String id, Request r, List<Basis> bases) {
        checkPeriod(r, 12, null, NaftaCertificate.LAST_DAY);
        if (r.exporter() == null) throw new WorkflowException(ErrorCode.CERTIFICATE_FIELD, "exporter (Form 434 field 1)", "--exporter");
        if (r.producer() == null) throw new WorkflowException(ErrorCode.CERTIFICATE_FIELD, "producer (Form 434 field 3)", "--producer");
        NaftaCertificate.ProducerIndicator indicator = r.naftaProducer() != null ? r.naftaProducer()
                : r.exporter().name().equalsIgnoreCase(r.producer().name()) ? NaftaCertificate.ProducerIndicator.YES
                : NaftaCertificate.ProducerIndicator.NO_KNOWLEDGE;
        List<NaftaCertificate.Item> items = new ArrayList<>();
        for (Basis b : bases) {
            check(b, "nafta", "NAFTA", "`nafta` on or before 2020-06-30", !b.determination().date().isAfter(NaftaCertificate.LAST_DAY));
            // Field 10: the Party of origin. Origin takes the Party where the good is produced, which is what the
            // Marking Rules give for a good produced in one Party; Annex 302.2's special cases are not modelled.
            items.add(new NaftaCertificate.Item(b.determination().good(), b.description(), b.hs(),
                    NaftaCriterion.of(b.determination(), b.whollyObtained()), indicator, NaftaCriterion.byNetCost(b.determination()),
                    b.producerCountry(), b.id()));
        }
        return new NaftaCertificate(id, r.exporter(), r.blanketFrom(), r.blanketTo(), r.producer(), r.importer(), items, r.signature());
    }

    private static void check(Basis b, String regime, String form, String wanted, boolean dateOk) {
        Determination d = b.determination();
        if (d.status() != Status.ORIGINATING) {
            throw new WorkflowException(ErrorCode.NOT_ORIGINATING, b.id(), d.good(), words(d.status()));
        }
        // a pack of one's own that extends the agreement's pack is named after it (`usmca-annex`, `nafta-2019`)
        boolean agreement = regime.equals(d.regime()) || d.regime().startsWith(regime + "-");
        if (!agreement || !dateOk) {
            throw new WorkflowException(ErrorCode.CERTIFICATE_REGIME, b.id(), d.regime() + "` on `" + d.date(), form, wanted);
        }
    }

    private static String words(Status s) {
        return s == Status.NON_ORIGINATING ? "non-originating" : s.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A blanket period of at most {@code months} months (USMCA Art. 5.2.4(b); NAFTA Art. 501.5(b)), within the agreement's life. */
    static void checkPeriod(Request r, int months, LocalDate notBefore, LocalDate notAfter) {
        LocalDate from = r.blanketFrom(), to = r.blanketTo();
        if (from == null && to == null) return;
        if (from == null || to == null) {
            throw new WorkflowException(ErrorCode.BLANKET_PERIOD, from == null ? "(none)" : from, to == null ? "(none)" : to,
                    "needs both a first and a last day");
        }
        if (to.isBefore(from)) throw new WorkflowException(ErrorCode.BLANKET_PERIOD, from, to, "ends before it starts");
        if (!to.isBefore(from.plusMonths(months))) {
            throw new WorkflowException(ErrorCode.BLANKET_PERIOD, from, to, "is longer than " + months + " months");
        }
        if (notBefore != null && from.isBefore(notBefore)) {
            throw new WorkflowException(ErrorCode.BLANKET_PERIOD, from, to, "starts before the USMCA entered into force on " + notBefore);
        }
        if (notAfter != null && to.isAfter(notAfter)) {
            throw new WorkflowException(ErrorCode.BLANKET_PERIOD, from, to, "ends after NAFTA's last day, " + notAfter);
        }
    }
}
