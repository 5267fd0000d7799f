package dev.racelock.samples.juc;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Bug: the task whose result {@code invokeAny} returns leaves {@code detail} to a helper thread
 * it never joins, so the caller's read after {@code invokeAny} is not ordered after the helper's
 * write. Fix: {@link InvokeAnyHandOff}.
 */
// requires juc
public final class InvokeAnyHelperNotJoined {
    static String detail;

    public static void main(String[] args) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        Thread[] helper = new Thread[1];
        int answer;
        try {
            Callable<Integer> task = () -> {
                helper[0] = new Thread(() -> detail = "computed", "helper"); // expect race(write, InvokeAnyHelperNotJoined.detail)
                helper[0].start();
                return 42;
            };
            answer = executor.invokeAny(List.of(task));
        } finally {
            executor.shutdown();
        }
        System.out.println(answer + " " + detail); // expect race(read, InvokeAnyHelperNotJoined.detail)
        helper[0].join();
    }
}
