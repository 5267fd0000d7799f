package dev.racelock.samples.juc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A ThreadPoolExecutor that inspects its tasks: beforeExecute and afterExecute must see exactly
 * the Runnable given to execute (and the FutureTask submit made), a queued task must be found in
 * getQueue() and removed by remove(task). The recorder must change none of it: the printed lines
 * are the same with and without the agent (JucSamplesIT). {@code input} is written before
 * execute, {@code output} read after awaitTermination: no race. Twin:
 * {@link ExecutorSeesItsTaskReadEarly}.
 */
// requires juc
// expect none
public final class ExecutorSeesItsTask {
    static int input;
    static int output;

    /** Remembers every task beforeExecute and afterExecute were given, in order. */
    static final class InspectingExecutor extends ThreadPoolExecutor {
        final List<Runnable> before = new ArrayList<>();
        final List<Runnable> after = new ArrayList<>();

        InspectingExecutor() {
            super(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        }

        @Override
        protected void beforeExecute(Thread t, Runnable r) {
            synchronized (this) {
                before.add(r);
            }
        }

        @Override
        protected void afterExecute(Runnable r, Throwable t) {
            synchronized (this) {
                after.add(r);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        InspectingExecutor executor = new InspectingExecutor();
        CountDownLatch release = new CountDownLatch(1);
        Runnable blocker = () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        executor.execute(blocker);
        Runnable dropped = () -> System.out.println("never runs");
        executor.execute(dropped); // stays queued: the only worker is blocked
        System.out.println("queued task in getQueue(): " + executor.getQueue().contains(dropped));
        System.out.println("remove(task): " + executor.remove(dropped));
        input = 21;
        Runnable work = () -> output = input * 2;
        executor.execute(work);
        Future<?> future = executor.submit(() -> 1);
        System.out.println("submit's FutureTask in getQueue(): " + executor.getQueue().contains(future));
        release.countDown();
        executor.shutdown();
        System.out.println("terminated: " + executor.awaitTermination(1, TimeUnit.MINUTES));
        List<Runnable> expected = List.of(blocker, work, (Runnable) future);
        synchronized (executor) {
            System.out.println("beforeExecute saw exactly the submitted tasks: " + same(expected, executor.before));
            System.out.println("afterExecute saw exactly the submitted tasks: " + same(expected, executor.after));
        }
        System.out.println("output " + output);
    }

    private static boolean same(List<Runnable> expected, List<Runnable> seen) {
        if (expected.size() != seen.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i) != seen.get(i)) {
                return false;
            }
        }
        return true;
    }
}
