package dev.racelock.analyzer.race;

import java.util.Arrays;

/**
 * The read state of a read-shared location: per thread, the clock of its last read (0: none),
 * with that read's evidence. FastTrack inflates a read epoch to this only when two reads are
 * concurrent, and a write ordered after all reads drops back to an epoch (kept allocated,
 * inactive, to avoid churn).
 */
final class ReadVector {

    boolean active;
    int[] clock;
    int[] site;
    int[] context;
    int[] lockSet;

    ReadVector(int width) {
        int n = Math.max(4, width);
        clock = new int[n];
        site = new int[n];
        context = new int[n];
        lockSet = new int[n];
    }

    int clock(int thread) {
        return thread < clock.length ? clock[thread] : 0;
    }

    void set(int thread, int c, int s, int ctx, int locks) {
        if (thread >= clock.length) {
            int n = Math.max(thread + 1, clock.length * 2);
            clock = Arrays.copyOf(clock, n);
            site = Arrays.copyOf(site, n);
            context = Arrays.copyOf(context, n);
            lockSet = Arrays.copyOf(lockSet, n);
        }
        clock[thread] = c;
        site[thread] = s;
        context[thread] = ctx;
        lockSet[thread] = locks;
    }

    void deactivate() {
        Arrays.fill(clock, 0);
        active = false;
    }
}
