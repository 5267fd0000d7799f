/**
 * The {@code java.util.concurrent} model at instrumentation time: the rows of the call-site
 * table (locks, conditions, StampedLock, executors, futures, CompletableFuture, synchronizers,
 * concurrent collections and their iteration), the atomic and VarHandle probes, and the
 * ForkJoinTask body hook. Each row names its hook by class literal from {@code runtime.juc};
 * a test resolves every row. Depends on {@code instrument} and {@code runtime.juc}.
 */
package dev.racelock.agent.instrument.juc;
