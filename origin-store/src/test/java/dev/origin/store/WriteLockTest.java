package dev.origin.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.io.InputException;
import dev.origin.store.importer.ImportKind;
import dev.origin.store.importer.Importer;
import dev.origin.store.importer.Table;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The workspace's write lock ({@link Tx#lockWrites}), on H2 and PostgreSQL: an import that references a supplier being
 * deleted waits for the delete, then finds the supplier gone and refuses the row ({@code NOT_IN_WORKSPACE}). Before the
 * lock, on H2 the part was written and the supplier deleted, leaving a part bought from a supplier that no longer exists
 * (found by the soak test, docs/RELIABILITY.md); concurrent creates of one new key failed with a 500
 * ({@link Workspace#writeRetrying}).
 */
class WriteLockTest {
    @ParameterizedTest
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void anImportWaitsForTheDeleteOfWhatItReferencesAndThenRefusesIt(String kind) throws Exception {
        Workspace ws = Workspace.open(TestDatabases.fresh(kind));
        Importer im = new Importer(ws, null);
        im.importTable(new Table("request", "suppliers", List.of("supplier", "name", "country"),
                List.of(new Table.Row(2, List.of("ZED", "Zed", "US")))), ImportKind.SUPPLIERS);
        CountDownLatch deleted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> delete = CompletableFuture.supplyAsync(() -> ws.write(tx -> {
            boolean d = new Removals(tx).supplier("ZED");
            deleted.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return d;
        }));
        assertThat(deleted.await(60, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Object> put = CompletableFuture.supplyAsync(() -> {
            try {
                return im.importTable(new Table("request", "parts", List.of("part", "description", "source", "supplier", "hs"),
                        List.of(new Table.Row(2, List.of("Z-1", "Zed pin", "buy", "ZED", "7318.15")))), ImportKind.PARTS);
            } catch (InputException e) {
                return e;
            }
        });
        Thread.sleep(300);
        assertThat(put).as("the import waits for the delete's transaction").isNotDone();
        release.countDown();
        assertThat(delete.get(60, TimeUnit.SECONDS)).isTrue();
        Object answer = put.get(60, TimeUnit.SECONDS);
        assertThat(answer).isInstanceOf(InputException.class);
        assertThat(((InputException) answer).problems()).anyMatch(p -> p.code().equals("NOT_IN_WORKSPACE"));
        boolean part = ws.read(tx -> tx.parts().get("Z-1").isPresent());
        boolean supplier = ws.read(tx -> tx.suppliers().get("ZED").isPresent());
        assertThat(part).isFalse();
        assertThat(supplier).isFalse();
    }
}
