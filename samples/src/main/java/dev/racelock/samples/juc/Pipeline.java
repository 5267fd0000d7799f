package dev.racelock.samples.juc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A three-stage pipeline with several thousand hand-offs and no race: an executor parses
 * {@code Job}s and puts them on a queue; consumer threads take them, enrich them in a
 * CompletableFuture chain and record them in a concurrent map; a latch tells the main thread
 * when every job is through. Every plain field is written before its hand-off and read after.
 * Twin: {@link PipelineWithUnsafeCounter}.
 */
// requires juc
// expect none
public final class Pipeline {
    static final int JOBS = 2_000;
    static final Job POISON = new Job(-1);

    static final class Job {
        final int id;
        int parsed;
        int enriched;

        Job(int id) {
            this.id = id;
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.println("total " + run(false));
    }

    /** Returns the sum of every job's result; with {@code unsafeCounter} also bumps a shared counter. */
    static long run(boolean unsafeCounter) throws Exception {
        ExecutorService parsers = Executors.newFixedThreadPool(2);
        BlockingQueue<Job> parsed = new LinkedBlockingQueue<>();
        ConcurrentHashMap<Integer, Job> done = new ConcurrentHashMap<>();
        CountDownLatch finished = new CountDownLatch(JOBS);
        List<Thread> consumers = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            Thread consumer = new Thread(() -> consume(parsed, done, finished, unsafeCounter), "consumer-" + c);
            consumers.add(consumer);
            consumer.start();
        }
        List<Future<?>> submitted = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            Job job = new Job(i);
            submitted.add(parsers.submit(() -> {
                job.parsed = job.id * 2;
                parsed.put(job);
                return null;
            }));
        }
        for (Future<?> f : submitted) {
            f.get();
        }
        finished.await();
        for (int c = 0; c < consumers.size(); c++) {
            parsed.put(POISON);
        }
        for (Thread consumer : consumers) {
            consumer.join();
        }
        parsers.shutdown();
        parsers.awaitTermination(1, TimeUnit.MINUTES);
        long total = 0;
        for (int i = 0; i < JOBS; i++) {
            total += done.get(i).enriched;
        }
        return total;
    }

    private static void consume(BlockingQueue<Job> parsed, ConcurrentHashMap<Integer, Job> done,
                                CountDownLatch finished, boolean unsafeCounter) {
        try {
            while (true) {
                Job job = parsed.take();
                if (job == POISON) {
                    return;
                }
                CompletableFuture.supplyAsync(() -> job.parsed + 1)
                        .thenApply(v -> {
                            job.enriched = v;
                            return job;
                        })
                        .join();
                done.put(job.id, job);
                if (unsafeCounter) {
                    PipelineWithUnsafeCounter.count();
                }
                finished.countDown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
