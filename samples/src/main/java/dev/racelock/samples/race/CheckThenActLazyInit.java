package dev.racelock.samples.race;

/**
 * Bug: a field is lazily created with check-then-act and no lock; two threads can both see null,
 * both create an instance, and use different ones. The first creator's write and the other
 * thread's check are unordered in every run, whichever thread comes first.
 * Fix: {@link dev.racelock.samples.norace.SynchronizedLazyInit}.
 */
public final class CheckThenActLazyInit {

    /** Has no state of its own, so the only shared location is {@link #registry}. */
    static final class Registry {}

    static Registry registry;

    static Registry registry() {
        if (registry == null) { // expect race(read, CheckThenActLazyInit.registry)
            registry = new Registry(); // expect race(write, CheckThenActLazyInit.registry, check-then-act)
        }
        return registry; // expect race(read, CheckThenActLazyInit.registry)
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
