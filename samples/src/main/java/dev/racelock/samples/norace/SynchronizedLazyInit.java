package dev.racelock.samples.norace;

/**
 * Twin of {@link dev.racelock.samples.race.CheckThenActLazyInit}: the check and the creation are
 * one critical section, so exactly one caller creates the instance and every later caller sees it.
 */
// expect none
public final class SynchronizedLazyInit {

    static final class Registry {}

    static Registry registry;

    static synchronized Registry registry() {
        if (registry == null) {
            registry = new Registry();
        }
        return registry;
    }

    public static void main(String[] args) throws InterruptedException {
        Registry[] seen = new Registry[2];
        Thread first = new Thread(() -> seen[0] = registry(), "caller-1");
        Thread second = new Thread(() -> seen[1] = registry(), "caller-2");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("both callers got the same registry: " + (seen[0] == seen[1]));
    }
}
