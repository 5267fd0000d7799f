package dev.racelock.analyzer.race;

import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.LockFlags;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately plain race detector to check FastTrack against: DJIT+ (Pozniansky &amp; Schuster,
 * PPoPP 2003), full vector clocks for every location's reads and writes, no epochs, boxed maps,
 * its own bookkeeping of lock holds. Slow and obviously right; used only by tests.
 */
final class DjitOracle implements EventVisitor {

    private final int threads;
    private final Map<Integer, int[]> clocks = new HashMap<>();
    private final Map<Long, int[]> lockExclusive = new HashMap<>();
    private final Map<Long, int[]> lockShared = new HashMap<>();
    private final Map<List<Long>, int[]> volatiles = new HashMap<>();
    private final Map<Long, int[]> tokens = new HashMap<>();
    private final Map<List<Long>, int[]> writes = new HashMap<>();
    private final Map<List<Long>, int[]> reads = new HashMap<>();
    private final Map<List<Long>, Integer> holds = new HashMap<>();
    private final Map<List<Long>, Integer> waiting = new HashMap<>();
    final Set<List<Long>> racy = new HashSet<>();

    DjitOracle(int threads) {
        this.threads = threads;
    }

    private int[] c(int t) {
        return clocks.computeIfAbsent(t, k -> {
            int[] v = new int[threads];
            v[k] = 1;
            return v;
        });
    }

    /** into := into ⊔ from (pointwise maximum). */
    static void join(int[] into, int[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] = Math.max(into[i], from[i]);
        }
    }

    private void access(int t, long object, int slot, boolean write) {
        List<Long> x = List.of(object, (long) slot);
        int[] ct = c(t);
        int[] w = writes.computeIfAbsent(x, k -> new int[threads]);
        int[] r = reads.computeIfAbsent(x, k -> new int[threads]);
        for (int u = 0; u < threads; u++) {
            if (u != t && (w[u] > ct[u] || (write && r[u] > ct[u]))) {
                racy.add(x);
            }
        }
        (write ? w : r)[t] = ct[t];
    }

    @Override public void read(int t, long o, int f, int s) { access(t, o, f, false); }
    @Override public void write(int t, long o, int f, int s) { access(t, o, f, true); }
    @Override public void arrayRead(int t, long a, int i, int s) { access(t, a, i, false); }
    @Override public void arrayWrite(int t, long a, int i, int s) { access(t, a, i, true); }

    @Override
    public void arrayRangeRead(int t, long a, int from, int length, int s) {
        for (int i = from; i < from + length; i++) {
            access(t, a, i, false);
        }
    }

    @Override
    public void arrayRangeWrite(int t, long a, int from, int length, int s) {
        for (int i = from; i < from + length; i++) {
            access(t, a, i, true);
        }
    }

    @Override
    public void volatileWrite(int t, long o, int slot, int s) {
        join(volatiles.computeIfAbsent(List.of(o, (long) slot), k -> new int[threads]), c(t));
        c(t)[t]++;
    }

    @Override
    public void volatileRead(int t, long o, int slot, int s) {
        int[] v = volatiles.get(List.of(o, (long) slot));
        if (v != null) {
            join(c(t), v);
        }
    }

    @Override
    public void lockAcquire(int t, long lock, int site, int flags) {
        List<Long> key = List.of((long) t, lock);
        int held = holds.getOrDefault(key, 0);
        if (LockFlags.isWait(flags)) {
            holds.put(key, held + waiting.getOrDefault(key, 1));
            waiting.remove(key);
        } else {
            holds.put(key, held + 1);
            if (held > 0) {
                return;
            }
        }
        int[] ex = lockExclusive.get(lock);
        if (ex != null) {
            join(c(t), ex);
        }
        int[] sh = lockShared.get(lock);
        if (sh != null && !LockFlags.isShared(flags)) {
            join(c(t), sh);
        }
    }

    @Override
    public void lockRelease(int t, long lock, int site, int flags) {
        List<Long> key = List.of((long) t, lock);
        int held = holds.getOrDefault(key, 0);
        if (LockFlags.isWait(flags)) {
            waiting.put(key, held);
            holds.remove(key);
        } else {
            holds.put(key, held - 1);
            if (held != 1) {
                return;
            }
        }
        if (LockFlags.isShared(flags)) {
            join(lockShared.computeIfAbsent(lock, k -> new int[threads]), c(t));
        } else {
            lockExclusive.put(lock, c(t).clone());
            lockShared.remove(lock);
        }
        c(t)[t]++;
    }

    @Override
    public void threadStart(int t, int child, int site) {
        join(c(child), c(t));
        c(t)[t]++;
    }

    @Override
    public void threadJoin(int t, int child, int site) {
        join(c(t), c(child));
    }

    @Override
    public void hbRelease(int t, long token, int site) {
        join(tokens.computeIfAbsent(token, k -> new int[threads]), c(t));
        c(t)[t]++;
    }

    @Override
    public void hbAcquire(int t, long token, int site) {
        int[] v = tokens.get(token);
        if (v != null) {
            join(c(t), v);
        }
    }
}
