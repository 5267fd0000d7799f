package dev.racelock.samples.juc;

import java.util.concurrent.FutureTask;

/**
 * What a future's state tells: a task seen done ({@code isDone()} true, or {@code cancel}
 * returning false) has finished, and a task seen cancelled ({@code isCancelled()} true) was
 * cancelled by a thread whose earlier actions are then visible. FutureTask keeps its state in one
 * volatile variable that completion and cancellation set (JLS 17.4.4: a volatile write
 * synchronizes-with every later read of it). Twin: {@link FutureStateReadEarly}.
 */
// requires juc
// expect none
public final class FutureStateHandOff {
    static int computed;
    static int quick;
    static String reason;

    public static void main(String[] args) throws InterruptedException {
        FutureTask<Void> compute = new FutureTask<>(() -> computed = 42, null);
        new Thread(compute, "computer").start();
        while (!compute.isDone()) {
            Thread.onSpinWait();
        }
        System.out.println("computed " + computed);

        FutureTask<Void> fast = new FutureTask<>(() -> quick = 7, null);
        Thread runner = new Thread(fast, "runner");
        runner.start();
        while (runner.getState() != Thread.State.TERMINATED) { // not an edge: the cancel below is
            Thread.onSpinWait();
        }
        if (!fast.cancel(false)) {
            System.out.println("quick " + quick);
        }

        FutureTask<Void> never = new FutureTask<>(() -> { }, null);
        Thread watcher = new Thread(() -> {
            while (!never.isCancelled()) {
                Thread.onSpinWait();
            }
            System.out.println("cancelled: " + reason);
        }, "watcher");
        watcher.start();
        reason = "no longer needed";
        never.cancel(false);
        watcher.join();
    }
}
