package dev.racelock.bench.trace;

import dev.racelock.trace.LockFlags;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.format.ThreadEventBuffer;
import dev.racelock.trace.format.TraceReader;
import dev.racelock.trace.format.TraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TraceCensus counts a recorded trace's events exactly. */
class TraceCensusTest {

    @Test
    void countsEachKindOfEventAndTheLockEventsByFlags(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.rlt");
        MixedTrace.record(trace, 3, 100, MixedTrace::lockHeavy); // per round: acquire, read, write, release

        TraceCensus census = new TraceCensus();
        TraceReader.read(trace, census);

        assertEquals(Map.of("thread begin", 3L, "lock acquire", 300L, "field read", 300L, "field write", 300L,
                "lock release", 300L, "thread end", 3L), census.events);
        assertEquals(Map.of("? MONITOR", 600L), census.lockEvents); // the lock was never defined as an object
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        census.print(new PrintStream(out, true, StandardCharsets.UTF_8), 5);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("events: 1,206\n"), text);
        assertTrue(text.contains("            600  ? MONITOR"), text);
    }

    @Test
    void namesLockEventsByTheirLocksClassWhileTheLockLives(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.rlt");
        long vector = 1L << 20;
        long ledger = vector + 1;
        try (TraceWriter writer = TraceWriter.open(trace, new TraceHeader(1, 1, 0, "17", "test", "", true, true), 50)) {
            writer.defineObject(new ObjectInfo(vector, "java.util.Vector", -1, -1));
            writer.defineObject(new ObjectInfo(ledger, "com.acme.Ledger", -1, -1));
            ThreadEventBuffer b = writer.newThreadBuffer(0);
            b.threadBegin();
            b.lockAcquire(ledger, 1, LockFlags.MONITOR);
            for (int i = 0; i < 4; i++) { // a JDK monitor held inside a call, under the ledger's lock
                b.lockAcquire(vector, 2, LockFlags.MONITOR | LockFlags.ORDER_ONLY);
                b.lockRelease(vector, 2, LockFlags.MONITOR | LockFlags.ORDER_ONLY);
            }
            b.lockRelease(ledger, 3, LockFlags.MONITOR);
            b.threadEnd();
        }

        TraceCensus census = new TraceCensus();
        TraceReader.read(trace, census);

        assertEquals(Map.of("java.util.Vector MONITOR|ORDER_ONLY", 8L, "com.acme.Ledger MONITOR", 2L),
                census.lockEvents);
        assertEquals(Map.of("java.util.Vector", 1L, "com.acme.Ledger", 1L), census.objects);
    }

    @Test
    void namesFlagsAsLockFlagsDoes() {
        assertEquals("MONITOR|ORDER_ONLY", TraceCensus.flags(LockFlags.MONITOR | LockFlags.ORDER_ONLY));
        assertEquals("SHARED|TRY|TIMED", TraceCensus.flags(LockFlags.SHARED | LockFlags.TRY | LockFlags.TIMED));
        assertEquals("plain", TraceCensus.flags(0));
    }
}
