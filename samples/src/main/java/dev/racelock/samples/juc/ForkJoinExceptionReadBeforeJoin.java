package dev.racelock.samples.juc;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveTask;

/**
 * Bug: the submitter reads what the task recorded before joining it (the task runs in a pool
 * worker), so the read is not ordered after the task's write, though the join that throws
 * afterwards is. Fix: {@link ForkJoinExceptionHandOff}.
 */
// requires juc
public final class ForkJoinExceptionReadBeforeJoin extends RecursiveTask<Integer> {
    String problem;

    @Override
    protected Integer compute() {
        problem = "no stock"; // expect race(write, ForkJoinExceptionReadBeforeJoin.problem)
        throw new IllegalStateException("rejected");
    }

    public static void main(String[] args) {
        ForkJoinPool pool = new ForkJoinPool(2);
        ForkJoinExceptionReadBeforeJoin task = new ForkJoinExceptionReadBeforeJoin();
        ForkJoinTask<Integer> submitted = pool.submit(task);
        String early = task.problem; // expect race(read, ForkJoinExceptionReadBeforeJoin.problem)
        String late = null;
        try {
            submitted.join();
        } catch (IllegalStateException e) {
            late = task.problem;
        }
        pool.shutdown();
        System.out.println(early + " " + late);
    }
}
