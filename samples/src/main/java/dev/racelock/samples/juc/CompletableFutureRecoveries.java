package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The exceptionally family of JDK 12+: exceptionallyAsync (with and without an executor),
 * exceptionallyCompose, exceptionallyComposeAsync (with and without an executor, one through
 * the CompletionStage interface), and a recovery that does not run because its source succeeded.
 * Each recovery reads what its failed source wrote; the main thread reads what the recoveries
 * and the stages they returned wrote after joining: no race. Twin:
 * {@link CompletableFutureRecoveryReadEarly}.
 */
// requires juc
// expect none
public final class CompletableFutureRecoveries {
    static int failedA;
    static int failedB;
    static int failedC;
    static int failedD;
    static int failedE;
    static int recoveredA;
    static int recoveredB;
    static int composedC;
    static int composedD;
    static int composedE;
    static int succeeded;

    private static CompletableFuture<Integer> failing(Runnable before, ExecutorService executor) {
        return CompletableFuture.supplyAsync(() -> {
            before.run();
            throw new IllegalStateException("no value");
        }, executor);
    }

    public static void main(String[] args) {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            int a = failing(() -> failedA = 1, executor)
                    .exceptionallyAsync(e -> recoveredA = failedA + 1).join();
            int b = failing(() -> failedB = 2, executor)
                    .exceptionallyAsync(e -> recoveredB = failedB + 1, executor).join();
            int c = failing(() -> failedC = 3, executor)
                    .exceptionallyCompose(e -> CompletableFuture.supplyAsync(() -> composedC = failedC + 1)).join();
            int d = failing(() -> failedD = 4, executor)
                    .exceptionallyComposeAsync(e -> CompletableFuture.supplyAsync(() -> composedD = failedD + 1))
                    .join();
            CompletionStage<Integer> stage = failing(() -> failedE = 5, executor);
            int e = stage.exceptionallyComposeAsync(x -> CompletableFuture.supplyAsync(() -> composedE = failedE + 1),
                    executor).toCompletableFuture().join();
            int f = CompletableFuture.supplyAsync(() -> succeeded = 6, executor)
                    .exceptionallyAsync(x -> -1, executor).join();
            System.out.println(a + recoveredA + " " + b + recoveredB + " " + c + composedC + " " + d + composedD
                    + " " + e + composedE + " " + f + succeeded);
        } finally {
            executor.shutdown();
        }
    }
}
