package dev.racelock.samples.norace;

/**
 * Twin of {@link dev.racelock.samples.race.DataReadAfterRacyFlag} and
 * {@link dev.racelock.samples.race.IndependentRaceAfterRacyFlag}: the writer fills in the data,
 * then raises a volatile flag. A volatile write comes before every read that sees it (JLS
 * 17.4.4), so the data write is ordered before the reader's use of it.
 */
// expect none
public final class VolatileReadyFlag {

    static int data;
    static volatile boolean ready;

    public static void main(String[] args) throws InterruptedException {
        Thread writer = new Thread(() -> {
            data = 42;
            ready = true;
        }, "writer");
        int[] seen = new int[2];
        Thread reader = new Thread(() -> {
            while (!ready) {
                Thread.yield();
            }
            synchronized (seen) {
                seen[1]++;
            }
            if (ready) {
                seen[0] = data;
            }
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("reader saw " + seen[0]);
    }
}
