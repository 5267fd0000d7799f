package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.ObjectIds;
import dev.racelock.agent.runtime.ThreadContext;

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
 * {@code thenAccept}, {@code thenRun}, {@code handle}, {@code whenComplete}, the both, either
 * and exceptionally forms, their Async forms with and without an Executor) acquires what its
 * source stage's completion released, and releases its own token, to which the new stage is
 * bound; {@code complete}/{@code completeExceptionally} release the future's own token (its
 * object id); {@code join}/{@code get} and a {@code getNow} that returned the value acquire both
 * (ExecutorHooks.retrieved). Calls through the CompletionStage interface: CompletionStageHooks.
 * {@code orTimeout}/{@code completeOnTimeout} record nothing (docs/juc.md, "Not covered").
 */
public final class CompletableFutureHooks {
    private CompletableFutureHooks() {}

    private static TracedTask submitted(Object body, int site, ThreadContext c) {
        long token = HandOffTokens.fresh(c);
        c.recorder.hbRelease(token, site);
        return new TracedTask(body, new long[] {token}, token, site);
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

    /**
     * {@code completeAsync} (JDK 9+): the supplier runs as supplyAsync's does and completes this
     * future. A future already bound (a dependent stage, completed by its own callback too)
     * gets no second binding: which completed it is unknown (a missed edge at worst).
     */
    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> completeAsync(CompletableFuture<?> future, Supplier<?> supplier, int site,
                                                     ThreadContext c) {
        if (supplier == null || HandOffTokens.futureToken(future) != 0) {
            return ((CompletableFuture<Object>) future).completeAsync((Supplier<Object>) supplier);
        }
        TracedTask task = boundFirst(future, submitted(supplier, site, c)); // before: another thread may join
        return ((CompletableFuture<Object>) future).completeAsync((Supplier<Object>) task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> completeAsync(CompletableFuture<?> future, Supplier<?> supplier,
                                                     Executor executor, int site, ThreadContext c) {
        if (supplier == null || HandOffTokens.futureToken(future) != 0) {
            return ((CompletableFuture<Object>) future).completeAsync((Supplier<Object>) supplier, executor);
        }
        TracedTask task = boundFirst(future, submitted(supplier, site, c));
        return ((CompletableFuture<Object>) future).completeAsync((Supplier<Object>) task, executor);
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

    /** As {@link #bound(Object, TracedTask)}, returning the task: for a future known before the call. */
    private static TracedTask boundFirst(CompletableFuture<?> future, TracedTask task) {
        HandOffTokens.bindFuture(future, task.token);
        return task;
    }

    /** A callback of a stage depending on {@code source}: acquires the source's completion tokens. */
    private static TracedTask callback(Object body, CompletionStage<?> source, int site, ThreadContext c) {
        long[] tokens = HandOffTokens.completionTokens(source, c);
        return new TracedTask(body, new long[] {tokens[0], tokens[1], registered(site, c)}, HandOffTokens.fresh(c),
                site);
    }

    /**
     * Registering a callback happens-before it runs (it runs in this thread, or in the thread
     * that completes the source and finds it on the stage's stack, or as a task handed to an
     * executor): a fresh token released here, acquired at the callback's start.
     */
    private static long registered(int site, ThreadContext c) {
        long token = HandOffTokens.fresh(c);
        c.recorder.hbRelease(token, site);
        return token;
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
        TracedTask task = both(fn, source, other, site, c);
        return bound(((CompletableFuture<Object>) source).thenCombine((CompletionStage<Object>) other,
                (BiFunction<Object, Object, Object>) (Object) new TracedTask.Pair(task)), task);
    }

    /** Both sources complete before the callback (thenCombine, thenAcceptBoth, runAfterBoth). */
    private static TracedTask both(Object body, CompletableFuture<?> source, CompletionStage<?> other, int site,
                                   ThreadContext c) {
        long[] first = HandOffTokens.completionTokens(source, c);
        long[] second = HandOffTokens.completionTokens(other, c);
        return new TracedTask(body, new long[] {first[0], first[1], second[0], second[1], registered(site, c)},
                HandOffTokens.fresh(c), site);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> thenCombineAsync(CompletableFuture<?> source, CompletionStage<?> other,
                                                        BiFunction<?, ?, ?> fn, int site, ThreadContext c) {
        TracedTask task = both(fn, source, other, site, c);
        return bound(((CompletableFuture<Object>) source).thenCombineAsync((CompletionStage<Object>) other,
                (BiFunction<Object, Object, Object>) (Object) new TracedTask.Pair(task)), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> thenAcceptBoth(CompletableFuture<?> source, CompletionStage<?> other,
                                                      BiConsumer<?, ?> action, int site, ThreadContext c) {
        TracedTask task = both(action, source, other, site, c);
        return bound(((CompletableFuture<Object>) source).thenAcceptBoth((CompletionStage<Object>) other,
                (BiConsumer<Object, Object>) (Object) new TracedTask.Pair(task)), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> thenAcceptBothAsync(CompletableFuture<?> source, CompletionStage<?> other,
                                                           BiConsumer<?, ?> action, int site, ThreadContext c) {
        TracedTask task = both(action, source, other, site, c);
        return bound(((CompletableFuture<Object>) source).thenAcceptBothAsync((CompletionStage<Object>) other,
                (BiConsumer<Object, Object>) (Object) new TracedTask.Pair(task)), task);
    }

    public static CompletableFuture<?> runAfterBoth(CompletableFuture<?> source, CompletionStage<?> other,
                                                    Runnable action, int site, ThreadContext c) {
        TracedTask task = both(action, source, other, site, c);
        return bound(source.runAfterBoth(other, task), task);
    }

    public static CompletableFuture<?> runAfterBothAsync(CompletableFuture<?> source, CompletionStage<?> other,
                                                         Runnable action, int site, ThreadContext c) {
        TracedTask task = both(action, source, other, site, c);
        return bound(source.runAfterBothAsync(other, task), task);
    }

    /** One of two sources completed before the callback: see TracedTask.eitherSources. */
    private static TracedTask either(Object body, CompletableFuture<?> source, CompletionStage<?> other, int site,
                                     ThreadContext c) {
        TracedTask task = new TracedTask(body, new long[] {registered(site, c)}, HandOffTokens.fresh(c), site);
        // another CompletionStage implementation may not support toCompletableFuture: only source then
        CompletableFuture<?> second = other instanceof CompletableFuture<?> f ? f : source;
        task.eitherSources = new CompletableFuture<?>[] {source, second};
        task.eitherTokens = new long[][] {HandOffTokens.completionTokens(source, c),
            second == other ? HandOffTokens.completionTokens(other, c) : new long[0]};
        return task;
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> applyToEither(CompletableFuture<?> source, CompletionStage<?> other,
                                                     Function<?, ?> fn, int site, ThreadContext c) {
        TracedTask task = either(fn, source, other, site, c);
        return bound(((CompletableFuture<Object>) source).applyToEither((CompletionStage<Object>) other,
                (Function<Object, Object>) task), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> acceptEither(CompletableFuture<?> source, CompletionStage<?> other,
                                                    Consumer<?> action, int site, ThreadContext c) {
        TracedTask task = either(action, source, other, site, c);
        return bound(((CompletableFuture<Object>) source).acceptEither((CompletionStage<Object>) other,
                (Consumer<Object>) task), task);
    }

    public static CompletableFuture<?> runAfterEither(CompletableFuture<?> source, CompletionStage<?> other,
                                                      Runnable action, int site, ThreadContext c) {
        TracedTask task = either(action, source, other, site, c);
        return bound(source.runAfterEither(other, task), task);
    }

    /**
     * exceptionally runs its callback only when the source failed; otherwise the new stage takes
     * the source's value without it. Either way the source completed first, so retrieving the
     * new stage acquires the source's completion too (and the callback's end when it ran).
     */
    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> exceptionally(CompletableFuture<?> source, Function<?, ?> fn, int site,
                                                     ThreadContext c) {
        TracedTask task = recovery(fn, source, false, site, c);
        return bound(((CompletableFuture<Object>) source).exceptionally(
                (Function<Throwable, Object>) (Object) task), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> handleAsync(CompletableFuture<?> source, BiFunction<?, ?, ?> fn, int site,
                                                   ThreadContext c) {
        TracedTask task = callback(fn, source, site, c);
        return bound(((CompletableFuture<Object>) source).handleAsync(
                (BiFunction<Object, Throwable, Object>) (Object) new TracedTask.Pair(task)), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> whenCompleteAsync(CompletableFuture<?> source, BiConsumer<?, ?> action,
                                                         int site, ThreadContext c) {
        TracedTask task = callback(action, source, site, c);
        return bound(((CompletableFuture<Object>) source).whenCompleteAsync(
                (BiConsumer<Object, Throwable>) (Object) new TracedTask.Pair(task)), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> thenComposeAsync(CompletableFuture<?> source, Function<?, ?> fn, int site,
                                                        ThreadContext c) {
        TracedTask task = callback(fn, source, site, c);
        task.composes = true;
        return bound(((CompletableFuture<Object>) source).thenComposeAsync(
                (Function<Object, CompletionStage<Object>>) (Object) task), task);
    }

    // ---- the forms taking an Executor, the Async either forms, the exceptionally family ------
    // The callback is wrapped as in the forms above; the executor runs the JDK's own completion
    // object (which calls the wrapper), never the wrapper itself, so it sees nothing new.

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> thenAcceptAsync(CompletableFuture<?> source, Consumer<?> action,
                                                       Executor executor, int site, ThreadContext c) {
        TracedTask task = callback(action, source, site, c);
        return bound(((CompletableFuture<Object>) source).thenAcceptAsync(task, executor), task);
    }

    public static CompletableFuture<?> thenRunAsync(CompletableFuture<?> source, Runnable action, Executor executor,
                                                    int site, ThreadContext c) {
        TracedTask task = callback(action, source, site, c);
        return bound(source.thenRunAsync(task, executor), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> handleAsync(CompletableFuture<?> source, BiFunction<?, ?, ?> fn,
                                                   Executor executor, int site, ThreadContext c) {
        TracedTask task = callback(fn, source, site, c);
        return bound(((CompletableFuture<Object>) source).handleAsync(
                (BiFunction<Object, Throwable, Object>) (Object) new TracedTask.Pair(task), executor), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> whenCompleteAsync(CompletableFuture<?> source, BiConsumer<?, ?> action,
                                                         Executor executor, int site, ThreadContext c) {
        TracedTask task = callback(action, source, site, c);
        return bound(((CompletableFuture<Object>) source).whenCompleteAsync(
                (BiConsumer<Object, Throwable>) (Object) new TracedTask.Pair(task), executor), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> thenComposeAsync(CompletableFuture<?> source, Function<?, ?> fn,
                                                        Executor executor, int site, ThreadContext c) {
        TracedTask task = callback(fn, source, site, c);
        task.composes = true;
        return bound(((CompletableFuture<Object>) source).thenComposeAsync(
                (Function<Object, CompletionStage<Object>>) (Object) task, executor), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> thenCombineAsync(CompletableFuture<?> source, CompletionStage<?> other,
                                                        BiFunction<?, ?, ?> fn, Executor executor, int site,
                                                        ThreadContext c) {
        TracedTask task = both(fn, source, other, site, c);
        return bound(((CompletableFuture<Object>) source).thenCombineAsync((CompletionStage<Object>) other,
                (BiFunction<Object, Object, Object>) (Object) new TracedTask.Pair(task), executor), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> thenAcceptBothAsync(CompletableFuture<?> source, CompletionStage<?> other,
                                                           BiConsumer<?, ?> action, Executor executor, int site,
                                                           ThreadContext c) {
        TracedTask task = both(action, source, other, site, c);
        return bound(((CompletableFuture<Object>) source).thenAcceptBothAsync((CompletionStage<Object>) other,
                (BiConsumer<Object, Object>) (Object) new TracedTask.Pair(task), executor), task);
    }

    public static CompletableFuture<?> runAfterBothAsync(CompletableFuture<?> source, CompletionStage<?> other,
                                                         Runnable action, Executor executor, int site,
                                                         ThreadContext c) {
        TracedTask task = both(action, source, other, site, c);
        return bound(source.runAfterBothAsync(other, task, executor), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> applyToEitherAsync(CompletableFuture<?> source, CompletionStage<?> other,
                                                          Function<?, ?> fn, int site, ThreadContext c) {
        TracedTask task = either(fn, source, other, site, c);
        return bound(((CompletableFuture<Object>) source).applyToEitherAsync((CompletionStage<Object>) other,
                (Function<Object, Object>) task), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> applyToEitherAsync(CompletableFuture<?> source, CompletionStage<?> other,
                                                          Function<?, ?> fn, Executor executor, int site,
                                                          ThreadContext c) {
        TracedTask task = either(fn, source, other, site, c);
        return bound(((CompletableFuture<Object>) source).applyToEitherAsync((CompletionStage<Object>) other,
                (Function<Object, Object>) task, executor), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> acceptEitherAsync(CompletableFuture<?> source, CompletionStage<?> other,
                                                         Consumer<?> action, int site, ThreadContext c) {
        TracedTask task = either(action, source, other, site, c);
        return bound(((CompletableFuture<Object>) source).acceptEitherAsync((CompletionStage<Object>) other,
                (Consumer<Object>) task), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> acceptEitherAsync(CompletableFuture<?> source, CompletionStage<?> other,
                                                         Consumer<?> action, Executor executor, int site,
                                                         ThreadContext c) {
        TracedTask task = either(action, source, other, site, c);
        return bound(((CompletableFuture<Object>) source).acceptEitherAsync((CompletionStage<Object>) other,
                (Consumer<Object>) task, executor), task);
    }

    public static CompletableFuture<?> runAfterEitherAsync(CompletableFuture<?> source, CompletionStage<?> other,
                                                           Runnable action, int site, ThreadContext c) {
        TracedTask task = either(action, source, other, site, c);
        return bound(source.runAfterEitherAsync(other, task), task);
    }

    public static CompletableFuture<?> runAfterEitherAsync(CompletableFuture<?> source, CompletionStage<?> other,
                                                           Runnable action, Executor executor, int site,
                                                           ThreadContext c) {
        TracedTask task = either(action, source, other, site, c);
        return bound(source.runAfterEitherAsync(other, task, executor), task);
    }

    /**
     * The exceptionally family (JDK 12+, so plain calls at the agent's Java 17 level): the
     * callback runs only when the source failed, otherwise the source's value passes through;
     * either way the source completed before the new stage (see {@link #exceptionally}).
     */
    private static TracedTask recovery(Object fn, CompletableFuture<?> source, boolean composes, int site,
                                       ThreadContext c) {
        TracedTask task = callback(fn, source, site, c);
        task.composes = composes;
        HandOffTokens.dependsOn(task.token, HandOffTokens.completionTokens(source, c));
        return task;
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> exceptionallyAsync(CompletableFuture<?> source, Function<?, ?> fn, int site,
                                                          ThreadContext c) {
        TracedTask task = recovery(fn, source, false, site, c);
        return bound(((CompletableFuture<Object>) source).exceptionallyAsync(
                (Function<Throwable, Object>) (Object) task), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> exceptionallyAsync(CompletableFuture<?> source, Function<?, ?> fn,
                                                          Executor executor, int site, ThreadContext c) {
        TracedTask task = recovery(fn, source, false, site, c);
        return bound(((CompletableFuture<Object>) source).exceptionallyAsync(
                (Function<Throwable, Object>) (Object) task, executor), task);
    }

    /**
     * exceptionallyCompose: when the source failed, the stage the callback returns completes the
     * new stage (as thenCompose: TracedTask.composes); otherwise the source's value passes through.
     */
    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> exceptionallyCompose(CompletableFuture<?> source, Function<?, ?> fn, int site,
                                                            ThreadContext c) {
        TracedTask task = recovery(fn, source, true, site, c);
        return bound(((CompletableFuture<Object>) source).exceptionallyCompose(
                (Function<Throwable, CompletionStage<Object>>) (Object) task), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> exceptionallyComposeAsync(CompletableFuture<?> source, Function<?, ?> fn,
                                                                 int site, ThreadContext c) {
        TracedTask task = recovery(fn, source, true, site, c);
        return bound(((CompletableFuture<Object>) source).exceptionallyComposeAsync(
                (Function<Throwable, CompletionStage<Object>>) (Object) task), task);
    }

    @SuppressWarnings("unchecked")
    public static CompletableFuture<?> exceptionallyComposeAsync(CompletableFuture<?> source, Function<?, ?> fn,
                                                                 Executor executor, int site, ThreadContext c) {
        TracedTask task = recovery(fn, source, true, site, c);
        return bound(((CompletableFuture<Object>) source).exceptionallyComposeAsync(
                (Function<Throwable, CompletionStage<Object>>) (Object) task, executor), task);
    }

    /**
     * anyOf completes with the first source to complete, which one is unknown when it is
     * created: retrieving it (join/get) acquires the completion of every source done by then
     * (ExecutorHooks.retrieved, {@link #anyOfRetrieved}); never of one still running.
     */
    public static CompletableFuture<?> anyOf(CompletableFuture<?>[] sources, int site, ThreadContext c) {
        CompletableFuture<Object> any = CompletableFuture.anyOf(sources);
        long[][] tokens = new long[sources.length][];
        for (int i = 0; i < sources.length; i++) {
            tokens[i] = sources[i] == null ? new long[0] : HandOffTokens.completionTokens(sources[i], c);
        }
        synchronized (ANY_OF) {
            ANY_OF.put(any, new AnyOf(sources.clone(), tokens));
        }
        return any;
    }

    private record AnyOf(CompletableFuture<?>[] sources, long[][] tokens) {}

    /**
     * Keys are the anyOf futures (identity: CompletableFuture does not override equals); guarded
     * by itself (a Collections.synchronizedMap's lock would be recorded: SynchronizedWrapperRewrite).
     */
    private static final java.util.Map<Object, AnyOf> ANY_OF = new java.util.WeakHashMap<>();

    static void anyOfRetrieved(Object future, int site, ThreadContext c) {
        AnyOf any;
        synchronized (ANY_OF) {
            any = ANY_OF.isEmpty() ? null : ANY_OF.get(future);
        }
        if (any == null) {
            return;
        }
        for (int i = 0; i < any.sources().length; i++) {
            if (any.sources()[i] != null && any.sources()[i].isDone()) {
                for (long t : any.tokens()[i]) {
                    HandOffTokens.acquire(t, site, c);
                }
            }
        }
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

    /**
     * getNow returns the future's value only when it is complete, and then, as join, the
     * completion happened-before (ExecutorHooks.retrieved); when it returns the caller's default
     * nothing is ordered. Which one it returned is known when the future was done before the call
     * (isDone() true, then getNow: the common correct pattern) or when the result is not the
     * default object itself. A future that completes during the call with the default object as
     * its value (getNow(null) on a future completed with null) is not acquired: a missed edge,
     * never one that is not there.
     */
    @SuppressWarnings("unchecked")
    public static Object getNow(CompletableFuture<?> future, Object valueIfAbsent, int site, ThreadContext c) {
        boolean doneBefore = doneWithoutThrowing(future);
        Object value;
        try {
            value = ((CompletableFuture<Object>) future).getNow(valueIfAbsent);
        } catch (java.util.concurrent.CompletionException e) {
            ExecutorHooks.retrieved(future, site, c); // completed exceptionally: a completion, as join
            throw e;
        }
        if (doneBefore || value != valueIfAbsent) {
            ExecutorHooks.retrieved(future, site, c);
        }
        return value;
    }

    /** isDone, or false where it is unsupported (a minimalCompletionStage): getNow then throws as it would. */
    private static boolean doneWithoutThrowing(CompletableFuture<?> future) {
        try {
            return future.isDone();
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
