package dev.racelock.analyzer.predict;

import java.util.Arrays;

/**
 * The two clocks of every thread in the WCP algorithm (Kini, Mathur &amp; Viswanathan, "Dynamic
 * Race Prediction in Linear Time", PLDI 2017, Algorithm 1): {@code H}, happens-before with lock
 * edges (the observed order), and {@code P}, weak causal precedence: what this schedule forces
 * on every correct reordering that WCP proves, and nothing else.
 *
 * <p>Entry {@code u} of a clock is a local time of thread {@code u}; {@code H_u[u]} is u's
 * current epoch. An epoch ends after every event that makes u's past known to another thread
 * (release, fork, volatile write, hand-off release) and whenever u's clocks change (an acquire
 * that brought something new), so u's clocks are constant within an epoch, every clock with
 * entry {@code k} of u covers u's clocks of epoch k, and {@code k <= P_t[u]} says that u's events
 * of epochs up to k precede t's current event (the paper's epoch lemma). The clock {@code C_t} of
 * the paper is {@code P_t} with its own entry {@code H_t[t]}. {@code P_t} never exceeds
 * {@code H_t} (every order WCP takes is one HB has too).
 *
 * <p>{@link #full} is {@code max(H, P)}: everything known to precede the current event, the
 * clock a WCP ordering starting at this event carries (WCP is closed under composition with HB
 * on the left).
 */
final class WcpClocks {

    private int[][] h = new int[16][];
    private int[][] p = new int[16][];
    private long[] version = new long[16];
    private int[][] fullCache = new int[16][];
    private long[] fullVersion = new long[16];

    int[] h(int t) {
        ensure(t);
        return h[t];
    }

    int[] p(int t) {
        ensure(t);
        return p[t];
    }

    private void ensure(int t) {
        if (t >= h.length) {
            int n = Math.max(t + 1, h.length * 2);
            h = Arrays.copyOf(h, n);
            p = Arrays.copyOf(p, n);
            version = Arrays.copyOf(version, n);
            fullCache = Arrays.copyOf(fullCache, n);
            fullVersion = Arrays.copyOf(fullVersion, n);
        }
        if (h[t] == null) {
            int[] c = new int[Math.max(8, t + 1)];
            c[t] = 1; // a thread first seen starts at epoch 1, as in HappensBefore
            h[t] = c;
            p[t] = new int[c.length];
            fullVersion[t] = -1;
        }
    }

    /** H_t[t]: the thread's current epoch. */
    int epoch(int t) {
        return h(t)[t];
    }

    /** Whether an event of thread u at epoch k is WCP-ordered (or thread-ordered) before t's next event. */
    boolean orderedP(int u, int k, int t) {
        if (u == t) {
            return true;
        }
        int[] c = p(t);
        return u < c.length && k <= c[u];
    }

    /** Whether an event of thread u at epoch k happens before t's next event in the observed order. */
    boolean orderedH(int u, int k, int t) {
        if (u == t) {
            return true;
        }
        int[] c = h(t);
        return u < c.length && k <= c[u];
    }

    /** P_t[u] with the paper's C_t convention: t's own entry is H_t[t]. */
    int c(int t, int u) {
        if (u == t) {
            return epoch(t);
        }
        int[] c = p(t);
        return u < c.length ? c[u] : 0;
    }

    /** Ends t's epoch (after a release-like event published its clocks). */
    void tick(int t) {
        h(t)[t]++;
        version[t]++;
    }

    void joinH(int t, int[] src) {
        int[] into = grownFor(h(t), src); // h(t) first: it may grow the table h
        h[t] = into;
        joined(into, src, t);
    }

    void joinP(int t, int[] src) {
        int[] into = grownFor(p(t), src);
        p[t] = into;
        joined(into, src, t);
    }

    private static int[] grownFor(int[] into, int[] src) {
        return src.length > into.length ? Arrays.copyOf(into, src.length) : into;
    }

    /** Joins {@code src} into {@code into}, a clock of t already in place (as long as src). */
    private void joined(int[] into, int[] src, int t) {
        boolean changed = false;
        for (int i = 0; i < src.length; i++) {
            if (src[i] > into[i]) {
                into[i] = src[i];
                changed = true;
            }
        }
        if (changed) {
            // A clock only changes at the start of an epoch: every snapshot published with
            // entry k of t (even one taken in the middle of epoch k, for a reads-from order)
            // then equals t's clocks at the end of epoch k.
            version[t]++;
            h[t][t]++;
        }
    }

    /** A fresh copy of max(H_t, P_t). */
    int[] copyFull(int t) {
        int[] hc = h(t);
        int[] pc = p(t);
        int[] f = Arrays.copyOf(hc, Math.max(hc.length, pc.length));
        for (int i = 0; i < pc.length; i++) {
            if (pc[i] > f[i]) {
                f[i] = pc[i];
            }
        }
        return f;
    }

    /**
     * max(H_t, P_t) as an array that must not be modified: shared by every event of t until t's
     * clocks change (a write keeps it as the clock a read of its value would take).
     */
    int[] full(int t) {
        ensure(t);
        if (fullVersion[t] != version[t]) {
            fullCache[t] = copyFull(t);
            fullVersion[t] = version[t];
        }
        return fullCache[t];
    }

    /** into := max(into, max(H_t, P_t)), growing it as needed. */
    int[] joinFullInto(int[] into, int t) {
        int[] hc = h(t);
        int[] pc = p(t);
        int n = Math.max(hc.length, pc.length);
        if (into == null) {
            into = new int[n];
        } else if (into.length < n) {
            into = Arrays.copyOf(into, n);
        }
        for (int i = 0; i < hc.length; i++) {
            into[i] = Math.max(into[i], hc[i]);
        }
        for (int i = 0; i < pc.length; i++) {
            into[i] = Math.max(into[i], pc[i]);
        }
        return into;
    }

    /** into := max(into, src), growing it as needed. */
    static int[] joinInto(int[] into, int[] src) {
        if (into == null) {
            return src.clone();
        }
        if (into.length < src.length) {
            into = Arrays.copyOf(into, src.length);
        }
        for (int i = 0; i < src.length; i++) {
            if (src[i] > into[i]) {
                into[i] = src[i];
            }
        }
        return into;
    }
}
