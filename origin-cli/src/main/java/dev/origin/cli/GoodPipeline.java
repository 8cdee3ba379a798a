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
 * so at most {@link #maxAhead()} goods are read ahead of the one being written, whatever the size of the file.
 */
final class GoodPipeline {
    /** Goods per batch. */
    static final int BATCH = 256;
    /** Worker threads: one per core. */
    static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Batches read (and being worked on) but not yet handed to the sink. */
    static final int QUEUE = 2 * WORKERS + 2;

    private GoodPipeline() {}

    /** The most goods read but not yet written: the batches queued, the one the reader fills and the one being written. */
    static int maxAhead() {
        return BATCH * (QUEUE + 2);
    }

    private static final Future<?> END = CompletableFuture.completedFuture(null);

    /**
     * Does {@code work} on every good of {@code stream}, on worker threads, and hands the outcomes to {@code sink} in
     * file order, on the calling thread.
     *
     * @throws InputException when the file could no longer be read (the goods before were handed over)
     */
    @SuppressWarnings("unchecked")
    static <R> void run(CaseStream stream, Function<CaseStream.Entry, R> work, Consumer<R> sink) throws InputException {
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
        try {
            while (true) {
                Future<List<R>> f = queue.take();
                if (f == END) return;
                List<R> done;
                try {
                    done = f.get();
                } catch (ExecutionException x) {
                    Throwable c = x.getCause();
                    if (c instanceof InputException ie) throw ie;
                    if (c instanceof RuntimeException re) throw re;
                    if (c instanceof Error er) throw er;
                    throw new IllegalStateException(c);
                }
                for (R r : done) sink.accept(r);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reader.interrupt();
            pool.shutdownNow();
        }
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
