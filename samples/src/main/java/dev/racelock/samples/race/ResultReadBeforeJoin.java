package dev.racelock.samples.race;

/**
 * Bug: main reads a worker's result before joining it. Only {@code join} (or another hand-off)
 * orders the worker's write before main's read; here the join comes too late.
 * Fix: {@link dev.racelock.samples.norace.ResultReadAfterJoin}.
 */
public final class ResultReadBeforeJoin {

    static int result;

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(() -> result = 6 * 7, "worker"); // expect race(write, ResultReadBeforeJoin.result)
        worker.start();
        int early = result; // expect race(read, ResultReadBeforeJoin.result)
        worker.join();
        System.out.println("read " + early + " before the join");
    }
}
