package dev.racelock.samples.juc;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Each task of an {@code invokeAll} fills its own slot; the caller reads the slots after
 * {@code invokeAll} returns (every task is done then, and its actions happen-before the return).
 * Twin: {@link InvokeAllHelperNotJoined}.
 */
// requires juc
// expect none
public final class InvokeAllHandOff {
    static final int[] slots = new int[3];

    public static void main(String[] args) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(3);
        try {
            Callable<Void> first = () -> { slots[0] = 1; return null; };
            Callable<Void> second = () -> { slots[1] = 2; return null; };
            Callable<Void> third = () -> { slots[2] = 3; return null; };
            executor.invokeAll(List.of(first, second, third));
        } finally {
            executor.shutdown();
        }
        System.out.println("sum " + (slots[0] + slots[1] + slots[2]));
    }
}
