package dev.racelock.samples.juc;

/**
 * Bug: the {@link Pipeline}'s consumers also bump a plain shared counter; every other access of
 * the pipeline is ordered by its hand-offs, so the counter is the one race.
 */
// requires juc
public final class PipelineWithUnsafeCounter {
    static int processed;

    static void count() {
        processed++; // expect race(read|write, PipelineWithUnsafeCounter.processed)
    }

    public static void main(String[] args) throws Exception {
        long total = Pipeline.run(true);
        System.out.println("total " + total + " processed " + processed);
    }
}
