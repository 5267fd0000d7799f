package dev.racelock.samples.juc;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * JDK 21+ (compiled separately: src/main/java21). Tasks given to a virtual-thread-per-task
 * executor with {@code execute} (no Future) each fill their own slot of {@code squares} from
 * {@code base}, written before; the submitter reads the slots after {@code close()}, which waits
 * for every task. Twin: {@link VirtualExecutorReadBeforeClose}.
 */
// requires juc
// expect none
public final class VirtualExecutorClose {
    static int base;
    static int[] squares = new int[4];

    public static void main(String[] args) {
        base = 10;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < squares.length; i++) {
                int slot = i;
                executor.execute(() -> squares[slot] = (base + slot) * (base + slot));
            }
        }
        int sum = 0;
        for (int square : squares) {
            sum += square;
        }
        System.out.println("sum of squares " + sum);
    }
}
