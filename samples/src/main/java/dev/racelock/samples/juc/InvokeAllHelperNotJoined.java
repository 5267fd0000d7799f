package dev.racelock.samples.juc;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Bug: a task of an {@code invokeAll} hands its work to a helper thread it never joins, so the
 * caller's read after {@code invokeAll} returns is not ordered after the helper's write (the
 * task is done, its helper need not be). Fix: {@link InvokeAllHandOff}.
 */
// requires juc
public final class InvokeAllHelperNotJoined {
    static int total;

    public static void main(String[] args) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        Thread[] helper = new Thread[1];
        try {
            Callable<Void> task = () -> {
                helper[0] = new Thread(() -> total = 6, "helper"); // expect race(write, InvokeAllHelperNotJoined.total)
                helper[0].start();
                return null;
            };
            executor.invokeAll(List.of(task));
        } finally {
            executor.shutdown();
        }
        System.out.println("total " + total); // expect race(read, InvokeAllHelperNotJoined.total)
        helper[0].join();
    }
}
