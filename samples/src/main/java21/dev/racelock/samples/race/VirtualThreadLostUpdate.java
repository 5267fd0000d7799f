package dev.racelock.samples.race;

/**
 * Bug: {@link LostUpdate} on virtual threads (JDK 21+). A virtual thread is a thread: start and
 * join order it like a platform thread, and two virtual threads incrementing a plain counter race
 * just the same, whichever carrier threads run them.
 * Fix: {@link dev.racelock.samples.norace.VirtualThreadSynchronizedCounter}.
 */
public final class VirtualThreadLostUpdate {

    static int hits;

    public static void main(String[] args) throws InterruptedException {
        Runnable increment = () -> {
            for (int i = 0; i < 1_000; i++) {
                hits++; // expect race(read|write, VirtualThreadLostUpdate.hits)
            }
        };
        Thread first = Thread.ofVirtual().name("virtual-incrementer-1").start(increment);
        Thread second = Thread.ofVirtual().name("virtual-incrementer-2").start(increment);
        first.join();
        second.join();
        System.out.println("hits = " + hits + " (2000 when no update was lost)");
    }
}
