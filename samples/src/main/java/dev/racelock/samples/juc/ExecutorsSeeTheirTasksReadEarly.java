package dev.racelock.samples.juc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Bug: {@link ExecutorsSeeTheirTasks} reading {@code forked} before the ForkJoinPool task's
 * Future.get, so nothing orders the task's write before the read.
 */
// requires juc
public final class ExecutorsSeeTheirTasksReadEarly {
    static int base;
    static int ranked;
    static int forked;
    static int viewed;
    static int own;

    /** A task that carries a rank its executor reads. */
    interface Ranked {
        int rank();
    }

    record RankedCall(int rank) implements Callable<Integer>, Ranked {
        @Override
        public Integer call() {
            ranked += base + rank;
            return rank;
        }
    }

    /** newTaskFor must be given the caller's Callable, whatever wraps it later. */
    static final class RankingExecutor extends ThreadPoolExecutor {
        final List<Integer> ranks = new ArrayList<>();

        RankingExecutor() {
            super(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        }

        @Override
        protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
            synchronized (this) {
                ranks.add(callable instanceof Ranked r ? r.rank() : -1);
            }
            return new FutureTask<>(callable);
        }
    }

    /** An executor of the program's own: one worker, ranked tasks only. */
    static final class OwnExecutor implements Executor {
        private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
        private final Thread worker = new Thread(() -> {
            try {
                Runnable task;
                while ((task = queue.take()) != STOP) {
                    task.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        private static final Runnable STOP = () -> { };

        OwnExecutor() {
            worker.start();
        }

        @Override
        public void execute(Runnable command) {
            if (!(command instanceof Ranked)) {
                throw new IllegalArgumentException("not a ranked task: " + command.getClass().getSimpleName());
            }
            queue.add(command);
        }

        void stop() throws InterruptedException {
            queue.add(STOP);
            worker.join();
        }
    }

    record RankedRun(int rank) implements Runnable, Ranked {
        @Override
        public void run() {
            own += base + rank;
        }
    }

    public static void main(String[] args) throws Exception {
        base = 100; // read by every task: each must start after its submission
        RankingExecutor ranking = new RankingExecutor();
        List<Future<Integer>> all = ranking.invokeAll(List.of(new RankedCall(1), new RankedCall(2)));
        int sum = all.get(0).get() + all.get(1).get();
        int any = ranking.invokeAny(List.of(new RankedCall(4)));
        ranking.shutdown();
        synchronized (ranking) {
            System.out.println("newTaskFor saw the callers' tasks: " + ranking.ranks);
        }
        System.out.println("invokeAll " + sum + ", invokeAny " + any + ", ranked " + ranked);

        ForkJoinPool pool = new ForkJoinPool(2);
        Future<Integer> fromPool = pool.submit(() -> forked = base + 3, 3); // expect race(write, ExecutorsSeeTheirTasksReadEarly.forked)
        int early = forked; // expect race(read, ExecutorsSeeTheirTasksReadEarly.forked)
        System.out.println("ForkJoinPool " + fromPool.get() + ", forked early " + (early >= 0));
        pool.shutdown();

        ExecutorService view = Executors.newSingleThreadExecutor();
        Future<?> fromView = view.submit(() -> viewed = base + 5);
        fromView.get();
        System.out.println("single-thread view, viewed " + viewed);
        view.shutdown();

        OwnExecutor mine = new OwnExecutor();
        mine.execute(new RankedRun(7));
        mine.stop();
        System.out.println("own executor, own " + own);
    }
}
