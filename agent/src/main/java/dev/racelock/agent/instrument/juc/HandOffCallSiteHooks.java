package dev.racelock.agent.instrument.juc;

import dev.racelock.agent.instrument.CallSiteHooks.Hook;
import dev.racelock.agent.instrument.CallSiteHooks.OwnerMatch;
import dev.racelock.agent.instrument.CallSiteHooks;
import dev.racelock.agent.runtime.juc.CollectionHooks;
import dev.racelock.agent.runtime.juc.CompletableFutureHooks;
import dev.racelock.agent.runtime.juc.CompletionStageHooks;
import dev.racelock.agent.runtime.juc.ExecutorHooks;
import dev.racelock.agent.runtime.juc.ForkJoinHooks;
import dev.racelock.agent.runtime.juc.FutureStateHooks;
import dev.racelock.agent.runtime.juc.IterationHooks;
import dev.racelock.agent.runtime.juc.MapComputeHooks;
import dev.racelock.agent.runtime.juc.SynchronizerHooks;

/**
 * The java.util.concurrent hand-off entries of the call-site table: executors and futures,
 * CompletableFuture, CountDownLatch, Semaphore, CyclicBarrier (also its barrier action, a
 * constructor-argument filter), concurrent queues and maps and their iteration (runtime classes
 * ExecutorHooks, CompletableFutureHooks, SynchronizerHooks, CollectionHooks, MapComputeHooks,
 * IterationHooks).
 */
final class HandOffCallSiteHooks {
    private static final String JUC = "java/util/concurrent/";
    private static final String OBJECT = "Ljava/lang/Object;";
    private static final String TIME_UNIT = "L" + JUC + "TimeUnit;";
    private static final String RUNNABLE = "Ljava/lang/Runnable;";
    private static final String CALLABLE = "L" + JUC + "Callable;";
    private static final String FUTURE = "L" + JUC + "Future;";
    private static final String COLLECTION = "Ljava/util/Collection;";
    private static final String CF = JUC + "CompletableFuture";
    private static final String CF_DESC = "L" + CF + ";";
    private static final String FN = "Ljava/util/function/";

    private HandOffCallSiteHooks() {}

    static void addTo(CallSiteHooks table) {
        executors(table);
        completableFuture(table);
        synchronizers(table);
        barriers(table);
        forkJoin(table);
        collections(table);
        iteration(table);
    }

    private static void executors(CallSiteHooks table) {
        Class<?> hooks = ExecutorHooks.class;
        JucCallSiteHooks.instance(table, JUC + "Executor", OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"execute", "(" + RUNNABLE + ")V", "execute"},
        });
        JucCallSiteHooks.instance(table, JUC + "ExecutorService", OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"submit", "(" + CALLABLE + ")" + FUTURE, "submit"},
            {"submit", "(" + RUNNABLE + ")" + FUTURE, "submit"},
            {"submit", "(" + RUNNABLE + OBJECT + ")" + FUTURE, "submit"},
            {"invokeAll", "(" + COLLECTION + ")Ljava/util/List;", "invokeAll"},
            {"invokeAll", "(" + COLLECTION + "J" + TIME_UNIT + ")Ljava/util/List;", "invokeAll"},
            {"invokeAny", "(" + COLLECTION + ")" + OBJECT, "invokeAny"},
            {"invokeAny", "(" + COLLECTION + "J" + TIME_UNIT + ")" + OBJECT, "invokeAny"},
            {"awaitTermination", "(J" + TIME_UNIT + ")Z", "awaitTermination"},
        });
        // close() is ExecutorService's from JDK 19; the hook calls it through AutoCloseable
        table.register(new Hook(JUC + "ExecutorService", OwnerMatch.SUBTYPES, "close", "()V", true,
                "java/lang/AutoCloseable", hooks, "close"));
        String scheduled = "L" + JUC + "ScheduledFuture;";
        JucCallSiteHooks.instance(table, JUC + "ScheduledExecutorService", OwnerMatch.SUBTYPES, hooks,
                new String[][] {
                    {"schedule", "(" + RUNNABLE + "J" + TIME_UNIT + ")" + scheduled, "schedule"},
                    {"schedule", "(" + CALLABLE + "J" + TIME_UNIT + ")" + scheduled, "schedule"},
                    {"scheduleAtFixedRate", "(" + RUNNABLE + "JJ" + TIME_UNIT + ")" + scheduled,
                        "scheduleAtFixedRate"},
                    {"scheduleWithFixedDelay", "(" + RUNNABLE + "JJ" + TIME_UNIT + ")" + scheduled,
                        "scheduleWithFixedDelay"},
                });
        // an executor of the program's own starting a task it was handed (ExecutorHooks.run)
        JucCallSiteHooks.instance(table, "java/lang/Runnable", OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"run", "()V", "run"},
        });
        JucCallSiteHooks.instance(table, JUC + "Callable", OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"call", "()" + OBJECT, "call"},
        });
        JucCallSiteHooks.instance(table, JUC + "Future", OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"get", "()" + OBJECT, "get"},
            {"get", "(J" + TIME_UNIT + ")" + OBJECT, "get"},
        });
        JucCallSiteHooks.instance(table, JUC + "Future", OwnerMatch.SUBTYPES, FutureStateHooks.class, new String[][] {
            {"isDone", "()Z", "isDone"},
            {"isCancelled", "()Z", "isCancelled"},
            {"cancel", "(Z)Z", "cancel"},
        });
    }

    /**
     * The callback-registering methods of CompletionStage, each also declared by
     * CompletableFuture: {name, callback type, whether it takes another stage first}. Each comes
     * in three forms: {@code name(...)}, {@code nameAsync(...)} and {@code nameAsync(..., Executor)}.
     */
    private static final String[][] STAGE_METHODS = {
        {"thenApply", FN + "Function;", ""},
        {"thenAccept", FN + "Consumer;", ""},
        {"thenRun", RUNNABLE, ""},
        {"handle", FN + "BiFunction;", ""},
        {"whenComplete", FN + "BiConsumer;", ""},
        {"thenCompose", FN + "Function;", ""},
        {"exceptionally", FN + "Function;", ""},
        {"exceptionallyCompose", FN + "Function;", ""},
        {"thenCombine", FN + "BiFunction;", "other"},
        {"thenAcceptBoth", FN + "BiConsumer;", "other"},
        {"runAfterBoth", RUNNABLE, "other"},
        {"applyToEither", FN + "Function;", "other"},
        {"acceptEither", FN + "Consumer;", "other"},
        {"runAfterEither", RUNNABLE, "other"},
    };

    private static void completableFuture(CallSiteHooks table) {
        Class<?> hooks = CompletableFutureHooks.class;
        String executor = "L" + JUC + "Executor;";
        String stage = "L" + JUC + "CompletionStage;";
        JucCallSiteHooks.statics(table, CF, hooks, new String[][] {
            {"supplyAsync", "(" + FN + "Supplier;)" + CF_DESC, "supplyAsync"},
            {"supplyAsync", "(" + FN + "Supplier;" + executor + ")" + CF_DESC, "supplyAsync"},
            {"runAsync", "(" + RUNNABLE + ")" + CF_DESC, "runAsync"},
            {"runAsync", "(" + RUNNABLE + executor + ")" + CF_DESC, "runAsync"},
            {"allOf", "([" + CF_DESC + ")" + CF_DESC, "allOf"},
            {"anyOf", "([" + CF_DESC + ")" + CF_DESC, "anyOf"},
        });
        JucCallSiteHooks.instance(table, CF, OwnerMatch.SUBCLASSES, hooks, new String[][] {
            {"complete", "(" + OBJECT + ")Z", "complete"},
            {"completeExceptionally", "(Ljava/lang/Throwable;)Z", "completeExceptionally"},
            {"join", "()" + OBJECT, "join"},
            {"getNow", "(" + OBJECT + ")" + OBJECT, "getNow"},
            {"completeAsync", "(" + FN + "Supplier;)" + CF_DESC, "completeAsync"},
            {"completeAsync", "(" + FN + "Supplier;" + executor + ")" + CF_DESC, "completeAsync"},
        });
        for (String[] m : STAGE_METHODS) {
            String args = (m[2].isEmpty() ? "" : stage) + m[1];
            String[][] forms = {{m[0], args}, {m[0] + "Async", args}, {m[0] + "Async", args + executor}};
            for (String[] form : forms) {
                String name = form[0];
                JucCallSiteHooks.instance(table, CF, OwnerMatch.SUBCLASSES, hooks, new String[][] {
                    {name, "(" + form[1] + ")" + CF_DESC, name},
                });
                // a CompletableFuture behind the interface is recorded as above (CompletionStageHooks)
                JucCallSiteHooks.instance(table, JUC + "CompletionStage", OwnerMatch.EXACT,
                        CompletionStageHooks.class, new String[][] {
                            {name, "(" + form[1] + ")" + stage, name},
                        });
            }
        }
        // Future.resultNow/exceptionNow exist from JDK 19; the agent (Java 17 bytecode) calls them
        // through method handles, so it hooks them only on a JDK that has them (on an older one a
        // call site naming them calls some class's own method, which promises nothing)
        if (Runtime.version().feature() >= 19) {
            JucCallSiteHooks.instance(table, JUC + "Future", OwnerMatch.SUBTYPES, FutureStateHooks.class,
                    new String[][] {
                        {"resultNow", "()" + OBJECT, "resultNow"},
                        {"exceptionNow", "()Ljava/lang/Throwable;", "exceptionNow"},
                    });
        }
    }

    private static void synchronizers(CallSiteHooks table) {
        Class<?> hooks = SynchronizerHooks.class;
        JucCallSiteHooks.instance(table, JUC + "CountDownLatch", OwnerMatch.SUBCLASSES, hooks, new String[][] {
            {"countDown", "()V", "countDown"},
            {"await", "()V", "await"},
            {"await", "(J" + TIME_UNIT + ")Z", "await"},
        });
        JucCallSiteHooks.instance(table, JUC + "Semaphore", OwnerMatch.SUBCLASSES, hooks, new String[][] {
            {"release", "()V", "release"},
            {"release", "(I)V", "release"},
            {"acquire", "()V", "acquire"},
            {"acquire", "(I)V", "acquire"},
            {"acquireUninterruptibly", "()V", "acquireUninterruptibly"},
            {"acquireUninterruptibly", "(I)V", "acquireUninterruptibly"},
            {"tryAcquire", "()Z", "tryAcquire"},
            {"tryAcquire", "(I)Z", "tryAcquire"},
            {"tryAcquire", "(J" + TIME_UNIT + ")Z", "tryAcquire"},
            {"tryAcquire", "(IJ" + TIME_UNIT + ")Z", "tryAcquire"},
        });
    }

    private static void barriers(CallSiteHooks table) {
        Class<?> hooks = SynchronizerHooks.class;
        JucCallSiteHooks.instance(table, JUC + "CyclicBarrier", OwnerMatch.SUBCLASSES, hooks, new String[][] {
            {"await", "()I", "await"},
            {"await", "(J" + TIME_UNIT + ")I", "await"},
            {"reset", "()V", "reset"},
        });
        table.register(new CallSiteHooks.ArgumentFilter(JUC + "CyclicBarrier", "(I" + RUNNABLE + ")V", hooks,
                "barrierAction"));
        JucCallSiteHooks.instance(table, JUC + "Phaser", OwnerMatch.SUBCLASSES, hooks, new String[][] {
            {"arrive", "()I", "arrive"},
            {"arriveAndDeregister", "()I", "arriveAndDeregister"},
            {"arriveAndAwaitAdvance", "()I", "arriveAndAwaitAdvance"},
            {"awaitAdvance", "(I)I", "awaitAdvance"},
            {"awaitAdvanceInterruptibly", "(I)I", "awaitAdvanceInterruptibly"},
        });
        // a Phaser subclass's onAdvance runs between the last arrival and the advance (Phaser's note)
        table.register(new CallSiteHooks.BodyHook(JUC + "Phaser", "onAdvance", "(II)", hooks, "onAdvanceBegin",
                "onAdvanceEnd"));
        JucCallSiteHooks.instance(table, JUC + "Exchanger", OwnerMatch.SUBCLASSES, hooks, new String[][] {
            {"exchange", "(" + OBJECT + ")" + OBJECT, "exchange"},
            {"exchange", "(" + OBJECT + "J" + TIME_UNIT + ")" + OBJECT, "exchange"},
        });
    }

    private static void forkJoin(CallSiteHooks table) {
        Class<?> hooks = ForkJoinHooks.class;
        String task = JUC + "ForkJoinTask";
        String taskDesc = "L" + task + ";";
        JucCallSiteHooks.instance(table, task, OwnerMatch.SUBCLASSES, hooks, new String[][] {
            {"fork", "()" + taskDesc, "fork"},
            {"join", "()" + OBJECT, "join"},
            {"invoke", "()" + OBJECT, "invoke"},
        });
        JucCallSiteHooks.statics(table, task, hooks, new String[][] {
            {"invokeAll", "(" + taskDesc + taskDesc + ")V", "invokeAll"},
            {"invokeAll", "([" + taskDesc + ")V", "invokeAll"},
            {"invokeAll", "(" + COLLECTION + ")" + COLLECTION, "invokeAll"},
        });
        JucCallSiteHooks.instance(table, JUC + "ForkJoinPool", OwnerMatch.SUBCLASSES, hooks, new String[][] {
            {"invoke", "(" + taskDesc + ")" + OBJECT, "invoke"},
            {"submit", "(" + taskDesc + ")" + taskDesc, "submit"},
            {"execute", "(" + taskDesc + ")V", "execute"},
        });
    }

    /** Iterators, forEach, streams and map views of concurrent collections (IterationHooks). */
    private static void iteration(CallSiteHooks table) {
        Class<?> hooks = IterationHooks.class;
        String set = "Ljava/util/Set;";
        String navigable = "Ljava/util/NavigableSet;";
        String stream = "Ljava/util/stream/Stream;";
        JucCallSiteHooks.instance(table, "java/lang/Iterable", OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"iterator", "()Ljava/util/Iterator;", "iterator"},
            {"forEach", "(" + FN + "Consumer;)V", "forEach"},
        });
        JucCallSiteHooks.instance(table, "java/util/Iterator", OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"next", "()" + OBJECT, "next"},
        });
        JucCallSiteHooks.instance(table, "java/util/Collection", OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"stream", "()" + stream, "stream"},
            {"parallelStream", "()" + stream, "parallelStream"},
        });
        JucCallSiteHooks.instance(table, "java/util/Map", OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"keySet", "()" + set, "keySet"},
            {"entrySet", "()" + set, "entrySet"},
            {"forEach", "(" + FN + "BiConsumer;)V", "forEach"},
        });
        JucCallSiteHooks.instance(table, JUC + "ConcurrentHashMap", OwnerMatch.SUBCLASSES, hooks, new String[][] {
            {"keySet", "()L" + JUC + "ConcurrentHashMap$KeySetView;", "keySet"},
        });
        JucCallSiteHooks.instance(table, JUC + "ConcurrentNavigableMap", OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"keySet", "()" + navigable, "keySet"},
            {"navigableKeySet", "()" + navigable, "navigableKeySet"},
            {"descendingKeySet", "()" + navigable, "descendingKeySet"},
        });
    }

    private static void collections(CallSiteHooks table) {
        Class<?> hooks = CollectionHooks.class;
        // a set over a ConcurrentMap keeps the map's hand-offs (CollectionHooks.newSetFromMap)
        JucCallSiteHooks.statics(table, "java/util/Collections", hooks, new String[][] {
            {"newSetFromMap", "(Ljava/util/Map;)Ljava/util/Set;", "newSetFromMap"},
        });
        JucCallSiteHooks.instance(table, "java/util/Queue", OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"offer", "(" + OBJECT + ")Z", "offer"},
            {"add", "(" + OBJECT + ")Z", "add"},
            {"poll", "()" + OBJECT, "poll"},
            {"remove", "()" + OBJECT, "remove"},
            {"peek", "()" + OBJECT, "peek"},
            {"element", "()" + OBJECT, "element"},
        });
        JucCallSiteHooks.instance(table, JUC + "BlockingQueue", OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"put", "(" + OBJECT + ")V", "put"},
            {"offer", "(" + OBJECT + "J" + TIME_UNIT + ")Z", "offer"},
            {"take", "()" + OBJECT, "take"},
            {"poll", "(J" + TIME_UNIT + ")" + OBJECT, "poll"},
            {"drainTo", "(" + COLLECTION + ")I", "drainTo"},
            {"drainTo", "(" + COLLECTION + "I)I", "drainTo"},
        });
        JucCallSiteHooks.instance(table, JUC + "TransferQueue", OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"transfer", "(" + OBJECT + ")V", "transfer"},
            {"tryTransfer", "(" + OBJECT + ")Z", "tryTransfer"},
            {"tryTransfer", "(" + OBJECT + "J" + TIME_UNIT + ")Z", "tryTransfer"},
        });
        JucCallSiteHooks.instance(table, "java/util/Deque", OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"offerFirst", "(" + OBJECT + ")Z", "offerFirst"},
            {"offerLast", "(" + OBJECT + ")Z", "offerLast"},
            {"addFirst", "(" + OBJECT + ")V", "addFirst"},
            {"addLast", "(" + OBJECT + ")V", "addLast"},
            {"push", "(" + OBJECT + ")V", "push"},
            {"pollFirst", "()" + OBJECT, "pollFirst"},
            {"pollLast", "()" + OBJECT, "pollLast"},
            {"removeFirst", "()" + OBJECT, "removeFirst"},
            {"removeLast", "()" + OBJECT, "removeLast"},
            {"pop", "()" + OBJECT, "pop"},
            {"peekFirst", "()" + OBJECT, "peekFirst"},
            {"peekLast", "()" + OBJECT, "peekLast"},
        });
        JucCallSiteHooks.instance(table, JUC + "BlockingDeque", OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"putFirst", "(" + OBJECT + ")V", "putFirst"},
            {"putLast", "(" + OBJECT + ")V", "putLast"},
            {"takeFirst", "()" + OBJECT, "takeFirst"},
            {"takeLast", "()" + OBJECT, "takeLast"},
        });
        // lists and sets after the Queue entries: a queue's add goes to the queue hook
        JucCallSiteHooks.instance(table, "java/util/Collection", OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"add", "(" + OBJECT + ")Z", "add"},
            {"addAll", "(" + COLLECTION + ")Z", "addAll"},
            {"contains", "(" + OBJECT + ")Z", "contains"},
            {"remove", "(" + OBJECT + ")Z", "remove"},
        });
        JucCallSiteHooks.instance(table, "java/util/List", OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"get", "(I)" + OBJECT, "get"},
        });
        String bi = FN + "BiFunction;";
        JucCallSiteHooks.instance(table, "java/util/Map", OwnerMatch.SUBTYPES, hooks, new String[][] {
            {"put", "(" + OBJECT + OBJECT + ")" + OBJECT, "put"},
            {"putIfAbsent", "(" + OBJECT + OBJECT + ")" + OBJECT, "putIfAbsent"},
            {"get", "(" + OBJECT + ")" + OBJECT, "get"},
            {"getOrDefault", "(" + OBJECT + OBJECT + ")" + OBJECT, "getOrDefault"},
            {"containsKey", "(" + OBJECT + ")Z", "containsKey"},
            {"remove", "(" + OBJECT + ")" + OBJECT, "remove"},
        });
        JucCallSiteHooks.instance(table, "java/util/Map", OwnerMatch.SUBTYPES, MapComputeHooks.class, new String[][] {
            {"computeIfAbsent", "(" + OBJECT + FN + "Function;)" + OBJECT, "computeIfAbsent"},
            {"computeIfPresent", "(" + OBJECT + bi + ")" + OBJECT, "computeIfPresent"},
            {"compute", "(" + OBJECT + bi + ")" + OBJECT, "compute"},
            {"merge", "(" + OBJECT + OBJECT + bi + ")" + OBJECT, "merge"},
            {"replace", "(" + OBJECT + OBJECT + ")" + OBJECT, "replace"},
            {"replace", "(" + OBJECT + OBJECT + OBJECT + ")Z", "replace"},
            {"remove", "(" + OBJECT + OBJECT + ")Z", "remove"},
        });
    }
}
