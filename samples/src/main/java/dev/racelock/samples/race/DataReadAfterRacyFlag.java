package dev.racelock.samples.race;

/**
 * Bug: a writer fills in {@code data}, then raises a plain {@code ready} flag; a reader waits for
 * the flag, then uses the data. Both fields race, but the race on {@code data} can only happen
 * after the one on {@code ready}: in every schedule in which the reader sees the flag raised, the
 * write of {@code data} came before that (schedulable happens-before: a read comes after the write
 * it saw). So it is one bug: the race on {@code ready}, with the race on {@code data} listed under
 * it as a race that followed it, not as a finding of its own; making {@code ready} volatile fixes
 * both. Twin with a race that does not follow: {@link IndependentRaceAfterRacyFlag}.
 * Fix: {@link dev.racelock.samples.norace.VolatileReadyFlag}.
 *
 * <p>The reader counts its rounds under a lock of its own (which orders nothing with the writer)
 * before it checks the flag again: the trace records plain accesses only in order with
 * synchronization events, and this one places the reader's second look at the flag, and its use
 * of the data, after the write it saw, whatever the schedule.
 */
public final class DataReadAfterRacyFlag {

    static int data;
    static boolean ready;

    public static void main(String[] args) throws InterruptedException {
        Thread writer = new Thread(() -> {
            data = 42; // expect consequence(write, DataReadAfterRacyFlag.data)
            ready = true; // expect race(write, DataReadAfterRacyFlag.ready)
        }, "writer");
        int[] seen = new int[2];
        Thread reader = new Thread(() -> {
            // Spins in real time only; the yield is an opaque call, so the JIT cannot hoist the read.
            while (!ready) { // expect race(read, DataReadAfterRacyFlag.ready)
                Thread.yield();
            }
            synchronized (seen) {
                seen[1]++;
            }
            if (ready) { // expect race(read, DataReadAfterRacyFlag.ready)
                seen[0] = data; // expect consequence(read, DataReadAfterRacyFlag.data)
            }
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("reader saw " + seen[0]);
    }
}
