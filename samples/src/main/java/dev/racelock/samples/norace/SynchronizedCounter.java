package dev.racelock.samples.norace;

/**
 * Twin of {@link dev.racelock.samples.race.LostUpdate}: every increment holds the same monitor,
 * so each read-modify-write is ordered after the previous one (JLS 17.4.4: an unlock
 * synchronizes-with every later lock of that monitor).
 */
// expect none
public final class SynchronizedCounter {

    static final Object LOCK = new Object();
    static int hits;

    public static void main(String[] args) throws InterruptedException {
        Runnable increment = () -> {
            for (int i = 0; i < 1_000; i++) {
                synchronized (LOCK) {
                    hits++;
                }
            }
        };
        Thread first = new Thread(increment, "incrementer-1");
        Thread second = new Thread(increment, "incrementer-2");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("hits = " + hits);
    }
}
