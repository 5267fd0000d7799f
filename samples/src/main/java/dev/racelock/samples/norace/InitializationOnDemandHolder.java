package dev.racelock.samples.norace;

/**
 * Twin of {@link dev.racelock.samples.race.DoubleCheckedLocking}: the lazy holder idiom. The JVM
 * initializes {@code Holder} once, under its initialization lock, the first time a thread uses it;
 * every other thread that uses the class afterwards synchronizes with the end of that
 * initialization (JLS 12.4.2), so it sees the fully built instance and its fields.
 *
 * <p>Neither the main thread nor anything before the start of the callers touches {@code Holder}:
 * one of the two callers runs its static initializer, so only racelock's model of class
 * initialization (capability {@code clinit}) orders the other caller's reads after the writes.
 */
// requires clinit
// expect none
public final class InitializationOnDemandHolder {

    static final class Service {
        int port;

        Service(int port) {
            this.port = port;
        }
    }

    private static final class Holder {
        static final Service INSTANCE = new Service(8080);
    }

    public static void main(String[] args) throws InterruptedException {
        int[] seen = new int[2];
        Thread first = new Thread(() -> seen[0] = Holder.INSTANCE.port, "caller-1");
        Thread second = new Thread(() -> seen[1] = Holder.INSTANCE.port, "caller-2");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("both saw port " + seen[0] + " and " + seen[1]);
    }
}
