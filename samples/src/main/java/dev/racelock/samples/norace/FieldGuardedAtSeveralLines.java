package dev.racelock.samples.norace;

/**
 * Twin of {@link dev.racelock.samples.race.FieldRacedAtSeveralLines}: every access to
 * {@code balance}, at each of its three lines, holds the same monitor, so the accesses are
 * ordered (JLS 17.4.4: an unlock synchronizes-with every later lock of that monitor).
 */
// expect none
public final class FieldGuardedAtSeveralLines {

    static final Object LOCK = new Object();
    static int balance = 100;

    public static void main(String[] args) throws InterruptedException {
        Thread depositor = new Thread(() -> {
            synchronized (LOCK) {
                balance = balance + 50;
            }
        }, "depositor");
        Thread withdrawer = new Thread(() -> {
            synchronized (LOCK) {
                balance = balance - 30;
            }
        }, "withdrawer");
        depositor.start();
        withdrawer.start();
        int seen;
        synchronized (LOCK) {
            seen = balance;
        }
        depositor.join();
        withdrawer.join();
        System.out.println("seen " + seen + ", balance " + balance);
    }
}
