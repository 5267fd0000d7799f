package dev.racelock.samples.norace;

/**
 * Twin of {@link dev.racelock.samples.race.RacyArrayElement}: the two threads write different
 * elements of one array, which are different memory locations (JLS 17.6: no word tearing), and
 * main reads them after joining.
 */
// expect none
public final class DisjointArrayElements {

    static final int[] slots = new int[4];

    public static void main(String[] args) throws InterruptedException {
        Thread first = new Thread(() -> slots[1] = 42, "writer-1");
        Thread second = new Thread(() -> slots[2] = 43, "writer-2");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("slots hold " + slots[1] + " and " + slots[2]);
    }
}
