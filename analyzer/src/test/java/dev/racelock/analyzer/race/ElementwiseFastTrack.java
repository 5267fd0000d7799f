package dev.racelock.analyzer.race;

import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.spi.Analysis;
import dev.racelock.analyzer.state.LockHolds;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.trace.AccessTarget;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.TraceHeader;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference the race analysis is checked against: FastTrack (Flanagan &amp; Freund, PLDI 2009)
 * in its plainest form, as racelock ran it before ranges and thread slots. One shadow per array
 * element (a range access is its elements, one by one, in index order), dense vector clocks with
 * one entry per thread that ever lived (never compacted), a dense read vector per read-shared
 * location, boxed maps. Races go to the same {@link RaceRecords}, so findings must come out
 * identical, evidence and occurrences included. Slow and obviously right; used only by tests.
 */
final class ElementwiseFastTrack implements Analysis {

    private final TraceState state;
    private final LockHolds holds;
    private final RaceRecords records;
    private final Map<Integer, int[]> clocks = new HashMap<>();
    private final Map<Long, int[]> lockExclusive = new HashMap<>();
    private final Map<Long, int[]> lockShared = new HashMap<>();
    private final Map<Long, Map<Integer, int[]>> volatiles = new HashMap<>();
    private final Map<Long, int[]> tokens = new HashMap<>();
    private final Map<Long, Map<Integer, Shadow>> shadows = new HashMap<>();
    private boolean enabled = true;

    /** One location's FastTrack state; {@code reads} non-null while read-shared (dense by thread). */
    private static final class Shadow {
        int writeThread = -1;
        int writeClock;
        int writeSite;
        int writeContext;
        int writeLockSet;
        int writeReadSite = -1;
        int readThread = -1;
        int readClock;
        int readSite;
        int readContext;
        int readLockSet;
        int[][] reads; // per thread: {clock, site, context, lockSet}

        AccessRecord writeRecord() {
            return new AccessRecord(writeThread, true, writeSite, writeContext, writeLockSet, writeReadSite);
        }

        AccessRecord readRecord() {
            return new AccessRecord(readThread, false, readSite, readContext, readLockSet, -1);
        }

        int[] read(int t) {
            if (t >= reads.length) {
                int n = reads.length;
                reads = Arrays.copyOf(reads, t + 1);
                for (int i = n; i <= t; i++) {
                    reads[i] = new int[4];
                }
            }
            return reads[t];
        }
    }

    ElementwiseFastTrack(TraceState state) {
        this.state = state;
        this.holds = state.holds();
        this.records = new RaceRecords(state);
    }

    private int[] clock(int t) {
        int[] c = clocks.get(t);
        if (c == null) {
            c = new int[t + 1];
            c[t] = 1;
            clocks.put(t, c);
        }
        return c;
    }

    private static int get(int[] c, int u) {
        return u < c.length ? c[u] : 0;
    }

    /** into := into ⊔ from, growing {@code into} in the map it came from. */
    private static int[] joined(int[] into, int[] from) {
        int[] r = into.length >= from.length ? into : Arrays.copyOf(into, from.length);
        for (int i = 0; i < from.length; i++) {
            r[i] = Math.max(r[i], from[i]);
        }
        return r;
    }

    private void acquireFrom(int t, int[] source) {
        clocks.put(t, joined(clock(t), source));
    }

    private void tick(int t) {
        clock(t)[t]++;
    }

    @Override
    public void header(TraceHeader header) {
        enabled = header.recordsMemory();
    }

    @Override
    public void access(int t, int target, boolean write, long o, int slot, int length, int s) {
        if (target == AccessTarget.FIELD) {
            check(t, o, slot, s, write, false);
            return;
        }
        for (int i = 0; i < length; i++) {
            check(t, o, slot + i, s, write, true);
        }
    }

    private void race(long object, int slot, boolean array, AccessRecord earlier, int t, boolean write, int site, int readSite) {
        records.add(object, slot, 1, array, earlier,
                new AccessRecord(t, write, site, state.contexts().current(t), holds.lockSet(t), readSite), null);
    }

    private void check(int t, long object, int slot, int site, boolean write, boolean array) {
        if (!enabled) {
            return;
        }
        Shadow x = shadows.computeIfAbsent(object, k -> new HashMap<>()).computeIfAbsent(slot, k -> new Shadow());
        int[] ct = clock(t);
        int now = ct[t];
        if (write) {
            if (x.writeThread == t && x.writeClock == now) {
                return;
            }
            boolean shared = x.reads != null;
            int readSite = shared ? (x.read(t)[0] == now ? x.read(t)[1] : -1)
                    : (x.readThread == t && x.readClock == now ? x.readSite : -1);
            int w = x.writeThread;
            if (w >= 0 && x.writeClock > get(ct, w)) {
                race(object, slot, array, x.writeRecord(), t, true, site, readSite);
            }
            if (shared) {
                boolean racing = false;
                for (int u = 0; u < x.reads.length; u++) {
                    int[] r = x.reads[u];
                    if (u != t && r[0] > get(ct, u)) {
                        racing = true;
                        race(object, slot, array, new AccessRecord(u, false, r[1], r[2], r[3], -1), t, true, site, readSite);
                    }
                }
                if (!racing) {
                    x.reads = null;
                    x.readThread = -1;
                }
            } else {
                int r = x.readThread;
                if (r >= 0 && r != t && x.readClock > get(ct, r)) {
                    race(object, slot, array, x.readRecord(), t, true, site, readSite);
                }
            }
            x.writeThread = t;
            x.writeClock = now;
            x.writeSite = site;
            x.writeContext = state.contexts().current(t);
            x.writeLockSet = holds.lockSet(t);
            x.writeReadSite = readSite;
        } else {
            boolean shared = x.reads != null;
            if (shared ? x.read(t)[0] == now : x.readThread == t && x.readClock == now) {
                return;
            }
            int w = x.writeThread;
            if (w >= 0 && x.writeClock > get(ct, w)) {
                race(object, slot, array, x.writeRecord(), t, false, site, -1);
            }
            int context = state.contexts().current(t);
            int lockSet = holds.lockSet(t);
            if (shared) {
                x.read(t)[0] = now;
                x.read(t)[1] = site;
                x.read(t)[2] = context;
                x.read(t)[3] = lockSet;
            } else {
                int r = x.readThread;
                if (r >= 0 && r != t && x.readClock > get(ct, r)) {
                    x.reads = new int[0][];
                    int[] e = x.read(r);
                    e[0] = x.readClock;
                    e[1] = x.readSite;
                    e[2] = x.readContext;
                    e[3] = x.readLockSet;
                    int[] mine = x.read(t);
                    mine[0] = now;
                    mine[1] = site;
                    mine[2] = context;
                    mine[3] = lockSet;
                    x.readThread = -1;
                } else {
                    x.readThread = t;
                    x.readClock = now;
                    x.readSite = site;
                    x.readContext = context;
                    x.readLockSet = lockSet;
                }
            }
        }
    }

    @Override
    public void forkJoin(int t, boolean join, int child, int site) {
        if (join) {
            acquireFrom(t, clock(child));
        } else {
            acquireFrom(child, clock(t));
            tick(t);
        }
    }

    @Override
    public void lockAcquire(int t, long lock, int site, int flags) {
        if (!holds.isOutermostAcquire(t, lock, flags)) {
            return;
        }
        int[] ex = lockExclusive.get(lock);
        if (ex != null) {
            acquireFrom(t, ex);
        }
        int[] sh = lockShared.get(lock);
        if (sh != null && !LockFlags.isShared(flags)) {
            acquireFrom(t, sh);
        }
    }

    @Override
    public void lockRelease(int t, long lock, int site, int flags) {
        if (!holds.isOutermostRelease(t, lock, flags)) {
            return;
        }
        if (LockFlags.isShared(flags)) {
            lockShared.put(lock, joined(lockShared.getOrDefault(lock, new int[0]), clock(t)));
        } else {
            lockExclusive.put(lock, clock(t).clone());
            lockShared.remove(lock);
        }
        tick(t);
    }

    @Override
    public void volatileAccess(int t, boolean write, long o, int slot, int s) {
        if (write) {
            volatileWrite(t, o, slot);
        } else {
            volatileRead(t, o, slot);
        }
    }

    private void volatileWrite(int t, long o, int slot) {
        Map<Integer, int[]> slots = volatiles.computeIfAbsent(o, k -> new HashMap<>());
        slots.put(slot, joined(slots.getOrDefault(slot, new int[0]), clock(t)));
        tick(t);
    }

    private void volatileRead(int t, long o, int slot) {
        Map<Integer, int[]> slots = volatiles.get(o);
        if (slots != null && slots.containsKey(slot)) {
            acquireFrom(t, slots.get(slot));
        }
    }

    @Override
    public void handOff(int t, boolean release, long token, int site) {
        if (release) {
            tokens.put(token, joined(tokens.getOrDefault(token, new int[0]), clock(t)));
            tick(t);
        } else {
            int[] v = tokens.get(token);
            if (v != null) {
                acquireFrom(t, v);
            }
        }
    }

    @Override
    public void objectFreed(long object) {
        shadows.remove(object);
        lockExclusive.remove(object);
        lockShared.remove(object);
        volatiles.remove(object);
        tokens.remove(object);
        records.freed(object);
    }

    @Override
    public List<Finding> findings() {
        return records.findings();
    }
}
