package dev.racelock.agent.runtime;

import java.lang.ref.WeakReference;

/**
 * What the agent keeps beside an object of an instrumented class while one thread alone has
 * touched it (docs/agent.md, "Objects no second thread has touched"): the owner, whether the
 * object is still owned, and per field the owner's last write and last read as the analyzer
 * would remember them (FastTrack's shadow state: the first access of the last epoch, with its
 * site, locks held and calling context).
 *
 * <p>Created by the constructor of the object's topmost instrumented class, on the constructing
 * thread, and referenced from the object's {@code $racelock$shadow} field. {@link #self} tells
 * a copy made by {@code Object.clone()} (which copies the field) from the original.
 *
 * <p>Only the owner writes {@link #table}, and only while the object is owned; the thread that
 * shares it reads it once, after taking it over ({@link Ownership}).
 */
public final class ObjectShadow {
    /** {@link #state}: owned by {@link #owner}. */
    static final long OWNED = 0;
    /** {@link #state}: another thread is taking it over, writing the owner's accesses out. */
    static final long SHARING = -1;

    /**
     * Longs per field: the {@link #key} (0: a free entry), with the site of the read the last
     * write followed in its epoch; the last write and the last read as
     * {@link #access} words; the lock sets of both ({@link #pair}: write, read); their calling
     * contexts (write, read).
     */
    static final int STRIDE = 5;
    static final int KEY = 0;
    static final int WRITE = 1;
    static final int READ = 2;
    static final int LOCKS = 3;
    static final int CONTEXTS = 4;
    /**
     * Entries of an object's first table, learned per class: a table that grows teaches its
     * class the size it grew to (a power of two, filled to 3/4 at most), so the objects of a class
     * seldom grow after the first few.
     */
    private static final ClassValue<int[]> FIRST_ENTRIES = new ClassValue<>() {
        @Override
        protected int[] computeValue(Class<?> type) {
            return new int[] {4};
        }
    };

    /**
     * A class and the entries it learned ({@link #FIRST_ENTRIES}), immutable, so racy reads of
     * {@link #LEARNED} are safe. The class is held weakly: a slot no other class takes over must
     * not keep a class, and with it its class loader, from being unloaded.
     */
    private record Learned(WeakReference<Class<?>> type, int[] entries) {}

    /**
     * Recent classes' {@link #FIRST_ENTRIES}, direct-mapped by the class's identity hash: an
     * object's first table is made at its first recorded field access, which on programs that
     * allocate many short-lived objects is often; on Xalan's full recording
     * {@code ClassValue.get} took a twentieth of the samples, a fiftieth with this table.
     * Shared by all threads and written racily: a lost or overwritten slot only costs a
     * {@code ClassValue} lookup.
     */
    private static final Learned[] LEARNED = new Learned[1024];

    private static int[] firstEntries(Class<?> type) {
        int slot = System.identityHashCode(type) & (LEARNED.length - 1);
        Learned l = LEARNED[slot];
        if (l == null || l.type.get() != type) {
            l = new Learned(new WeakReference<>(type), FIRST_ENTRIES.get(type));
            LEARNED[slot] = l;
        }
        return l.entries;
    }

    final Object self;
    final int owner;
    /** {@link #OWNED}, {@link #SHARING}, or the sequence number of the event that shared it (> 0). */
    volatile long state;
    /** Open addressing by field id, {@link #STRIDE} longs per field; null until the owner records a field. */
    long[] table;
    private int fields;

    ObjectShadow(Object self, int owner) {
        this.self = self;
        this.owner = owner;
    }

    /** The index of field {@code field}'s entry, created if absent (owner only). */
    int entry(int field) {
        long[] t = table;
        if (t == null) {
            t = table = new long[firstEntries(self.getClass())[0] * STRIDE];
        }
        int mask = t.length / STRIDE - 1;
        for (int i = (field * 0x9E3779B9 >>> 16) & mask; ; i = (i + 1) & mask) {
            int at = i * STRIDE;
            long key = t[at];
            if (key != 0 && fieldOf(key) == field) {
                return at;
            }
            if (key == 0) {
                if (++fields * 4 > (mask + 1) * 3) {
                    grow();
                    return entry(field);
                }
                t[at] = key(field, -1);
                return at;
            }
        }
    }

    /** The index of field {@code field}'s entry in table {@code t}, or -1 (any thread; reads only). */
    static int find(long[] t, int field) {
        if (t == null) {
            return -1;
        }
        int mask = t.length / STRIDE - 1;
        for (int i = (field * 0x9E3779B9 >>> 16) & mask, probes = 0; probes <= mask; i = (i + 1) & mask, probes++) {
            long k = t[i * STRIDE];
            if (k == 0) {
                return -1;
            }
            if (fieldOf(k) == field) {
                return i * STRIDE;
            }
        }
        return -1;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int[] learned = firstEntries(self.getClass());
        learned[0] = Math.max(learned[0], table.length / STRIDE); // racy: a lost update only costs a grow
        fields = 0;
        for (int at = 0; at < old.length; at += STRIDE) {
            if (old[at] != 0) {
                int to = entry(fieldOf(old[at]));
                System.arraycopy(old, at, table, to, STRIDE);
            }
        }
    }

    /** An entry's key word: the field id + 1 (never 0), and the site of the read the last write followed (-1: none). */
    static long key(int field, int writeReadSite) {
        return pair(field + 1, writeReadSite);
    }

    static int fieldOf(long key) {
        return (int) (key >>> 32) - 1;
    }

    /** An access word: the owner's release count + 1 (0 = no access) and the site. */
    static long access(int releases, int site) {
        return ((releases + 1L) << 32) | (site & 0xFFFFFFFFL);
    }

    static boolean inEpoch(long access, int releases) {
        return (access >>> 32) == releases + 1L;
    }

    static int releasesOf(long access) {
        return (int) ((access >>> 32) - 1);
    }

    static int siteOf(long access) {
        return (int) access;
    }

    static long pair(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFFFFFFL);
    }

    static int high(long pair) {
        return (int) (pair >>> 32);
    }

    static int low(long pair) {
        return (int) pair;
    }
}
