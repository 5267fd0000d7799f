package dev.racelock.bench.trace;

import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.format.ThreadEventBuffer;
import dev.racelock.trace.format.TraceWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a realistic-mix trace with several threads at once, and prints its size per event
 * when run as a program: {@code java -cp bench/target/benchmarks.jar dev.racelock.bench.trace.MixedTrace}.
 */
public final class MixedTrace {

    private MixedTrace() {}

    /** @return the trace's size in bytes */
    static long record(Path file, int threads, int roundsPerThread) throws Exception {
        return record(file, threads, roundsPerThread, (id, buffer, rounds) -> {
            RealisticMix mix = new RealisticMix(id);
            for (int r = 0; r < rounds; r++) {
                mix.round(buffer);
            }
        });
    }

    /** What one recording thread does between its begin and end events. */
    interface Workload {
        void run(int thread, ThreadEventBuffer buffer, int rounds);
    }

    /**
     * The worst case for size: 4 events per round, half of them synchronization on one lock all
     * threads share, so sequence steps are as large as the threads' interleaving makes them.
     */
    static final int LOCK_HEAVY_EVENTS_PER_ROUND = 4;

    static void lockHeavy(int thread, ThreadEventBuffer b, int rounds) {
        for (int r = 0; r < rounds; r++) {
            b.lockAcquire(1L << 20, 10, dev.racelock.trace.LockFlags.MONITOR);
            b.read((1L << 20) + 1, 3, 11);
            b.write((1L << 20) + 1, 3, 12);
            b.lockRelease(1L << 20, 13, dev.racelock.trace.LockFlags.MONITOR);
        }
    }

    static long record(Path file, int threads, int roundsPerThread, Workload workload) throws Exception {
        try (TraceWriter writer = TraceWriter.open(file, new TraceHeader(1, 1, 0, "17", "bench", "", true, true), 50)) {
            List<Thread> recorders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                recorders.add(new Thread(() -> {
                    ThreadEventBuffer buffer = writer.newThreadBuffer(id);
                    buffer.threadBegin();
                    workload.run(id, buffer, roundsPerThread);
                    buffer.threadEnd();
                }));
            }
            recorders.forEach(Thread::start);
            for (Thread r : recorders) {
                r.join();
            }
        }
        return Files.size(file);
    }

    public static void main(String[] args) throws Exception {
        int threads = 4;
        int rounds = 250_000;
        Path file = Files.createTempFile("racelock-size-", ".rlt");
        try {
            long bytes = record(file, threads, rounds);
            long events = (long) threads * rounds * RealisticMix.EVENTS_PER_ROUND + 2L * threads;
            System.out.printf("realistic mix: %d threads, %d events, %d bytes, %.2f bytes/event%n",
                    threads, events, bytes, (double) bytes / events);
            bytes = record(file, threads, rounds, MixedTrace::lockHeavy);
            events = (long) threads * rounds * LOCK_HEAVY_EVENTS_PER_ROUND + 2L * threads;
            System.out.printf("lock-heavy mix (50%% synchronization on one shared lock): %d threads, %d events,"
                    + " %d bytes, %.2f bytes/event%n", threads, events, bytes, (double) bytes / events);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
