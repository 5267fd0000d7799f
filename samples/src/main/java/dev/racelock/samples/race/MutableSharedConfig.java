package dev.racelock.samples.race;

/**
 * Bug: a configuration object shared with a running thread is changed in place; the reader's
 * reads and the writer's updates are unordered.
 * Fix: {@link dev.racelock.samples.norace.ImmutableSharedConfig}: an immutable object (final
 * fields) that is replaced, never changed.
 */
public final class MutableSharedConfig {

    static final class Config {
        String host = "localhost";
        int port = 8080;
    }

    public static void main(String[] args) throws InterruptedException {
        Config config = new Config();
        String[] seen = new String[1];
        Thread reader = new Thread(() -> seen[0] = config.host + ":" + config.port, "reader"); // expect race(read, Config.port)
        reader.start();
        config.port = 9090; // expect race(write, Config.port)
        reader.join();
        System.out.println("reader saw " + seen[0]);
    }
}
