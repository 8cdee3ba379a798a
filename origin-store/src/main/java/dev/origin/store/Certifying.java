package dev.origin.store;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.ErrorCode;
import dev.origin.core.model.Good;
import dev.origin.io.CaseFileReader;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.store.cert.CertificateIssuer;
import dev.origin.store.cert.CertificateJson;
import dev.origin.store.cert.CertifierRole;
import dev.origin.store.cert.NaftaCertificate;
import dev.origin.store.cert.Party;
import dev.origin.store.cert.Signature;
import dev.origin.store.cert.UsmcaCertification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Issues certificates of origin from the workspace: each good's latest stored determination under the pack (or the
 * determination named), the parties from the workspace's party list, stored with the goods and determinations they
 * rest on so that requalification can withdraw them.
 */
public final class Certifying {
    private final Workspace ws;

    public Certifying(Workspace ws) {
        this.ws = ws;
    }

    /** The form: a USMCA certification (Annex 5-A) or a NAFTA certificate (CBP Form 434, historical periods). */
    public enum Form { USMCA, NAFTA }

    /**
     * What to certify and how.
     *
     * @param regime         the pack whose latest determination of each good is used (e.g. {@code usmca})
     * @param goods          the goods (part ids)
     * @param determinations determination ids to use instead of the latest (empty: the latest of each good)
     * @param certifierId    the certifier's party id, or null for the party of its role
     */
    public record Request(Form form, String regime, List<String> goods, List<Long> determinations, CertifierRole role,
                          String certifierId, String exporterId, String producerId, String importerId, LocalDate from, LocalDate to,
                          Signature signature, NaftaCertificate.ProducerIndicator naftaProducer) {
        public Request {
            goods = List.copyOf(goods);
            determinations = List.copyOf(determinations);
        }
    }

    /** An issued certificate: its id and the document, one of the two forms, with its JSON. */
    public record Issued(String id, UsmcaCertification usmca, NaftaCertificate nafta, String json) {}

    /**
     * Issues the certificate in one transaction.
     *
     * @throws InputException for an unknown good, determination or party (UNKNOWN_PART, UNKNOWN_DETERMINATION,
     *                        NOT_IN_WORKSPACE) or a good without a determination under the pack
     * @throws WorkflowException when the law does not allow the certificate (NOT_ORIGINATING, CERTIFICATE_REGIME,
     *                           BLANKET_PERIOD, CERTIFICATE_FIELD)
     */
    public Issued issue(Request r, LocalDate issuedOn) throws InputException {
        return ws.writeChecked(tx -> {
            List<Problem> problems = new ArrayList<>();
            List<LedgerEntry> entries = new ArrayList<>();
            if (!r.determinations().isEmpty()) {
                for (long id : r.determinations()) {
                    Optional<LedgerEntry> e = tx.ledger().get(id);
                    if (e.isEmpty()) problems.add(problem(String.valueOf(id), ErrorCode.UNKNOWN_DETERMINATION, id));
                    else entries.add(e.get());
                }
            } else {
                for (String g : r.goods()) {
                    if (tx.parts().get(g).isEmpty()) {
                        problems.add(problem(g, ErrorCode.UNKNOWN_PART, g));
                        continue;
                    }
                    Optional<LedgerEntry> e = tx.ledger().latest(g, r.regime());
                    if (e.isEmpty()) problems.add(problem(g, ErrorCode.NOT_IN_WORKSPACE, "determination under `" + r.regime() + "` of", g));
                    else entries.add(e.get());
                }
            }
            Parties parties = new Parties(tx);
            Party certifier = party(parties, r.certifierId(), problems);
            Party exporter = party(parties, r.exporterId(), problems);
            Party producer = party(parties, r.producerId(), problems);
            Party importer = party(parties, r.importerId(), problems);
            if (!problems.isEmpty()) throw new InputException(problems);
            List<CertificateIssuer.Basis> bases = new ArrayList<>();
            List<Certificates.Covered> covered = new ArrayList<>();
            for (LedgerEntry e : entries) {
                Determination d = StoredFindings.of(e);
                Good g = CaseFileReader.read(e.inputDocument(), GoodInputs.SOURCE, false).get(0);
                String description = tx.parts().get(e.partId()).map(Part::description).orElse(e.partId());
                bases.add(new CertificateIssuer.Basis(e.id(), d, description, g.hs(), g.whollyObtained(), g.producerCountry()));
                covered.add(new Certificates.Covered(e.partId(), e.id()));
            }
            Certificates certs = new Certificates(tx);
            String id = certs.nextId();
            CertificateIssuer.Request req = new CertificateIssuer.Request(r.role(), certifier, exporter, producer, importer, r.from(), r.to(),
                    r.signature(), r.naftaProducer());
            Issued out;
            if (r.form() == Form.USMCA) {
                UsmcaCertification c = CertificateIssuer.usmca(id, req, bases);
                out = new Issued(id, c, null, CertificateJson.of(c));
            } else {
                NaftaCertificate c = CertificateIssuer.nafta(id, req, bases);
                out = new Issued(id, null, c, CertificateJson.of(c));
            }
            certs.issue(id, r.form().name(), r.importerId(), r.from(), r.to(), issuedOn, out.json(), covered);
            return out;
        });
    }

    private static Party party(Parties parties, String id, List<Problem> problems) {
        if (id == null) return null;
        Optional<Party> p = parties.get(id);
        if (p.isEmpty()) problems.add(problem(id, ErrorCode.NOT_IN_WORKSPACE, "party", id));
        return p.orElse(null);
    }

    private static Problem problem(String path, ErrorCode code, Object... args) {
        return Problem.of(GoodInputs.SOURCE, 0, 0, path, code, args);
    }
}
