package dev.racelock.samples.juc;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * JDK 21+ (compiled separately: src/main/java21). Bug: the submitter reads what a task of a
 * virtual-thread-per-task executor writes before {@code Future.get} of that task.
 * Fix: {@link VirtualExecutorFutureGet}.
 */
// requires juc
public final class VirtualExecutorReadBeforeGet {
    static int input;
    static String detail;

    public static void main(String[] args) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            input = 7;
            Future<Integer> future = executor.submit(() -> {
                detail = "computed from " + input; // expect race(write, VirtualExecutorReadBeforeGet.detail)
                return input * 6;
            });
            String early = detail; // expect race(read, VirtualExecutorReadBeforeGet.detail)
            int answer = future.get();
            System.out.println(answer + " " + early);
        }
    }
}
