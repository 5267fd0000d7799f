package dev.racelock.samples.juc;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * JDK 21+ (compiled separately: src/main/java21). A task submitted to a virtual-thread-per-task
 * executor fills {@code detail}; the submitter reads it after {@code Future.get} of that task,
 * before the executor is closed. Twin: {@link VirtualExecutorReadBeforeGet}.
 */
// requires juc
// expect none
public final class VirtualExecutorFutureGet {
    static int input;
    static String detail;

    public static void main(String[] args) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            input = 7;
            Future<Integer> future = executor.submit(() -> {
                detail = "computed from " + input;
                return input * 6;
            });
            int answer = future.get();
            System.out.println(answer + " " + detail);
        }
    }
}
