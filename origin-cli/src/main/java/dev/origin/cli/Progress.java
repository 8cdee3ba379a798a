package dev.origin.cli;

import java.io.PrintWriter;

/**
 * A progress line on stderr for work that can take more than a couple of seconds: "simulating 5 regimes
 * [=======      ] 42 % (201/480)". It draws only when stderr is a terminal ({@link System#console()}), so redirected
 * output stays clean; it only goes forward (an update below the furthest count seen is ignored, as parallel workers
 * report out of order); it redraws at most every 1 % and erases itself when done, before the results are printed.
 * Safe to call from several threads.
 */
final class Progress implements AutoCloseable {
    private static final int WIDTH = 25;

    private final PrintWriter err;
    private final boolean show;
    private String what;
    private long total;
    private long furthest;
    private int drawnPercent = -1;
    private int drawnLength;

    private Progress(PrintWriter err, boolean show) {
        this.err = err;
        this.show = show;
    }

    /** A progress line on {@code err}, drawn only when the process has a terminal. */
    static Progress onTerminal(PrintWriter err) {
        return new Progress(err, System.console() != null);
    }

    /**
     * A progress line on {@code err}, drawn only when stderr is a terminal, even when stdout is redirected to a file
     * (as for {@code qualify ... > results.ndjson}): on Linux, file descriptor 2 names a terminal device; elsewhere,
     * as {@link #onTerminal}.
     */
    static Progress onTerminalStderr(PrintWriter err) {
        boolean tty;
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            tty = target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            tty = System.console() != null;
        }
        return new Progress(err, tty);
    }

    /** A progress line drawn (or not) regardless of the terminal; for tests. */
    static Progress forced(PrintWriter err, boolean show) {
        return new Progress(err, show);
    }

    /** True when the line is drawn (stderr is a terminal, or forced). */
    boolean shown() {
        return show;
    }

    /** Starts a phase of {@code total} steps (0: no count is known, the line names the phase only). */
    synchronized Progress phase(String what, long total) {
        this.what = what;
        this.total = total;
        this.furthest = 0;
        this.drawnPercent = -1;
        draw();
        return this;
    }

    /** {@code done} steps of the phase are complete; a count below one already seen is ignored. */
    synchronized void update(long done) {
        if (done <= furthest) return;
        furthest = Math.min(done, total);
        draw();
    }

    /** For {@link java.util.function.IntConsumer} callbacks. */
    void update(int done) {
        update((long) done);
    }

    private void draw() {
        if (!show) return;
        String line;
        if (total <= 0) {
            line = what + " ...";
            if (drawnPercent == 0) return;
            drawnPercent = 0;
        } else {
            int pct = (int) (furthest * 100 / total);
            if (pct == drawnPercent) return;
            drawnPercent = pct;
            int bars = pct * WIDTH / 100;
            line = what + " [" + "=".repeat(bars) + " ".repeat(WIDTH - bars) + "] " + pct + " % (" + furthest + "/" + total + ")";
        }
        String clear = line.length() < drawnLength ? " ".repeat(drawnLength - line.length()) : "";
        err.print("\r" + line + clear);
        err.flush();
        drawnLength = line.length();
    }

    /** Prints {@code line} on stderr: the bar (when drawn) is erased first and drawn again below it. */
    synchronized void println(String line) {
        if (show && drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            drawnLength = 0;
            err.println(line);
            drawnPercent = -1;
            draw();
        } else {
            err.println(line);
        }
    }

    /** Erases the line (on a terminal), so the results that follow start on a clean line. */
    @Override public synchronized void close() {
        if (!show || drawnLength == 0) return;
        err.print("\r" + " ".repeat(drawnLength) + "\r");
        err.flush();
        drawnLength = 0;
        drawnPercent = -1;
    }
}
