package dev.racelock.samples.race;

import java.util.BitSet;

/**
 * Bug: slot allocation in a shared {@link BitSet} without a lock (its javadoc: "A BitSet is not
 * safe for multithreaded use without external synchronization"): two threads can find the same
 * clear bit and both take it.
 * Fix: {@link dev.racelock.samples.norace.BitSetUnderLock}.
 */
public final class SharedBitSet {

    static final class Slots {
        private final BitSet used = new BitSet();

        int take() {
            int slot = used.nextClearBit(0); // expect race(read, Slots.used)
            used.set(slot); // expect race(write, Slots.used, check-then-act)
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
