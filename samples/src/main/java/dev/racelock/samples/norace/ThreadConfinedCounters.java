package dev.racelock.samples.norace;

/**
 * Twin of {@link dev.racelock.samples.race.LostUpdate}: each thread counts in an object only it
 * can reach (thread confinement); main adds the totals up after joining, and the join orders
 * each thread's last write before main's read.
 */
// expect none
public final class ThreadConfinedCounters {

    static final class Counter {
        int hits;
    }

    public static void main(String[] args) throws InterruptedException {
        int[] totals = new int[2];
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.length; t++) {
            int slot = t;
            threads[t] = new Thread(() -> {
                Counter mine = new Counter();
                for (int i = 0; i < 1_000; i++) {
                    mine.hits++;
                }
                totals[slot] = mine.hits;
            }, "counter-" + t);
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("hits = " + (totals[0] + totals[1]));
    }
}
