package dev.racelock.samples.juc;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;

/**
 * Bug: the main thread cancels a task that is already running and reads what the task writes,
 * trusting {@code isCancelled()}; cancelling does not stop the running task, whose later write is
 * ordered before nothing. Fix: {@link FutureStateHandOff} (read only what a done task wrote).
 */
// requires juc
public final class FutureStateReadEarly {
    static int partial;

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        FutureTask<Void> task = new FutureTask<>(() -> {
            started.countDown();
            proceed.await();
            partial = 1; // expect race(write, FutureStateReadEarly.partial)
            return null;
        });
        Thread runner = new Thread(task, "runner");
        runner.start();
        started.await();
        task.cancel(false);
        proceed.countDown();
        if (task.isCancelled()) {
            System.out.println("partial " + partial); // expect race(read, FutureStateReadEarly.partial)
        }
        runner.join();
    }
}
