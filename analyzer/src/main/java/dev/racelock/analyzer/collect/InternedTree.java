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

    private int[] parent = new int[64];
    private int[] labelA = new int[64];
    private int[] labelB = new int[64];
    private int[] depth = new int[64];
    private int nodes = 1;
    // Per parent, its most recently asked-for child: a call site entered in a loop skips the hash.
    private int[] lastChild = new int[64];

    // Index (parent, a, b) -> node id + 1 (0 = free slot), open addressing.
    private long[] slotKey = new long[128];
    private int[] slotB = new int[128];
    private int[] slotNode = new int[128];
    private int mask = 127;

    public InternedTree() {
        parent[ROOT] = -1;
        labelA[ROOT] = -1;
        labelB[ROOT] = -1;
    }

    /** The child of {@code parentNode} labelled (a, b), created on first request. */
    public int child(int parentNode, int a, int b) {
        int last = lastChild[parentNode];
        if (last != 0 && labelA[last] == a && labelB[last] == b) {
            return last;
        }
        int found = lookup(parentNode, a, b);
        lastChild[parentNode] = found;
        return found;
    }

    private int lookup(int parentNode, int a, int b) {
        long key = ((long) parentNode << 32) | (a & 0xFFFFFFFFL);
        int i = hash(key, b) & mask;
        while (true) {
            int n = slotNode[i];
            if (n == 0) {
                return insert(i, key, b, parentNode, a);
            }
            if (slotKey[i] == key && slotB[i] == b) {
                return n - 1;
            }
            i = (i + 1) & mask;
        }
    }

    private int insert(int slot, long key, int b, int parentNode, int a) {
        int id = nodes++;
        if (id == parent.length) {
            int n = id * 2;
            parent = Arrays.copyOf(parent, n);
            labelA = Arrays.copyOf(labelA, n);
            labelB = Arrays.copyOf(labelB, n);
            depth = Arrays.copyOf(depth, n);
            lastChild = Arrays.copyOf(lastChild, n);
        }
        parent[id] = parentNode;
        labelA[id] = a;
        labelB[id] = b;
        depth[id] = depth[parentNode] + 1;
        slotKey[slot] = key;
        slotB[slot] = b;
        slotNode[slot] = id + 1;
        if (nodes * 2 > slotNode.length) {
            rehash();
        }
        return id;
    }

    private static int hash(long key, int b) {
        long h = (key ^ ((long) b * 0xC2B2AE3D27D4EB4FL)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    private void rehash() {
        long[] oldKey = slotKey;
        int[] oldB = slotB;
        int[] oldNode = slotNode;
        int capacity = oldNode.length * 2;
        slotKey = new long[capacity];
        slotB = new int[capacity];
        slotNode = new int[capacity];
        mask = capacity - 1;
        for (int j = 0; j < oldNode.length; j++) {
            if (oldNode[j] != 0) {
                int i = hash(oldKey[j], oldB[j]) & mask;
                while (slotNode[i] != 0) {
                    i = (i + 1) & mask;
                }
                slotKey[i] = oldKey[j];
                slotB[i] = oldB[j];
                slotNode[i] = oldNode[j];
            }
        }
    }

    public int parent(int node) {
        return parent[node];
    }

    public int labelA(int node) {
        return labelA[node];
    }

    public int labelB(int node) {
        return labelB[node];
    }

    /** Number of labelled nodes from the root to {@code node} (0 for the root). */
    public int depth(int node) {
        return depth[node];
    }

    /** Nodes created so far, the root included. */
    public int size() {
        return nodes;
    }
}
