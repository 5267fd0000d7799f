package dev.racelock.samples.juc;

import java.util.concurrent.FutureTask;

/** Bug: the result field is read before {@code get}. Fix: {@link FutureTaskHandOff}. */
// requires juc
public final class FutureTaskReadBeforeGet {
    static int computed;

    public static void main(String[] args) throws Exception {
        FutureTask<Integer> task = new FutureTask<>(() -> computed = 99); // expect race(write, FutureTaskReadBeforeGet.computed)
        new Thread(task, "runner").start();
        int early = computed; // expect race(read, FutureTaskReadBeforeGet.computed)
        task.get();
        System.out.println("early " + early);
    }
}
