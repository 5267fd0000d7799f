package dev.racelock.trace.format;

import dev.racelock.trace.EventLog;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.TestCaseInfo;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.TraceHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceRoundTripTest {

    static final TraceHeader HEADER = new TraceHeader(2, 4242, 1_700_000_000_000L, "17.0.15",
            "com.acme.Main --port 80", "output=t.rlt,mode=full", true, true);

    @TempDir
    Path dir;

    static EventLog read(Path file) throws IOException {
        EventLog log = EventLog.withStacks();
        log.end(TraceReader.read(file, log));
        return log;
    }

    @Test
    void everyEventKindAndDictionaryEntryReadsBackExactly() throws IOException {
        Path file = dir.resolve("all.rlt");
        EventLog expected = EventLog.withStacks();
        try (TraceWriter writer = TraceWriter.open(file, HEADER, 50)) {
            List<Object> dictionary = List.of(
                    new ThreadInfo(0, "main", -1, -1, false),
                    new ThreadInfo(1, "worker-1 \u00e9\u4e2d", 0, 7, true),
                    new MethodInfo(0, "com.acme.Counter", "increment", "()V", "Counter.java"),
                    new MethodInfo(1, "com.acme.Gen$1", "<init>", "(I)V", null),
                    new SiteInfo(7, 0, 12),
                    new SiteInfo(8, 1, -1),
                    new SiteInfo(9, 0, 13, 1),
                    new FieldInfo(3, "com.acme.Counter", "hits", "J", false, false),
                    new FieldInfo(4, "com.acme.Counter", "ready", "Z", true, true),
                    new ObjectInfo(99, "int[]", 7, -1),
                    new ObjectInfo(Long.MAX_VALUE, "java.util.concurrent.locks.ReentrantLock", -1, 3),
                    new TestCaseInfo(0, "[engine:junit-jupiter]/[class:com.acme.CounterTest]", "com.acme.CounterTest",
                            null, "CounterTest"),
                    new TestCaseInfo(1, "[engine:junit-jupiter]/[class:com.acme.CounterTest]/[method:racy()]",
                            "com.acme.CounterTest", "racy", "racy()"),
                    new TestCaseInfo(200, null, null, null, null));
            for (Object entry : dictionary) {
                define(writer, expected, entry);
            }
            RecordingThread t = new RecordingThread(writer, 0, expected);
            t.threadBegin()
                    .methodEnter(0, -1).methodEnter(1, 8).methodExit()
                    .read(5, 3, 7).read(5, 3, 8).write(5, 4, 6).write(6, 3, 7)      // compact forms
                    .read(0, 4, 700).write(-3, -1, -1).read(Long.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE)
                    .arrayRead(99, 0, 7).arrayRead(99, 1, 7).arrayWrite(99, 2, 8).arrayWrite(100, 1_000_000, 1_000)
                    .arrayRangeRead(99, 0, 10, 7).arrayRangeWrite(99, 5, Integer.MAX_VALUE, 7)
                    .volatileRead(5, 4, 7).volatileWrite(0, 4, 8).volatileWrite(Long.MAX_VALUE, -2, -1)
                    .lockRequest(11, 7, LockFlags.MONITOR).lockAcquire(11, 7, LockFlags.MONITOR)
                    .lockRelease(11, 7, LockFlags.MONITOR)
                    .lockRequest(12, 8, 0).lockAcquire(12, 8, LockFlags.TRY)
                    .lockAcquire(12, 8, LockFlags.SHARED | LockFlags.TIMED)
                    .lockRelease(12, 8, LockFlags.WAIT | LockFlags.MONITOR).lockAcquire(12, 8, LockFlags.ALL)
                    .threadStart(1, 7).threadJoin(1, 8)
                    .hbRelease(123456789012345L, 7).hbAcquire(-5, 7).hbAcquire(123456789012345L, 9)
                    .testStart(0).testStart(1).testEnd(1).testStart(200).testEnd(200).testEnd(0)
                    .methodExit()
                    .threadEnd();
        }
        EventLog actual = read(file);
        assertEquals(HEADER, actual.header);
        assertEquals(expected.lines, actual.lines);
        assertEquals(new TraceEnd(expected.events().size(), true, null), actual.end);
    }

    @Test
    void threadsMergeInAnOrderConsistentWithTheirLocking() throws Exception {
        Path file = dir.resolve("locks.rlt");
        int threads = 4;
        int rounds = 20_000;
        long lock = 1000;
        Object monitor = new Object();
        List<EventLog> recorded = new ArrayList<>();
        try (TraceWriter writer = TraceWriter.open(file, HEADER, 5)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                EventLog log = EventLog.withStacks();
                recorded.add(log);
                int id = i;
                workers.add(new Thread(() -> {
                    RecordingThread t = new RecordingThread(writer, id, log);
                    t.threadBegin();
                    awaitQuietly(go);
                    for (int r = 0; r < rounds; r++) {
                        t.read(id + 1, r % 3, 10 + r % 5);
                        synchronized (monitor) {
                            t.lockAcquire(lock, 20, LockFlags.MONITOR);      // acquire: after it happened
                            t.write(lock + 1, 1, 21);
                            t.lockRelease(lock, 22, LockFlags.MONITOR);      // release: before it happens
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
        EventLog actual = read(file);
        assertTrue(actual.end.complete(), actual.end.toString());
        for (int i = 0; i < threads; i++) {
            assertEquals(recorded.get(i).events(), actual.eventsOf(i), "program order of T" + i);
        }
        assertEquals(threads * rounds, assertOneHolderAtATime(actual.events()));
    }

    /**
     * The one lock of a merged trace is held by one thread at a time, and every plain write is
     * made by its holder: acquire and release alternate. Returns how many times it was acquired.
     */
    static int assertOneHolderAtATime(List<String> events) {
        String holder = null;
        int handOvers = 0;
        for (String line : events) {
            String thread = line.substring(0, line.indexOf(' '));
            if (line.contains(" acquire ")) {
                assertNull(holder, "acquired while held: " + line);
                holder = thread;
                handOvers++;
            } else if (line.contains(" release ")) {
                assertEquals(holder, thread, line);
                holder = null;
            } else if (line.contains(" write ")) {
                assertEquals(holder, thread, "protected write outside the lock: " + line);
            }
        }
        return handOvers;
    }

    @Test
    void testMarkersArePlacedAmongOtherThreadsEventsByTheirNumbers() throws Exception {
        Path file = dir.resolve("tests.rlt");
        try (TraceWriter writer = TraceWriter.open(file, HEADER, 50)) {
            writer.defineTest(new TestCaseInfo(0, "u0", "com.acme.ATest", "first", "first()"));
            writer.defineTest(new TestCaseInfo(1, "u1", "com.acme.ATest", "second", "second()"));
            ThreadEventBuffer runner = writer.newThreadBuffer(0);
            ThreadEventBuffer worker = writer.newThreadBuffer(1);
            runner.threadBegin();
            worker.threadBegin();
            runner.testStart(0);
            worker.hbAcquire(9, 1);
            worker.write(5, 1, 2);   // plain: placed after the worker's acquire, inside test 0
            runner.testEnd(0);
            runner.testStart(1);
            worker.hbRelease(9, 3);
            worker.write(5, 1, 4);   // inside test 1
            runner.testEnd(1);
            worker.threadEnd();
            runner.threadEnd();
        }
        assertEquals(List.of("T0 begin", "T1 begin", "T0 teststart 0", "T1 hbacquire 9 @1", "T1 write 5.1 @2",
                "T0 testend 0", "T0 teststart 1", "T1 hbrelease 9 @3", "T1 write 5.1 @4", "T0 testend 1", "T1 end",
                "T0 end"), read(file).events());
    }

    @Test
    void flushWritesPartlyFilledBuffersWhileRecordingGoesOn() throws IOException {
        Path file = dir.resolve("flush.rlt");
        EventLog expected = EventLog.withStacks();
        try (TraceWriter writer = TraceWriter.open(file, HEADER, 60_000)) {
            writer.defineThread(new ThreadInfo(0, "main", -1, -1, false));
            expected.thread(new ThreadInfo(0, "main", -1, -1, false));
            RecordingThread t = new RecordingThread(writer, 0, expected);
            t.threadBegin().read(1, 2, 3).write(1, 2, 4);
            writer.flush();
            EventLog whileOpen = read(file);
            assertEquals(expected.lines, whileOpen.lines);
            assertFalse(whileOpen.end.complete());
            assertTrue(whileOpen.end.problem().startsWith("trace truncated at byte "), whileOpen.end.problem());
            t.read(1, 2, 5); // the same buffer keeps going after the flush
        }
        assertEquals(expected.lines, read(file).lines);
    }

    @Test
    void recordingAfterCloseIsIgnored() throws IOException {
        Path file = dir.resolve("closed.rlt");
        EventLog expected = EventLog.withStacks();
        TraceWriter writer = TraceWriter.open(file, HEADER, 50);
        RecordingThread t = new RecordingThread(writer, 0, expected);
        t.threadBegin().write(7, 1, 1);
        writer.close();
        long lengthAtClose = file.toFile().length();
        for (int i = 0; i < 1_000_000; i++) { // many segments' worth: the buffer must recycle, not grow
            t.buffer.write(7, 1, 1);
            t.buffer.lockAcquire(8, 2, LockFlags.MONITOR);
        }
        writer.defineThread(new ThreadInfo(0, "late", -1, -1, false));
        writer.objectFreed(7);
        writer.flush();
        writer.newThreadBuffer(1).threadBegin();
        writer.close();
        assertEquals(lengthAtClose, file.toFile().length());
        EventLog actual = read(file);
        assertEquals(expected.lines, actual.lines);
        assertTrue(actual.end.complete());
        assertNull(writer.failure());
    }

    @Test
    void eventsAfterThreadEndAreIgnored() throws IOException {
        Path file = dir.resolve("ended.rlt");
        EventLog expected = EventLog.withStacks();
        try (TraceWriter writer = TraceWriter.open(file, HEADER, 50)) {
            RecordingThread t = new RecordingThread(writer, 3, expected);
            t.threadBegin().read(1, 1, 1).threadEnd();
            t.buffer.read(1, 1, 2);
            t.buffer.threadEnd();
        }
        assertEquals(expected.lines, read(file).lines);
    }

    @Test
    void manySegmentsOfOneThreadReadBackInOrder() throws IOException {
        Path file = dir.resolve("long.rlt");
        int events = 3_000_000;
        try (TraceWriter writer = TraceWriter.open(file, HEADER, 50)) {
            ThreadEventBuffer b = writer.newThreadBuffer(0);
            for (int i = 0; i < events; i++) {
                if (i % 100 == 0) {
                    b.volatileWrite(i, 1, 2);
                } else {
                    b.arrayWrite(77, i, i % 7);
                }
            }
        }
        long[] seen = new long[1];
        int[] mismatches = new int[1];
        List<Long> progress = new ArrayList<>();
        TraceEnd end = TraceReader.read(file, new dev.racelock.trace.EventVisitor() {
            @Override
            public void arrayWrite(int thread, long array, int index, int site) {
                if (array != 77 || index != seen[0] || site != index % 7) {
                    mismatches[0]++;
                }
                seen[0]++;
            }

            @Override
            public void volatileWrite(int thread, long object, int slot, int site) {
                if (object != seen[0]) {
                    mismatches[0]++;
                }
                seen[0]++;
            }
        }, (bytesRead, bytesTotal, eventsRead) -> progress.add(eventsRead));
        assertEquals(new TraceEnd(events, true, null), end);
        assertTrue(progress.size() >= 3, "told about progress every million events: " + progress);
        assertEquals(events, progress.get(progress.size() - 1));
        assertEquals(events, seen[0]);
        assertEquals(0, mismatches[0]);
    }

    @Test
    void manyShortLivedThreadsAreAllWritten() throws Exception {
        Path file = dir.resolve("many.rlt");
        int threads = 300;
        List<EventLog> recorded = new ArrayList<>();
        try (TraceWriter writer = TraceWriter.open(file, HEADER, 1)) {
            for (int batch = 0; batch < threads; batch += 30) {
                List<Thread> running = new ArrayList<>();
                for (int i = batch; i < batch + 30; i++) {
                    EventLog log = EventLog.withStacks();
                    recorded.add(log);
                    int id = i;
                    running.add(new Thread(() -> {
                        RecordingThread t = new RecordingThread(writer, id, log);
                        t.threadBegin();
                        for (int n = 0; n < 200; n++) {
                            t.write(id, n, 1).hbRelease(id, 2);
                        }
                        t.threadEnd();
                    }));
                }
                running.forEach(Thread::start);
                for (Thread r : running) {
                    r.join();
                }
            }
        }
        EventLog actual = read(file);
        assertTrue(actual.end.complete());
        for (int i = 0; i < threads; i++) {
            assertEquals(recorded.get(i).events(), actual.eventsOf(i), "T" + i);
        }
    }

    @Test
    void freedObjectsAndObservedDeadlocksReadBack() throws IOException {
        Path file = dir.resolve("freed.rlt");
        ObservedDeadlock deadlock = new ObservedDeadlock(1234, List.of(
                new ObservedDeadlock.BlockedThread(0, "a", 11, "java.lang.Object", "b",
                        List.of(new ObservedDeadlock.Frame("com.acme.A", "run", "A.java", 10),
                                new ObservedDeadlock.Frame("com.acme.A", "lambda$0", null, -1))),
                new ObservedDeadlock.BlockedThread(-1, "b", 0, "java.lang.Object", "a", List.of())));
        try (TraceWriter writer = TraceWriter.open(file, HEADER, 50)) {
            ThreadEventBuffer t = writer.newThreadBuffer(0);
            t.threadBegin();
            t.write(5, 1, 1);
            writer.flush();
            writer.objectFreed(5);
            writer.objectFreed(3);
            writer.flush();
            t.volatileWrite(6, 1, 1);
            writer.observedDeadlock(deadlock);
        }
        EventLog actual = read(file);
        assertEquals(List.of("T0 begin", "T0 write 5.1 @1", "freed 3", "freed 5", "T0 vwrite 6.1 @1",
                "deadlock " + deadlock), actual.lines, "deadlocks come after every event");
    }

    /** Defines {@code entry} in the writer and expects it back from the reader. */
    static void define(TraceWriter writer, EventLog expected, Object entry) {
        if (entry instanceof ThreadInfo t) {
            writer.defineThread(t);
            expected.thread(t);
        } else if (entry instanceof MethodInfo m) {
            writer.defineMethod(m);
            expected.method(m);
        } else if (entry instanceof SiteInfo s) {
            writer.defineSite(s);
            expected.site(s);
        } else if (entry instanceof FieldInfo f) {
            writer.defineField(f);
            expected.field(f);
        } else if (entry instanceof ObjectInfo o) {
            writer.defineObject(o);
            expected.object(o);
        } else if (entry instanceof TestCaseInfo t) {
            writer.defineTest(t);
            expected.testCase(t);
        } else {
            throw new AssertionError(entry);
        }
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
