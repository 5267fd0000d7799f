package dev.racelock.samples.norace;

/**
 * Twin of {@link dev.racelock.samples.race.DoubleCheckedLocking}: with {@code instance} volatile,
 * the unlocked first check is a volatile read that acquires what the creator released with its
 * volatile write (JLS 17.4.4), so the idiom is correct since Java 5.
 */
// expect none
public final class VolatileDoubleCheckedLocking {

    static final class Singleton {}

    static final Object LOCK = new Object();
    static volatile Singleton instance;

    static Singleton instance() {
        Singleton s = instance;
        if (s == null) {
            synchronized (LOCK) {
                s = instance;
                if (s == null) {
                    s = new Singleton();
                    instance = s;
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
