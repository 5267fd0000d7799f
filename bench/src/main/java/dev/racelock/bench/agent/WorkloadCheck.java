package dev.racelock.bench.agent;

import java.util.SplittableRandom;

/**
 * A self-checking workload run: its threads, timed ({@link #run}), then the end ({@link #finish}),
 * which prints the line the benchmark script reads and fails when the check value differs from
 * the expected one (a recorded run that computes something else is not a measurement
 * of the same work). The failure is an exception out of {@code main}, so the JVM exits with 1.
 */
final class WorkloadCheck {

    /** One thread's share of a self-checking workload, drawing from that thread's own random stream. */
    @FunctionalInterface
    interface Task {
        Sums run(int thread, SplittableRandom random) throws Exception;
    }

    /**
     * What one thread (or, summed, every thread) got from the library under test, and what it
     * computed on its own to compare with.
     */
    record Sums(long check, long expected) {}

    /** The work time of a timed run and its threads' sums. */
    record Timed(long millis, Sums sums) {}

    private WorkloadCheck() {}

    /**
     * Runs {@code task} on every thread (started together, see {@link ParallelWork}), each with
     * the random stream {@link WorkloadArgs#seedOf} gives it; the time is the parallel phase's.
     */
    static Timed run(String name, WorkloadArgs args, Task task) throws InterruptedException {
        long[] expected = new long[args.threads()];
        long start = System.nanoTime();
        long[] check = ParallelWork.run(name, args.threads(), t -> {
            Sums sums = task.run(t, new SplittableRandom(args.seedOf(t)));
            expected[t] = sums.expected();
            return sums.check();
        });
        long millis = millisSince(start);
        return new Timed(millis, new Sums(ParallelWork.sum(check), ParallelWork.sum(expected)));
    }

    /** The work time: taken right after the timed phase, before the expected value is computed. */
    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    static void finish(String name, WorkloadArgs args, Timed run) {
        finish(name, args, run.millis(), run.sums().check(), run.sums().expected());
    }

    static void finish(String name, WorkloadArgs args, long millis, long check, long expected) {
        System.out.println(args.describe(name, check, millis));
        if (check != expected) {
            throw new IllegalStateException(name + ": wrong check value " + check + ", expected " + expected);
        }
    }
}
