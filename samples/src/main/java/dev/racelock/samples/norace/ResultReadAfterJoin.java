package dev.racelock.samples.norace;

/**
 * Twin of {@link dev.racelock.samples.race.ResultReadBeforeJoin}: main reads the result after
 * {@code join} returns; a thread's last action synchronizes-with the join (JLS 17.4.4).
 */
// expect none
public final class ResultReadAfterJoin {

    static int result;

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(() -> result = 6 * 7, "worker");
        worker.start();
        worker.join();
        System.out.println("result " + result);
    }
}
