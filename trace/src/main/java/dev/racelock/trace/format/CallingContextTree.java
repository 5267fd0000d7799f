package dev.racelock.trace.format;

import dev.racelock.trace.ContextInfo;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The calling-context tree of one trace (format 2), shared by every thread's buffer: a node per
 * distinct stack that recorded an event, interned by (parent, method, call site), numbered 1, 2,
 * 3, ... in the order they are created, and defined in the trace in that order.
 *
 * <p>Lookup is the recording threads' path: an open-addressing table read with one volatile
 * load and acquire loads of its slots, no lock, no allocation. A node not yet in the table is
 * created under this object's lock (once per distinct stack, like an object's first sight):
 * its dictionary entry is queued before the node is published in the table, so any thread that
 * finds it records its events after the entry was queued, and the writer puts the entry before
 * them (TraceWriter, "drainOnce"); queueing under the lock keeps the entries in id order.
 */
final class CallingContextTree {

    private static final VarHandle SLOT_ID = MethodHandles.arrayElementVarHandle(int[].class);
    private static final int INITIAL_SLOTS = 1 << 12;

    /** Slot i holds (parent, method, call site) at keys[3i..3i+2], and its node id (0 = free) at ids[i]. */
    private static final class Table {
        final int[] keys;
        final int[] ids;
        final int mask;

        Table(int slots) {
            keys = new int[3 * slots];
            ids = new int[slots];
            mask = slots - 1;
        }
    }

    private final TraceWriter writer;
    private volatile Table table = new Table(INITIAL_SLOTS);
    /** The next node id; guarded by this. */
    private int nextNode = 1;

    CallingContextTree(TraceWriter writer) {
        this.writer = writer;
    }

    /** The node for {@code parent}'s stack with (method, callSite) on top, created on first request. */
    int child(int parent, int method, int callSite) {
        Table t = table;
        int[] keys = t.keys;
        for (int i = hash(parent, method, callSite) & t.mask; ; i = (i + 1) & t.mask) {
            int id = (int) SLOT_ID.getAcquire(t.ids, i);
            if (id == 0) {
                return insert(parent, method, callSite);
            }
            int k = 3 * i;
            if (keys[k] == parent && keys[k + 1] == method && keys[k + 2] == callSite) {
                return id;
            }
        }
    }

    private synchronized int insert(int parent, int method, int callSite) {
        Table t = table;
        int[] keys = t.keys;
        int i = hash(parent, method, callSite) & t.mask;
        for (int id; (id = t.ids[i]) != 0; i = (i + 1) & t.mask) {
            int k = 3 * i;
            if (keys[k] == parent && keys[k + 1] == method && keys[k + 2] == callSite) {
                return id; // another thread created it since our lookup
            }
        }
        int id = nextNode++;
        writer.defineContext(new ContextInfo(id, parent, method, callSite));
        int k = 3 * i;
        keys[k] = parent;
        keys[k + 1] = method;
        keys[k + 2] = callSite;
        SLOT_ID.setRelease(t.ids, i, id);
        if (2L * id > t.ids.length) {
            table = grown(t);
        }
        return id;
    }

    /** A table twice the size with every node of {@code old}; published whole by the volatile store. */
    private static Table grown(Table old) {
        Table t = new Table(old.ids.length * 2);
        for (int j = 0; j < old.ids.length; j++) {
            int id = old.ids[j];
            if (id == 0) {
                continue;
            }
            int k = 3 * j;
            int i = hash(old.keys[k], old.keys[k + 1], old.keys[k + 2]) & t.mask;
            while (t.ids[i] != 0) {
                i = (i + 1) & t.mask;
            }
            System.arraycopy(old.keys, k, t.keys, 3 * i, 3);
            t.ids[i] = id;
        }
        return t;
    }

    private static int hash(int parent, int method, int callSite) {
        long h = (parent * 0x9E3779B97F4A7C15L) ^ (method * 0xC2B2AE3D27D4EB4FL) ^ (callSite * 0x165667B19E3779F9L);
        h *= 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
