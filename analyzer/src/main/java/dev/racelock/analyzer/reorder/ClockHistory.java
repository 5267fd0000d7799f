package dev.racelock.analyzer.reorder;

import dev.racelock.trace.ArrayGrowth;

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
    /** Ints per change in {@link #change}. */
    private static final int CHANGE_WIDTH = 3;

    /**
     * The changes, one after another as (epoch, thread entry, new value): one array grows and is
     * cut, and {@link #at} reads the changes it replays side by side.
     */
    private int[] change = new int[8 * CHANGE_WIDTH];
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
        checkpointEpoch = ArrayGrowth.toFit(checkpointEpoch, checkpoints);
        checkpointChange = ArrayGrowth.toFit(checkpointChange, checkpoints);
        checkpointClock = ArrayGrowth.toFit(checkpointClock, checkpoints);
        checkpointEpoch[checkpoints] = epochBefore;
        checkpointChange[checkpoints] = changes;
        checkpointClock[checkpoints] = clock.clone();
        checkpoints++;
    }

    void record(int epoch, int thread, int value) {
        int at = changes * CHANGE_WIDTH;
        if (at + CHANGE_WIDTH > change.length) { // a per-change path: no field store unless it grows
            change = ArrayGrowth.toFit(change, at + CHANGE_WIDTH - 1);
        }
        change[at] = epoch;
        change[at + 1] = thread;
        change[at + 2] = value;
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
        for (int i = from * CHANGE_WIDTH, end = changes * CHANGE_WIDTH; i < end && change[i] <= epoch; i += CHANGE_WIDTH) {
            int u = change[i + 1];
            if (change[i + 2] > out[u]) {
                out[u] = change[i + 2];
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
        System.arraycopy(change, cut * CHANGE_WIDTH, change, 0, (changes - cut) * CHANGE_WIDTH);
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
