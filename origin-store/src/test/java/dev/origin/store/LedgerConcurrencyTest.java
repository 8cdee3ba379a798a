package dev.origin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Concurrent writers do not corrupt the ledger: ids 1..n without a gap, an unbroken hash chain, every entry once. */
class LedgerConcurrencyTest {
    static final int THREADS = 6;
    static final int EACH = 15;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void concurrentAppendsQueueOnTheHeadAndKeepTheChain(String kind) throws Exception {
        String url = TestDatabases.fresh(kind);
        Workspace ws = WorkspaceTest.brakes(url);
        GoodInput in = ws.input("BRK-100", WorkspaceTest.JAN);
        Qualification q = Qualification.evaluate(in.document(), "usmca", Map.of(), WorkspaceTest.JAN);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<Long>>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                Workspace own = Workspace.of(Database.open(url));
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < EACH; i++) {
                    String reason = "thread " + thread + " entry " + i;
                    ids.add(own.write(tx -> tx.ledger().append(q.toLedger(in, reason))).id());
                }
                return ids;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : done) {
            all.addAll(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(all).hasSize(THREADS * EACH).doesNotHaveDuplicates();
        long size = ws.read(tx -> tx.ledger().size());
        assertThat(size).isEqualTo(THREADS * EACH);
        List<String> broken = ws.read(tx -> tx.ledger().verify());
        assertThat(broken).isEmpty();
        List<LedgerEntry> entries = ws.read(tx -> tx.ledger().page(1, 1000));
        assertThat(entries).extracting(LedgerEntry::reason).doesNotHaveDuplicates().hasSize(THREADS * EACH);
        // each thread's own entries are in its order
        for (int t = 0; t < THREADS; t++) {
            String prefix = "thread " + t + " ";
            List<String> mine = entries.stream().map(LedgerEntry::reason).filter(r -> r.startsWith(prefix)).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < EACH; i++) {
                expected.add(prefix + "entry " + i);
            }
            assertThat(mine).isEqualTo(expected);
        }
        assertThat(entries.get(0).asOf()).isEqualTo(LocalDate.of(2026, 1, 15));
    }
}
