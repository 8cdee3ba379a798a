package dev.origin.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A child JVM on the test class path, run to be killed: its output lines are collected as they come. */
final class ChildProcess {
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();
    final AtomicLong committed = new AtomicLong();
    final AtomicLong lastCommitted = new AtomicLong();
    private final Thread reader;
    /** Whether the child was killed (rather than ending by itself). */
    boolean killed;

    private ChildProcess(Process p) {
        this.process = p;
        reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                    if (l.startsWith("COMMITTED ")) {
                        committed.incrementAndGet();
                        String v = l.substring("COMMITTED ".length());
                        if (v.chars().allMatch(Character::isDigit)) {
                            lastCommitted.set(Long.parseLong(v));
                        }
                    }
                }
            } catch (Exception e) {
                // the child was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    static ChildProcess start(Class<?> main, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return new ChildProcess(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start());
    }

    /**
     * Waits until the child printed {@code line} (at most a minute), then kills it {@code delay} ms later, or lets it
     * finish; returns how long it ran after the line.
     */
    long killAfterSeen(String line, long delay) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!saw(line) && System.currentTimeMillis() < deadline && process.isAlive()) {
            Thread.sleep(2);
        }
        return killAfter(delay);
    }

    /** Waits until the child printed its first {@code COMMITTED} line (at most a minute), then as {@link #killAfterSeen}. */
    long killAfterFirstCommit(long delay) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (committed() == 0 && System.currentTimeMillis() < deadline && process.isAlive()) {
            Thread.sleep(2);
        }
        return killAfter(delay);
    }

    private long killAfter(long delay) throws Exception {
        long start = System.nanoTime();
        boolean exited = process.waitFor(Math.min(delay, 180_000), TimeUnit.MILLISECONDS);
        if (!exited) {
            killed = true;
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the child did not die within 30 s of SIGKILL");
            }
        }
        // every line the child flushed before it died is in the pipe: read them all before anyone counts its commits
        // (a 5 s wait here once left two printed commits uncounted on a machine at load 20+)
        reader.join(120_000);
        if (reader.isAlive()) throw new IllegalStateException("the child's output was not read to its end within 120 s");
        return (System.nanoTime() - start) / 1_000_000;
    }

    boolean saw(String line) {
        return lines.contains(line);
    }

    /** How many {@code COMMITTED} lines the child printed. */
    long committed() {
        return committed.get();
    }

    /** The id of the last {@code COMMITTED id} line, 0 if none. */
    long lastCommitted() {
        return lastCommitted.get();
    }
}
