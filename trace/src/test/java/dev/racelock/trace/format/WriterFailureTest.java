package dev.racelock.trace.format;

import dev.racelock.trace.LockFlags;
import dev.racelock.trace.ThreadInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WriterFailureTest {

    @Test
    void aFullDiskIsKeptInFailureAndNeverReachesRecordingThreads() throws Exception {
        FailingChannel disk = new FailingChannel(100_000);
        TraceWriter writer = TraceWriter.open(disk, TraceRoundTripTest.HEADER, 5);
        assertNull(writer.failure());
        List<Thread> recorders = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int id = t;
            recorders.add(new Thread(() -> {
                writer.defineThread(new ThreadInfo(id, "t" + id, -1, -1, false));
                ThreadEventBuffer b = writer.newThreadBuffer(id);
                b.threadBegin();
                for (int i = 0; i < 500_000; i++) { // far more than the disk takes
                    b.write(id, i, 1);
                    b.lockAcquire(9, 2, LockFlags.MONITOR);
                    b.lockRelease(9, 3, LockFlags.MONITOR);
                }
                b.threadEnd();
            }));
        }
        recorders.forEach(Thread::start);
        for (Thread r : recorders) {
            r.join(); // returns: no recorder blocked on the dead disk, none threw
        }
        assertEquals("No space left on device", writer.failure().getMessage());
        int callsAfterFailure = disk.writeCalls;
        writer.flush();
        writer.close(); // no exception either
        assertEquals(callsAfterFailure, disk.writeCalls, "output is dropped after the first failure");
        assertEquals("No space left on device", writer.failure().getMessage());
    }

    @Test
    void aDiskFullAtOpenIsThrownByOpen() {
        IOException e = assertThrows(IOException.class,
                () -> TraceWriter.open(new FailingChannel(10), TraceRoundTripTest.HEADER, 50));
        assertEquals("No space left on device", e.getMessage());
    }
}
