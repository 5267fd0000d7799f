package dev.racelock.analyzer.race;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.TraceScript;
import dev.racelock.trace.LockFlags;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FastTrack's epochs are an optimisation of vector clocks that must not change which locations
 * race (Flanagan &amp; Freund, PLDI 2009, Theorem 1: FastTrack reports a race on a location iff
 * DJIT+ does). Thousands of seeded random schedules (threads forking and joining, monitors and
 * read-write locks taken reentrantly, waits, volatiles, hand-off tokens, arrays) go through both;
 * the sets of racy locations must be equal.
 */
class FastTrackAgainstDjitTest {

    private static final int TRACES = 3000;

    @Test
    void fastTrackFindsExactlyTheLocationsDjitFinds() {
        int racyTraces = 0;
        int totalRacy = 0;
        for (int seed = 0; seed < TRACES; seed++) {
            Generated g = generate(new SplittableRandom(seed));
            DjitOracle oracle = new DjitOracle(g.threads);
            g.script.replay(oracle);
            AnalysisSession session = new AnalysisSession();
            Set<List<Long>> fastTrack = new HashSet<>();
            session.analysis(RaceAnalysis.class).observeRaces((object, slot, count) -> {
                for (int i = 0; i < count; i++) {
                    fastTrack.add(List.of(object, (long) slot + i));
                }
            });
            g.script.replay(session);
            assertEquals(oracle.racy, fastTrack, "seed " + seed);
            if (!fastTrack.isEmpty()) {
                racyTraces++;
                totalRacy += fastTrack.size();
            }
        }
        // The generator must exercise both outcomes, or the comparison proves little.
        assertTrue(racyTraces > TRACES / 10 && racyTraces < TRACES * 9 / 10, "racy traces: " + racyTraces);
        assertTrue(totalRacy > racyTraces);
    }

    private record Generated(TraceScript script, int threads) {}

    /** A lock's state in the simulated schedule. */
    private static final class LockState {
        int exclusiveOwner = -1;
        final Map<Integer, Integer> sharedHolders = new HashMap<>();
    }

    private static Generated generate(SplittableRandom r) {
        TraceScript s = new TraceScript();
        int n = 2 + r.nextInt(4);
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = s.thread("t" + i, i == 0 ? -1 : 0, -1);
        }
        int site = s.site("com.acme.R", "m", 1);
        int[] fields = {s.field("com.acme.R", "a", "I"), s.field("com.acme.R", "b", "J")};
        long[] objects = {s.object("com.acme.R"), s.object("com.acme.R")};
        long array = s.array("int[]", site);
        long[] locks = {s.object("java.lang.Object"), s.object("java.util.concurrent.locks.ReentrantReadWriteLock")};
        long[] tokens = {s.object("java.util.concurrent.Future"), s.object("java.util.concurrent.Future")};
        int volatileField = s.field("com.acme.R", "v", "I");

        // 0 not started, 1 running, 2 ended, 3 joined
        int[] status = new int[n];
        status[0] = 1;
        List<List<long[]>> held = new ArrayList<>(); // per thread: stack of {lock, flags}
        for (int i = 0; i < n; i++) {
            held.add(new ArrayList<>());
        }
        long[] waitingOn = new long[n];
        int[] waitingCount = new int[n];
        java.util.Arrays.fill(waitingOn, -1);
        Map<Long, LockState> lockStates = new HashMap<>();
        for (long l : locks) {
            lockStates.put(l, new LockState());
        }

        int steps = 60 + r.nextInt(200);
        for (int step = 0; step < steps; step++) {
            int i = r.nextInt(n);
            if (status[i] != 1) {
                continue;
            }
            List<long[]> stack = held.get(i);
            if (waitingOn[i] >= 0) {
                LockState ls = lockStates.get(waitingOn[i]);
                if (ls.exclusiveOwner < 0 && ls.sharedHolders.isEmpty()) {
                    ls.exclusiveOwner = i;
                    s.acquire(t[i], waitingOn[i], site, LockFlags.MONITOR | LockFlags.WAIT);
                    for (int k = 0; k < waitingCount[i]; k++) {
                        stack.add(new long[] {waitingOn[i], LockFlags.MONITOR});
                    }
                    waitingOn[i] = -1;
                }
                continue;
            }
            int op = r.nextInt(100);
            if (op < 45) {
                boolean write = r.nextBoolean();
                if (r.nextInt(4) == 0) {
                    int index = r.nextInt(3);
                    if (r.nextInt(5) == 0) {
                        if (write) {
                            s.arrayRangeWrite(t[i], array, index, 2, site);
                        } else {
                            s.arrayRangeRead(t[i], array, index, 2, site);
                        }
                    } else if (write) {
                        s.arrayWrite(t[i], array, index, site);
                    } else {
                        s.arrayRead(t[i], array, index, site);
                    }
                } else {
                    long o = objects[r.nextInt(objects.length)];
                    int f = fields[r.nextInt(fields.length)];
                    if (write) {
                        s.write(t[i], o, f, site);
                    } else {
                        s.read(t[i], o, f, site);
                    }
                }
            } else if (op < 65) {
                long l = locks[r.nextInt(locks.length)];
                LockState ls = lockStates.get(l);
                boolean rw = l == locks[1];
                boolean wantShared = rw && r.nextBoolean();
                int mine = count(stack, l);
                if (mine > 0) {
                    // reentrant, in the mode already held
                    int flags = (int) stack.stream().filter(h -> h[0] == l).findFirst().get()[1];
                    if (LockFlags.isShared(flags)) {
                        ls.sharedHolders.merge(i, 1, Integer::sum);
                    }
                    s.lock(t[i], l, site, flags);
                    stack.add(new long[] {l, flags});
                } else if (!wantShared && ls.exclusiveOwner < 0 && ls.sharedHolders.isEmpty()) {
                    ls.exclusiveOwner = i;
                    int flags = rw ? 0 : LockFlags.MONITOR;
                    s.lock(t[i], l, site, flags);
                    stack.add(new long[] {l, flags});
                } else if (wantShared && ls.exclusiveOwner < 0) {
                    ls.sharedHolders.merge(i, 1, Integer::sum);
                    s.lock(t[i], l, site, LockFlags.SHARED);
                    stack.add(new long[] {l, LockFlags.SHARED});
                }
            } else if (op < 75) {
                if (!stack.isEmpty()) {
                    long[] top = stack.remove(stack.size() - 1);
                    LockState ls = lockStates.get(top[0]);
                    int flags = (int) top[1];
                    if (!LockFlags.isShared(flags) && LockFlags.isMonitor(flags) && r.nextInt(4) == 0) {
                        // Object.wait: give up every hold of this monitor at once
                        stack.add(top);
                        int count = count(stack, top[0]);
                        stack.removeIf(h -> h[0] == top[0]);
                        s.unlock(t[i], top[0], site, LockFlags.MONITOR | LockFlags.WAIT);
                        ls.exclusiveOwner = -1;
                        waitingOn[i] = top[0];
                        waitingCount[i] = count;
                        continue;
                    }
                    s.unlock(t[i], top[0], site, flags);
                    if (count(stack, top[0]) == 0) {
                        if (LockFlags.isShared(flags)) {
                            ls.sharedHolders.remove(i);
                        } else {
                            ls.exclusiveOwner = -1;
                        }
                    }
                }
            } else if (op < 83) {
                long o = objects[r.nextInt(objects.length)];
                if (r.nextBoolean()) {
                    s.volatileWrite(t[i], o, volatileField, site);
                } else {
                    s.volatileRead(t[i], o, volatileField, site);
                }
            } else if (op < 90) {
                long token = tokens[r.nextInt(tokens.length)];
                if (r.nextBoolean()) {
                    s.hbRelease(t[i], token, site);
                } else {
                    s.hbAcquire(t[i], token, site);
                }
            } else if (i == 0) {
                int child = 1 + r.nextInt(n - 1);
                if (status[child] == 0) {
                    s.start(t[0], t[child], site);
                    status[child] = 1;
                } else if (status[child] == 2) {
                    s.join(t[0], t[child], site);
                    status[child] = 3;
                }
            } else if (stack.isEmpty() && r.nextInt(3) == 0) {
                s.end(t[i]);
                status[i] = 2;
            }
        }
        return new Generated(s, n);
    }

    private static int count(List<long[]> stack, long lock) {
        int c = 0;
        for (long[] h : stack) {
            if (h[0] == lock) {
                c++;
            }
        }
        return c;
    }
}
