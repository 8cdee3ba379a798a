package dev.origin.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.store.importer.Importer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crash safety (issue 12, item 2): a real child JVM imports a BOM file, appends to the ledger, requalifies the goods
 * of a withdrawn declaration or issues certifications, and is killed (SIGKILL) at a seeded random point. After every
 * kill the workspace is reopened and must pass the {@linkplain Integrity integrity check} (every table readable, no
 * orphan row, no duplicate key, the ledger's hash chain whole) and hold exactly the state before the operation or the
 * state after it: never part of one. An H2 file that H2 itself cannot reopen is rolled back by {@link H2Repair} as
 * {@code Database.open} does for every user; the outcome says so and the same conditions must then hold.
 *
 * <p>{@code mvn verify} runs {@value #H2_IMPORT} + {@value #PG_IMPORT} import, {@value #H2_APPEND} + {@value #PG_APPEND}
 * ledger, {@value #H2_REQUALIFY} + {@value #PG_REQUALIFY} requalification and {@value #H2_CERTIFY} + {@value #PG_CERTIFY}
 * certification kills (H2 file + PostgreSQL 15): 102 in all. {@code -Dkill.scale=N} runs N times as many (the nightly
 * script {@code scripts/crash-soak.sh}), {@code -Dkill.seed=N} other points. Each trial starts from a copy of a workspace
 * prepared once per test (a copied H2 file, or {@code CREATE DATABASE ... TEMPLATE}).
 */
class CrashTest {
    static final long SEED = Long.getLong("kill.seed", 9L);
    static final int SCALE = Integer.getInteger("kill.scale", 1);
    static final int H2_IMPORT = 30, PG_IMPORT = 14, H2_APPEND = 8, PG_APPEND = 6, H2_REQUALIFY = 14, PG_REQUALIFY = 8,
            H2_CERTIFY = 14, PG_CERTIFY = 8;
    /** Where in the uninterrupted operation's time the kills fall (fractions of it; {@code -Dkill.window=0.6,1.1}). */
    static final double LO = Double.parseDouble(System.getProperty("kill.window", "0,1.2").split(",")[0]),
            HI = Double.parseDouble(System.getProperty("kill.window", "0,1.2").split(",")[1]);
    static final int PARENTS = 300, LINES = 10, GOODS = 100, HOUSINGS = 10;

    @TempDir Path dir;

    /** What one kind of operation checks after a kill: the state found ("before", "after"), or {@link Broken}. */
    interface Check {
        String state(Workspace ws, ChildProcess child) throws Exception;
    }

    /** A state that is neither before nor after the operation. */
    static final class Broken extends Exception {
        Broken(String message) {
            super(message);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void anImportKilledAtRandomPointsIsAllOrNothing(String kind) throws Exception {
        Path bom = dir.resolve("boms.csv");
        Files.writeString(bom, bomFile());
        Workspace ws = WorkspaceTest.brakes(url(kind, "import"));
        StringBuilder parts = new StringBuilder("part,description,source,plant,supplier,hs\n");
        for (int i = 0; i < PARENTS; i++) {
            parts.append("P-").append(i).append(",Assembly ").append(i).append(",make,MTY,,8708.99\n");
        }
        for (int i = 0; i < LINES * 3; i++) {
            parts.append("C-").append(i).append(",Component ").append(i).append(",buy,,TOR,7318.15\n");
        }
        new Importer(ws, null).importFile(parts.toString().getBytes(StandardCharsets.UTF_8), "parts.csv", null);
        trials(kind, "import", ws.database().url(), kind.equals("h2") ? H2_IMPORT : PG_IMPORT, true, (w, child) -> {
            long lines = count(w, "SELECT COUNT(*) FROM bom_lines WHERE part_id LIKE 'P-%'");
            long imports = count(w, "SELECT COUNT(*) FROM imports WHERE file_name = 'boms.csv'");
            boolean before = lines == 0 && imports == 0;
            boolean after = lines == (long) PARENTS * LINES && imports == 1;
            if (!before && !after) throw new Broken(lines + " of " + PARENTS * LINES + " BOM lines and " + imports + " import records");
            if (child.saw("DONE") && !after) throw new Broken("the child finished but the import is not there");
            return after ? "after" : "before";
        }, bom.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void aLedgerWriterKilledAtRandomPointsKeepsEveryCommittedEntry(String kind) throws Exception {
        Workspace ws = WorkspaceTest.brakes(url(kind, "append"));
        trials(kind, "append", ws.database().url(), kind.equals("h2") ? H2_APPEND : PG_APPEND, false, (w, child) -> {
            long size = w.read(tx -> tx.ledger().size());
            // every entry the child saw committed is there; at most one more (committed, not yet printed)
            if (size < child.lastCommitted() || size > child.lastCommitted() + 1) {
                throw new Broken(size + " ledger entries, the child had committed " + child.lastCommitted());
            }
            return size == child.lastCommitted() ? "all printed commits" : "one more commit than printed";
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void aRequalificationKilledAtRandomPointsIsAllOrNothing(String kind) throws Exception {
        Path pack = dir.resolve("synthetic.yaml");
        Files.writeString(pack, SyntheticCatalog.PACK);
        Workspace ws = Workspace.open(url(kind, "requalify"));
        SyntheticCatalog.write(ws, GOODS, HOUSINGS);
        int expected = SyntheticCatalog.usersOfHousing(GOODS, HOUSINGS, 3).size();
        trials(kind, "requalify", ws.database().url(), kind.equals("h2") ? H2_REQUALIFY : PG_REQUALIFY, true, (w, child) -> {
            long ledger = w.read(tx -> tx.ledger().size());
            boolean withdrawn = w.read(tx -> tx.declarations().get(SyntheticCatalog.declaration(3)).orElseThrow().withdrawn());
            long runs = count(w, "SELECT COUNT(*) FROM requalifications");
            boolean before = ledger == 0 && !withdrawn && runs == 0;
            boolean after = ledger == expected && withdrawn && runs == 1;
            if (!before && !after) {
                throw new Broken(ledger + " of " + expected + " determinations, withdrawn " + withdrawn + ", " + runs + " run records");
            }
            if (child.saw("DONE") && !after) throw new Broken("the child finished but the requalification is not there");
            return after ? "after" : "before";
        }, pack.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void aCertificationKilledAtRandomPointsIsAllOrNothing(String kind) throws Exception {
        Path pack = FlowsTest.pack();
        Workspace ws = FlowsTest.workspace(url(kind, "certify"));
        for (String g : List.of("GBX-1", "ASM-3")) {
            assertThat(ws.qualify(g, pack.toString(), Map.of(), FlowsTest.JAN, "qualify").verdict()).isEqualTo("ORIGINATING");
        }
        trials(kind, "certify", ws.database().url(), kind.equals("h2") ? H2_CERTIFY : PG_CERTIFY, false, (w, child) -> {
            long certificates = count(w, "SELECT COUNT(*) FROM certificates");
            long partial = count(w, "SELECT COUNT(*) FROM certificates c WHERE (SELECT COUNT(*) FROM certificate_goods g"
                    + " WHERE g.certificate_id = c.certificate_id) <> 2");
            if (partial > 0) throw new Broken(partial + " certificates without both their goods");
            if (certificates < child.committed() || certificates > child.committed() + 1) {
                throw new Broken(certificates + " certificates, the child had committed " + child.committed());
            }
            return certificates == child.committed() ? "all printed commits" : "one more commit than printed";
        }, pack.toString());
    }

    /** A database for the prepared workspace of one test: an H2 file in the test's folder, or a fresh PostgreSQL database. */
    private String url(String kind, String op) {
        return kind.equals("h2") ? "jdbc:h2:file:" + dir.resolve(op + "-template").toAbsolutePath() + System.getProperty("kill.h2", "")
                : TestDatabases.fresh(kind);
    }

    /**
     * Runs one uninterrupted child (for an operation that ends) to time it, then {@code kills} children killed at a
     * seeded random point of that time (up to 1.2 times it; for endless operations, up to 1 s after their first commit); after
     * each, checks the integrity and the operation's own all-or-nothing condition.
     */
    private void trials(String kind, String op, String template, int kills, boolean ends, Check check, String... args) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("kill.kinds", kind).contains(kind),
                () -> "skipped: -Dkill.kinds=" + System.getProperty("kill.kinds"));
        Random random = new Random(SEED * 31 + op.hashCode() + kind.hashCode());
        kills *= SCALE;
        long full = ends ? -1 : 1000;
        List<String> failures = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        long started = System.nanoTime();
        long commits = 0;
        for (int t = ends ? 0 : 1; t <= kills; t++) {
            String url = TestDatabases.copyOf(template, op + t);
            long delay = full < 0 ? Long.MAX_VALUE : ends ? (long) ((LO + random.nextDouble() * (HI - LO)) * full) : random.nextInt(1000);
            List<String> cmd = new ArrayList<>(List.of(op, url));
            cmd.addAll(List.of(args));
            ChildProcess child = ChildProcess.start(CrashChild.class, cmd.toArray(String[]::new));
            long took = ends ? child.killAfterSeen("OPEN", delay) : child.killAfterFirstCommit(delay);
            if (full < 0) {
                assertThat(child.saw("DONE")).as("the uninterrupted " + op + " completes").isTrue();
                full = took;
            }
            String trial = op + " trial " + t + (delay == Long.MAX_VALUE ? " (not killed)" : " (killed " + delay + " ms after open)");
            if (!child.killed && (child.process.exitValue() != 0 || !child.saw("DONE"))) {
                failures.add(trial + ": the child ended by itself with exit " + child.process.exitValue() + " (it must finish or be killed)");
                continue;
            }
            commits += child.committed();
            Workspace ws;
            try {
                ws = Workspace.open(url);
            } catch (RuntimeException e) {
                failures.add(trial + ": the workspace does not open: " + e.getMessage() + keep(url));
                continue;
            }
            Integrity.Report integrity = Integrity.check(ws);
            if (!integrity.ok()) {
                failures.add(trial + ": integrity check: " + integrity.problems() + keep(url));
                continue;
            }
            try {
                String state = check.state(ws, child);
                String how = ws.database().recovery().isPresent() ? "killed, file rolled back by H2Repair: " : "killed: ";
                outcomes.merge((delay == Long.MAX_VALUE ? "not killed: " : how) + state, 1, Integer::sum);
            } catch (Broken e) {
                failures.add(trial + ": " + e.getMessage() + ws.database().recovery().map(r -> " (after a repair: " + r + ")").orElse("")
                        + keep(url));
            }
        }
        System.out.printf(Locale.ROOT, "crash test (%s, %s): %d kills in %.1f s, operation %d ms uninterrupted; %d commits printed; outcomes %s;"
                + " failures %d %s%n", kind, op, kills, (System.nanoTime() - started) / 1e9, full, commits, outcomes, failures.size(), failures);
        if (!ends) {
            assertThat(commits).as("the looping child committed before it was killed (else the kills test nothing)").isPositive();
        }
        assertThat(failures).as("kills that left the workspace damaged or half-written").isEmpty();
    }

    /** An H2 file that failed is kept under target/crash-failures for study; returns where. */
    private static String keep(String url) {
        if (H2Repair.file(url).isEmpty()) return "";
        try {
            Path file = H2Repair.file(url).get();
            Path to = Path.of("target", "crash-failures", System.currentTimeMillis() + "-" + file.getFileName());
            Files.createDirectories(to.getParent());
            Files.copy(file, to);
            return " (file kept: " + to.toAbsolutePath() + ")";
        } catch (Exception e) {
            return " (file not kept: " + e + ")";
        }
    }

    private static String bomFile() {
        StringBuilder sb = new StringBuilder("parent,valid_from,line,component,quantity\n");
        for (int p = 0; p < PARENTS; p++) {
            for (int l = 0; l < LINES; l++) {
                sb.append("P-").append(p).append(",2026-01-01,").append(l + 1).append(",C-").append((p + l) % (LINES * 3)).append(",2\n");
            }
        }
        return sb.toString();
    }

    private static long count(Workspace ws, String sql) {
        return ws.read(tx -> Sql.one(tx.connection(), sql, rs -> rs.getLong(1)).orElse(0L));
    }
}
