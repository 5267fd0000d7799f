package dev.racelock.samples.norace;

/**
 * Twin of {@link dev.racelock.samples.race.DifferentLocks}: writer and reader hold the same lock,
 * so whichever runs second is ordered after the other's unlock.
 */
// expect none
public final class SameLock {

    static final Object BALANCE_LOCK = new Object();

    static int balance;

    public static void main(String[] args) throws InterruptedException {
        int[] seen = new int[1];
        Thread writer = new Thread(() -> {
            synchronized (BALANCE_LOCK) {
                balance = 100;
            }
        }, "writer");
        Thread reader = new Thread(() -> {
            synchronized (BALANCE_LOCK) {
                seen[0] = balance;
            }
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("reader saw " + seen[0]);
    }
}
