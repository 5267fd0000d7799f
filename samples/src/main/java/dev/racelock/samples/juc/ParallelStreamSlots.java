package dev.racelock.samples.juc;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

/**
 * A parallel forEach whose two elements run in two threads (the barrier makes both wait for
 * each other, so the caller and a common-pool worker each take one): each writes its own slot
 * of {@code slots}, the caller reads both after forEach returned. The workers' actions
 * happen-before the terminal operation returns: no race. Twin: {@link ParallelStreamSharedTotal}.
 */
// requires juc
// expect none
public final class ParallelStreamSlots {
    static int base;
    static int[] slots;

    public static void main(String[] args) {
        base = 40;
        slots = new int[2];
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        IntStream.range(0, 2).parallel().forEach(i -> {
            meet(bothRunning);
            slots[i] = base + i;
        });
        System.out.println("slots " + slots[0] + " " + slots[1]);
    }

    /** Both elements are in flight at once, in different threads (or, if the pool cannot, not). */
    static void meet(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BrokenBarrierException | TimeoutException e) {
            // one thread ran both elements: nothing to meet
        }
    }
}
