package dev.origin.cli;

import dev.origin.core.engine.ErrorCode;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.store.Certifying;
import dev.origin.store.WorkflowException;
import dev.origin.store.Workspace;
import dev.origin.store.cert.CertificatePdf;
import dev.origin.store.cert.CertifierRole;
import dev.origin.store.cert.NaftaCertificate;
import dev.origin.store.cert.Signature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code origin db certify}: a certificate of origin from stored originating determinations, as PDF and JSON. */
@Command(name = "certify", mixinStandardHelpOptions = true,
        description = "Issue a certificate of origin for goods whose latest stored determination is originating: a USMCA "
                + "certification with the nine data elements of Annex 5-A, or (--regime nafta) a NAFTA certificate with the "
                + "fields of the former CBP Form 434. Recorded in the workspace, and withdrawn by requalification if a good stops "
                + "qualifying.")
public final class CertifyCommand implements Callable<Integer> {
    @Mixin WorkspaceOptions ws;

    @Parameters(paramLabel = "GOOD", arity = "0..*", description = "The goods (part ids); their latest determination under --regime is used.")
    List<String> goods = new ArrayList<>();

    @Option(names = "--determination", paramLabel = "ID", description = "Use this stored determination (repeatable) instead of goods.")
    List<Long> determinations = new ArrayList<>();

    @Option(names = "--role", defaultValue = "producer", paramLabel = "producer|exporter|importer",
            description = "Who certifies (Annex 5-A element 1; default: ${DEFAULT-VALUE}).")
    String role;

    @Option(names = "--certifier", paramLabel = "PARTY", description = "The certifier (default: the party of --role).") String certifier;
    @Option(names = "--exporter", paramLabel = "PARTY", description = "The exporter (Annex 5-A element 3; Form 434 field 1).") String exporter;
    @Option(names = "--producer", paramLabel = "PARTY", required = true, description = "The producer (element 4; field 3).") String producer;
    @Option(names = "--importer", paramLabel = "PARTY", description = "The customer (importer) the certificate is given to.") String importer;
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day of the blanket period (at most 12 months).") LocalDate from;
    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day of the blanket period.") LocalDate to;
    @Option(names = "--signer", required = true, paramLabel = "NAME", description = "Who signs (Annex 5-A element 9).") String signer;
    @Option(names = "--title", paramLabel = "TEXT", description = "The signer's title.") String title;
    @Option(names = "--company", paramLabel = "TEXT", description = "The signer's company (Form 434 field 11b).") String company;
    @Option(names = "--phone", paramLabel = "TEXT", description = "The signer's telephone (field 11f).") String phone;
    @Option(names = "--email", paramLabel = "TEXT", description = "The signer's e-mail (field 11g).") String email;
    @Option(names = "--nafta-producer", paramLabel = "yes|no-1|no-2|no-3",
            description = "Form 434 field 8 (default: yes when the exporter is the producer, else no-1).") String naftaProducer;
    @Option(names = "--pdf", paramLabel = "FILE", description = "Write the certificate as PDF.") Path pdf;
    @Option(names = "--json", paramLabel = "FILE", description = "Write the certificate as JSON (default: print it).") Path json;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        List<Problem> bad = new ArrayList<>();
        CertifierRole r = CertifierRole.parse(role);
        if (r == null) bad.add(Problem.of("--role", 0, 0, "", ErrorCode.BAD_VALUE, role, "`producer`, `exporter` or `importer`"));
        NaftaCertificate.ProducerIndicator indicator = null;
        if (naftaProducer != null) {
            indicator = switch (naftaProducer.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "yes" -> NaftaCertificate.ProducerIndicator.YES;
                case "no-1" -> NaftaCertificate.ProducerIndicator.NO_KNOWLEDGE;
                case "no-2" -> NaftaCertificate.ProducerIndicator.NO_WRITTEN_REPRESENTATION;
                case "no-3" -> NaftaCertificate.ProducerIndicator.NO_PRODUCER_CERTIFICATE;
                default -> null;
            };
            if (indicator == null) bad.add(Problem.of("--nafta-producer", 0, 0, "", ErrorCode.BAD_VALUE, naftaProducer,
                    "`yes`, `no-1`, `no-2` or `no-3`"));
        }
        if (goods.isEmpty() && determinations.isEmpty()) {
            bad.add(Problem.of("GOOD", 0, 0, "", ErrorCode.MISSING_FIELD, "GOOD or --determination"));
        }
        // checked before the certificate is recorded: a PDF that cannot be written must not leave a certificate in force
        Outputs.check("--pdf", pdf, bad);
        Outputs.check("--json", json, bad);
        if (!bad.isEmpty()) return WorkspaceOptions.fail(err, bad);
        Workspace w = ws.open(err);
        if (w == null) return 2;
        Certifying.Form form = ws.regime.toLowerCase(java.util.Locale.ROOT).startsWith("nafta") ? Certifying.Form.NAFTA : Certifying.Form.USMCA;
        Signature sig = new Signature(signer, title, company, ws.date(), phone, email);
        Certifying.Issued issued;
        try {
            issued = new Certifying(w).issue(new Certifying.Request(form, ws.regime, goods, determinations, r, certifier, exporter, producer,
                    importer, from, to, sig, indicator), ws.date());
        } catch (InputException e) {
            return WorkspaceOptions.fail(err, e.problems());
        } catch (WorkflowException e) {
            return WorkspaceOptions.fail(err, e);
        }
        int n = issued.usmca() != null ? issued.usmca().goods().size() : issued.nafta().goods().size();
        out.println("certificate " + issued.id() + " (" + form + ") issued for " + n + (n == 1 ? " good" : " goods")
                + (importer == null ? "" : " to " + importer) + ".");
        if (issued.usmca() != null && !issued.usmca().missingCertifierDetails().isEmpty()) {
            err.println("warning: USMCA Annex 5-A element 2 asks for the certifier's name, title, address (including country), telephone"
                    + " and e-mail; certificate " + issued.id() + " lacks the " + String.join(", ", issued.usmca().missingCertifierDetails())
                    + " (give the title with `--title`, the rest with `origin db party ID --address --country --phone --email`).");
            err.flush();
        }
        try {
            if (pdf != null) {
                try (OutputStream o = Files.newOutputStream(pdf)) {
                    if (issued.usmca() != null) CertificatePdf.write(issued.usmca(), o);
                    else CertificatePdf.write(issued.nafta(), o);
                }
                out.println("wrote " + pdf);
            }
            if (json != null) {
                Files.writeString(json, issued.json());
                out.println("wrote " + json);
            } else if (pdf == null) {
                out.print(issued.json());
            }
        } catch (IOException e) {
            Path where = pdf != null ? pdf : json;
            err.println(where + ": CANNOT_WRITE: The output file `" + where + "` cannot be written: " + e.getMessage() + ".");
            return 2;
        }
        out.flush();
        return 0;
    }
}
