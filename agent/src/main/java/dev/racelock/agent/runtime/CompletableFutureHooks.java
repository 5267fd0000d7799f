package dev.racelock.agent.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Call-site hooks for CompletableFuture: {@code supplyAsync}/{@code runAsync} are executor
 * submissions (see ExecutorHooks); a dependent stage's callback ({@code thenApply},
 * {@code thenAccept}, {@code thenRun}, {@code handle}, {@code whenComplete}, their Async forms)
 * acquires what its source stage's completion released, and releases its own token, to which
 * the new stage is bound; {@code complete}/{@code completeExceptionally} release the future's
 * own token (its object id); {@code join}/{@code get} acquire both (ExecutorHooks.retrieved).
 */
public final class CompletableFutureHooks {
    private CompletableFutureHooks() {}

    private static TracedTask submitted(Object body, int site, ThreadContext c) {
        long token = HandOffTokens.fresh(c);
        c.recorder.hbRelease(token, site);
        return new TracedTask(body, new long[] {token}, token, 0, site);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> supplyAsync(Supplier<?> supplier, int site, ThreadContext c) {
        TracedTask task = submitted(supplier, site, c);
        return bound(CompletableFuture.supplyAsync((Supplier<Object>) task), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> supplyAsync(Supplier<?> supplier, Executor executor, int site,
                                                   ThreadContext c) {
        TracedTask task = submitted(supplier, site, c);
        return bound(CompletableFuture.supplyAsync((Supplier<Object>) task, executor), task);
    }

    public static CompletableFuture<?> runAsync(Runnable runnable, int site, ThreadContext c) {
        TracedTask task = submitted(runnable, site, c);
        return bound(CompletableFuture.runAsync((Runnable) task), task);
    }

    public static CompletableFuture<?> runAsync(Runnable runnable, Executor executor, int site, ThreadContext c) {
        TracedTask task = submitted(runnable, site, c);
        return bound(CompletableFuture.runAsync((Runnable) task, executor), task);
    }

    private static <F> F bound(F future, TracedTask task) {
        HandOffTokens.bindFuture(future, task.token);
        return future;
    }

    /** A callback of a stage depending on {@code source}: acquires the source's completion tokens. */
    private static TracedTask callback(Object body, CompletionStage<?> source, int site, ThreadContext c) {
        return new TracedTask(body, HandOffTokens.completionTokens(source, c), HandOffTokens.fresh(c), 0, site);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> thenApply(CompletableFuture<?> source, Function<?, ?> fn, int site,
                                                 ThreadContext c) {
        TracedTask task = callback(fn, source, site, c);
        return bound(((CompletableFuture<Object>) source).thenApply(task), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> thenApplyAsync(CompletableFuture<?> source, Function<?, ?> fn, int site,
                                                      ThreadContext c) {
        TracedTask task = callback(fn, source, site, c);
        return bound(((CompletableFuture<Object>) source).thenApplyAsync(task), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> thenApplyAsync(CompletableFuture<?> source, Function<?, ?> fn,
                                                      Executor executor, int site, ThreadContext c) {
        TracedTask task = callback(fn, source, site, c);
        return bound(((CompletableFuture<Object>) source).thenApplyAsync(task, executor), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> thenAccept(CompletableFuture<?> source, Consumer<?> action, int site,
                                                  ThreadContext c) {
        TracedTask task = callback(action, source, site, c);
        return bound(((CompletableFuture<Object>) source).thenAccept(task), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> thenAcceptAsync(CompletableFuture<?> source, Consumer<?> action, int site,
                                                       ThreadContext c) {
        TracedTask task = callback(action, source, site, c);
        return bound(((CompletableFuture<Object>) source).thenAcceptAsync(task), task);
    }

    public static CompletableFuture<?> thenRun(CompletableFuture<?> source, Runnable action, int site,
                                               ThreadContext c) {
        TracedTask task = callback(action, source, site, c);
        return bound(source.thenRun(task), task);
    }

    public static CompletableFuture<?> thenRunAsync(CompletableFuture<?> source, Runnable action, int site,
                                                    ThreadContext c) {
        TracedTask task = callback(action, source, site, c);
        return bound(source.thenRunAsync(task), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> handle(CompletableFuture<?> source, BiFunction<?, ?, ?> fn, int site,
                                              ThreadContext c) {
        TracedTask task = callback(fn, source, site, c);
        return bound(((CompletableFuture<Object>) source).handle(
                (BiFunction<Object, Throwable, Object>) (Object) new TracedTask.Pair(task)),
                task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> whenComplete(CompletableFuture<?> source, BiConsumer<?, ?> action, int site,
                                                    ThreadContext c) {
        TracedTask task = callback(action, source, site, c);
        return bound(((CompletableFuture<Object>) source).whenComplete(
                (BiConsumer<Object, Throwable>) (Object) new TracedTask.Pair(task)), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> thenCompose(CompletableFuture<?> source, Function<?, ?> fn, int site,
                                                   ThreadContext c) {
        TracedTask task = callback(fn, source, site, c);
        task.composes = true;
        return bound(((CompletableFuture<Object>) source).thenCompose(
                (Function<Object, CompletionStage<Object>>) (Object) task), task);
    }

    /** Both sources complete before the callback: it acquires the completion of each. */
    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> thenCombine(CompletableFuture<?> source, CompletionStage<?> other,
                                                   BiFunction<?, ?, ?> fn, int site, ThreadContext c) {
        long[] first = HandOffTokens.completionTokens(source, c);
        long[] second = HandOffTokens.completionTokens(other, c);
        TracedTask task = new TracedTask(fn, new long[] {first[0], first[1], second[0], second[1]},
                HandOffTokens.fresh(c), 0, site);
        return bound(((CompletableFuture<Object>) source).thenCombine((CompletionStage<Object>) other,
                (BiFunction<Object, Object, Object>) (Object) new TracedTask.Pair(task)), task);
    }

    /** allOf completes after every source: retrieving it acquires the completion of each. */
    public static CompletableFuture<?> allOf(CompletableFuture<?>[] sources, int site, ThreadContext c) {
        CompletableFuture<Void> all = CompletableFuture.allOf(sources);
        long token = HandOffTokens.fresh(c);
        for (CompletableFuture<?> f : sources) {
            if (f != null) {
                HandOffTokens.dependsOn(token, HandOffTokens.completionTokens(f, c));
            }
        }
        HandOffTokens.bindFuture(all, token);
        return all;
    }

    // ---- completion and retrieval --------------------------------------------------------------

    @SuppressWarnings("unchecked")
    public static boolean complete(CompletableFuture<?> future, Object value, int site, ThreadContext c) {
        c.recorder.hbRelease(ObjectIds.of(future, site, c), site);
        return ((CompletableFuture<Object>) future).complete(value);
    }

    public static boolean completeExceptionally(CompletableFuture<?> future, Throwable ex, int site,
                                                ThreadContext c) {
        c.recorder.hbRelease(ObjectIds.of(future, site, c), site);
        return future.completeExceptionally(ex);
    }

    public static Object join(CompletableFuture<?> future, int site, ThreadContext c) {
        try {
            Object value = future.join();
            ExecutorHooks.retrieved(future, site, c);
            return value;
        } catch (java.util.concurrent.CompletionException e) {
            ExecutorHooks.retrieved(future, site, c);
            throw e;
        }
    }
}
