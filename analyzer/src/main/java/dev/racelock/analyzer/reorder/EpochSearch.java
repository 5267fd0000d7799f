package dev.racelock.analyzer.reorder;

/** Binary search over the ascending epochs this package keeps (per thread, per lock, per checkpoint). */
final class EpochSearch {

    private EpochSearch() {}

    /** The index of the last of {@code ascending[0..size)} that is at most {@code epoch}; -1 if none. */
    static int lastAtMost(int[] ascending, int size, int epoch) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] <= epoch) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
