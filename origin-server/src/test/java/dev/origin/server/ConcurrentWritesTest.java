package dev.origin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients writing the same entity at the same moment (the soak test's shared suppliers, made to collide): every
 * request is answered as if the writes had run one after the other, never with a 500 from a key another transaction
 * inserted first; the entity ends as one of the written values.
 */
class ConcurrentWritesTest {
    static Fixture f;

    @BeforeAll static void start() { f = new Fixture(); }

    @AfterAll static void stop() { f.close(); }

    @Test void simultaneousCreatesAndDeletesOfOneSupplierAreAllAnswered() throws Exception {
        int clients = 6;
        int rounds = 15;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<String> unexpected = new ArrayList<>();
        try {
            for (int round = 0; round < rounds; round++) {
                String id = "RACE-" + round;
                CyclicBarrier start = new CyclicBarrier(clients);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    final int k = c;
                    answers.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return f.send("PUT", "/api/suppliers/" + id, f.analystToken, "application/json",
                                "{\"name\": \"client " + k + "\", \"country\": \"US\"}");
                    }));
                }
                for (Future<HttpResponse<String>> a : answers) {
                    HttpResponse<String> r = a.get(60, TimeUnit.SECONDS);
                    if (r.statusCode() != 200) unexpected.add("PUT " + id + ": " + r.statusCode() + " " + r.body());
                }
                String name = f.server.workspace.read(tx -> tx.suppliers().get(id)).orElseThrow().name();
                assertThat(name).startsWith("client ");
                // and all delete it at once: one 200, the others 404
                CyclicBarrier again = new CyclicBarrier(clients);
                List<Future<HttpResponse<String>>> deletes = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    deletes.add(pool.submit(() -> {
                        again.await(10, TimeUnit.SECONDS);
                        return f.send("DELETE", "/api/suppliers/" + id, f.analystToken, null, null);
                    }));
                }
                int deleted = 0;
                for (Future<HttpResponse<String>> a : deletes) {
                    HttpResponse<String> r = a.get(60, TimeUnit.SECONDS);
                    if (r.statusCode() == 200) deleted++;
                    else if (r.statusCode() != 404) unexpected.add("DELETE " + id + ": " + r.statusCode() + " " + r.body());
                }
                assertThat(deleted).as("deletes answered 200 for %s", id).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(unexpected).as(f.log.toString()).isEmpty();
    }

    @Test void aSupplierDeletedWhilePartsBoughtFromItAreWrittenIsEitherInUseOrGone() throws Exception {
        int clients = 5;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<String> unexpected = new ArrayList<>();
        try {
            for (int round = 0; round < 15; round++) {
                String supplier = "GONE-" + round;
                assertThat(f.send("PUT", "/api/suppliers/" + supplier, f.analystToken, "application/json", "{\"name\": \"Gone\", \"country\": \"CA\"}")
                        .statusCode()).isEqualTo(200);
                CyclicBarrier start = new CyclicBarrier(clients);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    final int k = c;
                    answers.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return k == 0 ? f.send("DELETE", "/api/suppliers/" + supplier, f.analystToken, null, null)
                                : f.send("PUT", "/api/parts/" + supplier + "-P" + k, f.analystToken, "application/json",
                                        "{\"description\": \"pin\", \"source\": \"buy\", \"supplier\": \"" + supplier + "\"}");
                    }));
                }
                int deleted = answers.get(0).get(60, TimeUnit.SECONDS).statusCode();
                int written = 0;
                for (int c = 1; c < clients; c++) {
                    HttpResponse<String> r = answers.get(c).get(60, TimeUnit.SECONDS);
                    if (r.statusCode() == 200) written++;
                    else if (r.statusCode() != 422 || !r.body().contains("NOT_IN_WORKSPACE")) unexpected.add("PUT part: " + r.statusCode() + " " + r.body());
                }
                if (deleted != 200 && deleted != 409) unexpected.add("DELETE " + supplier + ": " + deleted);
                // a delete that succeeded leaves no part bought from the supplier; one refused as in use leaves some
                long parts = f.server.workspace.read(tx -> tx.parts().all().stream().filter(p -> supplier.equals(p.supplierId())).count());
                assertThat(parts).as("parts of %s after delete %d", supplier, deleted).isEqualTo(written);
                if (deleted == 200) assertThat(written).isZero();
                else assertThat(written).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(unexpected).as(f.log.toString()).isEmpty();
    }
}
