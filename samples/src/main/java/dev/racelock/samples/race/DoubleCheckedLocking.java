package dev.racelock.samples.race;

/**
 * Bug: double-checked locking without volatile. The unlocked first check reads the field that
 * another thread writes inside the lock; nothing orders the two, so a caller can get an instance
 * whose construction it does not see. The race is on the first check in every run: when the
 * second caller finds null it takes the lock, but its first read still precedes the other's
 * write without any edge between them.
 * Fix: {@link dev.racelock.samples.norace.VolatileDoubleCheckedLocking} or
 * {@link dev.racelock.samples.norace.InitializationOnDemandHolder}.
 */
public final class DoubleCheckedLocking {

    /** Stateless, so which thread created it cannot change the findings. */
    static final class Singleton {}

    static final Object LOCK = new Object();
    static Singleton instance;

    static Singleton instance() {
        Singleton s = instance; // expect race(read, DoubleCheckedLocking.instance)
        if (s == null) {
            synchronized (LOCK) {
                s = instance;
                if (s == null) {
                    s = new Singleton();
                    instance = s; // expect race(write, DoubleCheckedLocking.instance)
                }
            }
        }
        return s;
    }

    public static void main(String[] args) throws InterruptedException {
        Singleton[] seen = new Singleton[2];
        Thread first = new Thread(() -> seen[0] = instance(), "caller-1");
        Thread second = new Thread(() -> seen[1] = instance(), "caller-2");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("one instance: " + (seen[0] == seen[1]));
    }
}
