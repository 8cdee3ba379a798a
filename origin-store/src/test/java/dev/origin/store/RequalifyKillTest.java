package dev.origin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A requalification killed at random points (a real child JVM, destroyed forcibly) leaves the workspace as before it
 * or fully after it: no determination, declaration withdrawal or run record without the others. Bounded: one
 * uninterrupted run to time it, then 2 kills on H2 and 1 on PostgreSQL, seeded.
 */
class RequalifyKillTest {
    static final long SEED = Long.getLong("kill.seed", 17L);
    static final int GOODS = 500, HOUSINGS = 10;

    @TempDir Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void aRequalificationKilledAtRandomPointsIsAllOrNothing(String kind) throws Exception {
        Random random = new Random(SEED);
        Path pack = dir.resolve("synthetic.yaml");
        Files.writeString(pack, SyntheticCatalog.PACK);
        int expected = SyntheticCatalog.usersOfHousing(GOODS, HOUSINGS, 3).size();
        int trials = kind.equals("h2") ? 2 : 1;
        long full = -1;
        List<String> outcomes = new ArrayList<>();
        for (int t = 0; t < trials + 1; t++) {
            String url = kind.equals("h2") ? "jdbc:h2:file:" + dir.resolve("ws" + t).toAbsolutePath() : TestDatabases.fresh(kind);
            SyntheticCatalog.write(Workspace.open(url), GOODS, HOUSINGS);
            long delay = full < 0 ? Long.MAX_VALUE : (long) (random.nextDouble() * full * 1.2);
            List<String> lines = new CopyOnWriteArrayList<>();
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                    System.getProperty("java.class.path"), RequalifyKillChild.class.getName(), url, pack.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) lines.add(l);
                } catch (Exception e) {
                    // killed
                }
            });
            reader.setDaemon(true);
            reader.start();
            long deadline = System.currentTimeMillis() + 120_000;
            while (!lines.contains("OPEN") && p.isAlive() && System.currentTimeMillis() < deadline) Thread.sleep(10);
            long start = System.nanoTime();
            if (!p.waitFor(Math.min(delay, 180_000), TimeUnit.MILLISECONDS)) p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            long took = (System.nanoTime() - start) / 1_000_000;
            reader.join(5_000);
            boolean done = lines.stream().anyMatch(l -> l.startsWith("DONE"));
            if (full < 0) {
                assertThat(done).as("the first, uninterrupted requalification completes").isTrue();
                full = took;
            }
            Workspace ws = Workspace.open(url);
            long ledger = ws.read(tx -> tx.ledger().size());
            boolean withdrawn = ws.read(tx -> tx.declarations().get(SyntheticCatalog.declaration(3)).orElseThrow().withdrawn());
            long runs = ws.read(tx -> Sql.one(tx.connection(), "SELECT COUNT(*) FROM requalifications", rs -> rs.getLong(1)).orElse(0L));
            List<String> broken = ws.read(tx -> tx.ledger().verify());
            assertThat(broken).isEmpty();
            assertThat(ledger).as("determinations after a kill at " + delay + " ms").isIn(0L, (long) expected);
            assertThat(withdrawn).as("the withdrawal goes with the determinations").isEqualTo(ledger > 0);
            assertThat(runs).as("the run record goes with them").isEqualTo(ledger > 0 ? 1 : 0);
            if (done) assertThat(ledger).isEqualTo(expected);
            outcomes.add((delay == Long.MAX_VALUE ? "not killed" : "killed at " + delay + " ms") + ": " + (ledger == 0 ? "before" : "after"));
        }
        System.out.println("requalify kill test (" + kind + ", " + expected + " goods taking " + full + " ms): " + outcomes);
    }
}
