package dev.origin.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end throughput and heap of {@code origin qualify} on large case files (issue 11, item 1), the current
 * build and, when given, an earlier one side by side in one run.
 *
 * <p>What it measures: each run is a fresh JVM ({@code java -Xmx512m -jar origin.jar qualify ...}, output to a file),
 * timed from process start to exit, so the figure includes JVM start, parsing, evaluation and writing. Lines per
 * second are material lines of the file divided by that time. Peak heap is the largest heap occupancy before a
 * collection in the JVM's own GC log ({@code -Xlog:gc}), and the largest occupancy just after one (what survived: the
 * live set, closer to what the run holds); with {@code -Xmx512m} a run that needed more would fail
 * with an out-of-memory error, which is reported as its exit status. The fixtures are written by {@link CatalogFixture}
 * (seeded) into {@code --dir}: a large file ({@code --goods} x {@code --materials}, default 200,000 x 10 = 2 million
 * lines) and a small one (10,000 x 10, within the 100,000-line limit of the earlier reader) on which the verdicts of
 * both builds are compared good by good (the earlier build runs there with {@code --before-heap}, default 4g, as it
 * does not fit in 512 MB). CPU time (user + system of the child, all threads) is taken with GNU time where installed.
 *
 * <p>With {@code --before-jar}, the target command ({@code --format ndjson --trace none} on the large file) runs first
 * with the earlier build, then with this one, {@code --repeats} times (default 1), and the two outputs are compared byte
 * for byte; {@code --ndjson-only} stops there. With {@code --launcher ./origin}, each repeat also runs the target command
 * through the launcher (its JVM options, the heap and GC log given by {@code ORIGIN_JAVA_OPTS}), whose output must be
 * the jar's.
 *
 * <p>Run: {@code mvn -q -o -DskipTests package -pl origin-bench,origin-cli -am && java -cp origin-bench/target/benchmarks.jar
 * dev.origin.bench.QualifyBench --before-jar /tmp/origin-before.jar}
 */
public final class QualifyBench {
    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private QualifyBench() {}

    record Run(String build, String file, String format, String trace, int exit, double seconds, long lines, long peakHeapMb,
               long outputBytes, String firstError, double cpuSeconds, long afterGcMb) {
        double linesPerSecond() { return lines / seconds; }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        // --name value, or a flag alone (--ndjson-only, --fixtures-only)
        for (int i = 0; i < args.length; i++) {
            boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
            o.put(args[i], flag ? "true" : args[++i]);
        }
        int goods = Integer.parseInt(o.getOrDefault("--goods", "200000"));
        int materials = Integer.parseInt(o.getOrDefault("--materials", "10"));
        long seed = Long.parseLong(o.getOrDefault("--seed", "42"));
        Path dir = Path.of(o.getOrDefault("--dir", "origin-bench/target/qualify-bench"));
        String jar = o.getOrDefault("--jar", "origin-cli/target/origin.jar");
        String before = o.get("--before-jar");
        String heap = o.getOrDefault("--heap", "512m");
        String beforeHeap = o.getOrDefault("--before-heap", "4g");
        Files.createDirectories(dir);
        Path big = fixture(dir, goods, materials, seed);
        Path small = fixture(dir, 10_000, materials, seed);
        if (o.containsKey("--fixtures-only")) return;
        List<Run> runs = new ArrayList<>();
        String ndjsonSame = "not compared (no --before-jar)";
        if (before != null) {
            // the target command, both builds side by side: the earlier one first, then the current one; outputs compared byte for byte
            int repeats = Integer.parseInt(o.getOrDefault("--repeats", "1"));
            Run b = null;
            Run a = null;
            String launcher = o.get("--launcher");
            for (int i = 0; i < repeats; i++) {
                b = run("before", before, heap, dir, big, (long) goods * materials, "ndjson", "none");
                a = run("after", jar, heap, dir, big, (long) goods * materials, "ndjson", "none");
                runs.add(b);
                runs.add(a);
                if (launcher != null) {
                    Run l = run("launcher", launcher, heap, dir, big, (long) goods * materials, "ndjson", "none");
                    runs.add(l);
                    if (l.exit() == 0 && Files.mismatch(out(dir, a), out(dir, l)) != -1) {
                        throw new IllegalStateException("the launcher's output differs from the jar's");
                    }
                }
            }
            ndjsonSame = b.exit() != 0 || a.exit() != 0 ? "not compared (a run failed)"
                    : Files.mismatch(out(dir, b), out(dir, a)) == -1 ? "byte for byte identical (" + Files.size(out(dir, a)) + " bytes)"
                    : "DIFFER at byte " + Files.mismatch(out(dir, b), out(dir, a));
        } else {
            runs.add(run("after", jar, heap, dir, big, (long) goods * materials, "ndjson", "none"));
        }
        if (o.containsKey("--ndjson-only")) {
            print(runs);
            System.out.println("large file, ndjson --trace none, before vs after: " + ndjsonSame);
            System.out.printf("load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
            return;
        }
        runs.add(run("after", jar, heap, dir, big, (long) goods * materials, "csv", null));
        runs.add(run("after", jar, heap, dir, big, (long) goods * materials, "json", null));
        if (before != null) runs.add(run("before", before, heap, dir, big, (long) goods * materials, "json", null));
        runs.add(run("after", jar, heap, dir, small, 10_000L * materials, "ndjson", "none"));
        Run afterSmall = run("after", jar, heap, dir, small, 10_000L * materials, "json", "full");
        runs.add(afterSmall);
        String matched = "not compared (no --before-jar)";
        if (before != null) {
            runs.add(run("before", before, heap, dir, small, 10_000L * materials, "json", null));
            // the earlier build needs more heap than 512 MB even for the small file: it is given --before-heap to compare
            Run beforeSmall = run("before@" + beforeHeap, before, beforeHeap, dir, small, 10_000L * materials, "json", null);
            runs.add(beforeSmall);
            Map<String, String> a = statuses(out(dir, afterSmall));
            Map<String, String> b = statuses(out(dir, beforeSmall));
            matched = a.equals(b) ? "all " + a.size() + " verdicts equal" : "DIFFER: " + a.size() + " vs " + b.size() + " results";
        }
        print(runs);
        System.out.println("large file, ndjson --trace none, before vs after: " + ndjsonSame);
        System.out.println("small file, before vs after (json): " + matched);
        System.out.printf("load average at the end: %s%n", Files.exists(Path.of("/proc/loadavg")) ? Files.readString(Path.of("/proc/loadavg")).strip() : "unknown");
    }

    private static void print(List<Run> runs) {
        System.out.println("| build | file | format | trace | exit | wall (s) | lines/s (wall) | CPU (s) | lines per CPU-second | peak heap (MB) | max after GC (MB) | output (MB) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Run r : runs) {
            System.out.printf("| %s | %s | %s | %s | %d | %.2f | %,.0f | %.2f | %,.0f | %s | %d | %.1f |%n", r.build(), r.file(), r.format(),
                    r.trace() == null ? "default" : r.trace(), r.exit(), r.seconds(), r.linesPerSecond(), r.cpuSeconds(), r.lines() / r.cpuSeconds(),
                    r.peakHeapMb() < 0 ? "no GC" : String.valueOf(r.peakHeapMb()), r.afterGcMb(), r.outputBytes() / 1e6);
            if (r.firstError() != null) System.out.println("|   | stderr: " + r.firstError().replace("|", "\\|") + " ||||||||||");
        }
    }

    private static Path fixture(Path dir, int goods, int materials, long seed) throws IOException {
        Path f = dir.resolve("catalog-" + goods + "x" + materials + "-s" + seed + ".json");
        if (!Files.exists(f)) {
            long t0 = System.nanoTime();
            CatalogFixture.write(f, goods, materials, seed);
            System.err.printf("wrote %s (%,d bytes) in %.1f s%n", f, Files.size(f), (System.nanoTime() - t0) / 1e9);
        }
        return f;
    }

    private static Path out(Path dir, Run r) {
        return dir.resolve("out-" + r.build() + "-" + r.file() + "-" + r.format() + "-" + r.trace());
    }

    private static Run run(String build, String jar, String heap, Path dir, Path file, long lines, String format, String trace)
            throws IOException, InterruptedException {
        String name = file.getFileName().toString();
        Run key = new Run(build, name, format, trace, 0, 0, 0, 0, 0, null, 0, 0);
        Path out = out(dir, key);
        Path err = dir.resolve(out.getFileName() + ".err");
        Path gc = dir.resolve(out.getFileName() + ".gc");
        Path cpu = dir.resolve(out.getFileName() + ".cpu");
        Files.deleteIfExists(cpu);
        List<String> cmd = new ArrayList<>();
        // the child's CPU time (user + system, all its threads: parsing, evaluation, GC, JIT), where GNU time is installed
        if (Files.isExecutable(Path.of("/usr/bin/time"))) cmd.addAll(List.of("/usr/bin/time", "-o", cpu.toString(), "-f", "%U %S"));
        if (jar.endsWith(".jar")) {
            cmd.addAll(List.of("java", "-Xmx" + heap, "-Xlog:gc:file=" + gc, "-jar", jar));
        } else {
            // a launcher (./origin): its own JVM options, with the heap and the GC log through ORIGIN_JAVA_OPTS
            cmd.add(jar);
        }
        cmd.addAll(List.of("qualify", "--regime", "usmca", "--date", "2023-07-01", "--format", format));
        if (trace != null) cmd.addAll(List.of("--trace", trace));
        cmd.add(file.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (!jar.endsWith(".jar")) pb.environment().put("ORIGIN_JAVA_OPTS", "-Xmx" + heap + " -Xlog:gc:file=" + gc);
        long t0 = System.nanoTime();
        int exit = pb.start().waitFor();
        double s = (System.nanoTime() - t0) / 1e9;
        long peak = -1;
        long afterGc = -1;
        for (String l : Files.readAllLines(gc)) {
            Matcher m = GC.matcher(l);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)));
                afterGc = Math.max(afterGc, Long.parseLong(m.group(2)));
            }
        }
        String firstError = null;
        try (BufferedReader r = Files.newBufferedReader(err, StandardCharsets.UTF_8)) {
            String l = r.readLine();
            if (l != null) firstError = l.length() > 160 ? l.substring(0, 160) + "…" : l;
        }
        System.err.printf("%s %s %s %s: exit %d, %.2f s%n", build, name, format, trace, exit, s);
        double cpuSeconds = -1;
        if (Files.exists(cpu)) {
            List<String> t = Files.readAllLines(cpu);
            String[] us = t.get(t.size() - 1).trim().split("\\s+");
            cpuSeconds = Double.parseDouble(us[0]) + Double.parseDouble(us[1]);
        }
        return new Run(build, name, format, trace, exit, s, lines, peak, new File(out.toString()).length(), firstError, cpuSeconds, afterGc);
    }

    /** Good id to status of a results document, read as a stream (the document may be large). */
    private static Map<String, String> statuses(Path json) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (Files.size(json) == 0) return out;
        try (JsonParser p = new JsonFactory().createParser(json.toFile())) {
            int depth = 0;
            String good = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) depth++;
                else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) depth--;
                else if (t == JsonToken.FIELD_NAME && depth == 3) {
                    String f = p.currentName();
                    p.nextToken();
                    if (f.equals("good")) good = p.getText();
                    else if (f.equals("status")) out.put(good, p.getText());
                    else p.skipChildren();
                }
            }
        }
        return out;
    }
}
