package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The other CompletableFuture combinators: exceptionally, runAfterBoth, applyToEither (with a
 * source that completes only at the end), handleAsync, whenCompleteAsync, thenComposeAsync and
 * thenCombineAsync, and a thenApply called through the CompletionStage interface. Every callback reads what its sources wrote, the main thread reads what the
 * callbacks wrote after joining their stages: no race.
 */
// requires juc
// expect none
public final class CompletableFutureMoreCombinators {
    static int failed;
    static int left;
    static int right;
    static int both;
    static int either;
    static int composed;
    static int staged;

    public static void main(String[] args) {
        CompletableFuture<Integer> broken = CompletableFuture.supplyAsync(() -> {
            failed = 1;
            throw new IllegalStateException("no value");
        });
        int recovered = broken.exceptionally(e -> failed + 1).join();
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> left = 1);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> right = 2);
        a.runAfterBoth(b, () -> both = left + right).join();
        CompletableFuture<Integer> late = new CompletableFuture<>();
        int first = a.applyToEither(late, x -> either = left + x).join();
        int handled = b.handleAsync((v, e) -> right + v).join();
        int seen = b.whenCompleteAsync((v, e) -> composed = right).join();
        int nested = a.thenComposeAsync(x -> CompletableFuture.supplyAsync(() -> composed + x)).join();
        int sum = a.thenCombineAsync(b, (x, y) -> left + right + x + y).join();
        CompletionStage<Integer> stage = CompletableFuture.supplyAsync(() -> staged = 5);
        int viaInterface = stage.thenApply(x -> staged + x).toCompletableFuture().join();
        late.complete(0);
        System.out.println(failed + " " + recovered + " " + both + " " + either + " " + first + " " + handled
                + " " + seen + " " + composed + " " + nested + " " + sum + " " + viaInterface);
    }
}
