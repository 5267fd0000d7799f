package dev.racelock.analyzer.race;

import dev.racelock.trace.EventVisitor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Schedulable happens-before as its definition reads (Mathur, Kini &amp; Viswanathan, OOPSLA 2018,
 * Algorithm 1), deliberately plain, to check the race analysis's reads-from order against: full
 * vector clocks, every event of a thread its own time (the clock ticks after each one), for each
 * location the clock of its last write, joined into every thread that reads it (after the read
 * was checked). With {@code readsFrom} false it is happens-before (DJIT+). Exclusive monitors,
 * volatiles, start and join only: what {@link SchedulableOrderAgainstOracleTest} generates.
 */
final class ShbOracle implements EventVisitor {

    private final int threads;
    private final boolean readsFrom;
    private final Map<Integer, int[]> clocks = new HashMap<>();
    private final Map<Long, int[]> locks = new HashMap<>();
    private final Map<List<Long>, int[]> volatiles = new HashMap<>();
    /** Per location: per thread, the time of its last write / read (0: none); the last write's clock. */
    private final Map<List<Long>, int[]> writes = new HashMap<>();
    private final Map<List<Long>, int[]> reads = new HashMap<>();
    private final Map<List<Long>, int[]> lastWriteClock = new HashMap<>();
    final Set<List<Long>> racy = new HashSet<>();

    ShbOracle(int threads, boolean readsFrom) {
        this.threads = threads;
        this.readsFrom = readsFrom;
    }

    private int[] c(int t) {
        return clocks.computeIfAbsent(t, k -> {
            int[] v = new int[threads];
            v[k] = 1;
            return v;
        });
    }

    private void access(int t, long object, int field, boolean write) {
        List<Long> x = List.of(object, (long) field);
        int[] ct = c(t);
        int[] w = writes.computeIfAbsent(x, k -> new int[threads]);
        int[] r = reads.computeIfAbsent(x, k -> new int[threads]);
        for (int u = 0; u < threads; u++) {
            if (u != t && (w[u] > ct[u] || write && r[u] > ct[u])) {
                racy.add(x);
            }
        }
        if (write) {
            w[t] = ct[t];
            lastWriteClock.put(x, ct.clone());
        } else {
            r[t] = ct[t];
            int[] lw = lastWriteClock.get(x);
            if (readsFrom && lw != null) {
                DjitOracle.join(ct, lw); // the reads-from edge: the write comes before the read and what follows it
            }
        }
        ct[t]++;
    }

    @Override public void read(int t, long o, int f, int s) { access(t, o, f, false); }
    @Override public void write(int t, long o, int f, int s) { access(t, o, f, true); }

    @Override
    public void volatileWrite(int t, long o, int slot, int s) {
        DjitOracle.join(volatiles.computeIfAbsent(List.of(o, (long) slot), k -> new int[threads]), c(t));
        c(t)[t]++;
    }

    @Override
    public void volatileRead(int t, long o, int slot, int s) {
        int[] v = volatiles.get(List.of(o, (long) slot));
        if (v != null) {
            DjitOracle.join(c(t), v);
        }
        c(t)[t]++;
    }

    @Override
    public void lockAcquire(int t, long lock, int site, int flags) {
        int[] l = locks.get(lock);
        if (l != null) {
            DjitOracle.join(c(t), l);
        }
        c(t)[t]++;
    }

    @Override
    public void lockRelease(int t, long lock, int site, int flags) {
        locks.put(lock, c(t).clone());
        c(t)[t]++;
    }

    @Override
    public void threadStart(int t, int child, int site) {
        DjitOracle.join(c(child), c(t));
        c(t)[t]++;
    }

    @Override
    public void threadJoin(int t, int child, int site) {
        DjitOracle.join(c(t), c(child));
        c(t)[t]++;
    }
}
