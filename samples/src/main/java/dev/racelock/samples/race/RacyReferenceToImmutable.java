package dev.racelock.samples.race;

/**
 * Bug: an immutable object (final fields only) published through a plain field. The reference
 * itself races: the reader may see null, or a stale object. Its final fields do not race: JLS
 * 17.5 guarantees that a thread seeing the reference to a fully constructed object sees the
 * values its constructor gave the final fields, so racelock must report the reference and nothing
 * else. Needs the analyzer to know which fields are final (capability {@code final-fields}).
 * Fix: {@link dev.racelock.samples.norace.VolatilePublication}.
 */
// requires final-fields
public final class RacyReferenceToImmutable {

    static final class Endpoint {
        final String host;
        final int port;

        Endpoint(String host, int port) {
            this.host = host;
            this.port = port;
        }
    }

    static Endpoint current;

    public static void main(String[] args) throws InterruptedException {
        Thread writer = new Thread(() -> current = new Endpoint("localhost", 8080), "publisher"); // expect race(write, RacyReferenceToImmutable.current)
        String[] seen = new String[1];
        Thread reader = new Thread(() -> {
            Endpoint e;
            // Spins in real time only: the racy read is the bug; yield keeps the JIT from hoisting it.
            while ((e = current) == null) { // expect race(read, RacyReferenceToImmutable.current)
                Thread.yield();
            }
            seen[0] = e.host + ":" + e.port;
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("reader saw " + seen[0]);
    }
}
