package dev.racelock.samples.juc;

import java.util.concurrent.FutureTask;

/**
 * A FutureTask run by a plain thread: its computation happens-before {@code get} returns (the
 * agent instruments FutureTask itself, so no executor is needed). Twin:
 * {@link FutureTaskReadBeforeGet}.
 */
// requires juc
// expect none
public final class FutureTaskHandOff {
    static int computed;

    public static void main(String[] args) throws Exception {
        FutureTask<Integer> task = new FutureTask<>(() -> computed = 99);
        new Thread(task, "runner").start();
        task.get();
        System.out.println("computed " + computed);
    }
}
