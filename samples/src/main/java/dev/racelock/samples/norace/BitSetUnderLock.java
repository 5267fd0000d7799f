package dev.racelock.samples.norace;

import java.util.BitSet;

/**
 * Twin of {@link dev.racelock.samples.race.SharedBitSet}: finding and taking a slot is one
 * critical section under the allocator's monitor.
 */
// expect none
public final class BitSetUnderLock {

    static final class Slots {
        private final BitSet used = new BitSet();

        synchronized int take() {
            int slot = used.nextClearBit(0);
            used.set(slot);
            return slot;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Slots slots = new Slots();
        int[] taken = new int[2];
        Thread a = new Thread(() -> taken[0] = slots.take(), "worker-1");
        Thread b = new Thread(() -> taken[1] = slots.take(), "worker-2");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("slots " + taken[0] + " and " + taken[1]);
    }
}
