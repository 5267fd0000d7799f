package dev.racelock.samples.norace;

/**
 * Twin of {@link dev.racelock.samples.race.MutableSharedConfig}: the configuration is immutable
 * (final fields). Main "changes" it by building a new object that the reader never sees; the
 * reader's copy was handed over by {@code Thread.start}, and nobody writes it afterwards.
 */
// expect none
public final class ImmutableSharedConfig {

    static final class Config {
        final String host;
        final int port;

        Config(String host, int port) {
            this.host = host;
            this.port = port;
        }

        Config withPort(int newPort) {
            return new Config(host, newPort);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Config config = new Config("localhost", 8080);
        String[] seen = new String[1];
        Thread reader = new Thread(() -> seen[0] = config.host + ":" + config.port, "reader");
        reader.start();
        Config updated = config.withPort(9090);
        reader.join();
        System.out.println("reader saw " + seen[0] + "; main now uses " + updated.host + ":" + updated.port);
    }
}
