package dev.racelock.samples.race;

/**
 * Bug: one field, three unsynchronized places. A depositor and a withdrawer update
 * {@code balance} at two different lines while the main thread reads it before joining them.
 * Whatever the schedule, at least two different pairs of these lines race (a race detector
 * checks each access against the last write, so which pairs varies): racelock reports them as
 * one finding on {@code balance}, listing each pair, not one finding per pair of lines.
 * Fix: {@link dev.racelock.samples.norace.FieldGuardedAtSeveralLines}.
 */
public final class FieldRacedAtSeveralLines {

    static int balance = 100;

    public static void main(String[] args) throws InterruptedException {
        Thread depositor = new Thread(() -> {
            balance = balance + 50; // expect race(read|write, FieldRacedAtSeveralLines.balance)
        }, "depositor");
        Thread withdrawer = new Thread(() -> {
            balance = balance - 30; // expect race(read|write, FieldRacedAtSeveralLines.balance)
        }, "withdrawer");
        depositor.start();
        withdrawer.start();
        int seen = balance; // expect race(read, FieldRacedAtSeveralLines.balance)
        depositor.join();
        withdrawer.join();
        System.out.println("seen " + seen + ", balance " + balance);
    }
}
