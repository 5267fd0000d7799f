package dev.racelock.samples.juc;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Bug: the producer sets the job's price after putting it into the queue, so the main thread,
 * which takes it back with {@code remove(job)}, reads a price nothing orders before it.
 * Fix: {@link QueueRemoveHandOff}.
 */
// requires juc
public final class QueueRemoveWrittenAfterPut {
    static final class Job {
        int price;
    }

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
        Job job = new Job();
        Thread producer = new Thread(() -> {
            queue.add(job);
            job.price = 10; // expect race(write, Job.price)
        }, "producer");
        producer.start();
        while (!queue.remove(job)) {
            Thread.onSpinWait();
        }
        System.out.println("price " + job.price); // expect race(read, Job.price)
        producer.join();
    }
}
