package dev.racelock.samples.race;

/**
 * Bug: two threads increment a plain counter. {@code hits++} is a read then a write, and nothing
 * orders one thread's pair against the other's, so increments get lost.
 * Fix: {@link dev.racelock.samples.norace.SynchronizedCounter} (also AtomicCounter,
 * ReentrantLockCounter, ThreadConfinedCounters).
 */
public final class LostUpdate {

    static int hits;

    public static void main(String[] args) throws InterruptedException {
        Runnable increment = () -> {
            for (int i = 0; i < 1_000; i++) {
                hits++; // expect race(read|write, LostUpdate.hits, lost-update)
            }
        };
        Thread first = new Thread(increment, "incrementer-1");
        Thread second = new Thread(increment, "incrementer-2");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("hits = " + hits + " (2000 when no update was lost)");
    }
}
