package dev.racelock.bench.agent;

/**
 * Ends a workload run: prints the line the benchmark script reads and fails when the check value
 * differs from the expected one (a recorded run that computes something else is not a measurement
 * of the same work). The failure is an exception out of {@code main}, so the JVM exits with 1.
 */
final class WorkloadCheck {

    private WorkloadCheck() {}

    /** The work time: taken right after the timed phase, before the expected value is computed. */
    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    static void finish(String name, WorkloadArgs args, long millis, long check, long expected) {
        System.out.println(args.describe(name, check, millis));
        if (check != expected) {
            throw new IllegalStateException(name + ": wrong check value " + check + ", expected " + expected);
        }
    }
}
