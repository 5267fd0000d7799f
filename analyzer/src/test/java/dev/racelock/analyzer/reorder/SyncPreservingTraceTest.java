package dev.racelock.analyzer.reorder;

import dev.racelock.trace.AccessTarget;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SyncPreservingTraceTest {

    /**
     * The last writes of an array are kept by runs of elements: a buffer filled in one epoch is
     * one entry, not one per element (the per-element version held 7.7 M of them part way through
     * a Jetty trace).
     */
    @Test
    void lastWritesOfAnArrayFilledInOneEpochAreOneRun() {
        SyncPreservingTrace trace = new SyncPreservingTrace();
        long buffer = 42;
        for (int i = 0; i < 100_000; i++) {
            trace.access(1, AccessTarget.ELEMENT, true, buffer, i, 1);
        }
        assertEquals(1, trace.lastWrites());
        trace.lockRequest(1, 7); // a new epoch of thread 1
        trace.access(1, AccessTarget.ELEMENT, true, buffer, 500, 1);
        assertEquals(3, trace.lastWrites());
        trace.objectFreed(buffer);
        assertEquals(0, trace.lastWrites());
    }
}
