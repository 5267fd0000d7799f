package dev.racelock.samples.race;

/**
 * Bug: an object is published through a plain field. The reader can see the reference before the
 * constructor's writes, i.e. a half-built {@code Config}: both the reference and the field it
 * then reads race with the writer.
 * Fix: {@link dev.racelock.samples.norace.VolatilePublication} (also AtomicFlagPublication,
 * LatchHandOff, WaitNotifyHandOff).
 */
public final class UnsafePublication {

    static final class Config {
        int port;

        Config(int port) {
            this.port = port; // expect race(write, Config.port)
        }
    }

    static Config config;

    public static void main(String[] args) throws InterruptedException {
        Thread writer = new Thread(() -> config = new Config(8080), "publisher"); // expect race(write, UnsafePublication.config)
        int[] portSeen = new int[1];
        Thread reader = new Thread(() -> {
            Config c;
            // Spins in real time only; the reads are racy on purpose (they are the bug) and the
            // yield is an opaque call, so the JIT cannot hoist the read out of the loop.
            while ((c = config) == null) { // expect race(read, UnsafePublication.config)
                Thread.yield();
            }
            portSeen[0] = c.port; // expect race(read, Config.port)
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("reader saw port " + portSeen[0]);
    }
}
