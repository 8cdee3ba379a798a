package dev.origin.cli;

import dev.origin.io.CaseStream;
import dev.origin.io.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Handles the goods of a {@link CaseStream} on all cores, in ordered batches: a reader thread takes the goods' text
 * from the file, batch by batch ({@link CaseStream#nextBatch}); worker threads, one per core, turn each batch into
 * goods ({@link CaseStream#read}) and do the caller's {@code work} on each (evaluation, rendering); the caller's
 * thread hands the outcomes to its {@code sink} in file order (writing). The queue of batches between them is bounded,
 * so at most {@link #maxAhead()} goods are read ahead of the one being written, whatever the size of the file (and
 * at most {@link #HOLD} more while the first pass of an overlapped stream runs).
 */
final class GoodPipeline {
    /** Goods per batch. */
    static final int BATCH = 256;
    /** Worker threads: one per core. */
    static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Batches read (and being worked on) but not yet handed to the sink. */
    static final int QUEUE = 2 * WORKERS + 2;
    /**
     * The most outcomes held while the first pass of an overlapped stream ({@link CaseStream#openOverlapped}) has not
     * ended: the work then waits for it. With {@link #HOLD_BYTES}, a bound on memory whatever the size of the file.
     */
    static final int HOLD = 16_384;
    /** The most bytes of outcomes held meanwhile, as the caller weighs them (32 MiB). */
    static final long HOLD_BYTES = 32L << 20;

    private GoodPipeline() {}

    /** The most goods read but not yet written: the batches queued, the one the reader fills and the one being written. */
    static int maxAhead() {
        return BATCH * (QUEUE + 2);
    }

    private static final Future<?> END = CompletableFuture.completedFuture(null);

    /**
     * Does {@code work} on every good of {@code stream}, on worker threads, and hands the outcomes to {@code sink} in
     * file order, on the calling thread. For an overlapped stream, the work starts while the first pass runs, and the
     * outcomes are held (at most {@link #HOLD}) until it has ended: none is handed over unless the file passed it.
     *
     * @return true when every good was handed over; false (only for an overlapped stream) when the file did not pass
     *         its first pass: nothing was handed over, and the run must start again with {@link CaseStream#reopen}
     * @throws InputException when the file could no longer be read (the goods before were handed over)
     */
    static <R> boolean run(CaseStream stream, Function<CaseStream.Entry, R> work, Consumer<R> sink) throws InputException {
        return run(stream, work, sink, r -> 1024);
    }

    /** As {@link #run(CaseStream, Function, Consumer)}, with the weight in bytes of an outcome held (at most {@link #HOLD_BYTES} in all). */
    static <R> boolean run(CaseStream stream, Function<CaseStream.Entry, R> work, Consumer<R> sink, java.util.function.ToLongFunction<R> weight)
            throws InputException {
        BlockingQueue<Future<List<R>>> queue = new ArrayBlockingQueue<>(QUEUE);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "origin-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Thread reader = new Thread(() -> read(stream, work, pool, queue), "origin-reader");
        reader.setDaemon(true);
        reader.start();
        List<R> held = stream.overlapped() ? new ArrayList<>() : null;
        long heldBytes = 0;
        try {
            while (true) {
                Future<List<R>> f = queue.take();
                if (f == END) break;
                List<R> done;
                try {
                    done = f.get();
                } catch (ExecutionException x) {
                    // a good the first pass has not yet confirmed may fail in ways the file as a whole explains; if the
                    // file passed, the goods before the failure are handed over, as without overlap
                    if (held != null) {
                        if (!release(stream, held, sink)) return false;
                        held = null;
                    }
                    Throwable c = x.getCause();
                    if (c instanceof InputException ie) throw ie;
                    if (c instanceof RuntimeException re) throw re;
                    if (c instanceof Error er) throw er;
                    throw new IllegalStateException(c);
                }
                if (held == null) {
                    for (R r : done) sink.accept(r);
                    continue;
                }
                held.addAll(done);
                for (R r : done) heldBytes += weight.applyAsLong(r);
                if (held.size() >= HOLD || heldBytes >= HOLD_BYTES || stream.firstPassEnded()) {
                    if (!release(stream, held, sink)) return false;
                    held = null;
                }
            }
            return held == null || release(stream, held, sink);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } finally {
            reader.interrupt();
            pool.shutdownNow();
        }
    }

    /** Waits for the first pass; when the file passed it, hands the {@code held} outcomes to {@code sink} and is true. */
    private static <R> boolean release(CaseStream stream, List<R> held, Consumer<R> sink) throws InterruptedException {
        if (!stream.confirm()) return false;
        for (R r : held) sink.accept(r);
        return true;
    }

    @SuppressWarnings("unchecked")
    private static <R> void read(CaseStream stream, Function<CaseStream.Entry, R> work, ExecutorService pool,
                                 BlockingQueue<Future<List<R>>> queue) {
        try {
            try {
                for (CaseStream.Batch b = stream.nextBatch(BATCH); b != null; b = stream.nextBatch(BATCH)) {
                    CaseStream.Batch batch = b;
                    queue.put(pool.submit(() -> {
                        List<CaseStream.Entry> entries = stream.read(batch);
                        List<R> out = new ArrayList<>(entries.size());
                        for (CaseStream.Entry e : entries) out.add(work.apply(e));
                        return out;
                    }));
                }
                queue.put((Future<List<R>>) END);
            } catch (InputException | RuntimeException e) {
                queue.put(CompletableFuture.failedFuture(e));
            }
        } catch (InterruptedException e) {
            // the caller stopped
        }
    }
}
