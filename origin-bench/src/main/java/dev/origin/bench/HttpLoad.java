package dev.origin.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load test of single-good qualification through the REST API, run as a second process against a running
 * {@code origin serve} on 127.0.0.1: {@code REQUESTS} requests of {@code POST /api/qualify} with one case file, at most
 * {@code CONCURRENCY} in flight, after {@code WARMUP} requests that are not measured. Prints the throughput, the
 * latency percentiles (each request timed from send to full response) and the count of non-200 answers.
 *
 * <pre>java -cp origin-bench/target/benchmarks.jar dev.origin.bench.HttpLoad URL TOKEN CASE-FILE [REQUESTS] [CONCURRENCY] [WARMUP]</pre>
 */
public final class HttpLoad {
    private HttpLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: HttpLoad URL TOKEN CASE-FILE [REQUESTS=40000] [CONCURRENCY=8] [WARMUP=5000]");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
            System.err.println("HttpLoad talks to 127.0.0.1 only");
            System.exit(2);
        }
        String token = args[1];
        byte[] body = Files.readAllBytes(Path.of(args[2]));
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 40_000;
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 5_000;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest req = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        run(client, req, warmup, concurrency, null);
        long[] latencies = new long[requests];
        long start = System.nanoTime();
        int failed = run(client, req, requests, concurrency, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("%d requests (%d in flight) in %.2f s: %.0f requests/s; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; "
                        + "%d not 200%n", requests, concurrency, seconds, requests / seconds, pct(latencies, 50), pct(latencies, 90), pct(latencies, 99),
                latencies[latencies.length - 1] / 1e6, failed);
        System.exit(failed == 0 ? 0 : 1);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static int run(HttpClient client, HttpRequest req, int n, int concurrency, long[] latencies) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(n);
        AtomicInteger failed = new AtomicInteger();
        AtomicLong seen = new AtomicLong();
        for (int i = 0; i < n; i++) {
            slots.acquire();
            final int k = i;
            long t0 = System.nanoTime();
            client.sendAsync(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).whenComplete((r, e) -> {
                if (latencies != null) latencies[k] = System.nanoTime() - t0;
                if (e != null || r.statusCode() != 200) failed.incrementAndGet();
                seen.incrementAndGet();
                slots.release();
                done.countDown();
            });
        }
        done.await();
        return failed.get();
    }
}
