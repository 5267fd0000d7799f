package dev.racelock.samples.norace;

/**
 * Twin of {@link dev.racelock.samples.race.SharedStringBuilder}: each thread builds its own
 * text (confinement) and main joins the threads before it combines them.
 */
// expect none
public final class StringBuilderPerThread {

    public static void main(String[] args) throws InterruptedException {
        String[] parts = new String[2];
        Thread first = new Thread(() -> parts[0] = new StringBuilder().append("first").append(';').toString(),
                "worker-1");
        Thread second = new Thread(() -> parts[1] = new StringBuilder().append("second").append(';').toString(),
                "worker-2");
        first.start();
        second.start();
        first.join();
        second.join();
        StringBuilder log = new StringBuilder(parts[0]).append(parts[1]);
        System.out.println("log has " + log.length() + " characters");
    }
}
