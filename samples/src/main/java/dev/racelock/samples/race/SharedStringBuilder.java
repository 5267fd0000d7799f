package dev.racelock.samples.race;

/**
 * Bug: two threads append to one {@link StringBuilder} (not thread-safe: its javadoc says to use
 * StringBuffer when synchronization is required); appends can interleave or be lost, and the
 * builder's array can be corrupted.
 * Fix: {@link dev.racelock.samples.norace.StringBuilderPerThread}.
 */
public final class SharedStringBuilder {

    static final StringBuilder log = new StringBuilder();

    static void record(String line) {
        log.append(line); // expect race(write, SharedStringBuilder.log)
    }

    public static void main(String[] args) throws InterruptedException {
        Thread first = new Thread(() -> record("first;"), "worker-1");
        Thread second = new Thread(() -> record("second;"), "worker-2");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("log has " + log.length() + " characters");
    }
}
