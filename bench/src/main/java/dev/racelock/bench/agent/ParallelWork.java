package dev.racelock.bench.agent;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one task on each of several threads, started together, and waits for all of them. The
 * first failure is rethrown after every thread ended, so a broken workload fails its run instead
 * of printing a time.
 */
final class ParallelWork {

    /** One thread's share of the work; returns that thread's part of the check value. */
    @FunctionalInterface
    interface Task {
        long run(int thread) throws Exception;
    }

    private ParallelWork() {}

    static long[] run(String name, int threads, Task task) throws InterruptedException {
        long[] results = new long[threads];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers[t] = new Thread(() -> {
                try {
                    go.await();
                    results[thread] = task.run(thread);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, name + "-" + t);
            workers[t].start();
        }
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(name + " failed in a worker thread", failure.get());
        }
        return results;
    }

    static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }
}
