package dev.racelock.samples.norace;

/**
 * Twin of {@link dev.racelock.samples.race.UnsafePublication}: the reference is volatile, so the
 * write of {@code config} releases everything the publisher did before it (the constructor
 * included) to the thread whose volatile read sees it (JLS 17.4.4).
 */
// expect none
public final class VolatilePublication {

    static final class Config {
        int port;

        Config(int port) {
            this.port = port;
        }
    }

    static volatile Config config;

    public static void main(String[] args) throws InterruptedException {
        Thread writer = new Thread(() -> config = new Config(8080), "publisher");
        int[] portSeen = new int[1];
        Thread reader = new Thread(() -> {
            Config c;
            while ((c = config) == null) {
                Thread.yield();
            }
            portSeen[0] = c.port;
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("reader saw port " + portSeen[0]);
    }
}
