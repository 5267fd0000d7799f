package dev.racelock.samples.juc;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The submitter writes {@code input} before {@code submit} and reads {@code output} after
 * {@code Future.get}: submission happens-before the task runs, and the task happens-before get
 * returns. Twin: {@link FutureGetSkipped}.
 */
// requires juc
// expect none
public final class FutureGetHandOff {
    static int input;
    static int output;

    public static void main(String[] args) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            input = 21;
            Future<?> done = executor.submit(() -> output = input * 2);
            done.get();
            System.out.println("output " + output);
        } finally {
            executor.shutdown();
        }
    }
}
