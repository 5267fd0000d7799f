package dev.racelock.samples.norace;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Twin of {@link dev.racelock.samples.race.LostUpdate}: an {@link AtomicInteger} increments in one
 * indivisible read-modify-write, which is synchronization, not a plain access.
 */
// requires atomics
// expect none
public final class AtomicCounter {

    static final AtomicInteger hits = new AtomicInteger();

    public static void main(String[] args) throws InterruptedException {
        Runnable increment = () -> {
            for (int i = 0; i < 1_000; i++) {
                hits.incrementAndGet();
            }
        };
        Thread first = new Thread(increment, "incrementer-1");
        Thread second = new Thread(increment, "incrementer-2");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("hits = " + hits.get());
    }
}
