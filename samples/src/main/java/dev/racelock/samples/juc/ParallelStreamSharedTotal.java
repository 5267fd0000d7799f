package dev.racelock.samples.juc;

import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;

/**
 * Bug: the two elements of a parallel forEach, run by two threads at once, both add to the
 * plain field {@code total}: the workers of one stream are not ordered with each other (only the
 * barrier before the update orders them, not the updates). Fix: a reduction, as in
 * {@link ParallelStreamSlots}'s distinct slots.
 */
// requires juc
public final class ParallelStreamSharedTotal {
    static int total;

    public static void main(String[] args) {
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        IntStream.range(0, 2).parallel().forEach(i -> {
            ParallelStreamSlots.meet(bothRunning);
            total += i + 1; // expect race(write, ParallelStreamSharedTotal.total)
        });
        System.out.println("total " + total);
    }
}
