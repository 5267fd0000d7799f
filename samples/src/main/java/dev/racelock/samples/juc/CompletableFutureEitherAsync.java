package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Async either forms (applyToEitherAsync, acceptEitherAsync, runAfterEitherAsync, with and
 * without an executor, the last two through the CompletionStage interface): one source has
 * completed, the other completes only at the end. Every callback reads what the completed source
 * wrote, the main thread reads what the callbacks wrote after joining their stages: no race.
 * Twin: {@link CompletableFutureEitherAsyncStillRunning}.
 */
// requires juc
// expect none
public final class CompletableFutureEitherAsync {
    static int fast;
    static int applied;
    static int appliedOnExecutor;
    static int accepted;
    static int acceptedOnExecutor;
    static int ran;
    static int ranOnExecutor;

    public static void main(String[] args) {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> fast = 1, executor);
            CompletableFuture<Integer> late = new CompletableFuture<>();
            int a = first.applyToEitherAsync(late, x -> applied = fast + x).join();
            int b = first.applyToEitherAsync(late, x -> appliedOnExecutor = fast + x, executor).join();
            first.acceptEitherAsync(late, x -> accepted = fast + x).join();
            first.acceptEitherAsync(late, x -> acceptedOnExecutor = fast + x, executor).join();
            CompletionStage<Integer> stage = first;
            stage.runAfterEitherAsync(late, () -> ran = fast).toCompletableFuture().join();
            stage.runAfterEitherAsync(late, () -> ranOnExecutor = fast, executor).toCompletableFuture().join();
            late.complete(0);
            System.out.println(a + " " + b + " " + applied + " " + appliedOnExecutor + " " + accepted + " "
                    + acceptedOnExecutor + " " + ran + " " + ranOnExecutor);
        } finally {
            executor.shutdown();
        }
    }
}
