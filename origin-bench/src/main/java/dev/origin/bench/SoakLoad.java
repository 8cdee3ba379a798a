package dev.origin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.origin.bench.SoakModel.Appended;
import dev.origin.bench.SoakModel.DeclarationValue;
import dev.origin.bench.SoakModel.PartValue;
import dev.origin.bench.SoakModel.SharedWrite;
import dev.origin.bench.SoakModel.SupplierValue;
import dev.origin.store.Workspace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load and soak test of {@code origin serve} (issue 12, item 3): {@code clients} threads, each sending one request
 * at a time to a running server on 127.0.0.1, in a seeded mix of reads (the workspace's lists, a stored good with its
 * determination, {@code POST /api/qualify}, {@code /api/explain}, {@code /api/compare}) and writes (suppliers,
 * bought parts and declarations created, replaced and deleted with {@code PUT} and {@code DELETE}, declarations
 * withdrawn, determinations of the sample's goods appended to the ledger, and suppliers every client writes and
 * deletes at once).
 *
 * <p><b>Errors.</b> Each client knows the state of its own entities ({@link SoakModel}), so it predicts every answer:
 * {@code 404} for a delete of what is not there, {@code 409 IN_USE} for a supplier or part still referenced,
 * {@code 422 NOT_IN_WORKSPACE} for a write naming a supplier or part it deleted (some writes do so on purpose, so
 * that refused writes exist whose values must not appear). An error is any answer whose status differs from the
 * prediction (every 5xx among them; for the shared suppliers, anything but 200, or 404 for a delete), a {@code PUT} whose {@code change} is not the predicted one, a read of an own
 * part that does not show the last acknowledged write, or a request without an answer within the timeout.
 *
 * <p><b>Lost and phantom writes</b> are counted at the end by {@link SoakModel#verify} on the stored workspace,
 * after the server has stopped. <b>Memory:</b> every {@code sampleEvery} (or every eighth of a request limit, if sooner) the server's heap is collected and
 * measured with {@code jcmd PID GC.class_histogram} (live bytes after a full collection), and its RSS read from {@code /proc}; stable means
 * the median heap after GC of the last third of the samples is at most that of the first third plus
 * {@link #MARGIN_FRACTION} and {@link #MARGIN_BYTES} (the embedded H2 page cache, 16 MiB at most by default,
 * may fill during a run).
 *
 * <pre>java -cp origin-bench/target/benchmarks.jar dev.origin.bench.SoakLoad --url URL --token TOKEN --pid PID --db JDBC-URL
 *      [--clients 4] [--seconds 600] [--requests 0] [--seed 1] [--case-file examples/net-cost-example.json] [--sample-every 20]</pre>
 * (see scripts/soak.sh, which starts the server and makes the token).
 */
public final class SoakLoad {
    public static final double MARGIN_FRACTION = 0.10;
    public static final long MARGIN_BYTES = 16L << 20;
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> GOODS = List.of("BRK-FR-100", "SUS-700", "HUB-500");
    static final int SUPPLIERS = 6;
    static final int PARTS = 10;
    static final int DECLARATIONS = 5;
    static final int SHARED = 3;

    /**
     * The run's settings. {@code requests} 0: no limit but the duration. {@code serverPid} 0: no memory samples.
     */
    public record Config(URI base, String token, int clients, long requests, Duration duration, long seed, String caseFile, long serverPid,
                         Duration sampleEvery, Duration timeout, Path databaseFile) {
        public Config {
            if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
                throw new IllegalArgumentException("the soak test talks to 127.0.0.1 only, not " + base);
            }
        }
    }

    /**
     * One sample: seconds into the run, requests so far, heap used after a full GC, resident set size, size of the
     * database file (bytes; -1 unknown).
     */
    public record MemorySample(double seconds, long requests, long heapAfterGc, long rss, long databaseBytes) {}

    /** Latency and count of one operation. */
    public record OpStats(String op, int count, int errors, double p50Ms, double p99Ms, double maxMs) {}

    /** What the run measured (before the store is checked). */
    public record Result(long requests, double seconds, int errors, int timeouts, int refusedAsPredicted, List<OpStats> ops,
                         List<String> errorSamples, List<MemorySample> memory, SoakModel model, long writes, long reads, String loadBefore,
                         String loadAfter) {
        /** Median heap after GC of the first and the last third of the samples (bytes), or null with fewer than 3 samples. */
        public long[] heapThirds() {
            if (memory.size() < 3) return null;
            int third = memory.size() / 3;
            long[] first = memory.subList(0, third).stream().mapToLong(MemorySample::heapAfterGc).sorted().toArray();
            long[] last = memory.subList(memory.size() - third, memory.size()).stream().mapToLong(MemorySample::heapAfterGc).sorted().toArray();
            return new long[] {first[first.length / 2], last[last.length / 2]};
        }

        /** True when the last third's median heap after GC is within the margin of the first third's. */
        public boolean memoryStable() {
            long[] t = heapThirds();
            return t != null && t[1] <= t[0] * (1 + MARGIN_FRACTION) + MARGIN_BYTES;
        }

        /** Least-squares slope of heap after GC against requests served, in bytes per 1,000 requests. */
        public double heapSlopePerThousand() {
            int n = memory.size();
            if (n < 2) return 0;
            double mx = memory.stream().mapToDouble(MemorySample::requests).average().orElse(0);
            double my = memory.stream().mapToDouble(MemorySample::heapAfterGc).average().orElse(0);
            double num = 0;
            double den = 0;
            for (MemorySample s : memory) {
                num += (s.requests() - mx) * (s.heapAfterGc() - my);
                den += (s.requests() - mx) * (s.requests() - mx);
            }
            return den == 0 ? 0 : num / den * 1000;
        }
    }

    private SoakLoad() {}

    // ------------------------------------------------------------------ the run

    /** Runs the load against the server; returns the figures and the model of what was acknowledged. */
    public static Result run(Config cfg) throws InterruptedException {
        String prefix = "SOAK" + Long.toString(System.currentTimeMillis() % 46_656_000L, 36).toUpperCase(Locale.ROOT);
        SoakModel model = new SoakModel(prefix);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Shared st = new Shared(cfg, http, model);
        JsonNode ledger = st.json(st.send("GET", "/api/determinations?limit=1", null, "list").body());
        model.ledgerBefore(ledger.path("total").asLong());
        String loadBefore = loadAverage();
        long start = System.nanoTime();
        st.start = start;
        st.deadline = start + cfg.duration().toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < cfg.clients(); c++) {
            Client client = new Client(st, c, new Random(cfg.seed() * 1_000_003L + c));
            Thread t = new Thread(client::loop, "soak-client-" + c);
            threads.add(t);
            t.start();
        }
        List<MemorySample> memory = Collections.synchronizedList(new ArrayList<>());
        Thread sampler = null;
        if (cfg.serverPid() > 0) {
            sampler = new Thread(() -> sample(cfg, st, memory), "soak-memory");
            sampler.setDaemon(true);
            sampler.start();
        }
        for (Thread t : threads) t.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (sampler != null) {
            sampler.interrupt();
            sampler.join(TimeUnit.SECONDS.toMillis(30));
        }
        List<OpStats> ops = new ArrayList<>();
        for (var e : new TreeMap<>(st.latencies).entrySet()) {
            long[] l;
            synchronized (e.getValue()) {
                l = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            }
            ops.add(new OpStats(e.getKey(), l.length, st.errorsByOp.getOrDefault(e.getKey(), new AtomicLong()).intValue(), pct(l, 50), pct(l, 99),
                    l.length == 0 ? 0 : l[l.length - 1] / 1e6));
        }
        return new Result(st.requests.get(), seconds, (int) st.errors.get(), (int) st.timeouts.get(), (int) st.refused.get(), ops,
                List.copyOf(st.errorSamples), List.copyOf(memory), model, st.writes.get(), st.reads.get(), loadBefore, loadAverage());
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** State every client shares: the HTTP client, the counters, the latencies. */
    static final class Shared {
        final Config cfg;
        final HttpClient http;
        final SoakModel model;
        final AtomicLong requests = new AtomicLong();
        final AtomicLong reads = new AtomicLong();
        final AtomicLong writes = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong timeouts = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final Map<String, AtomicLong> errorsByOp = new ConcurrentHashMap<>();
        final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        volatile long start;
        volatile long deadline;

        Shared(Config cfg, HttpClient http, SoakModel model) {
            this.cfg = cfg;
            this.http = http;
            this.model = model;
        }

        boolean more() {
            if (System.nanoTime() >= deadline) return false;
            return cfg.requests() <= 0 || requests.get() < cfg.requests();
        }

        /** Sends one request; null when no answer came (counted as an error and a timeout). */
        HttpResponse<String> send(String method, String path, String body, String op) {
            return send(method, path, body, op, "application/json");
        }

        HttpResponse<String> send(String method, String path, String body, String op, String type) {
            HttpRequest.Builder b = HttpRequest.newBuilder(cfg.base().resolve(path)).timeout(cfg.timeout())
                    .header("Authorization", "Bearer " + cfg.token());
            if (body != null) b.header("Content-Type", type);
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                latencies.computeIfAbsent(op, k -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - t0);
                return r;
            } catch (HttpTimeoutException e) {
                timeouts.incrementAndGet();
                error(op, method + " " + path + ": no answer within " + cfg.timeout().toSeconds() + " s");
                return null;
            } catch (IOException e) {
                timeouts.incrementAndGet();
                error(op, method + " " + path + ": " + e);
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } finally {
                requests.incrementAndGet();
            }
        }

        void error(String op, String what) {
            errors.incrementAndGet();
            errorsByOp.computeIfAbsent(op, k -> new AtomicLong()).incrementAndGet();
            if (errorSamples.size() < 20) errorSamples.add(op + ": " + what);
        }

        JsonNode json(String body) {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }
    }

    /** One client: its own entities, one request at a time. */
    static final class Client {
        final Shared st;
        final int n;
        final Random rnd;
        final String own;
        long writeNo;

        Client(Shared st, int n, Random rnd) {
            this.st = st;
            this.n = n;
            this.rnd = rnd;
            this.own = st.model.prefix() + "-C" + n + "-";
        }

        String supplier(int k) { return own + "S" + k; }

        String part(int k) { return own + "P" + k; }

        String declaration(int k) { return own + "D" + k; }

        String tag() { return "c" + n + "w" + (++writeNo); }

        void loop() {
            // the operations and their weights: about 55 % reads, 45 % writes
            String[] ops = {"list", "good", "own-part", "qualify", "explain", "compare",
                    "put-supplier", "delete-supplier", "put-part", "delete-part", "put-declaration", "withdraw", "delete-declaration",
                    "append-determination", "put-shared-supplier", "delete-shared-supplier"};
            int[] weights = {20, 8, 6, 12, 6, 3, 8, 3, 8, 3, 6, 3, 2, 6, 4, 2};
            int total = Arrays.stream(weights).sum();
            while (st.more() && !Thread.currentThread().isInterrupted()) {
                int x = rnd.nextInt(total);
                int i = 0;
                while (x >= weights[i]) x -= weights[i++];
                if (i < 6) st.reads.incrementAndGet();
                else st.writes.incrementAndGet();
                switch (ops[i]) {
                    case "list" -> list();
                    case "good" -> expect("good", st.send("GET", "/api/parts/" + pick(GOODS) + "?regime=" + pick(List.of("usmca", "nafta")), null, "good"), 200);
                    case "own-part" -> ownPart();
                    case "qualify" -> expect("qualify", st.send("POST", "/api/qualify?regime=usmca", st.cfg.caseFile(), "qualify"), 200);
                    case "explain" -> expect("explain", st.send("POST", "/api/explain?regime=usmca", st.cfg.caseFile(), "explain"), 200);
                    case "compare" -> expect("compare", st.send("POST", "/api/compare?regimes=nafta,usmca", st.cfg.caseFile(), "compare"), 200);
                    case "put-supplier" -> putSupplier();
                    case "delete-supplier" -> deleteSupplier();
                    case "put-part" -> putPart();
                    case "delete-part" -> deletePart();
                    case "put-declaration" -> putDeclaration();
                    case "withdraw" -> withdraw();
                    case "delete-declaration" -> deleteDeclaration();
                    case "append-determination" -> append();
                    case "put-shared-supplier" -> putShared();
                    case "delete-shared-supplier" -> deleteShared();
                    default -> throw new IllegalStateException(ops[i]);
                }
            }
        }

        <T> T pick(List<T> l) {
            return l.get(rnd.nextInt(l.size()));
        }

        /** Checks the status against the prediction; false (an error) when it differs or no answer came. */
        boolean expect(String op, HttpResponse<String> r, int status) {
            if (r == null) return false;
            if (r.statusCode() != status) {
                st.error(op, r.request().method() + " " + r.request().uri().getPath() + ": " + r.statusCode() + " (expected " + status + ") "
                        + r.body().substring(0, Math.min(300, r.body().length())));
                return false;
            }
            if (status >= 400) st.refused.incrementAndGet();
            return true;
        }

        void list() {
            String what = pick(List.of("parts", "suppliers", "declarations", "determinations"));
            int limit = pick(List.of(20, 100));
            HttpResponse<String> r = st.send("GET", "/api/" + what + "?offset=" + rnd.nextInt(60) + "&limit=" + limit, null, "list");
            if (expect("list", r, 200)) {
                JsonNode j = st.json(r.body());
                if (!j.path("items").isArray() || j.path("items").size() > limit || !j.has("total")) {
                    st.error("list", "GET /api/" + what + ": not a page: " + r.body().substring(0, Math.min(200, r.body().length())));
                }
            }
        }

        /** Reads one of its own parts back: absent → 404, present → its last acknowledged description. */
        void ownPart() {
            String id = part(rnd.nextInt(PARTS));
            PartValue want = st.model.parts.get(id);
            boolean unsure = st.model.parts.isUncertain(id);
            HttpResponse<String> r = st.send("GET", "/api/parts/" + id, null, "own-part");
            if (r == null || unsure) return;
            if (!expect("own-part", r, want == null ? 404 : 200) || want == null) return;
            String got = st.json(r.body()).path("description").asText(null);
            if (!want.description().equals(got)) st.error("own-part", "GET /api/parts/" + id + ": description " + got + ", last written " + want.description());
        }

        ObjectNode object() {
            return JSON.createObjectNode();
        }

        /** Records the outcome of a write of {@code value}: acknowledged (2xx as predicted), refused as predicted, or failed. */
        void putSupplier() {
            String id = supplier(rnd.nextInt(SUPPLIERS));
            SupplierValue before = st.model.suppliers.get(id);
            String t = tag();
            SupplierValue v = new SupplierValue("Supplier " + t, pick(List.of("US", "CA", "MX")), rnd.nextBoolean() ? t + "@soak.example" : null);
            ObjectNode b = object().put("name", v.name()).put("country", v.country());
            if (v.contact() != null) b.put("contact", v.contact());
            HttpResponse<String> r = st.send("PUT", "/api/suppliers/" + id, b.toString(), "put-supplier");
            written(r, "put-supplier", 200, before == null ? "ADDED" : "CHANGED", () -> st.model.supplierAcknowledged(id, v),
                    () -> st.model.supplierRefused(id, v), () -> st.model.suppliers.unknown(id, v));
        }

        void deleteSupplier() {
            String id = supplier(rnd.nextInt(SUPPLIERS));
            SupplierValue before = st.model.suppliers.get(id);
            boolean used = false;
            for (int k = 0; k < PARTS; k++) {
                PartValue p = st.model.parts.get(part(k));
                used |= p != null && id.equals(p.supplier());
            }
            for (int k = 0; k < DECLARATIONS; k++) {
                DeclarationValue d = st.model.declarations.get(declaration(k));
                used |= d != null && id.equals(d.supplier());
            }
            int status = before == null ? 404 : used ? 409 : 200;
            HttpResponse<String> r = st.send("DELETE", "/api/suppliers/" + id, null, "delete-supplier");
            written(r, "delete-supplier", status, null, () -> st.model.supplierAcknowledged(id, null), () -> {}, () -> st.model.suppliers.unknown(id, null));
        }

        void putPart() {
            String id = part(rnd.nextInt(PARTS));
            PartValue before = st.model.parts.get(id);
            // mostly a supplier it has; now and then one it deleted or never made, which must be refused
            String supplier = supplier(rnd.nextInt(SUPPLIERS));
            for (int tries = 0; tries < 5 && st.model.suppliers.get(supplier) == null && rnd.nextInt(10) > 0; tries++) {
                supplier = supplier(rnd.nextInt(SUPPLIERS));
            }
            boolean refs = st.model.suppliers.get(supplier) != null;
            PartValue v = new PartValue("Part " + tag(), supplier);
            ObjectNode b = object().put("description", v.description()).put("source", "buy").put("supplier", supplier)
                    .put("hs", "7318.15").put("hsFrom", "2020-01-01");
            HttpResponse<String> r = st.send("PUT", "/api/parts/" + id, b.toString(), "put-part");
            written(r, "put-part", refs ? 200 : 422, before == null ? "ADDED" : "CHANGED", () -> st.model.partAcknowledged(id, v),
                    () -> st.model.partRefused(id, v), () -> st.model.parts.unknown(id, v));
        }

        void deletePart() {
            String id = part(rnd.nextInt(PARTS));
            PartValue before = st.model.parts.get(id);
            boolean used = false;
            for (int k = 0; k < DECLARATIONS; k++) {
                DeclarationValue d = st.model.declarations.get(declaration(k));
                used |= d != null && d.parts().contains(id);
            }
            int status = before == null ? 404 : used ? 409 : 200;
            HttpResponse<String> r = st.send("DELETE", "/api/parts/" + id, null, "delete-part");
            written(r, "delete-part", status, null, () -> st.model.partAcknowledged(id, null), () -> {}, () -> st.model.parts.unknown(id, null));
        }

        void putDeclaration() {
            String id = declaration(rnd.nextInt(DECLARATIONS));
            DeclarationValue before = st.model.declarations.get(id);
            String supplier = supplier(rnd.nextInt(SUPPLIERS));
            for (int tries = 0; tries < 5 && st.model.suppliers.get(supplier) == null && rnd.nextInt(10) > 0; tries++) {
                supplier = supplier(rnd.nextInt(SUPPLIERS));
            }
            List<String> parts = new ArrayList<>();
            int count = 1 + rnd.nextInt(3);
            for (int i = 0; i < count; i++) {
                String p = part(rnd.nextInt(PARTS));
                for (int tries = 0; tries < 5 && (st.model.parts.get(p) == null && rnd.nextInt(10) > 0 || parts.contains(p)); tries++) {
                    p = part(rnd.nextInt(PARTS));
                }
                if (!parts.contains(p)) parts.add(p);
            }
            boolean refs = st.model.suppliers.get(supplier) != null && parts.stream().allMatch(p -> st.model.parts.get(p) != null);
            LocalDate from = LocalDate.now().minusDays(rnd.nextInt(200));
            LocalDate to = from.plusDays(30 + rnd.nextInt(300));
            DeclarationValue v = new DeclarationValue(supplier, parts, from, to, false, null);
            ObjectNode b = object().put("supplier", supplier).put("validFrom", from.toString()).put("validTo", to.toString())
                    .put("statement", "originating").put("criterion", "B");
            parts.forEach(b.putArray("parts")::add);
            HttpResponse<String> r = st.send("PUT", "/api/declarations/" + id, b.toString(), "put-declaration");
            written(r, "put-declaration", refs ? 200 : 422, before == null ? "ADDED" : v.equals(before) ? "UNCHANGED" : "CHANGED",
                    () -> st.model.declarationAcknowledged(id, v), () -> st.model.declarationRefused(id, v), () -> st.model.declarations.unknown(id, v));
        }

        void withdraw() {
            String id = declaration(rnd.nextInt(DECLARATIONS));
            DeclarationValue before = st.model.declarations.get(id);
            LocalDate on = LocalDate.now().minusDays(rnd.nextInt(30));
            HttpResponse<String> r = st.send("POST", "/api/declarations/" + id + "/withdrawal", object().put("on", on.toString()).toString(), "withdraw");
            written(r, "withdraw", before == null ? 404 : 200, null, () -> {
                        if (before != null) st.model.declarationAcknowledged(id, before.withdrawnOn(on));
                    }, () -> {},
                    () -> st.model.declarations.unknown(id, before == null ? null : before.withdrawnOn(on)));
        }

        void deleteDeclaration() {
            String id = declaration(rnd.nextInt(DECLARATIONS));
            DeclarationValue before = st.model.declarations.get(id);
            HttpResponse<String> r = st.send("DELETE", "/api/declarations/" + id, null, "delete-declaration");
            written(r, "delete-declaration", before == null ? 404 : 200, null, () -> st.model.declarationAcknowledged(id, null), () -> {},
                    () -> st.model.declarations.unknown(id, null));
        }

        void append() {
            String good = pick(GOODS);
            String regime = pick(List.of("usmca", "nafta"));
            HttpResponse<String> r = st.send("POST", "/api/parts/" + good + "/determinations?regime=" + regime, null, "append-determination");
            if (r == null) {
                st.model.appendsUnknown.incrementAndGet();
                return;
            }
            if (expect("append-determination", r, 201)) {
                JsonNode j = st.json(r.body());
                st.model.appendAcknowledged(new Appended(j.path("id").asLong(), j.path("part").asText(), j.path("regime").asText(),
                        j.path("entryHash").asText()));
            }
        }

        void putShared() {
            String id = st.model.prefix() + "-SHARED-" + rnd.nextInt(SHARED);
            SupplierValue v = new SupplierValue("Shared " + tag(), "US", null);
            long sent = System.nanoTime();
            HttpResponse<String> r = st.send("PUT", "/api/suppliers/" + id, object().put("name", v.name()).put("country", "US").toString(),
                    "put-shared-supplier");
            long answered = System.nanoTime();
            if (r == null) return;
            boolean ok = expect("put-shared-supplier", r, 200);
            st.model.shared.add(new SharedWrite(id, v, sent, answered, ok));
        }

        /** Deletes a shared supplier: 200 or 404 (another client may just have deleted it); an acknowledged delete writes "absent". */
        void deleteShared() {
            String id = st.model.prefix() + "-SHARED-" + rnd.nextInt(SHARED);
            long sent = System.nanoTime();
            HttpResponse<String> r = st.send("DELETE", "/api/suppliers/" + id, null, "delete-shared-supplier");
            long answered = System.nanoTime();
            if (r == null) return;
            if (r.statusCode() == 200) {
                st.model.shared.add(new SharedWrite(id, null, sent, answered, true));
            } else if (r.statusCode() == 404) {
                st.refused.incrementAndGet();
            } else {
                expect("delete-shared-supplier", r, 200);
            }
        }

        /**
         * Handles a write's answer: as predicted → acknowledged (2xx; also checks {@code change}) or refused (4xx); a
         * different status → an error, the write counted as failed (its value must not appear); no answer → unknown.
         */
        void written(HttpResponse<String> r, String op, int status, String change, Runnable ack, Runnable refused, Runnable unknown) {
            if (r == null) {
                unknown.run();
                return;
            }
            if (!expect(op, r, status)) {
                if (r.statusCode() >= 200 && r.statusCode() < 300) {
                    // acknowledged although the model predicted a refusal: the model is what the client knows was written
                    ack.run();
                } else {
                    refused.run();
                }
                return;
            }
            if (status >= 300) {
                refused.run();
                return;
            }
            if (change != null) {
                String got = st.json(r.body()).path("change").asText();
                if (!change.equals(got)) st.error(op, r.request().method() + " " + r.request().uri().getPath() + ": change " + got + ", expected " + change);
            }
            ack.run();
        }
    }

    // ------------------------------------------------------------------ memory

    private static final Pattern USED = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    private static void sample(Config cfg, Shared st, List<MemorySample> out) {
        Path commands;
        try {
            commands = Files.createTempFile("soak-jcmd", ".txt");
            Files.writeString(commands, "GC.class_histogram\n");
        } catch (IOException e) {
            return;
        }
        try {
            // A sample every sampleEvery, or every eighth of a request limit, whichever comes first: a run bounded by
            // its request count ends early on a fast machine (CI made 4,000 requests in 8 s, two samples at 3 s), and
            // the memory verdict needs at least three. The first sample after a tenth of the run (warm-up: class
            // loading, JIT, caches) or an eighth of its requests.
            long step = cfg.requests() > 0 ? Math.max(1, cfg.requests() / 8) : Long.MAX_VALUE;
            long next = st.start + Math.min(cfg.sampleEvery().toNanos(), cfg.duration().toNanos() / 10);
            long nextRequests = step;
            while (!Thread.currentThread().isInterrupted()) {
                if (System.nanoTime() < next && st.requests.get() < nextRequests) {
                    TimeUnit.MILLISECONDS.sleep(20);
                    continue;
                }
                if (!st.more()) break;
                long requests = st.requests.get();
                long heap = heapAfterGc(cfg.serverPid(), commands);
                if (heap >= 0) out.add(new MemorySample((System.nanoTime() - st.start) / 1e9, requests, heap, rss(cfg.serverPid()),
                        size(cfg.databaseFile())));
                next = System.nanoTime() + cfg.sampleEvery().toNanos();
                nextRequests = requests + step;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Files.deleteIfExists(commands);
            } catch (IOException e) {
                // a temporary file
            }
        }
    }

    /**
     * {@code jcmd PID GC.class_histogram}: a full collection, then the bytes of every live object, counted in the same
     * pause (so requests in flight do not add their garbage, as they would between {@code GC.run} and
     * {@code GC.heap_info}); -1 when jcmd is missing or fails.
     */
    static long heapAfterGc(long pid, Path commands) {
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), "-f", commands.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            Matcher m = USED.matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The size of a file (bytes), or -1. */
    static long size(Path file) {
        try {
            return file == null ? -1 : Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The file of an embedded H2 database URL ({@code jdbc:h2:file:PATH;…} → {@code PATH.mv.db}), or null. */
    public static Path h2File(String url) {
        if (!url.startsWith("jdbc:h2:file:")) return null;
        return Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0] + ".mv.db");
    }

    /** The machine's load averages over 1, 5 and 15 minutes (/proc/loadavg), or "unknown". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The process's resident set size from /proc (bytes), or -1. */
    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process has gone
        }
        return -1;
    }

    // ------------------------------------------------------------------ report

    /** The run's figures and the store's check as text (the command's output). */
    public static String report(Config cfg, Result r, SoakModel.Verification v) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "soak: %d clients, %d requests in %.1f s (%.0f/s): %d reads, %d writes; seed %d%n", cfg.clients(), r.requests(),
                r.seconds(), r.requests() / r.seconds(), r.reads(), r.writes(), cfg.seed()));
        sb.append(String.format(Locale.ROOT, "machine: %d cores, load average (1, 5, 15 min) %s at the start, %s at the end%n",
                Runtime.getRuntime().availableProcessors(), r.loadBefore(), r.loadAfter()));
        sb.append(String.format(Locale.ROOT, "errors %d (timeouts or no answer %d); refusals as predicted (404/409/422) %d%n", r.errors(), r.timeouts(),
                r.refusedAsPredicted()));
        if (v != null) {
            sb.append(String.format(Locale.ROOT, "store: %d entities checked, lost writes %d, phantom writes %d, uncertain %d; ledger %d entries, "
                            + "%d acknowledged appends checked, hash chain %s; dangling references %d%n", v.entities(), v.lost(), v.phantom(), v.uncertain(),
                    v.ledgerEntries(), v.appendsChecked(), v.ledgerProblems().isEmpty() ? "intact" : "BROKEN " + v.ledgerProblems(),
                    v.danglingReferences().size()));
            v.danglingReferences().stream().limit(10).forEach(d -> sb.append("  dangling: ").append(d).append('\n'));
            v.details().stream().limit(20).forEach(d -> sb.append("  ").append(d).append('\n'));
        }
        sb.append(String.format(Locale.ROOT, "%-22s %8s %7s %9s %9s %9s%n", "operation", "count", "errors", "p50 ms", "p99 ms", "max ms"));
        for (OpStats o : r.ops()) {
            sb.append(String.format(Locale.ROOT, "%-22s %8d %7d %9.2f %9.2f %9.1f%n", o.op(), o.count(), o.errors(), o.p50Ms(), o.p99Ms(), o.maxMs()));
        }
        if (!r.memory().isEmpty()) {
            long[] t = r.heapThirds();
            sb.append(String.format(Locale.ROOT, "memory: %d samples; heap after GC %s; median first third %.1f MiB, last third %.1f MiB "
                            + "(stable if at most first + %.0f %% + %d MiB): %s; slope %.1f KiB per 1,000 requests; RSS %.0f → %.0f MiB%n",
                    r.memory().size(), r.memory().stream().map(s -> String.format(Locale.ROOT, "%.1f", s.heapAfterGc() / 1048576.0)).toList(),
                    t == null ? 0 : t[0] / 1048576.0, t == null ? 0 : t[1] / 1048576.0, MARGIN_FRACTION * 100, MARGIN_BYTES >> 20,
                    r.memoryStable() ? "stable" : "NOT STABLE", r.heapSlopePerThousand() / 1024, r.memory().get(0).rss() / 1048576.0,
                    r.memory().get(r.memory().size() - 1).rss() / 1048576.0));
            if (r.memory().get(0).databaseBytes() >= 0) {
                sb.append(String.format(Locale.ROOT, "database file: %.1f MiB at the first sample, %.1f MiB at the last%n",
                        r.memory().get(0).databaseBytes() / 1048576.0, r.memory().get(r.memory().size() - 1).databaseBytes() / 1048576.0));
            }
        }
        r.errorSamples().forEach(e -> sb.append("  error: ").append(e).append('\n'));
        return sb.toString();
    }

    // ------------------------------------------------------------------ command

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i], args[i + 1]);
        if (!a.containsKey("--url") || !a.containsKey("--token")) {
            System.err.println("usage: SoakLoad --url http://127.0.0.1:PORT --token TOKEN [--pid SERVER-PID --db JDBC-URL] [--clients 4] [--seconds 600]"
                    + " [--requests 0] [--seed 1] [--case-file examples/net-cost-example.json] [--sample-every 20] [--report FILE]");
            System.exit(2);
        }
        long pid = Long.parseLong(a.getOrDefault("--pid", "0"));
        Config cfg = new Config(URI.create(a.get("--url")), a.get("--token"), Integer.parseInt(a.getOrDefault("--clients", "4")),
                Long.parseLong(a.getOrDefault("--requests", "0")), Duration.ofSeconds(Long.parseLong(a.getOrDefault("--seconds", "600"))),
                Long.parseLong(a.getOrDefault("--seed", "1")), Files.readString(Path.of(a.getOrDefault("--case-file", "examples/net-cost-example.json"))),
                pid, Duration.ofSeconds(Long.parseLong(a.getOrDefault("--sample-every", "20"))), Duration.ofSeconds(30),
                a.containsKey("--db") ? h2File(a.get("--db")) : null);
        Result r = run(cfg);
        SoakModel.Verification v = null;
        String disk = "";
        if (pid > 0 && a.containsKey("--db")) {
            // stop the server (SIGTERM: its shutdown hook closes it), then read the workspace it leaves
            ProcessHandle.of(pid).ifPresent(p -> {
                p.destroy();
                p.onExit().orTimeout(60, TimeUnit.SECONDS).join();
            });
            long stopped = size(cfg.databaseFile());
            long t0 = System.nanoTime();
            v = r.model().verify(Workspace.open(a.get("--db")));
            disk = stopped < 0 ? "" : String.format(Locale.ROOT, "database file after the server stopped: %.1f MiB (%d ledger entries); "
                    + "%.1f MiB after the check reopened and closed it; check %.1f s%n", stopped / 1048576.0, v.ledgerEntries(),
                    size(cfg.databaseFile()) / 1048576.0, (System.nanoTime() - t0) / 1e9);
        }
        String text = report(cfg, r, v) + disk;
        System.out.print(text);
        if (a.containsKey("--report")) Files.writeString(Path.of(a.get("--report")), text);
        boolean ok = r.errors() == 0 && (v == null || v.clean()) && (r.memory().size() < 3 || r.memoryStable());
        System.exit(ok ? 0 : 1);
    }
}
