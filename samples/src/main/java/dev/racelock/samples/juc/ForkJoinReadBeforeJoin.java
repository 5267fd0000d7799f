package dev.racelock.samples.juc;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * Bug: the submitter reads the task's result before joining it (the task always runs in a pool
 * worker, never in the submitting thread). Fix: {@link ForkJoinSum}.
 */
// requires juc
public final class ForkJoinReadBeforeJoin extends RecursiveAction {
    long result;

    @Override
    protected void compute() {
        result = 42; // expect race(write, ForkJoinReadBeforeJoin.result)
    }

    public static void main(String[] args) {
        ForkJoinReadBeforeJoin task = new ForkJoinReadBeforeJoin();
        ForkJoinTask<Void> submitted = new ForkJoinPool(2).submit(task);
        long early = task.result; // expect race(read, ForkJoinReadBeforeJoin.result)
        submitted.join();
        System.out.println(early + " " + task.result);
    }
}
