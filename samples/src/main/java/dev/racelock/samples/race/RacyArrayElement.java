package dev.racelock.samples.race;

/**
 * Bug: two threads touch the same array element without synchronization, one writing it, the
 * other reading it. Races are per element: see the twin, which uses two different elements.
 * Fix: {@link dev.racelock.samples.norace.DisjointArrayElements}.
 */
// requires object-names
public final class RacyArrayElement {

    static final int[] slots = new int[4];

    public static void main(String[] args) throws InterruptedException {
        int[] seen = new int[1];
        Thread writer = new Thread(() -> slots[2] = 42, "writer"); // expect race(write, RacyArrayElement.slots[])
        Thread reader = new Thread(() -> seen[0] = slots[2], "reader"); // expect race(read, RacyArrayElement.slots[])
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("reader saw " + seen[0]);
    }
}
