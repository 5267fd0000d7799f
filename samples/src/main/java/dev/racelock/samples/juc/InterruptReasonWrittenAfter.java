package dev.racelock.samples.juc;

/**
 * Bug: the main thread writes the reason only after {@code interrupt()}; the worker, woken by the
 * interrupt ({@code sleep} throws), reads it with nothing ordering the write before the read. Fix:
 * {@link InterruptHandOff} (write the reason, then interrupt).
 */
// requires juc
public final class InterruptReasonWrittenAfter {
    static String reason;

    public static void main(String[] args) throws InterruptedException {
        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                System.out.println("stopped: " + reason); // expect race(read, InterruptReasonWrittenAfter.reason)
            }
        }, "sleeper");
        sleeper.start();
        sleeper.interrupt();
        reason = "shutting down"; // expect race(write, InterruptReasonWrittenAfter.reason)
        sleeper.join();
    }
}
