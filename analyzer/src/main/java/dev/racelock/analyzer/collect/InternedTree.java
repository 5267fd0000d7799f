package dev.racelock.analyzer.collect;

import java.util.Arrays;

/**
 * A tree whose nodes are interned by (parent, label a, label b): asking twice for the same child
 * returns the same node id. Used for calling contexts (method, call site) and for sets of held
 * locks (lock class, acquisition site), so that a whole stack or lock set is one int that an
 * access can store in its shadow state and that a report can expand much later.
 *
 * <p>Node 0 is the root. Memory grows with the number of distinct paths, never with trace length.
 */
public final class InternedTree {

    public static final int ROOT = 0;

    // Per node, eight ints (one half cache line): parent, label a, label b, depth, and its most
    // recently asked-for child (a call site entered in a loop skips the hash).
    private static final int PARENT = 0, LABEL_A = 1, LABEL_B = 2, DEPTH = 3, LAST_CHILD = 4, STRIDE = 8;
    private int[] node = new int[64 * STRIDE];
    private int nodes = 1;

    // Index (parent, a, b) -> node id + 1 (0 = free slot), open addressing. One slot is four
    // consecutive ints {parent, a, b, node + 1}, so a probe reads one cache line, not three arrays.
    private int[] slots = new int[128 * 4];
    private int mask = 127;

    public InternedTree() {
        node[ROOT * STRIDE + PARENT] = -1;
        node[ROOT * STRIDE + LABEL_A] = -1;
        node[ROOT * STRIDE + LABEL_B] = -1;
    }

    /** The child of {@code parentNode} labelled (a, b), created on first request. */
    public int child(int parentNode, int a, int b) {
        int[] n = node;
        int last = n[parentNode * STRIDE + LAST_CHILD];
        if (last != 0 && n[last * STRIDE + LABEL_A] == a && n[last * STRIDE + LABEL_B] == b) {
            return last;
        }
        int found = lookup(parentNode, a, b);
        node[parentNode * STRIDE + LAST_CHILD] = found;
        return found;
    }

    private int lookup(int parentNode, int a, int b) {
        int[] t = slots;
        int i = hash(parentNode, a, b) & mask;
        while (true) {
            int at = i << 2;
            int n = t[at + 3];
            if (n == 0) {
                return insert(at, parentNode, a, b);
            }
            if (t[at] == parentNode && t[at + 1] == a && t[at + 2] == b) {
                return n - 1;
            }
            i = (i + 1) & mask;
        }
    }

    private int insert(int at, int parentNode, int a, int b) {
        int id = nodes++;
        if (id * STRIDE == node.length) {
            node = Arrays.copyOf(node, node.length * 2);
        }
        int at0 = id * STRIDE;
        node[at0 + PARENT] = parentNode;
        node[at0 + LABEL_A] = a;
        node[at0 + LABEL_B] = b;
        node[at0 + DEPTH] = node[parentNode * STRIDE + DEPTH] + 1;
        slots[at] = parentNode;
        slots[at + 1] = a;
        slots[at + 2] = b;
        slots[at + 3] = id + 1;
        if (nodes * 2 > mask + 1) {
            rehash();
        }
        return id;
    }

    private static int hash(int parentNode, int a, int b) {
        long h = (((long) parentNode << 32) ^ (a & 0xFFFFFFFFL) ^ ((long) b * 0xC2B2AE3D27D4EB4FL)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    private void rehash() {
        int[] old = slots;
        int capacity = (mask + 1) * 2;
        slots = new int[capacity * 4];
        mask = capacity - 1;
        for (int j = 0; j < old.length; j += 4) {
            if (old[j + 3] != 0) {
                int i = hash(old[j], old[j + 1], old[j + 2]) & mask;
                while (slots[(i << 2) + 3] != 0) {
                    i = (i + 1) & mask;
                }
                System.arraycopy(old, j, slots, i << 2, 4);
            }
        }
    }

    public int parent(int n) {
        return node[n * STRIDE + PARENT];
    }

    public int labelA(int n) {
        return node[n * STRIDE + LABEL_A];
    }

    public int labelB(int n) {
        return node[n * STRIDE + LABEL_B];
    }

    /** Number of labelled nodes from the root to node {@code n} (0 for the root). */
    public int depth(int n) {
        return node[n * STRIDE + DEPTH];
    }

    /** Nodes created so far, the root included. */
    public int size() {
        return nodes;
    }
}
