package dev.racelock.trace.format;

import dev.racelock.trace.ContextInfo;
import dev.racelock.trace.EventLog;
import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.TraceEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Format 2's calling contexts: a shadow stack per buffer, nodes of one tree, context events only where needed. */
class CallingContextTest {

    @TempDir
    Path dir;

    private static List<String> stackLines(List<String> lines) {
        return lines.stream().filter(l -> l.contains(" stack")).toList();
    }

    @Test
    void callsThatRecordNothingWriteNothing() throws IOException {
        Path file = dir.resolve("calls.rlt");
        try (TraceWriter writer = TraceWriter.open(file, TraceRoundTripTest.HEADER, 60_000)) {
            ThreadEventBuffer b = writer.newThreadBuffer(0);
            b.threadBegin();
            for (int i = 0; i < 10_000; i++) {
                b.methodEnter(1, 2);
                b.methodEnter(3, 4);
                b.methodExit();
                b.methodExit();
            }
            b.read(5, 6, 7);
            b.threadEnd();
        }
        assertEquals(List.of("T0 begin", "T0 read 5.6 @7", "T0 end"), TraceRoundTripTest.read(file).events());
    }

    @Test
    void aMethodCalledInALoopWritesItsContextOnce() throws IOException {
        Path file = dir.resolve("loop.rlt");
        EventLog expected = EventLog.withStacks();
        try (TraceWriter writer = TraceWriter.open(file, TraceRoundTripTest.HEADER, 60_000)) {
            RecordingThread t = new RecordingThread(writer, 0, expected);
            t.threadBegin().methodEnter(0, -1);
            for (int i = 0; i < 1000; i++) {
                t.methodEnter(1, 8).write(5, 6, 9).methodExit();
            }
            t.methodExit().threadEnd();
        }
        EventLog actual = TraceRoundTripTest.read(file);
        assertEquals(expected.events(), actual.events());
        assertEquals(List.of("T0 stack m0@-1 m1@8", "T0 stack"), stackLines(actual.events()));
    }

    @Test
    void everyEventThatHasAStackCarriesTheOneItWasRecordedIn() throws IOException {
        Path file = dir.resolve("stacks.rlt");
        EventLog expected = EventLog.withStacks();
        try (TraceWriter writer = TraceWriter.open(file, TraceRoundTripTest.HEADER, 60_000)) {
            RecordingThread t = new RecordingThread(writer, 0, expected);
            t.threadBegin().methodEnter(0, -1).read(1, 1, 1)
                    .methodEnter(1, 2).methodEnter(2, 3).lockAcquire(9, 4, 1)      // two frames at once
                    .methodExit().methodEnter(2, 5).lockRelease(9, 6, 1)          // a sibling: same method, other call site
                    .methodExit().methodExit().methodEnter(1, 2).hbRelease(3, 7)  // back to a stack seen before
                    .methodExit().methodExit().methodExit()                        // one exit too many is ignored
                    .volatileWrite(1, 2, 8)
                    .methodEnter(3, -1).threadEnd();
        }
        EventLog actual = TraceRoundTripTest.read(file);
        assertEquals(expected.events(), actual.events());
        // the hand-off and the volatile write have none: no stack line before them
        assertEquals(List.of("T0 stack m0@-1", "T0 stack m0@-1 m1@2 m2@3", "T0 stack m0@-1 m1@2 m2@5",
                "T0 stack m3@-1"), stackLines(actual.events()));
    }

    @Test
    void methodExitGivesTheCallSiteTheMethodWasEnteredFrom() throws IOException {
        try (TraceWriter writer = TraceWriter.open(dir.resolve("sites.rlt"), TraceRoundTripTest.HEADER, 60_000)) {
            ThreadEventBuffer b = inMethodOneFromSiteEight(writer);
            assertEquals(8, b.methodExit());
            assertEquals(ContextInfo.THREAD_ENTRY, b.methodExit());
            assertEquals(ContextInfo.UNRECORDED_CALLER, b.methodExit(), "nothing entered");
        }
    }

    /** Leaving a method takes the frames left above it without an exit (a constructor whose this(...) threw). */
    @Test
    void leavingAMethodTakesTheFramesLeftAboveIt() throws IOException {
        try (TraceWriter writer = TraceWriter.open(dir.resolve("left.rlt"), TraceRoundTripTest.HEADER, 60_000)) {
            ThreadEventBuffer b = writer.newThreadBuffer(0);
            b.methodEnter(0, ContextInfo.THREAD_ENTRY);
            int outer = b.currentContext();
            b.methodEnter(1, 8);
            b.methodEnter(2, 9); // left by an exception, without an exit
            assertEquals(8, b.methodExit(1));
            assertEquals(outer, b.currentContext(), "back in method 0 alone");
            b.methodEnter(3, 10);
            assertEquals(10, b.methodExit(7), "a method with no frame: the innermost frame goes, as before");
            assertEquals(ContextInfo.THREAD_ENTRY, b.methodExit(0));
            assertEquals(ContextInfo.UNRECORDED_CALLER, b.methodExit(0), "nothing entered");
        }
    }

    /** A method that caught an exception takes the frames it left above the method, and stays itself. */
    @Test
    void aMethodThatCaughtTakesTheFramesLeftAboveIt() throws IOException {
        try (TraceWriter writer = TraceWriter.open(dir.resolve("caught.rlt"), TraceRoundTripTest.HEADER, 60_000)) {
            ThreadEventBuffer b = inMethodOneFromSiteEight(writer);
            int inOne = b.currentContext();
            b.methodEnter(2, 9); // a constructor left by an exception, without an exit
            b.methodEnter(3, 10);
            assertEquals(9, b.methodResumed(1, 11), "where method 1 called out when the exception came");
            assertEquals(inOne, b.currentContext(), "in method 1 again, without the frames above it");
            assertEquals(12, b.methodResumed(1, 12), "nothing above it: the call site stays");
            assertEquals(12, b.methodResumed(7, 12), "a method with no frame: nothing goes");
            assertEquals(inOne, b.currentContext());
            assertEquals(8, b.methodExit(1));
        }
    }

    /** Thread 0's buffer, in method 0 (its thread's entry) and method 1, called from site 8. */
    private static ThreadEventBuffer inMethodOneFromSiteEight(TraceWriter writer) {
        ThreadEventBuffer b = writer.newThreadBuffer(0);
        b.methodEnter(0, ContextInfo.THREAD_ENTRY);
        b.methodEnter(1, 8);
        return b;
    }

    @Test
    void threadsShareTheNodesOfTheStacksTheyHaveInCommon() throws Exception {
        Path file = dir.resolve("shared.rlt");
        try (TraceWriter writer = TraceWriter.open(file, TraceRoundTripTest.HEADER, 60_000)) {
            for (int thread = 0; thread < 3; thread++) {
                ThreadEventBuffer b = writer.newThreadBuffer(thread);
                b.threadBegin();
                b.methodEnter(0, -1);
                b.methodEnter(1, 2);
                b.read(5, 6, 7);
                b.methodEnter(thread == 2 ? 4 : 3, 8);    // thread 2 alone calls method 4
                b.write(5, 6, 9);
                b.threadEnd();
            }
        }
        List<ContextInfo> nodes = new ArrayList<>();
        TraceReader.read(file, new EventVisitor() {
            @Override public void contextNode(ContextInfo node) { nodes.add(node); }
        });
        assertEquals(List.of(new ContextInfo(1, 0, 0, -1), new ContextInfo(2, 1, 1, 2), new ContextInfo(3, 2, 3, 8),
                new ContextInfo(4, 2, 4, 8)), nodes);
    }

    @Test
    void deepRecursionReadsBackFrameByFrame() throws IOException {
        Path file = dir.resolve("deep.rlt");
        EventLog expected = EventLog.withStacks();
        try (TraceWriter writer = TraceWriter.open(file, TraceRoundTripTest.HEADER, 60_000)) {
            RecordingThread t = new RecordingThread(writer, 0, expected);
            t.threadBegin();
            for (int depth = 0; depth < 5_000; depth++) {
                t.methodEnter(7, depth == 0 ? -1 : 3);
                if (depth % 1000 == 999) {
                    t.read(1, 2, 3);
                }
            }
            for (int depth = 0; depth < 5_000; depth++) {
                t.methodExit();
            }
            t.threadEnd();
        }
        assertEquals(expected.events(), TraceRoundTripTest.read(file).events());
    }

    /** Many threads creating many nodes at once: the tree grows under them and every stack reads back. */
    @Test
    void concurrentThreadsWithThousandsOfStacksReadBackExactly() throws Exception {
        Path file = dir.resolve("many.rlt");
        int threads = 4;
        List<EventLog> recorded = new ArrayList<>();
        try (TraceWriter writer = TraceWriter.open(file, TraceRoundTripTest.HEADER, 5)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                EventLog log = EventLog.withStacks();
                recorded.add(log);
                int id = i;
                workers.add(new Thread(() -> {
                    Random random = new Random(id);
                    RecordingThread t = new RecordingThread(writer, id, log);
                    t.threadBegin();
                    TraceRoundTripTest.awaitQuietly(go);
                    int depth = 0;
                    for (int step = 0; step < 20_000; step++) {
                        int choice = random.nextInt(10);
                        if (choice < 4 && depth < 40) {
                            t.methodEnter(random.nextInt(30), random.nextInt(4) - 1);
                            depth++;
                        } else if (choice < 8 && depth > 0) {
                            t.methodExit();
                            depth--;
                        } else {
                            t.write(id, step % 5, step % 7);
                            t.lockAcquire(99, 1, 1).lockRelease(99, 1, 1);
                        }
                    }
                    t.threadEnd();
                }));
            }
            workers.forEach(Thread::start);
            go.countDown();
            for (Thread w : workers) {
                w.join();
            }
        }
        EventLog actual = TraceRoundTripTest.read(file);
        assertTrue(actual.end.complete(), actual.end.toString());
        for (int i = 0; i < threads; i++) {
            assertEquals(recorded.get(i).events(), actual.eventsOf(i), "T" + i);
        }
    }

    @Test
    void theCallEventsEncodingWritesEveryEnterAndExit() throws IOException {
        Path file = dir.resolve("call-events.rlt");
        try (TraceWriter writer = TraceWriter.open(file, TraceRoundTripTest.HEADER, 60_000,
                TraceWriter.Contexts.CALL_EVENTS)) {
            ThreadEventBuffer b = writer.newThreadBuffer(0);
            b.threadBegin();
            b.methodEnter(0, -1);
            b.methodEnter(1, 8);
            assertEquals(8, b.methodExit());
            b.read(5, 6, 7);
            assertEquals(0, b.currentContext(), "no tree");
            b.methodExit();
            b.methodExit();
            b.threadEnd();
        }
        EventLog raw = new EventLog();
        TraceReader.read(file, raw);
        assertEquals(List.of("T0 begin", "T0 enter m0 @-1", "T0 enter m1 @8", "T0 exit", "T0 read 5.6 @7", "T0 exit",
                "T0 exit", "T0 end"), raw.events());
    }

    /**
     * A format 1.1 trace written by racelock before format 2 (the same events as {@code GenV1}
     * in the commit that added format 2 describes): method enter and exit events, test markers.
     */
    @Test
    void aFormat1TraceReadsAsBefore() throws IOException {
        Path file = dir.resolve("v1.1-calls.rlt");
        try (InputStream in = getClass().getResourceAsStream("v1.1-calls.rlt")) {
            Files.copy(in, file);
        }
        EventLog log = new EventLog();
        TraceEnd end = TraceReader.read(file, log);
        assertEquals(1, log.header.formatVersion());
        assertEquals(List.of("T0 begin", "T0 enter m0 @-1", "T0 teststart 0", "T0 enter m1 @8", "T0 write 100.3 @20",
                "T0 exit", "T0 enter m1 @9", "T0 exit", "T0 start T1 @9", "T1 begin", "T1 enter m1 @-1",
                "T1 read 100.3 @20", "T1 acquire 5 @20 f1", "T1 release 5 @20 f1", "T1 exit", "T1 end",
                "T0 join T1 @9", "T0 testend 0", "T0 exit", "T0 end"), log.events());
        assertEquals(new TraceEnd(20, true, null), end);
    }
}
