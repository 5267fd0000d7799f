package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.ThreadContext;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Call-site hooks for the CompletionStage interface: a call whose receiver is a CompletableFuture
 * (or subclass) is recorded as the same call on CompletableFuture ({@link CompletableFutureHooks});
 * any other implementation is called as it is, unrecorded and unwrapped (its callbacks keep their
 * identity, and it promises nothing we could record). Every callback-registering method of
 * CompletionStage has a hook here (CompletionStageHooksTest holds the table to that).
 */
public final class CompletionStageHooks {
    private CompletionStageHooks() {}

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> thenApply(CompletionStage<?> source, Function<?, ?> fn, int site,
            ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.thenApply(f, fn, site, c);
        }
        return ((CompletionStage<Object>) source).thenApply((Function<Object, Object>) fn);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> thenApplyAsync(CompletionStage<?> source, Function<?, ?> fn, int site,
            ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.thenApplyAsync(f, fn, site, c);
        }
        return ((CompletionStage<Object>) source).thenApplyAsync((Function<Object, Object>) fn);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> thenApplyAsync(CompletionStage<?> source, Function<?, ?> fn, Executor executor,
            int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.thenApplyAsync(f, fn, executor, site, c);
        }
        return ((CompletionStage<Object>) source).thenApplyAsync((Function<Object, Object>) fn, executor);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> thenAccept(CompletionStage<?> source, Consumer<?> action, int site,
            ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.thenAccept(f, action, site, c);
        }
        return ((CompletionStage<Object>) source).thenAccept((Consumer<Object>) action);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> thenAcceptAsync(CompletionStage<?> source, Consumer<?> action, int site,
            ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.thenAcceptAsync(f, action, site, c);
        }
        return ((CompletionStage<Object>) source).thenAcceptAsync((Consumer<Object>) action);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> thenAcceptAsync(CompletionStage<?> source, Consumer<?> action, Executor executor,
            int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.thenAcceptAsync(f, action, executor, site, c);
        }
        return ((CompletionStage<Object>) source).thenAcceptAsync((Consumer<Object>) action, executor);
    }

    public static CompletionStage<?> thenRun(CompletionStage<?> source, Runnable action, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.thenRun(f, action, site, c);
        }
        return source.thenRun(action);
    }

    public static CompletionStage<?> thenRunAsync(CompletionStage<?> source, Runnable action, int site,
            ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.thenRunAsync(f, action, site, c);
        }
        return source.thenRunAsync(action);
    }

    public static CompletionStage<?> thenRunAsync(CompletionStage<?> source, Runnable action, Executor executor,
            int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.thenRunAsync(f, action, executor, site, c);
        }
        return source.thenRunAsync(action, executor);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> handle(CompletionStage<?> source, BiFunction<?, ?, ?> fn, int site,
            ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.handle(f, fn, site, c);
        }
        return ((CompletionStage<Object>) source).handle((BiFunction<Object, Throwable, Object>) fn);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> handleAsync(CompletionStage<?> source, BiFunction<?, ?, ?> fn, int site,
            ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.handleAsync(f, fn, site, c);
        }
        return ((CompletionStage<Object>) source).handleAsync((BiFunction<Object, Throwable, Object>) fn);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> handleAsync(CompletionStage<?> source, BiFunction<?, ?, ?> fn, Executor executor,
            int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.handleAsync(f, fn, executor, site, c);
        }
        return ((CompletionStage<Object>) source).handleAsync((BiFunction<Object, Throwable, Object>) fn, executor);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> whenComplete(CompletionStage<?> source, BiConsumer<?, ?> action, int site,
            ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.whenComplete(f, action, site, c);
        }
        return ((CompletionStage<Object>) source).whenComplete((BiConsumer<Object, Throwable>) action);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> whenCompleteAsync(CompletionStage<?> source, BiConsumer<?, ?> action, int site,
            ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.whenCompleteAsync(f, action, site, c);
        }
        return ((CompletionStage<Object>) source).whenCompleteAsync((BiConsumer<Object, Throwable>) action);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> whenCompleteAsync(CompletionStage<?> source, BiConsumer<?, ?> action,
            Executor executor, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.whenCompleteAsync(f, action, executor, site, c);
        }
        return ((CompletionStage<Object>) source).whenCompleteAsync((BiConsumer<Object, Throwable>) action, executor);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> thenCompose(CompletionStage<?> source, Function<?, ?> fn, int site,
            ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.thenCompose(f, fn, site, c);
        }
        return ((CompletionStage<Object>) source).thenCompose((Function<Object, CompletionStage<Object>>) fn);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> thenComposeAsync(CompletionStage<?> source, Function<?, ?> fn, int site,
            ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.thenComposeAsync(f, fn, site, c);
        }
        return ((CompletionStage<Object>) source).thenComposeAsync((Function<Object, CompletionStage<Object>>) fn);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> thenComposeAsync(CompletionStage<?> source, Function<?, ?> fn, Executor executor,
            int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.thenComposeAsync(f, fn, executor, site, c);
        }
        return ((CompletionStage<Object>) source).thenComposeAsync((Function<Object, CompletionStage<Object>>) fn,
                executor);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> exceptionally(CompletionStage<?> source, Function<?, ?> fn, int site,
            ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.exceptionally(f, fn, site, c);
        }
        return ((CompletionStage<Object>) source).exceptionally((Function<Throwable, Object>) fn);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> exceptionallyAsync(CompletionStage<?> source, Function<?, ?> fn, int site,
            ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.exceptionallyAsync(f, fn, site, c);
        }
        return ((CompletionStage<Object>) source).exceptionallyAsync((Function<Throwable, Object>) fn);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> exceptionallyAsync(CompletionStage<?> source, Function<?, ?> fn, Executor executor,
            int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.exceptionallyAsync(f, fn, executor, site, c);
        }
        return ((CompletionStage<Object>) source).exceptionallyAsync((Function<Throwable, Object>) fn, executor);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> exceptionallyCompose(CompletionStage<?> source, Function<?, ?> fn, int site,
            ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.exceptionallyCompose(f, fn, site, c);
        }
        return ((CompletionStage<Object>) source).exceptionallyCompose(
                (Function<Throwable, CompletionStage<Object>>) fn);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> exceptionallyComposeAsync(CompletionStage<?> source, Function<?, ?> fn, int site,
            ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.exceptionallyComposeAsync(f, fn, site, c);
        }
        return ((CompletionStage<Object>) source).exceptionallyComposeAsync(
                (Function<Throwable, CompletionStage<Object>>) fn);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> exceptionallyComposeAsync(CompletionStage<?> source, Function<?, ?> fn,
            Executor executor, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.exceptionallyComposeAsync(f, fn, executor, site, c);
        }
        return ((CompletionStage<Object>) source).exceptionallyComposeAsync(
                (Function<Throwable, CompletionStage<Object>>) fn, executor);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> thenCombine(CompletionStage<?> source, CompletionStage<?> other,
            BiFunction<?, ?, ?> fn, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.thenCombine(f, other, fn, site, c);
        }
        return ((CompletionStage<Object>) source).thenCombine((CompletionStage<Object>) other,
                (BiFunction<Object, Object, Object>) fn);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> thenCombineAsync(CompletionStage<?> source, CompletionStage<?> other,
            BiFunction<?, ?, ?> fn, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.thenCombineAsync(f, other, fn, site, c);
        }
        return ((CompletionStage<Object>) source).thenCombineAsync((CompletionStage<Object>) other,
                (BiFunction<Object, Object, Object>) fn);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> thenCombineAsync(CompletionStage<?> source, CompletionStage<?> other,
            BiFunction<?, ?, ?> fn, Executor executor, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.thenCombineAsync(f, other, fn, executor, site, c);
        }
        return ((CompletionStage<Object>) source).thenCombineAsync((CompletionStage<Object>) other,
                (BiFunction<Object, Object, Object>) fn, executor);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> thenAcceptBoth(CompletionStage<?> source, CompletionStage<?> other,
            BiConsumer<?, ?> action, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.thenAcceptBoth(f, other, action, site, c);
        }
        return ((CompletionStage<Object>) source).thenAcceptBoth((CompletionStage<Object>) other,
                (BiConsumer<Object, Object>) action);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> thenAcceptBothAsync(CompletionStage<?> source, CompletionStage<?> other,
            BiConsumer<?, ?> action, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.thenAcceptBothAsync(f, other, action, site, c);
        }
        return ((CompletionStage<Object>) source).thenAcceptBothAsync((CompletionStage<Object>) other,
                (BiConsumer<Object, Object>) action);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> thenAcceptBothAsync(CompletionStage<?> source, CompletionStage<?> other,
            BiConsumer<?, ?> action, Executor executor, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.thenAcceptBothAsync(f, other, action, executor, site, c);
        }
        return ((CompletionStage<Object>) source).thenAcceptBothAsync((CompletionStage<Object>) other,
                (BiConsumer<Object, Object>) action, executor);
    }

    public static CompletionStage<?> runAfterBoth(CompletionStage<?> source, CompletionStage<?> other, Runnable action,
            int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.runAfterBoth(f, other, action, site, c);
        }
        return source.runAfterBoth(other, action);
    }

    public static CompletionStage<?> runAfterBothAsync(CompletionStage<?> source, CompletionStage<?> other,
            Runnable action, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.runAfterBothAsync(f, other, action, site, c);
        }
        return source.runAfterBothAsync(other, action);
    }

    public static CompletionStage<?> runAfterBothAsync(CompletionStage<?> source, CompletionStage<?> other,
            Runnable action, Executor executor, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.runAfterBothAsync(f, other, action, executor, site, c);
        }
        return source.runAfterBothAsync(other, action, executor);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> applyToEither(CompletionStage<?> source, CompletionStage<?> other,
            Function<?, ?> fn, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.applyToEither(f, other, fn, site, c);
        }
        return ((CompletionStage<Object>) source).applyToEither((CompletionStage<Object>) other,
                (Function<Object, Object>) fn);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> applyToEitherAsync(CompletionStage<?> source, CompletionStage<?> other,
            Function<?, ?> fn, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.applyToEitherAsync(f, other, fn, site, c);
        }
        return ((CompletionStage<Object>) source).applyToEitherAsync((CompletionStage<Object>) other,
                (Function<Object, Object>) fn);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> applyToEitherAsync(CompletionStage<?> source, CompletionStage<?> other,
            Function<?, ?> fn, Executor executor, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.applyToEitherAsync(f, other, fn, executor, site, c);
        }
        return ((CompletionStage<Object>) source).applyToEitherAsync((CompletionStage<Object>) other,
                (Function<Object, Object>) fn, executor);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> acceptEither(CompletionStage<?> source, CompletionStage<?> other,
            Consumer<?> action, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.acceptEither(f, other, action, site, c);
        }
        return ((CompletionStage<Object>) source).acceptEither((CompletionStage<Object>) other,
                (Consumer<Object>) action);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> acceptEitherAsync(CompletionStage<?> source, CompletionStage<?> other,
            Consumer<?> action, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.acceptEitherAsync(f, other, action, site, c);
        }
        return ((CompletionStage<Object>) source).acceptEitherAsync((CompletionStage<Object>) other,
                (Consumer<Object>) action);
    }

    @SuppressWarnings("unchecked")
    public static CompletionStage<?> acceptEitherAsync(CompletionStage<?> source, CompletionStage<?> other,
            Consumer<?> action, Executor executor, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.acceptEitherAsync(f, other, action, executor, site, c);
        }
        return ((CompletionStage<Object>) source).acceptEitherAsync((CompletionStage<Object>) other,
                (Consumer<Object>) action, executor);
    }

    public static CompletionStage<?> runAfterEither(CompletionStage<?> source, CompletionStage<?> other,
            Runnable action, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.runAfterEither(f, other, action, site, c);
        }
        return source.runAfterEither(other, action);
    }

    public static CompletionStage<?> runAfterEitherAsync(CompletionStage<?> source, CompletionStage<?> other,
            Runnable action, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.runAfterEitherAsync(f, other, action, site, c);
        }
        return source.runAfterEitherAsync(other, action);
    }

    public static CompletionStage<?> runAfterEitherAsync(CompletionStage<?> source, CompletionStage<?> other,
            Runnable action, Executor executor, int site, ThreadContext c) {
        if (source instanceof CompletableFuture<?> f) {
            return CompletableFutureHooks.runAfterEitherAsync(f, other, action, executor, site, c);
        }
        return source.runAfterEitherAsync(other, action, executor);
    }
}
