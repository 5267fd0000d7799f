package dev.racelock.samples.juc;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The task whose result {@code invokeAny} returns also fills {@code detail}; the caller reads it
 * after {@code invokeAny} returns (the producing task's actions happen-before the return).
 * Twin: {@link InvokeAnyHelperNotJoined}.
 */
// requires juc
// expect none
public final class InvokeAnyHandOff {
    static String detail;

    public static void main(String[] args) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        int answer;
        try {
            Callable<Integer> task = () -> {
                detail = "computed";
                return 42;
            };
            answer = executor.invokeAny(List.of(task));
        } finally {
            executor.shutdown();
        }
        System.out.println(answer + " " + detail);
    }
}
