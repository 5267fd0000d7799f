package dev.racelock.samples.race;

/**
 * Bug: every access holds a lock, but not the same one: the writer holds {@code WRITE_LOCK}, the
 * reader {@code READ_LOCK}. Locks only order critical sections of the same lock.
 * Fix: {@link dev.racelock.samples.norace.SameLock}.
 */
public final class DifferentLocks {

    static final Object WRITE_LOCK = new Object();
    static final Object READ_LOCK = new Object();

    static int balance;

    public static void main(String[] args) throws InterruptedException {
        int[] seen = new int[1];
        Thread writer = new Thread(() -> {
            synchronized (WRITE_LOCK) {
                balance = 100; // expect race(write, DifferentLocks.balance)
            }
        }, "writer");
        Thread reader = new Thread(() -> {
            synchronized (READ_LOCK) {
                seen[0] = balance; // expect race(read, DifferentLocks.balance)
            }
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("reader saw " + seen[0]);
    }
}
