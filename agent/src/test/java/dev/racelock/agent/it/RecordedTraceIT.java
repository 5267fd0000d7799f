package dev.racelock.agent.it;

import dev.racelock.agent.it.TraceEvents.Event;
import dev.racelock.trace.ContextInfo;
import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.format.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Child JVMs recorded with the packaged agent; their traces read back with TraceReader. */
class RecordedTraceIT {

    @TempDir
    Path dir;

    private TraceEvents record(ChildJvm jvm, String options, String main, String... args) throws Exception {
        ChildJvm.Result result = jvm.agent("quiet=true,output=trace.rlt" + options).run(dir, main, args);
        assertEquals(0, result.exitCode(), result.stderr());
        TraceEvents trace = TraceEvents.read(dir.resolve("trace.rlt"));
        assertTrue(trace.end.complete(), String.valueOf(trace.end));
        return trace;
    }

    private static int lineOf(String fixture, String marker) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/java/dev/racelock/fixture/" + fixture + ".java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("// " + marker)) {
                return i + 1;
            }
        }
        throw new AssertionError(marker);
    }

    private static Event one(TraceEvents t, String kind, String field, int line) {
        List<Event> found = t.where(e -> e.kind().equals(kind) && t.field(e) != null
                && t.field(e).name().equals(field) && t.line(e) == line);
        assertEquals(1, found.size(), kind + " " + field + " at " + line);
        return found.get(0);
    }

    /** Every access as it happens ({@code ownership=off}: the filter would keep the accesses of unshared objects beside them). */
    private static final String EVERY_ACCESS = ",ownership=off";

    @Test
    void recordsFieldsArraysLocksThreadsAndStacksOfAProgram() throws Exception {
        checkProgram(record(new ChildJvm(), EVERY_ACCESS, "dev.racelock.fixture.Program"));
    }

    /**
     * stacks=on (format 2) writes no event per call, only a context event where an event's stack
     * differs from the previous one's; stacks=calls writes every enter and exit. Both give each
     * access the same stack.
     */
    @Test
    void stacksAreContextNodesByDefaultAndAnEventPerCallWithStacksCalls() throws Exception {
        TraceEvents tree = record(new ChildJvm(), "", "dev.racelock.fixture.Program");
        int[] treeCounts = rawCalls(dir.resolve("trace.rlt"));
        TraceEvents calls = record(new ChildJvm(), ",stacks=calls", "dev.racelock.fixture.Program");
        int[] callCounts = rawCalls(dir.resolve("trace.rlt"));
        assertEquals(0, treeCounts[0], "no method enter events");
        assertTrue(treeCounts[1] > 0, "context events");
        assertTrue(callCounts[0] > treeCounts[1], "an enter per call: " + callCounts[0]);
        assertEquals(0, callCounts[1], "no context events");
        int answerLine = lineOf("Calls", "@readAnswer");
        Event inTree = one(tree, "read", "answer", answerLine);
        Event inCalls = one(calls, "read", "answer", answerLine);
        assertEquals(List.of("Program.main", "Calls.run", "Calls.outer", "Calls.inner"), stackAt(tree, inTree));
        assertEquals(stackAt(tree, inTree), stackAt(calls, inCalls));
    }

    /**
     * A method entered from code that is not instrumented gets no caller it did not have: the
     * pool's second task runs on the thread of the first, after it returned, and its stack is
     * that task alone, entered from no call site; a callback the JDK calls from an instrumented
     * method's call has that method as caller, at the line of that call. The same with an event
     * per call.
     */
    @Test
    void aMethodEnteredFromUninstrumentedCodeHasNoCallerThatDidNotCallIt() throws Exception {
        for (String stacks : List.of("", ",stacks=calls")) {
            TraceEvents t = record(new ChildJvm(), stacks, "dev.racelock.fixture.PoolTasks");
            assertEquals(List.of("PoolTasks$Submitter.run@-1"),
                    stackWithCallLines(t, one(t, "write", "submitted", lineOf("PoolTasks", "@submitted"))), stacks);
            assertEquals(List.of("PoolTasks$Reaper.run@-1"),
                    stackWithCallLines(t, one(t, "write", "reaped", lineOf("PoolTasks", "@reaped"))), stacks);
            assertEquals(List.of("PoolTasks.main@-1", "PoolTasks.iterate@" + lineOf("PoolTasks", "@iterate"),
                            "PoolTasks$Toucher.accept@" + lineOf("PoolTasks", "@forEach")),
                    stackWithCallLines(t, t.where(e -> e.kind().equals("write") && t.field(e) != null
                            && t.field(e).name().equals("touched")).get(0)), stacks);
        }
    }

    /**
     * A constructor whose {@code this(...)} call threw left its frame without an exit; the lambda
     * that called it, left by its exception, takes that frame with its own, so main's next write
     * is in main alone and not in frames of code that has returned. When main catches such an
     * exception itself, its handler takes the frame (Rt.caught), before main's own exit.
     */
    @Test
    void framesLeftByAnExceptionDoNotStayOnTheStack() throws Exception {
        TraceEvents t = record(new ChildJvm(), "", "dev.racelock.fixture.ThrowingConstructor");
        assertEquals(List.of("ThrowingConstructor.main@-1"),
                stackWithCallLines(t, one(t, "write", "after", lineOf("ThrowingConstructor", "@after"))));
        assertEquals(List.of("ThrowingConstructor.main@-1"),
                stackWithCallLines(t, one(t, "write", "caught", lineOf("ThrowingConstructor", "@caught"))));
    }

    /**
     * The outermost frame says what called it (trace format 2.4): a pool's tasks and main (the
     * launcher) were called by code racelock does not record; a Thread subclass's run, and the
     * Runnable or lambda a Thread was given, are their thread's entry. On JDK 17 (this JVM) and 25.
     */
    @Test
    void theOutermostFrameSaysWhetherItIsItsThreadsEntryOrCalledByUnrecordedCode() throws Exception {
        List<ChildJvm> jvms = new java.util.ArrayList<>(List.of(new ChildJvm()));
        if (Files.isExecutable(ChildJvm.JDK25)) {
            jvms.add(new ChildJvm().java(ChildJvm.JDK25));
        }
        for (ChildJvm jvm : jvms) {
            TraceEvents t = record(jvm, "", "dev.racelock.fixture.PoolTasks");
            String unrecorded = "@" + ContextInfo.UNRECORDED_CALLER;
            String entry = "@" + ContextInfo.THREAD_ENTRY;
            assertEquals(List.of("PoolTasks$Submitter.run" + unrecorded), outermostCallers(t, "submitted", "@submitted"));
            assertEquals(List.of("PoolTasks$Reaper.run" + unrecorded), outermostCallers(t, "reaped", "@reaped"));
            assertEquals(List.of("PoolTasks.main" + unrecorded), outermostCallers(t, "touched", "@touched"));
            assertEquals(List.of("PoolTasks$Own.run" + entry), outermostCallers(t, "ownRun", "@ownRun"));
            assertEquals(List.of("PoolTasks$Given.run" + entry), outermostCallers(t, "givenRun", "@givenRun"));
            List<String> lambda = outermostCallers(t, "lambdaRun", "@lambdaRun");
            assertEquals(1, lambda.size(), lambda.toString());
            assertTrue(lambda.get(0).startsWith("PoolTasks.lambda$") && lambda.get(0).endsWith(entry), lambda.toString());
        }
    }

    /** The outermost frame of the stack of the write of {@code field} at the marked line, with its raw call site. */
    private static List<String> outermostCallers(TraceEvents t, String field, String marker) throws IOException {
        List<String> frames = frames(t, one(t, "write", field, lineOf("PoolTasks", marker)), enter -> "@" + enter.site());
        return frames.isEmpty() ? List.of() : List.of(frames.get(0));
    }

    /** Raw counts in a trace: {method enter events, context events}. */
    private static int[] rawCalls(Path trace) throws IOException {
        int[] counts = new int[2];
        TraceReader.read(trace, new EventVisitor() {
            @Override public void methodEnter(int thread, int method, int callSite) { counts[0]++; }
            @Override public void context(int thread, int node) { counts[1]++; }
        });
        return counts;
    }

    /** Simple class and method names of the frames on the event's thread's stack, outermost first. */
    private static List<String> stackAt(TraceEvents t, Event at) {
        return frames(t, at, enter -> "");
    }

    /** As {@link #stackAt}, each frame with the line of the call site it was entered from (-1: none). */
    private static List<String> stackWithCallLines(TraceEvents t, Event at) {
        return frames(t, at, enter -> "@" + (enter.site() < 0 ? -1 : t.sites.get(enter.site()).line()));
    }

    /** As {@link #stackAt}, each frame followed by what {@code suffix} says of the enter event that pushed it. */
    private static List<String> frames(TraceEvents t, Event at, java.util.function.Function<Event, String> suffix) {
        java.util.ArrayDeque<String> stack = new java.util.ArrayDeque<>();
        for (Event e : t.events) {
            if (e == at) {
                break;
            }
            if (e.thread() != at.thread()) {
                continue;
            }
            if (e.kind().equals("methodEnter")) {
                String owner = t.methods.get(e.slot()).className();
                stack.addLast(owner.substring(owner.lastIndexOf('.') + 1) + "." + t.methods.get(e.slot()).name()
                        + suffix.apply(e));
            } else if (e.kind().equals("methodExit") && !stack.isEmpty()) {
                stack.removeLast();
            }
        }
        return List.copyOf(stack);
    }

    @Test
    void recordsTheSameOnJdk25() throws Exception {
        assumeTrue(Files.isExecutable(ChildJvm.JDK25), "JDK 25 not installed");
        checkProgram(record(new ChildJvm().java(ChildJvm.JDK25), EVERY_ACCESS, "dev.racelock.fixture.Program"));
    }

    private static void checkProgram(TraceEvents t) throws IOException {
        assertTrue(t.header.recordsMemory() && t.header.recordsStacks());
        // fields, with the declaring class and the line
        Event write = one(t, "write", "plain", lineOf("Fields", "@write plain"));
        assertEquals(write.object(), one(t, "read", "plain", lineOf("Fields", "@read plain")).object());
        assertEquals(0, one(t, "write", "shared", lineOf("Fields", "@write shared")).object());
        FieldInfo inherited = t.field(one(t, "volatileWrite", "inherited", lineOf("Fields", "@volatileWrite inherited")));
        assertEquals("dev.racelock.fixture.FieldsBase", inherited.owner());
        assertTrue(inherited.isVolatile());
        one(t, "volatileRead", "wideFlag", lineOf("Fields", "@volatileRead wideFlag"));
        assertTrue(t.where(e -> (e.kind().equals("read") || e.kind().equals("write")) && t.field(e).isVolatile())
                .isEmpty(), "a volatile access is never plain");
        // arrays: nine element types, stored at index 1
        int stores = lineOf("Arrays", "@stores");
        assertEquals(9, t.where(e -> e.kind().equals("arrayWrite") && t.line(e) == stores && e.slot() == 1).size());
        // monitors: the block left by an exception is released
        int throwing = lineOf("Monitors", "@throwing");
        long m = t.where(e -> e.kind().equals("lockAcquire") && t.line(e) == throwing).get(0).object();
        assertEquals(List.of("lockRequest", "lockAcquire", "lockRelease", "lockAcquire", "lockRelease"),
                t.where(e -> e.object() == m && e.kind().startsWith("lock")).stream().map(Event::kind)
                        .collect(Collectors.toList()));
        assertTrue(t.where(e -> e.kind().startsWith("lock")).stream().allMatch(e -> LockFlags.isMonitor(e.flags())));
        // threads: the lambda thread (run() not instrumented) begins and ends; start/join edges
        int startLine = lineOf("Threads", "@start");
        Event start = t.where(e -> e.kind().equals("threadStart") && t.line(e) == startLine).get(0);
        int child = (int) start.object();
        assertEquals(start.thread(), t.threads.get(child).parent());
        List<Event> childEvents = t.where(e -> e.thread() == child);
        assertEquals("threadBegin", childEvents.get(0).kind());
        assertEquals("threadEnd", childEvents.get(childEvents.size() - 1).kind());
        int joinLine = lineOf("Threads", "@join");
        assertTrue(t.events.indexOf(childEvents.get(childEvents.size() - 1))
                < t.events.indexOf(t.where(e -> e.kind().equals("threadJoin") && e.object() == child
                && t.line(e) == joinLine).get(0)), "the child's end comes before the join");
        int waitLine = lineOf("Threads", "@wait");
        List<Event> waits = t.where(e -> LockFlags.isWait(e.flags()));
        assertFalse(waits.isEmpty());
        assertTrue(waits.stream().allMatch(e -> t.line(e) == waitLine));
        // stacks: every thread's enters and exits balance, and never go below zero
        Map<Integer, Integer> depth = new HashMap<>();
        for (Event e : t.events) {
            if (e.kind().equals("methodEnter")) {
                depth.merge(e.thread(), 1, Integer::sum);
            } else if (e.kind().equals("methodExit")) {
                assertTrue(depth.merge(e.thread(), -1, Integer::sum) >= 0);
            }
        }
        int callInner = lineOf("Calls", "@callInner");
        Event inner = t.where(e -> e.kind().equals("methodEnter") && t.methods.get(e.slot()).name().equals("inner"))
                .get(0);
        assertEquals(callInner, t.sites.get(inner.site()).line());
    }

    /** Each virtual thread has its start, begin, end and join; the lambda it runs is its entry (trace format 2.4). */
    @Test
    void virtualThreadsStartedThroughTheBuilderApiHaveStartBeginEndAndJoin() throws Exception {
        assumeTrue(Files.isExecutable(ChildJvm.JDK25), "JDK 25 not installed");
        Path javac = ChildJvm.JDK25.resolveSibling("javac");
        Path classes = dir.resolve("classes");
        Process compile = new ProcessBuilder(javac.toString(), "-d", classes.toString(),
                "src/test/resources/jdk21/VirtualThreads.java").inheritIO().start();
        assertEquals(0, compile.waitFor());
        TraceEvents t = record(new ChildJvm().java(ChildJvm.JDK25).classpath(classes.toString()), "",
                "VirtualThreads");
        // the JDK's own starts (the virtual-thread scheduler adding carrier threads) are recorded too
        List<Event> starts = t.ofKind("threadStart").stream()
                .filter(e -> t.threads.get((int) e.object()).virtual()).toList();
        assertEquals(2, starts.size(), "Thread.Builder.start and Thread.startVirtualThread");
        for (Event start : starts) {
            int child = (int) start.object();
            assertTrue(t.threads.get(child).virtual());
            assertEquals(start.thread(), t.threads.get(child).parent());
            List<Event> childEvents = t.where(e -> e.thread() == child);
            assertEquals("threadBegin", childEvents.get(0).kind());
            assertEquals("threadEnd", childEvents.get(childEvents.size() - 1).kind());
            assertTrue(childEvents.stream().anyMatch(e -> e.kind().equals("write")));
            Event outermost = childEvents.stream().filter(e -> e.kind().equals("methodEnter")).findFirst().orElseThrow();
            assertEquals(ContextInfo.THREAD_ENTRY, outermost.site(), "the lambda a virtual thread runs is its entry");
            assertTrue(t.events.indexOf(childEvents.get(childEvents.size() - 1))
                    < t.events.indexOf(t.where(e -> e.kind().equals("threadJoin") && e.object() == child).get(0)));
        }
    }

    @Test
    void locksModeRecordsNoMemoryAccesses() throws Exception {
        TraceEvents t = record(new ChildJvm(), ",mode=locks,stacks=off", "dev.racelock.fixture.Program");
        assertFalse(t.header.recordsMemory());
        assertFalse(t.header.recordsStacks());
        List<String> memory = List.of("read", "write", "volatileRead", "volatileWrite", "arrayRead", "arrayWrite",
                "methodEnter", "methodExit");
        assertTrue(t.where(e -> memory.contains(e.kind())).isEmpty());
        assertFalse(t.ofKind("lockAcquire").isEmpty());
        assertFalse(t.ofKind("threadJoin").isEmpty());
    }

    @Test
    void traceIsCompleteAfterSystemExitUncaughtExceptionAndSigterm() throws Exception {
        for (String how : List.of("normal", "exit", "throw")) {
            Path work = dir.resolve(how);
            ChildJvm.Result result = new ChildJvm().agent("quiet=true,filter=off,output=trace.rlt").run(work,
                    "dev.racelock.fixture.ExitPaths", how);
            assertEquals(how.equals("normal") ? 0 : how.equals("exit") ? 3 : 1, result.exitCode());
            assertCompleteWithWorkerWrites(work.resolve("trace.rlt"), true);
        }
        Path work = dir.resolve("term");
        Process process = new ChildJvm().agent("quiet=true,filter=off,output=trace.rlt").start(work,
                "dev.racelock.fixture.ExitPaths", "block");
        AgentProcessIT.awaitReady(work);
        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertCompleteWithWorkerWrites(work.resolve("trace.rlt"), true);
    }

    @Test
    void traceOfAKilledJvmStillReadsUpToTheLastFlush() throws Exception {
        Path work = dir.resolve("kill");
        Process process = new ChildJvm().agent("quiet=true,filter=off,output=trace.rlt").start(work,
                "dev.racelock.fixture.ExitPaths", "block");
        AgentProcessIT.awaitReady(work);
        awaitWorkerWritesOnDisk(work.resolve("trace.rlt")); // the writer flushes every 100 ms
        process.destroyForcibly();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertCompleteWithWorkerWrites(work.resolve("trace.rlt"), false);
    }

    @Test
    void repeatFilterDropsRepeatedAccessesOnlyWhenOn() throws Exception {
        int line = lineOf("ExitPaths", "@counter");
        for (String filter : List.of("on", "off")) {
            Path work = dir.resolve("filter-" + filter);
            ChildJvm.Result result = new ChildJvm().agent("quiet=true,filter=" + filter + ",output=trace.rlt")
                    .run(work, "dev.racelock.fixture.ExitPaths", "normal");
            assertEquals(0, result.exitCode(), result.stderr());
            TraceEvents t = TraceEvents.read(work.resolve("trace.rlt"));
            // the worker's loop: counter++ 1000 times with no synchronization in between
            assertEquals(filter.equals("on") ? 1 : 1000,
                    t.where(e -> e.kind().equals("write") && t.line(e) == line).size());
        }
    }

    /**
     * Polls the trace of a running child until a flush has put the worker's writes on disk, so
     * that killing the child after it tests what a kill keeps, whatever the machine's load.
     */
    private static void awaitWorkerWritesOnDisk(Path file) throws Exception {
        int line = lineOf("ExitPaths", "@counter");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (workerWritesSoFar(file, line) < 1000) {
            assertTrue(System.nanoTime() < deadline, "the worker's writes never reached " + file);
            Thread.sleep(50); // polling a child process's file; no latch crosses a process boundary
        }
    }

    /** 0 while the file is missing or its header is not written yet. */
    private static int workerWritesSoFar(Path file, int line) {
        try {
            return Files.exists(file) ? workerWrites(TraceEvents.read(file), line) : 0;
        } catch (IOException notReadableYet) {
            return 0;
        }
    }

    private static int workerWrites(TraceEvents t, int line) {
        return t.where(e -> e.kind().equals("write") && t.line(e) == line).size();
    }

    private static void assertCompleteWithWorkerWrites(Path file, boolean complete) throws IOException {
        TraceEvents t = TraceEvents.read(file);
        assertEquals(complete, t.end.complete(), String.valueOf(t.end));
        assertEquals(1000, workerWrites(t, lineOf("ExitPaths", "@counter")));
    }

    @Test
    void observedDeadlockIsWrittenWithEachThreadsStack() throws Exception {
        ChildJvm.Result result = new ChildJvm().agent("quiet=true,deadlock=exit,output=trace.rlt").run(dir,
                "dev.racelock.fixture.Deadlock");
        assertEquals(86, result.exitCode(), result.stderr());
        TraceEvents t = TraceEvents.read(dir.resolve("trace.rlt"));
        assertEquals(1, t.deadlocks.size());
        ObservedDeadlock deadlock = t.deadlocks.get(0);
        assertEquals(List.of("first", "second"), deadlock.threads().stream().map(ObservedDeadlock.BlockedThread::threadName)
                .sorted().collect(Collectors.toList()));
        int wanted = lineOf("Deadlock", "@wanted");
        for (ObservedDeadlock.BlockedThread thread : deadlock.threads()) {
            assertEquals(t.thread(thread.threadName()), thread.thread());
            assertEquals("java.lang.Object", thread.lockClass());
            ObservedDeadlock.Frame top = thread.stack().get(0);
            assertEquals("dev.racelock.fixture.Deadlock", top.className());
            assertEquals("take", top.method());
            assertEquals(wanted, top.line());
        }
        assertEquals(deadlock.threads().get(0).ownerName(), deadlock.threads().get(1).threadName());
    }

    /** Streams a big trace: every id must be touched by one thread only. */
    static final class Ownership implements EventVisitor {
        private long[] keys = new long[1 << 23];
        private int[] owners = new int[1 << 23];
        long accesses;
        long violations;
        long freed;

        void touch(int thread, long id) {
            if (id == 0) {
                return;
            }
            accesses++;
            int mask = keys.length - 1;
            int i = (int) (id * 0x9E3779B97F4A7C15L >>> 40) & mask;
            while (keys[i] != 0 && keys[i] != id) {
                i = (i + 1) & mask;
            }
            if (keys[i] == 0) {
                keys[i] = id;
                owners[i] = thread;
            } else if (owners[i] != thread) {
                violations++;
            }
        }

        @Override public void read(int t, long o, int f, int s) { touch(t, o); }
        @Override public void write(int t, long o, int f, int s) { touch(t, o); }
        @Override public void arrayRead(int t, long a, int i, int s) { touch(t, a); }
        @Override public void arrayWrite(int t, long a, int i, int s) { touch(t, a); }
        @Override public void lockRequest(int t, long l, int s, int f) { touch(t, l); }
        @Override public void lockAcquire(int t, long l, int s, int f) { touch(t, l); }
        @Override public void lockRelease(int t, long l, int s, int f) { touch(t, l); }
        @Override public void objectFreed(long object) { freed++; }
    }

    @Test
    void churnOfShortLivedObjectsOnSeveralThreadsNeverSharesAnId() throws Exception {
        // 4 threads x 150k iterations x 3 objects (array, instrumented Box, JDK lock) = 1.8M objects;
        // every access recorded (ownership=off would otherwise keep the Boxes' beside them)
        ChildJvm.Result result = new ChildJvm().agent("quiet=true,stacks=off,ownership=off,output=trace.rlt").run(dir,
                "dev.racelock.fixture.Churn", "4", "150000");
        assertEquals(0, result.exitCode(), result.stderr());
        Ownership ownership = new Ownership();
        TraceEnd end = TraceReader.read(dir.resolve("trace.rlt"), ownership);
        assertTrue(end.complete(), String.valueOf(end));
        assertTrue(ownership.accesses >= 7L * 4 * 150_000, "accesses " + ownership.accesses);
        assertEquals(0, ownership.violations, "ids touched by two threads");
        assertTrue(ownership.freed > 0, "collected objects are reported");
    }
}
