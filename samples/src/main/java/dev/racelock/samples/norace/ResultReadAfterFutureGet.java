package dev.racelock.samples.norace;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Twin of {@link dev.racelock.samples.race.ResultReadWithoutFutureGet}: the field is read after
 * {@code Future.get()}; the task's actions happen-before {@code get} returns (Future's
 * memory-consistency effects). Needs racelock's executor and future hand-off edges.
 */
// requires juc
// expect none
public final class ResultReadAfterFutureGet {

    static int result;

    public static void main(String[] args) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<?> done = executor.submit(() -> result = 6 * 7);
            done.get();
            System.out.println("result " + result);
        } finally {
            executor.shutdown();
        }
    }
}
