package dev.racelock.trace.format;

import dev.racelock.trace.ArrayGrowth;

/**
 * The merge's binary min-heap of thread cursors, keyed by their pending synchronization event's
 * number (ties, in a damaged file, by the cursor's order): the next event of the trace is the
 * smallest-numbered pending one.
 */
final class CursorHeap {

    private ThreadCursor[] heap = new ThreadCursor[16];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    ThreadCursor peek() {
        return heap[0];
    }

    private static boolean before(ThreadCursor a, ThreadCursor b) {
        return a.pendingSeq < b.pendingSeq || (a.pendingSeq == b.pendingSeq && a.order < b.order);
    }

    void push(ThreadCursor cursor) {
        heap = ArrayGrowth.toFit(heap, size);
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(cursor, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = cursor;
    }

    ThreadCursor pop() {
        ThreadCursor top = heap[0];
        ThreadCursor last = heap[--size];
        heap[size] = null;
        if (size == 0) {
            return top;
        }
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], last)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = last;
        return top;
    }
}
