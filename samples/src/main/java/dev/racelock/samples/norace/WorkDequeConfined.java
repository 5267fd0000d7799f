package dev.racelock.samples.norace;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Twin of {@link dev.racelock.samples.race.SharedWorkDeque}: the producer fills the deque, and
 * the consumer runs only after {@code join()} returned (JLS 17.4.5: a thread's actions
 * happen-before the return of a join of it), so the deque is only ever used by one thread at a
 * time.
 */
// expect none
public final class WorkDequeConfined {

    static final class Work {
        private final Deque<String> pending = new ArrayDeque<>();

        void submit(String job) {
            pending.push(job);
        }

        String next() {
            return pending.poll();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Work work = new Work();
        String[] taken = new String[1];
        Thread producer = new Thread(() -> work.submit("index"), "producer");
        producer.start();
        producer.join();
        Thread consumer = new Thread(() -> taken[0] = work.next(), "consumer");
        consumer.start();
        consumer.join();
        System.out.println("took " + taken[0]);
    }
}
