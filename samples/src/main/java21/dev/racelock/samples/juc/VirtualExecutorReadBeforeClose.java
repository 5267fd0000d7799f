package dev.racelock.samples.juc;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * JDK 21+. Bug: {@link VirtualExecutorClose} reading the last task's slot before {@code close()},
 * so nothing orders that task's write before the read.
 */
// requires juc
public final class VirtualExecutorReadBeforeClose {
    static int base;
    static int[] squares = new int[4];

    public static void main(String[] args) {
        base = 10;
        int early;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < squares.length; i++) {
                int slot = i;
                executor.execute(() -> squares[slot] = (base + slot) * (base + slot)); // expect race(write, VirtualExecutorReadBeforeClose.squares[])
            }
            early = squares[squares.length - 1]; // expect race(read, VirtualExecutorReadBeforeClose.squares[])
        }
        System.out.println("last square read early: " + (early >= 0));
    }
}
