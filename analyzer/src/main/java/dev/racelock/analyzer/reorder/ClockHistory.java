package dev.racelock.analyzer.reorder;

import java.util.Arrays;

/**
 * The past values of one thread's clock ({@link ReadsFromClocks}), so that its value at any
 * earlier epoch can be rebuilt: the list of its changes (at epoch e, entry u rose to v), with a
 * full copy (checkpoint) every so often so that rebuilding costs one copy and a bounded number of
 * changes. Own entries are not kept (the thread's entry at epoch e is e).
 *
 * <p>Bounded memory: {@link #dropOlderHalf} forgets the older changes; a clock asked for at an
 * epoch before what is kept is answered with the oldest kept checkpoint, which is at least as
 * large. A larger clock only adds order, so a closure computed with it can only fail to show a
 * reordering that exists, never show one that does not.
 */
final class ClockHistory {

    private static final int MIN_CHECKPOINT_SPACING = 32;

    private int[] changeEpoch = new int[8];
    private int[] changeThread = new int[8];
    private int[] changeValue = new int[8];
    private int changes;

    /** Checkpoint j: the clock after the first {@code checkpointChange[j]} changes, valid for epochs >= checkpointEpoch[j]. */
    private int[] checkpointEpoch = new int[2];
    private int[] checkpointChange = new int[2];
    private int[][] checkpointClock = new int[2][];
    private int checkpoints;
    /** True once older changes were dropped: checkpoint 0 is then the oldest thing known. */
    private boolean trimmed;

    /** Changes kept. */
    int size() {
        return changes;
    }

    /**
     * Called before the changes of a new epoch are recorded, with the clock as it was until then
     * (at epoch {@code epochBefore}): keeps a copy when enough changes have accumulated since the last one.
     */
    void beforeChanges(int epochBefore, int[] clock) {
        int since = changes - (checkpoints == 0 ? 0 : checkpointChange[checkpoints - 1]);
        if (since < Math.max(MIN_CHECKPOINT_SPACING, clock.length / 2)) {
            return;
        }
        if (checkpoints == checkpointEpoch.length) {
            int n = checkpoints * 2;
            checkpointEpoch = Arrays.copyOf(checkpointEpoch, n);
            checkpointChange = Arrays.copyOf(checkpointChange, n);
            checkpointClock = Arrays.copyOf(checkpointClock, n);
        }
        checkpointEpoch[checkpoints] = epochBefore;
        checkpointChange[checkpoints] = changes;
        checkpointClock[checkpoints] = clock.clone();
        checkpoints++;
    }

    void record(int epoch, int thread, int value) {
        if (changes == changeEpoch.length) {
            int n = changes * 2;
            changeEpoch = Arrays.copyOf(changeEpoch, n);
            changeThread = Arrays.copyOf(changeThread, n);
            changeValue = Arrays.copyOf(changeValue, n);
        }
        changeEpoch[changes] = epoch;
        changeThread[changes] = thread;
        changeValue[changes] = value;
        changes++;
    }

    /**
     * The clock at {@code epoch} (own entry not set) into {@code out}, which is cleared first and
     * must be wide enough for every entry ever changed.
     */
    void at(int epoch, int[] out) {
        Arrays.fill(out, 0);
        int from = 0;
        int j = EpochSearch.lastAtMost(checkpointEpoch, checkpoints, epoch);
        if (j < 0 && trimmed) {
            j = 0; // older than what is kept: the oldest checkpoint, a clock at least as large
        }
        if (j >= 0) {
            int[] c = checkpointClock[j];
            System.arraycopy(c, 0, out, 0, Math.min(c.length, out.length));
            from = checkpointChange[j];
        }
        for (int i = from; i < changes && changeEpoch[i] <= epoch; i++) {
            int u = changeThread[i];
            if (changeValue[i] > out[u]) {
                out[u] = changeValue[i];
            }
        }
    }

    /**
     * Forgets the changes before the middle checkpoint (when there are at least two); returns how
     * many changes were dropped.
     */
    int dropOlderHalf() {
        if (checkpoints < 2) {
            return 0;
        }
        int keepFrom = checkpoints / 2;
        int cut = checkpointChange[keepFrom];
        System.arraycopy(changeEpoch, cut, changeEpoch, 0, changes - cut);
        System.arraycopy(changeThread, cut, changeThread, 0, changes - cut);
        System.arraycopy(changeValue, cut, changeValue, 0, changes - cut);
        changes -= cut;
        int kept = checkpoints - keepFrom;
        System.arraycopy(checkpointEpoch, keepFrom, checkpointEpoch, 0, kept);
        System.arraycopy(checkpointClock, keepFrom, checkpointClock, 0, kept);
        for (int j = 0; j < kept; j++) {
            checkpointChange[j] = checkpointChange[j + keepFrom] - cut;
        }
        Arrays.fill(checkpointClock, kept, checkpoints, null);
        checkpoints = kept;
        trimmed = true;
        return cut;
    }
}
