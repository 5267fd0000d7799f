package dev.racelock.report.progress;

import java.util.Locale;

/**
 * The heap to suggest when an analysis ran out of memory: at least twice what it had, as a
 * power of two gigabytes, and never less than 8 GB (a suggestion of what already failed, such
 * as -Xmx8g to a JVM that had 8 GB, sends the user round again).
 */
public final class MoreHeap {

    private MoreHeap() {}

    /** The {@code -Xmx} option to suggest to a JVM whose maximum heap was {@code maxHeapBytes}. */
    public static String option(long maxHeapBytes) {
        long gigabytes = 8;
        while (gigabytes * (1L << 30) < 2 * maxHeapBytes) {
            gigabytes *= 2;
        }
        return String.format(Locale.ROOT, "-Xmx%dg", gigabytes);
    }

    /** {@link #option} for this JVM. */
    public static String option() {
        return option(Runtime.getRuntime().maxMemory());
    }
}
