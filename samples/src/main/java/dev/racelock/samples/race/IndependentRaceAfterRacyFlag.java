package dev.racelock.samples.race;

/**
 * Bug: as {@link DataReadAfterRacyFlag}, but the writer raises the plain {@code ready} flag
 * before it writes {@code data}. Seeing the flag raised no longer means the data was written:
 * the reader can read {@code data} while it is being written, in a schedule where the race on
 * {@code ready} went the same way. Two bugs, two races: on {@code ready} and on {@code data}.
 * Fix: {@link dev.racelock.samples.norace.VolatileReadyFlag} (and write the data first).
 */
public final class IndependentRaceAfterRacyFlag {

    static int data;
    static boolean ready;

    public static void main(String[] args) throws InterruptedException {
        Thread writer = new Thread(() -> {
            ready = true; // expect race(write, IndependentRaceAfterRacyFlag.ready)
            data = 42; // expect race(write, IndependentRaceAfterRacyFlag.data)
        }, "writer");
        int[] seen = new int[2];
        Thread reader = new Thread(() -> {
            // Spins in real time only; the yield is an opaque call, so the JIT cannot hoist the read.
            while (!ready) { // expect race(read, IndependentRaceAfterRacyFlag.ready)
                Thread.yield();
            }
            synchronized (seen) { // the reader's own lock, as in DataReadAfterRacyFlag
                seen[1]++;
            }
            if (ready) { // expect race(read, IndependentRaceAfterRacyFlag.ready)
                seen[0] = data; // expect race(read, IndependentRaceAfterRacyFlag.data)
            }
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("reader saw " + seen[0]);
    }
}
