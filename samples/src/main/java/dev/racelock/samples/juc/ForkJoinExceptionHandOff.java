package dev.racelock.samples.juc;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveTask;

/**
 * Tasks record what went wrong in a field and then throw; the submitter reads the field after
 * {@code join}, {@code invoke} or {@code get} threw the task's exception: ForkJoinTask's
 * completion, normal or exceptional, happens-before the join that reports it.
 * Twin: {@link ForkJoinExceptionReadBeforeJoin}.
 */
// requires juc
// expect none
public final class ForkJoinExceptionHandOff extends RecursiveTask<Integer> {
    String problem;

    @Override
    protected Integer compute() {
        problem = "no stock";
        throw new IllegalStateException("rejected");
    }

    public static void main(String[] args) throws InterruptedException {
        ForkJoinPool pool = new ForkJoinPool(2);
        StringBuilder seen = new StringBuilder();
        ForkJoinExceptionHandOff joined = new ForkJoinExceptionHandOff();
        ForkJoinTask<Integer> submitted = pool.submit(joined);
        try {
            submitted.join();
        } catch (IllegalStateException e) {
            seen.append(joined.problem);
        }
        ForkJoinExceptionHandOff got = new ForkJoinExceptionHandOff();
        pool.execute(got);
        try {
            got.get();
        } catch (ExecutionException e) {
            seen.append(' ').append(got.problem);
        }
        ForkJoinExceptionHandOff invoked = new ForkJoinExceptionHandOff();
        try {
            pool.invoke(invoked);
        } catch (IllegalStateException e) {
            seen.append(' ').append(invoked.problem);
        }
        pool.shutdown();
        System.out.println(seen);
    }
}
