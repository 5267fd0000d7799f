package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.ThreadContext;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A CompletableFuture callback (or async supplier/runnable), wrapped so that its body is ordered
 * after the hand-off and what comes after its completion is ordered after its body: at the start
 * it acquires the tokens released at registration and by the stages it depends on; at the end,
 * normally or by an exception, it releases its own token (which the returned stage is bound to),
 * before the JDK can mark the stage complete. A CompletableFuture never shows its callbacks to
 * the program, so the wrapper changes nothing it can see; tasks given to executors are never
 * wrapped (ExecutorHooks). One class for every functional shape the hooks wrap (so javac's
 * "overloads" lint, about Consumer.andThen and Function.andThen, does not apply: nobody calls them).
 */
@SuppressWarnings("overloads")
class TracedTask implements Runnable, Supplier<Object>, Function<Object, Object>, Consumer<Object> {
    final Object body;
    private final long[] acquireAtStart;
    final long token;
    private final int site;

    /**
     * A thenCompose callback: the stage it returns completes the dependent stage, so retrieving
     * that stage also acquires the returned stage's completion (HandOffTokens.dependsOn).
     */
    boolean composes;

    /**
     * The either forms (applyToEither, acceptEither, runAfterEither): the callback runs after one
     * of two sources completed, which one is unknown. At its start it acquires the completion of
     * each source that is done by then: that source's completion happened-before (isDone reads
     * the volatile result the JDK wrote after the source's end released its tokens); acquiring a
     * source that is not done would order what is not ordered.
     */
    CompletableFuture<?>[] eitherSources;
    long[][] eitherTokens;

    TracedTask(Object body, long[] acquireAtStart, long token, int site) {
        this.body = body;
        this.acquireAtStart = acquireAtStart;
        this.token = token;
        this.site = site;
    }

    /** For two-argument callbacks (a separate class: BiFunction and Function clash on andThen). */
    static final class Pair implements BiFunction<Object, Object, Object>, BiConsumer<Object, Object> {
        final TracedTask task;

        Pair(TracedTask task) {
            this.task = task;
        }

        @Override
        public Object apply(Object first, Object second) {
            return task.call(Shape.APPLY_PAIR, first, second);
        }

        @Override
        public void accept(Object first, Object second) {
            task.call(Shape.ACCEPT_PAIR, first, second);
        }
    }

    /** The functional method the JDK called, which {@link #call} calls on the body. */
    private enum Shape { RUN, GET, APPLY, ACCEPT, APPLY_PAIR, ACCEPT_PAIR }

    /**
     * The body, called as {@code shape} says, between {@link #begin} and {@link #end}: the one
     * place every functional method goes through, so the end runs however the body ends (the
     * class comment). Called once per callback; the switch allocates nothing.
     */
    @SuppressWarnings("unchecked")
    private Object call(Shape shape, Object first, Object second) {
        ThreadContext c = begin();
        try {
            switch (shape) {
                case RUN -> ((Runnable) body).run();
                case ACCEPT -> ((Consumer<Object>) body).accept(first);
                case ACCEPT_PAIR -> ((BiConsumer<Object, Object>) body).accept(first, second);
                case GET -> {
                    return ((Supplier<Object>) body).get();
                }
                case APPLY -> {
                    Object result = ((Function<Object, Object>) body).apply(first);
                    if (composes && result != null) {
                        HandOffTokens.dependsOn(token, HandOffTokens.completionTokens(result, c));
                    }
                    return result;
                }
                case APPLY_PAIR -> {
                    return ((BiFunction<Object, Object, Object>) body).apply(first, second);
                }
            }
            return null;
        } finally {
            end(c);
        }
    }

    private ThreadContext begin() {
        ThreadContext c = Recording.context();
        for (long t : acquireAtStart) {
            HandOffTokens.acquire(t, site, c);
        }
        if (eitherSources != null) {
            for (int i = 0; i < eitherSources.length; i++) {
                if (eitherSources[i].isDone()) {
                    for (long t : eitherTokens[i]) {
                        HandOffTokens.acquire(t, site, c);
                    }
                }
            }
        }
        return c;
    }

    private void end(ThreadContext c) {
        c.recorder.hbRelease(token, site);
    }

    @Override
    public void run() {
        call(Shape.RUN, null, null);
    }

    @Override
    public Object get() {
        return call(Shape.GET, null, null);
    }

    @Override
    public Object apply(Object value) {
        return call(Shape.APPLY, value, null);
    }

    @Override
    public void accept(Object value) {
        call(Shape.ACCEPT, value, null);
    }
}
