package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.store.BomLine;
import dev.origin.store.BomVersion;
import dev.origin.store.CostSheet;
import dev.origin.store.Declaration;
import dev.origin.store.HsClassification;
import dev.origin.store.Part;
import dev.origin.store.Plant;
import dev.origin.store.Supplier;
import dev.origin.store.Workspace;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflow commands end to end on an embedded workspace: party, certify, expiring, requalify, chase. */
class WorkflowCommandsTest {
    static final String PACK = """
            id: usmca-test
            name: USMCA with a test rule
            extends: usmca
            rules:
              - id: gearbox
                hs: ["8708.40"]
                rule: "CTH"
                citation: test rule (CTH)
            """;

    @TempDir Path dir;

    /** GBX-1 (gearbox, CTH) uses the housing HSG-1, declared originating by CAST until 2026-06-30, and bolts. */
    String workspace() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("ws").toAbsolutePath();
        Workspace ws = Workspace.open(url);
        ws.write(tx -> {
            tx.plants().put(new Plant("MTY", "Monterrey", "MX"));
            tx.suppliers().put(new Supplier("CAST", "Castings del Norte", "MX", "ventas@castings.example"));
            tx.suppliers().put(new Supplier("TOR", "Tornillos SA", "MX", null));
            tx.parts().put(new Part("GBX-1", "Gearbox", Part.Source.MAKE, "MTY", null, null, "US", null, null));
            tx.parts().put(new Part("HSG-1", "Gearbox housing", Part.Source.BUY, null, "CAST", null, null, null, null));
            tx.parts().put(new Part("BLT-1", "Bolt", Part.Source.BUY, null, "TOR", null, null, null, null));
            LocalDate v = LocalDate.of(2020, 1, 1);
            tx.parts().classify(new HsClassification("GBX-1", v, "8708.40"));
            tx.parts().classify(new HsClassification("HSG-1", v, "8708.40"));
            tx.parts().classify(new HsClassification("BLT-1", v, "7318.15"));
            tx.boms().put(new BomVersion("GBX-1", v, null, List.of(new BomLine(1, "HSG-1", BigDecimal.ONE), new BomLine(2, "BLT-1", BigDecimal.TEN))));
            tx.costs().put(new CostSheet("GBX-1", v, null, new BigDecimal("900.00"), null, new BigDecimal("100.00"), null, null, null, null, null, null));
            tx.costs().put(new CostSheet("HSG-1", v, new BigDecimal("200.00"), null, null, null, null, null, null, null, null, null));
            tx.costs().put(new CostSheet("BLT-1", v, new BigDecimal("0.50"), null, null, null, null, null, null, null, null, null));
            tx.declarations().put(new Declaration("D-CAST", "CAST", LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30),
                    Declaration.Statement.ORIGINATING, "B", null, null, false, null, null, List.of("HSG-1")));
            tx.declarations().put(new Declaration("D-TOR", "TOR", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                    Declaration.Statement.ORIGINATING, "B", null, null, false, null, null, List.of("BLT-1")));
            return null;
        });
        return url;
    }

    @Test
    void certifyThenWithdrawTheDeclarationThenChase() throws Exception {
        String db = workspace();
        Path pack = dir.resolve("usmca-test.yaml");
        Files.writeString(pack, PACK);
        Workspace.open(db).qualify("GBX-1", pack.toString(), Map.of(), LocalDate.of(2026, 1, 15), "qualify");

        CliTest.Result p = CliTest.run("db", "party", "GLA", "--db", db, "--name", "Great Lakes Assembly", "--country", "US",
                "--email", "customs@gla.example");
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(CliTest.run("db", "party", "ME", "--db", db, "--name", "Transmisiones MTY", "--country", "MX").exit()).isZero();

        Path pdf = dir.resolve("c.pdf");
        CliTest.Result c = CliTest.run("db", "certify", "GBX-1", "--db", db, "--regime", pack.toString(), "--producer", "ME",
                "--exporter", "ME", "--importer", "GLA", "--from", "2026-01-15", "--to", "2026-12-31", "--signer", "Ana Ruiz",
                "--date", "2026-01-15", "--pdf", pdf.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("certificate C-000001 (USMCA) issued for 1 good to GLA.");
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(d)).contains("Great Lakes Assembly", "Gearbox", "8708.40", "Ana Ruiz");
        }

        CliTest.Result e = CliTest.run("expiring", "--days", "60", "--db", db, "--date", "2026-06-01");
        assertThat(e.exit()).as(e.err()).isZero();
        assertThat(e.out()).contains("1 declaration lapses within 60 days of 2026-06-01:", "D-CAST  Castings del Norte (CAST)  last day 2026-06-30 (in 29 days)",
                "goods:  1: GBX-1");
        assertThat(CliTest.run("db", "expiring", "--days", "0", "--db", db).err()).contains("BAD_DAYS");

        CliTest.Result r = CliTest.run("db", "requalify", "--withdraw", "D-CAST", "--date", "2026-02-01", "--db", db, "--regime", pack.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Affected parts: 2; goods requalified: 1; determinations appended: 2.",
                "GBX-1 (Gearbox): originating -> undetermined (determination 1 -> 2)", "Certificates withdrawn: 1 (C-000001).",
                "NOTICE OF WITHDRAWN CERTIFICATES OF ORIGIN", "Great Lakes Assembly; US; customs@gla.example");

        // a non-originating good cannot be certified
        CliTest.Result refused = CliTest.run("db", "certify", "GBX-1", "--db", db, "--regime", pack.toString(), "--producer", "ME",
                "--signer", "Ana Ruiz", "--date", "2026-02-02");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("NOT_ORIGINATING: Determination `2` of `GBX-1` is undetermined;", "nothing was written.");

        Path out = dir.resolve("chase");
        CliTest.Result k = CliTest.run("db", "chase", "--db", db, "--regime", pack.toString(), "--date", "2026-02-02", "--out", out.toString(),
                "--from", "Transmisiones MTY");
        assertThat(k.exit()).as(k.err()).isZero();
        assertThat(k.out()).contains("1 undetermined for want of declarations; 1 declarations missing");
        assertThat(Files.readString(out.resolve("CAST.csv"))).contains("HSG-1").contains("GBX-1");
        assertThat(Files.readString(out.resolve("CAST.txt"))).contains("Dear Castings del Norte,", "Part HSG-1", "Transmisiones MTY");
    }
    /**
     * {@code --db} takes the path of an embedded file in every workspace command, as docs/workspace.md says: the
     * workflows (requalify, chase, certify) and {@code users} once refused it as "not a JDBC URL" while
     * {@code db init}, {@code expiring} and {@code replay} took it.
     */
    @Test
    void everyWorkspaceCommandTakesThePathOfAnEmbeddedFile() throws Exception {
        String url = workspace();
        String path = dir.resolve("ws").toString();
        Path pack = dir.resolve("usmca-test.yaml");
        Files.writeString(pack, PACK);
        Workspace.open(url).qualify("GBX-1", pack.toString(), Map.of(), LocalDate.of(2026, 1, 15), "qualify");

        assertThat(CliTest.run("db", "party", "ME", "--db", path, "--name", "Transmisiones MTY", "--country", "MX").exit()).isZero();
        CliTest.Result c = CliTest.run("db", "certify", "GBX-1", "--db", path, "--regime", pack.toString(), "--producer", "ME",
                "--signer", "Ana Ruiz", "--date", "2026-01-15");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("certificate C-000001 (USMCA) issued for 1 good.");
        // ME, the certifying producer, has a name and a country only, and no --title was given
        assertThat(c.err()).contains("warning: USMCA Annex 5-A element 2", "certificate C-000001 lacks the title, address, telephone, e-mail");
        CliTest.Result k = CliTest.run("db", "chase", "--db", path, "--regime", pack.toString(), "--date", "2026-01-15");
        assertThat(k.exit()).as(k.err()).isZero();
        assertThat(k.out()).contains("1 goods evaluated as of 2026-01-15");
        CliTest.Result r = CliTest.run("db", "requalify", "--declaration", "D-CAST", "--date", "2026-01-15", "--db", path,
                "--regime", pack.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("goods requalified: 1");
        CliTest.Result u = CliTest.run("users", "list", "--db", path);
        assertThat(u.exit()).as(u.err()).isZero();
        // one database: the qualification recorded through the URL, the requalification through the path
        assertThat(CliTest.run("db", "ledger", "--db", url).out()).contains("GBX-1").contains("requalify: declaration D-CAST");
    }

    /** {@code origin db --help} gives each workflow's whole summary (it once stopped at the end of a source line, mid-sentence). */
    @Test
    void theWorkspaceHelpSummarisesEachWorkflowInFull() {
        String help = CliTest.run("db", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("requalify Requalify the goods affected by a change, in one transaction: new determinations are appended to the"
                        + " ledger, flipped goods are reported with the requirements that changed, and certificates of goods no longer"
                        + " originating are withdrawn with a notice listing the customers to inform.")
                .contains("write each supplier's request list (CSV) and letter. certify")
                .contains("withdrawn by requalification if a good stops qualifying. party");
    }

    /**
     * An output file that cannot be written is refused before anything is recorded: certify once stored the certificate
     * and then failed on its --pdf (a second try issued a second certificate in force), and requalify committed before
     * failing on its --notice.
     */
    @Test
    void anUnwritableOutputIsRefusedBeforeAnythingIsRecorded() throws Exception {
        String db = workspace();
        Path pack = dir.resolve("usmca-test.yaml");
        Files.writeString(pack, PACK);
        Workspace.open(db).qualify("GBX-1", pack.toString(), Map.of(), LocalDate.of(2026, 1, 15), "qualify");
        assertThat(CliTest.run("db", "party", "ME", "--db", db, "--name", "Transmisiones MTY", "--country", "MX").exit()).isZero();
        Path missing = dir.resolve("no-such-folder");

        CliTest.Result c = CliTest.run("db", "certify", "GBX-1", "--db", db, "--regime", pack.toString(), "--producer", "ME",
                "--signer", "Ana Ruiz", "--date", "2026-01-15", "--pdf", missing.resolve("c.pdf").toString());
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("--pdf: CANNOT_WRITE:", "the folder `" + missing + "` does not exist", "nothing was written.");
        int certificates = Workspace.open(db).read(tx -> new dev.origin.store.Certificates(tx).ids().size());
        assertThat(certificates).as("no certificate recorded").isZero();

        long before = Workspace.open(db).read(tx -> tx.ledger().size());
        CliTest.Result r = CliTest.run("db", "requalify", "--withdraw", "D-CAST", "--date", "2026-02-01", "--db", db, "--regime", pack.toString(),
                "--notice", missing.resolve("notice.txt").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--notice: CANNOT_WRITE:", "nothing was written.");
        long after = Workspace.open(db).read(tx -> tx.ledger().size());
        assertThat(after).as("nothing appended").isEqualTo(before);
        boolean withdrawn = Workspace.open(db).read(tx -> tx.declarations().get("D-CAST").orElseThrow().withdrawn());
        assertThat(withdrawn).as("the declaration is not withdrawn").isFalse();
    }
}
