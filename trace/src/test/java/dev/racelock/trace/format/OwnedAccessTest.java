package dev.racelock.trace.format;

import dev.racelock.trace.EventLog;
import dev.racelock.trace.LastOwnedAccess;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.LockSetInfo;
import dev.racelock.trace.TraceHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Format 2.1's owned accesses (docs/trace-format.md, "Owned accesses"): an order mark, lock sets,
 * and accesses another thread made earlier, each naming the owner's stack as a context node.
 */
class OwnedAccessTest {

    private static final TraceHeader OWNED = new TraceHeader(2, 1, 0, "17", "test", "", true, true, true);

    @TempDir
    Path dir;

    /**
     * Thread 0 owns object 5 and touches it in a stack in which it records nothing else; thread 1
     * writes its accesses out at the sharing.
     */
    private static void record(TraceWriter writer) {
        ThreadEventBuffer owner = writer.newThreadBuffer(0);
        owner.threadBegin();
        owner.methodEnter(1, -1);
        owner.methodEnter(2, 8);
        int context = owner.currentContext(); // a stack no event of the owner is recorded in
        owner.methodExit();
        owner.methodExit();
        owner.lockAcquire(9, 3, LockFlags.MONITOR);
        writer.defineLockSet(new LockSetInfo(1, 0, 9, 3, LockFlags.MONITOR));
        ThreadEventBuffer taker = writer.newThreadBuffer(1);
        taker.threadBegin();
        taker.methodEnter(4, -1);
        taker.read(7, 1, 20);
        taker.orderMark();
        taker.ownedWrite(0, 5, 6, 10, 2, 1, context, 11);
        taker.ownedRead(0, 5, 6, 11, 2, 0, 0);
        taker.read(5, 6, 21);
        taker.threadEnd(LastOwnedAccess.NONE);
        owner.threadEnd(2);
    }

    @Test
    void ownedAccessesReadBackWithTheOwnersStackAndTheHeaderFlag() throws IOException {
        Path file = dir.resolve("owned.rlt");
        try (TraceWriter writer = TraceWriter.open(file, OWNED, 60_000)) {
            record(writer);
        }
        EventLog log = TraceRoundTripTest.read(file);
        assertTrue(log.header.mayHoldOwnedAccesses());
        assertEquals(List.of(
                "T1 mark",
                "T1 owned-write T0 5.6 @10 r2 L1 in m1@-1 m2@8 after @11",
                "T1 owned-read T0 5.6 @11 r2 L0 in",
                "T1 read 5.6 @21"), log.eventsOf(1).subList(3, 7));
        assertTrue(log.lines.contains("lockset " + new LockSetInfo(1, 0, 9, 3, LockFlags.MONITOR)));
    }

    /**
     * Format 2.5: a thread's end says how many releases it had made at its last owned access, or
     * that it kept none; the end of format 2.4 says nothing (an analysis then assumes any epoch).
     */
    @Test
    void aThreadEndSaysWhenItsLastOwnedAccessWas() throws IOException {
        Path file = dir.resolve("owned.rlt");
        try (TraceWriter writer = TraceWriter.open(file, OWNED, 60_000)) {
            record(writer);
            ThreadEventBuffer old = writer.newThreadBuffer(2);
            old.threadBegin();
            old.threadEnd(); // as a writer of format 2.4 ends a thread
        }
        EventLog log = TraceRoundTripTest.read(file);
        assertEquals("T0 end owned r2", last(log.eventsOf(0)));
        assertEquals("T1 end owned none", last(log.eventsOf(1)));
        assertEquals("T2 end", last(log.eventsOf(2)));
    }

    private static String last(List<String> events) {
        return events.get(events.size() - 1);
    }

    @Test
    void aReEncodedTraceNamesTheSameStacks() throws IOException {
        Path file = dir.resolve("owned.rlt");
        try (TraceWriter writer = TraceWriter.open(file, OWNED, 60_000)) {
            record(writer);
        }
        Path copy = dir.resolve("copy.rlt");
        BinaryTraceExporter exporter = new BinaryTraceExporter(copy);
        TraceReader.read(file, exporter);
        exporter.finish();
        EventLog original = TraceRoundTripTest.read(file);
        EventLog reEncoded = TraceRoundTripTest.read(copy);
        assertEquals(original.eventsOf(0), reEncoded.eventsOf(0));
        assertEquals(original.eventsOf(1), reEncoded.eventsOf(1));
        assertTrue(reEncoded.header.mayHoldOwnedAccesses());
    }
}
