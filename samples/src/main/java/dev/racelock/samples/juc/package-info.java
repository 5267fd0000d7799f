/**
 * java.util.concurrent samples: for each hand-off racelock models (executors and futures,
 * CompletableFuture, CountDownLatch, Semaphore, concurrent queues and maps, Condition,
 * StampedLock, VarHandles and field updaters, class initialization, System.arraycopy), a correct
 * program that must show no race, and a twin without the hand-off (or with the read moved before
 * it) that must show exactly the race it names. {@link dev.racelock.samples.juc.Pipeline} and
 * {@link dev.racelock.samples.juc.PipelineWithUnsafeCounter} run thousands of hand-offs.
 */
package dev.racelock.samples.juc;
