package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.store.AuditFile;
import dev.origin.store.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace commands end to end on an embedded H2 file: init, import, parts, show, qualify --part, ledger, replay, audit. */
class WorkspaceCliTest {
    @TempDir Path dir;

    String db() {
        return "jdbc:h2:file:" + dir.resolve("ws").toAbsolutePath();
    }

    @Test
    void fromTheSampleToAnAuditFile() throws Exception {
        CliTest.Result init = CliTest.run("db", "init", "--sample", "--today", Sample.ANCHOR.toString(), "--db", db());
        assertThat(init.exit()).isZero();
        assertThat(init.out()).contains("Sample loaded: 86 rows").contains("89 added");

        CliTest.Result parts = CliTest.run("db", "parts", "--date", "2026-12-01", "--db", db());
        assertThat(parts.out()).contains("GUAD-2026 until 2026-12-20 (19 days): originating (B)")
                .contains("no valid declaration (MICH-2025 ended 2025-12-20): unknown").contains("22 parts.");

        CliTest.Result q = CliTest.run("qualify", "--part", "BRK-FR-100", "--regime", "usmca", "--date", "2026-12-01", "--format", "json",
                "--db", db());
        assertThat(q.exit()).isZero();
        assertThat(CliTest.JSON.readTree(q.out()).path("results").get(0).path("status").asText()).isEqualTo("UNDETERMINED");
        assertThat(q.err()).contains("recorded as determination 1");

        CliTest.Result show = CliTest.run("db", "show", "BRK-FR-100", "--date", "2026-12-01", "--db", db());
        assertThat(show.out()).contains("  PST-10").contains("no valid declaration").contains("#1 UNDETERMINED under usmca");

        CliTest.Result replay = CliTest.run("replay", "1", "--db", db());
        assertThat(replay.exit()).isZero();
        assertThat(replay.out()).contains("re-derived identically (UNDETERMINED");

        // the hardware kit gets a declaration: against today's data the kit is originating, the pistons still unknown
        Path decl = dir.resolve("declarations.csv");
        Files.writeString(decl, "declaration,supplier,part,valid_from,valid_to,statement,criterion\nTOR-KIT,TOR,HW-KIT,2026-11-01,2027-10-31,originating,B\n");
        CliTest.Result imp = CliTest.run("db", "import", decl.toString(), "--db", db());
        assertThat(imp.exit()).isZero();
        assertThat(imp.out()).contains("1 added");
        assertThat(CliTest.run("db", "import", decl.toString(), "--db", db()).out()).contains("(nothing to do)");
        CliTest.Result current = CliTest.run("db", "replay", "1", "--against-current", "--db", db());
        assertThat(current.exit()).isEqualTo(3);
        assertThat(current.out()).contains("input BRK-FR-100/HW-KIT: origin unknown -> originating");

        Path zip = dir.resolve("audit.zip");
        CliTest.Result audit = CliTest.run("audit", "1", "--out", zip.toString(), "--db", db());
        assertThat(audit.exit()).isZero();
        Map<String, String> files = AuditFile.read(Files.readAllBytes(zip));
        assertThat(files.keySet()).containsExactlyElementsOf(AuditFile.FILES);
        assertThat(files.get("bom.csv")).contains("2,BRK-FR-100/CAL-200/PST-10,PST-10,Caliper piston 54 mm,8708.30,2,26.00,unknown,no valid declaration,US,MICH,")
                .contains("1,BRK-FR-100/ROT-300,ROT-300,Vented brake rotor 330 mm,8708.30,1,38.00,originating,declaration,US,ACME,ACME-2026");
        // the audit shows the declarations as they stood: the kit's new declaration is not among them
        assertThat(files.get("declarations.csv")).contains("ACME-2026,ACME,2026-03-01,2027-02-15,originating,B,74.5,NC,no")
                .doesNotContain("TOR-KIT");
        assertThat(files.get("rules.txt")).contains("SOR/2020-155 s.13 (table, 8708.30 (1))").contains("RVC(NC) >=");
        assertThat(files.get("explanation.txt")).contains("UNDETERMINED").contains("CAL-200/PST-10");
        assertThat(files.get("README.txt")).contains("re-derives the stored findings exactly");
        assertThat(files.get("input.json")).contains("\"id\" : \"BRK-FR-100\"");

        CliTest.Result ledger = CliTest.run("db", "ledger", "--verify", "--db", db());
        assertThat(ledger.out()).contains("Ledger verified: 1 entry, hash chain intact.");

        CliTest.Result check = CliTest.run("db", "check", "--db", db());
        assertThat(check.exit()).isZero();
        assertThat(check.out()).containsPattern("Workspace check: \\d+ tables, \\d+ rows, \\d+ foreign keys, ledger of 1 entry: ok\\.");
        // a ledger entry changed behind the workspace's back (its append-only trigger dropped first) is found: exit 3
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db()); java.sql.Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER determinations_append_only");
            s.execute("UPDATE determinations SET verdict = 'ORIGINATING' WHERE id = 1");
        }
        CliTest.Result damaged = CliTest.run("db", "check", "--db", db());
        assertThat(damaged.exit()).isEqualTo(3);
        assertThat(damaged.out()).contains("PROBLEM: ledger: entry 1 was changed after it was written (hash mismatch)")
                .contains("ledger of 1 entry: 1 problem.");
    }

    @Test
    void aBadFileIsNotImportedAndEveryProblemIsListed() throws Exception {
        Path parts = dir.resolve("parts.csv");
        Files.writeString(parts, "part,description,source,plant,hs\nA,Thing,make,,87\nB,,buy,,8708.30\n");
        CliTest.Result r = CliTest.run("db", "import", parts.toString(), "--db", db());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(":2:4: MISSING_FIELD: The required field `plant` is missing.")
                .contains(":2:5: BAD_HS: `87`").contains(":3:2: MISSING_FIELD: The required field `description` is missing.")
                .contains("problems; " + parts + " was not imported.");
        assertThat(CliTest.run("db", "parts", "--db", db()).out()).contains("The workspace has no parts");
    }

    @Test
    void aLargeImportDrawsAProgressBarOnlyWhenAsked() throws Exception {
        assertThat(CliTest.run("db", "init", "--sample", "--today", Sample.ANCHOR.toString(), "--db", db()).exit()).isZero();
        StringBuilder parts = new StringBuilder("part,description,source,plant,hs\n");
        StringBuilder boms = new StringBuilder("parent,valid_from,component,quantity\n");
        for (int i = 0; i < 200; i++) {
            parts.append("A-").append(i).append(",Assembly,make,SAL,8708.99\n");
            for (String c : new String[] {"BLT-8", "STUD-5", "HW-KIT", "ROT-300", "PAD-20", "BRG-7", "DMP-40", "SEAL-5", "ISO-2", "BOOT-3"}) {
                boms.append("A-").append(i).append(",2026-01-01,").append(c).append(",1\n");
            }
        }
        Path p = dir.resolve("parts.csv");
        Path b = dir.resolve("boms.csv");
        Files.writeString(p, parts);
        Files.writeString(b, boms);
        CliTest.Result quiet = CliTest.run("db", "import", p.toString(), "--db", db());
        assertThat(quiet.err()).as("not a terminal: no progress bar").isEmpty();
        CliTest.Result shown = CliTest.run("db", "import", b.toString(), "--progress", "--db", db());
        assertThat(shown.exit()).isZero();
        assertThat(shown.err()).contains("importing boms.csv [").contains("100 % (2000/2000)");
        assertThat(shown.err()).as("erased before the results").endsWith("\r");
        assertThat(shown.out()).contains("2000 rows (boms 2000); 200 added");
    }
}
