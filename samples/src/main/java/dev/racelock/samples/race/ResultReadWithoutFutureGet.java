package dev.racelock.samples.race;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Bug: a task submitted to an executor stores its result in a field, and the submitter reads the
 * field without {@code Future.get()}: the task's completion is ordered before {@code get()}
 * returns, not before anything else the submitter does.
 * Fix: {@link dev.racelock.samples.norace.ResultReadAfterFutureGet}.
 */
// requires juc
public final class ResultReadWithoutFutureGet {

    static int result;

    public static void main(String[] args) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<?> done = executor.submit(() -> result = 6 * 7); // expect race(write, ResultReadWithoutFutureGet.result)
            int early = result; // expect race(read, ResultReadWithoutFutureGet.result)
            done.get();
            System.out.println("read " + early + " without waiting for the task");
        } finally {
            executor.shutdown();
        }
    }
}
