package dev.origin.cli;

import dev.origin.io.CaseStream;
import dev.origin.io.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Reads the goods of a {@link CaseStream} on a thread of its own, in batches, while the caller's thread evaluates
 * and writes them: parsing and evaluation run on both cores. The queue between them is bounded, so at most
 * {@link #MAX_AHEAD} goods are read ahead of the one being handled, whatever the size of the file.
 */
final class GoodPipeline {
    /** Goods per batch. */
    static final int BATCH = 256;
    /** Batches waiting between the reader and the caller. */
    static final int QUEUE = 4;
    /** The most goods read but not yet handled: the batch being filled, the queue, and the batch being handled. */
    static final int MAX_AHEAD = BATCH * (QUEUE + 2);

    private GoodPipeline() {}

    /** What the reader hands over: a batch, the end, or the problem that stopped it. */
    private record Batch(List<CaseStream.Entry> entries, InputException failure, RuntimeException crash) {}

    /**
     * Hands every good of {@code stream} to {@code sink}, in file order, on the calling thread.
     *
     * @throws InputException when the file could no longer be read (the goods before were handed over)
     */
    static void run(CaseStream stream, Consumer<CaseStream.Entry> sink) throws InputException {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUE);
        Thread reader = new Thread(() -> read(stream, queue), "origin-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Batch b = queue.take();
                if (b.failure() != null) throw b.failure();
                if (b.crash() != null) throw b.crash();
                if (b.entries() == null) return;
                for (CaseStream.Entry e : b.entries()) sink.accept(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reader.interrupt();
        }
    }

    private static void read(CaseStream stream, BlockingQueue<Batch> queue) {
        try {
            List<CaseStream.Entry> batch = new ArrayList<>(BATCH);
            try {
                for (CaseStream.Entry e = stream.next(); e != null; e = stream.next()) {
                    batch.add(e);
                    if (batch.size() == BATCH) {
                        queue.put(new Batch(batch, null, null));
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) queue.put(new Batch(batch, null, null));
                queue.put(new Batch(null, null, null));
            } catch (InputException e) {
                if (!batch.isEmpty()) queue.put(new Batch(batch, null, null));
                queue.put(new Batch(null, e, null));
            } catch (RuntimeException e) {
                queue.put(new Batch(null, null, e));
            }
        } catch (InterruptedException e) {
            // the caller stopped
        }
    }
}
