package dev.racelock.samples.race;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bug: an {@link ArrayDeque} used as a work list by two threads without a lock (its javadoc:
 * "not thread-safe; in the absence of external synchronization, they do not support concurrent
 * access by multiple threads"): one thread pushes while the other polls.
 * Fix: {@link dev.racelock.samples.norace.WorkDequeConfined}.
 */
public final class SharedWorkDeque {

    static final class Work {
        private final Deque<String> pending = new ArrayDeque<>();

        void submit(String job) {
            pending.push(job); // expect race(write, Work.pending)
        }

        String next() {
            return pending.poll(); // expect race(write, Work.pending)
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Work work = new Work();
        String[] taken = new String[1];
        Thread producer = new Thread(() -> work.submit("index"), "producer");
        Thread consumer = new Thread(() -> taken[0] = work.next(), "consumer");
        producer.start();
        consumer.start();
        producer.join();
        consumer.join();
        System.out.println("took " + taken[0]);
    }
}
