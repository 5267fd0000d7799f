package dev.racelock.samples.juc;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Bug: the submitter reads {@code output} before {@code Future.get}, so nothing orders the
 * task's write before the read. Fix: {@link FutureGetHandOff}.
 */
// requires juc
public final class FutureGetSkipped {
    static int input;
    static int output;

    public static void main(String[] args) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            input = 21;
            Future<?> done = executor.submit(() -> output = input * 2); // expect race(write, FutureGetSkipped.output)
            int early = output; // expect race(read, FutureGetSkipped.output)
            done.get();
            System.out.println("early " + early);
        } finally {
            executor.shutdown();
        }
    }
}
