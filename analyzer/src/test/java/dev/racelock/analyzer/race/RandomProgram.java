package dev.racelock.analyzer.race;

import dev.racelock.analyzer.TraceScript;
import dev.racelock.trace.LockFlags;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random multi-threaded executions as traces, for differential tests: many short-lived
 * threads (a few alive at once, started by whichever thread is running, joined or signalling
 * their end through a hand-off, or neither), monitors and a read-write lock taken reentrantly,
 * waits, volatiles, hand-off tokens, calls (stacks), fields of int, long and reference type, and
 * arrays accessed by element and by overlapping ranges, some of them collected and replaced.
 */
final class RandomProgram {

    /** Threads of a program at most, main included. */
    static final int MAX_THREADS = 32;

    private RandomProgram() {}

    /** A lock's state in the simulated schedule. */
    private static final class LockState {
        int exclusiveOwner = -1;
        final int[] sharedHolds = new int[64];

        boolean free() {
            return exclusiveOwner < 0 && Arrays.stream(sharedHolds).allMatch(h -> h == 0);
        }
    }

    static TraceScript generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        TraceScript s = new TraceScript();
        int n = 2 + r.nextInt(MAX_THREADS - 1);
        int maxAlive = 2 + r.nextInt(4);
        int[] t = new int[n];
        t[0] = s.thread("main");
        int startSite = s.site("com.acme.Main", "main", 3);
        for (int i = 1; i < n; i++) {
            t[i] = s.thread("t" + i, 0, startSite);
        }
        int[] sites = {s.site("com.acme.R", "m", 10), s.site("com.acme.R", "m", 11),
                s.site("com.acme.R", "n", 20), s.site("com.acme.R", "n", 20)};
        int[] methods = {s.method("com.acme.R", "m"), s.method("com.acme.R", "n")};
        int[] fields = {s.field("com.acme.R", "a", "I"), s.field("com.acme.R", "b", "J"),
                s.field("com.acme.R", "next", "Lcom/acme/R;")};
        int volatileField = s.field("com.acme.R", "v", "I");
        long[] objects = {s.object("com.acme.R"), s.object("com.acme.R")};
        long[] arrays = {s.array("int[]", sites[0]), s.array("com.acme.R[]", sites[2])};
        long[] locks = {s.object("java.lang.Object"), s.object("java.lang.Object"),
                s.object("java.util.concurrent.locks.ReentrantReadWriteLock")};
        long[] tokens = {s.object("java.util.concurrent.Future"), s.object("java.util.concurrent.Future")};
        long[] done = new long[n];
        for (int i = 0; i < n; i++) {
            done[i] = s.object("java.util.concurrent.CountDownLatch");
        }

        int[] status = new int[n]; // 0 not started, 1 running, 2 ended, 3 joined
        status[0] = 1;
        int alive = 1;
        List<List<long[]>> held = new ArrayList<>(); // per thread: stack of {lock, flags}
        for (int i = 0; i < n; i++) {
            held.add(new ArrayList<>());
        }
        int[] depth = new int[n];
        long[] waitingOn = new long[n];
        int[] waitingCount = new int[n];
        Arrays.fill(waitingOn, -1);
        LockState[] lockStates = {new LockState(), new LockState(), new LockState()};

        // Half the programs keep to a discipline, so that some are free of races: every field and
        // array access under the first monitor (skipped when another thread holds it).
        boolean disciplined = r.nextBoolean();
        int steps = 100 + r.nextInt(500);
        for (int step = 0; step < steps; step++) {
            int i = pick(r, status, 1); // main never ends: there is always one
            List<long[]> stack = held.get(i);
            if (waitingOn[i] >= 0) {
                int l = lockIndex(locks, waitingOn[i]);
                if (lockStates[l].free()) {
                    lockStates[l].exclusiveOwner = i;
                    s.acquire(t[i], locks[l], sites[0], LockFlags.MONITOR | LockFlags.WAIT);
                    for (int k = 0; k < waitingCount[i]; k++) {
                        stack.add(new long[] {locks[l], LockFlags.MONITOR});
                    }
                    waitingOn[i] = -1;
                }
                continue;
            }
            int site = sites[r.nextInt(sites.length)];
            int op = r.nextInt(100);
            boolean guard = disciplined && op < 44 && stack.stream().noneMatch(h -> h[0] == locks[0]);
            if (guard) {
                if (!lockStates[0].free()) {
                    continue;
                }
                s.lock(t[i], locks[0], site, LockFlags.MONITOR);
            }
            if (op < 22) {
                long o = objects[r.nextInt(objects.length)];
                int f = fields[r.nextInt(fields.length)];
                if (r.nextBoolean()) {
                    s.read(t[i], o, f, site);
                    if (r.nextBoolean()) {
                        s.write(t[i], o, f, site); // read-modify-write on one line
                    }
                } else {
                    s.write(t[i], o, f, site);
                }
            } else if (op < 44) {
                int a = r.nextInt(arrays.length);
                boolean write = r.nextBoolean();
                if (r.nextInt(3) == 0) {
                    int from = r.nextInt(24);
                    int length = 1 + r.nextInt(r.nextInt(4) == 0 ? 40 : 8);
                    if (write) {
                        s.arrayRangeWrite(t[i], arrays[a], from, length, site);
                    } else {
                        s.arrayRangeRead(t[i], arrays[a], from, length, site);
                    }
                } else {
                    int index = r.nextInt(32);
                    if (write) {
                        s.arrayWrite(t[i], arrays[a], index, site);
                    } else {
                        s.arrayRead(t[i], arrays[a], index, site);
                    }
                }
            } else if (op < 47) {
                if (depth[i] > 0 && r.nextBoolean()) {
                    s.exit(t[i]);
                    depth[i]--;
                } else {
                    s.enter(t[i], methods[r.nextInt(methods.length)], site);
                    depth[i]++;
                }
            } else if (op < 62) {
                int l = r.nextInt(locks.length);
                LockState ls = lockStates[l];
                boolean rw = l == 2;
                boolean wantShared = rw && r.nextBoolean();
                long[] mine = stack.stream().filter(h -> h[0] == locks[l]).findFirst().orElse(null);
                if (mine != null) {
                    int flags = (int) mine[1]; // reentrant, in the mode already held
                    if (LockFlags.isShared(flags)) {
                        ls.sharedHolds[i]++;
                    }
                    s.lock(t[i], locks[l], site, flags);
                    stack.add(new long[] {locks[l], flags});
                } else if (!wantShared && ls.free()) {
                    ls.exclusiveOwner = i;
                    int flags = rw ? 0 : LockFlags.MONITOR;
                    s.lock(t[i], locks[l], site, flags);
                    stack.add(new long[] {locks[l], flags});
                } else if (wantShared && ls.exclusiveOwner < 0) {
                    ls.sharedHolds[i]++;
                    s.lock(t[i], locks[l], site, LockFlags.SHARED);
                    stack.add(new long[] {locks[l], LockFlags.SHARED});
                }
            } else if (op < 70) {
                if (!stack.isEmpty()) {
                    long[] top = stack.remove(stack.size() - 1);
                    int l = lockIndex(locks, top[0]);
                    LockState ls = lockStates[l];
                    int flags = (int) top[1];
                    if (!LockFlags.isShared(flags) && LockFlags.isMonitor(flags) && r.nextInt(4) == 0) {
                        stack.add(top); // Object.wait: give up every hold of this monitor at once
                        waitingCount[i] = (int) stack.stream().filter(h -> h[0] == top[0]).count();
                        stack.removeIf(h -> h[0] == top[0]);
                        s.unlock(t[i], top[0], site, LockFlags.MONITOR | LockFlags.WAIT);
                        ls.exclusiveOwner = -1;
                        waitingOn[i] = top[0];
                        continue;
                    }
                    s.unlock(t[i], top[0], site, flags);
                    if (LockFlags.isShared(flags)) {
                        ls.sharedHolds[i]--;
                    } else if (stack.stream().noneMatch(h -> h[0] == top[0])) {
                        ls.exclusiveOwner = -1;
                    }
                }
            } else if (op < 76) {
                long o = objects[r.nextInt(objects.length)];
                if (r.nextBoolean()) {
                    s.volatileWrite(t[i], o, volatileField, site);
                } else {
                    s.volatileRead(t[i], o, volatileField, site);
                }
            } else if (op < 81) {
                long token = tokens[r.nextInt(tokens.length)];
                if (r.nextBoolean()) {
                    s.hbRelease(t[i], token, site);
                } else {
                    s.hbAcquire(t[i], token, site);
                }
            } else if (op < 90) {
                int other = pick(r, status, r.nextBoolean() ? 2 : 0);
                if (other < 0) {
                    continue;
                }
                if (status[other] == 0 && alive < maxAlive) {
                    s.start(t[i], t[other], startSite);
                    status[other] = 1;
                    alive++;
                } else if (status[other] == 2) {
                    if (r.nextBoolean()) {
                        s.join(t[i], t[other], startSite);
                        status[other] = 3;
                    } else {
                        s.hbAcquire(t[i], done[other], startSite); // latch.await after the other's countDown
                    }
                }
            } else if (op < 98) {
                if (i != 0 && stack.isEmpty()) {
                    if (r.nextInt(3) > 0) {
                        s.hbRelease(t[i], done[i], site);
                    }
                    s.end(t[i]);
                    status[i] = 2;
                    alive--;
                }
            } else {
                // One of the arrays is collected; a new one takes its place.
                int a = r.nextInt(arrays.length);
                s.freed(arrays[a]);
                arrays[a] = s.array(a == 0 ? "int[]" : "com.acme.R[]", sites[2 * a]);
            }
            if (guard) {
                s.unlock(t[i], locks[0], site, LockFlags.MONITOR);
            }
        }
        return s;
    }

    /** A thread in {@code wanted} status, from a random place on, or -1. */
    private static int pick(SplittableRandom r, int[] status, int wanted) {
        int from = r.nextInt(status.length);
        for (int k = 0; k < status.length; k++) {
            int i = (from + k) % status.length;
            if (status[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static int lockIndex(long[] locks, long lock) {
        for (int l = 0; l < locks.length; l++) {
            if (locks[l] == lock) {
                return l;
            }
        }
        throw new IllegalStateException("lock " + lock);
    }
}
