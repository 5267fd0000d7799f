package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Async forms that take an Executor (thenAcceptAsync, thenRunAsync, handleAsync,
 * whenCompleteAsync, thenComposeAsync, thenCombineAsync, thenAcceptBothAsync,
 * runAfterBothAsync, and thenApplyAsync through the CompletionStage interface), and the Async
 * both forms through the interface without one. Every callback reads what its sources wrote, the
 * main thread reads what the callbacks wrote after joining their stages: no race. Twin:
 * {@link CompletableFutureOnExecutorWrongSource}.
 */
// requires juc
// expect none
public final class CompletableFutureOnExecutor {
    static int left;
    static int right;
    static int accepted;
    static int ran;
    static int seen;
    static int inner;
    static int both;
    static int after;
    static int applied;
    static int viaStage;
    static int afterViaStage;

    public static void main(String[] args) {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> left = 20, executor);
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> right = 22, executor);
            a.thenAcceptAsync(x -> accepted = left + x, executor).join();
            a.thenRunAsync(() -> ran = left, executor).join();
            int handled = b.handleAsync((v, e) -> right + v, executor).join();
            b.whenCompleteAsync((v, e) -> seen = right, executor).join();
            int composed = a.thenComposeAsync(x -> CompletableFuture.supplyAsync(() -> inner = left + x, executor),
                    executor).join();
            int sum = a.thenCombineAsync(b, (x, y) -> left + right + x + y, executor).join();
            a.thenAcceptBothAsync(b, (x, y) -> both = left + right, executor).join();
            a.runAfterBothAsync(b, () -> after = left + right, executor).join();
            CompletionStage<Integer> stage = a;
            stage.thenApplyAsync(x -> applied = left + x, executor).toCompletableFuture().join();
            stage.thenAcceptBothAsync(b, (x, y) -> viaStage = left + right).toCompletableFuture().join();
            stage.runAfterBothAsync(b, () -> afterViaStage = left + right).toCompletableFuture().join();
            System.out.println(accepted + " " + ran + " " + handled + " " + seen + " " + composed + " " + inner
                    + " " + sum + " " + both + " " + after + " " + applied + " " + viaStage + " " + afterViaStage);
        } finally {
            executor.shutdown();
        }
    }
}
