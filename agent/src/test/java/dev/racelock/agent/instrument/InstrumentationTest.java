package dev.racelock.agent.instrument;

import dev.racelock.agent.instrument.RecordingOutput.Event;
import dev.racelock.agent.runtime.Recording;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockFlags;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs fixtures instrumented in-process against an in-memory recording and checks the events. */
class InstrumentationTest {

    private RecordingOutput output;

    private Object run(String fixture, boolean memory, boolean stacks) throws Exception {
        output = new RecordingOutput();
        Recording.start(output, false);
        InstrumentingLoader loader = new InstrumentingLoader(InstrumentingLoader.transformer(output, memory, stacks));
        Class<?> type = loader.loadClass("dev.racelock.fixture." + fixture);
        try {
            return type.getMethod("run").invoke(null);
        } finally {
            Recording.start(dev.racelock.agent.runtime.TraceOutput.NONE, false);
        }
    }

    private Object run(String fixture) throws Exception {
        return run(fixture, true, true);
    }

    private Event single(String kind, String field, String fixture, String marker) {
        int line = SourceLines.lineOf(fixture, marker);
        List<Event> found = output.ofKind(kind).stream()
                .filter(e -> output.field(e).name().equals(field) && output.line(e) == line)
                .collect(Collectors.toList());
        assertEquals(1, found.size(), kind + " of " + field + " at line " + line + " in " + output.events());
        return found.get(0);
    }

    @Test
    void recordsPlainInstanceAndStaticFieldAccessesWithFieldAndLine() throws Exception {
        assertEquals(12L, run("Fields"));
        Event write = single("write", "plain", "Fields", "@write plain");
        Event read = single("read", "plain", "Fields", "@read plain");
        assertEquals(write.object(), read.object());
        assertNotEquals(0, write.object());
        FieldInfo plain = output.field(write);
        assertEquals("dev.racelock.fixture.Fields", plain.owner());
        assertEquals("I", plain.descriptor());
        assertFalse(plain.isVolatile());
        assertFalse(plain.isStatic());
        Event staticWrite = single("write", "shared", "Fields", "@write shared");
        single("read", "shared", "Fields", "@read shared");
        assertEquals(0, staticWrite.object());
        assertTrue(output.field(staticWrite).isStatic());
        single("write", "wide", "Fields", "@write wide");
        single("read", "wide", "Fields", "@read wide");
    }

    @Test
    void recordsVolatileAccessesAsSynchronizationNeverAsPlain() throws Exception {
        run("Fields");
        for (String field : List.of("flag", "wideFlag")) {
            Event w = single("volatileWrite", field, "Fields", "@volatileWrite " + field);
            Event r = single("volatileRead", field, "Fields", "@volatileRead " + field);
            assertEquals(w.object(), r.object());
            assertTrue(output.field(w).isVolatile());
        }
        Event inherited = single("volatileWrite", "inherited", "Fields", "@volatileWrite inherited");
        assertEquals("dev.racelock.fixture.FieldsBase", output.field(inherited).owner());
        Event staticFlag = single("volatileWrite", "staticFlag", "Fields", "@volatileWrite staticFlag");
        assertEquals(0, staticFlag.object());
        assertTrue(output.events().stream().noneMatch(e -> (e.kind().equals("read") || e.kind().equals("write"))
                && output.field(e).isVolatile()));
    }

    @Test
    void recordsEveryArrayElementTypeWithItsIndex() throws Exception {
        assertEquals(0.0, run("Arrays"));
        int stores = SourceLines.lineOf("Arrays", "@stores");
        int loads = SourceLines.lineOf("Arrays", "@loads");
        List<Event> writes = output.ofKind("arrayWrite").stream().filter(e -> output.line(e) == stores)
                .collect(Collectors.toList());
        List<Event> reads = output.ofKind("arrayRead").stream().filter(e -> output.line(e) == loads)
                .collect(Collectors.toList());
        assertEquals(9, writes.size());
        assertEquals(9, reads.size());
        assertTrue(writes.stream().allMatch(e -> e.slot() == 1));
        assertTrue(reads.stream().allMatch(e -> e.slot() == 2));
        assertEquals(9, writes.stream().map(Event::object).distinct().count(), "nine arrays, nine ids");
        assertEquals(writes.stream().map(Event::object).collect(Collectors.toSet()),
                reads.stream().map(Event::object).collect(Collectors.toSet()));
    }

    @Test
    void describesArraysWithTheirTypeAndAllocationSite() throws Exception {
        run("Arrays");
        int alloc = SourceLines.lineOf("Arrays", "@alloc");
        int stores = SourceLines.lineOf("Arrays", "@stores");
        Event intStore = output.ofKind("arrayWrite").stream().filter(e -> output.line(e) == stores).findFirst()
                .orElseThrow();
        dev.racelock.trace.ObjectInfo info = output.objects.get(intStore.object());
        assertEquals("int[]", info.className());
        assertEquals(alloc, output.sites.get(info.allocationSite()).line());
    }

    @Test
    void describesALockWithTheFieldItWasLoadedFrom() throws Exception {
        run("Monitors");
        int outer = SourceLines.lineOf("Monitors", "@outer");
        Event request = output.ofKind("lockRequest").stream().filter(e -> output.line(e) == outer).findFirst()
                .orElseThrow();
        dev.racelock.trace.ObjectInfo info = output.objects.get(request.object());
        assertEquals("java.lang.Object", info.className());
        FieldInfo field = output.fields.get(info.field());
        assertEquals("dev.racelock.fixture.Monitors", field.owner());
        assertEquals("LOCK", field.name());
    }

    @Test
    void recordsMonitorsIncludingReentrantAndExceptionalExits() throws Exception {
        assertEquals(4, run("Monitors"));
        List<Event> locks = output.events().stream().filter(e -> e.kind().startsWith("lock"))
                .collect(Collectors.toList());
        assertTrue(locks.stream().allMatch(e -> LockFlags.isMonitor(e.flags())));
        int outer = SourceLines.lineOf("Monitors", "@outer");
        long lock = locks.stream().filter(e -> output.line(e) == outer).findFirst().orElseThrow().object();
        List<String> onLock = locks.stream().filter(e -> e.object() == lock).map(Event::kind)
                .collect(Collectors.toList());
        assertEquals(List.of("lockRequest", "lockAcquire", "lockRequest", "lockAcquire", "lockRelease", "lockRelease"),
                onLock);
        int throwing = SourceLines.lineOf("Monitors", "@throwing");
        long m = locks.stream().filter(e -> output.line(e) == throwing).findFirst().orElseThrow().object();
        List<String> onM = locks.stream().filter(e -> e.object() == m).map(Event::kind).collect(Collectors.toList());
        // the block left by an exception, then the synchronized instance method
        assertEquals(List.of("lockRequest", "lockAcquire", "lockRelease", "lockAcquire", "lockRelease"), onM);
        // the static synchronized method that throws: acquire and release on the Class object
        long classLock = locks.stream().filter(e -> output.methodOf(e).equals("failing")).findFirst()
                .orElseThrow().object();
        assertEquals(List.of("lockAcquire", "lockRelease"), locks.stream().filter(e -> e.object() == classLock)
                .map(Event::kind).collect(Collectors.toList()));
    }

    @Test
    void recordsStartJoinIsAliveAndWait() throws Exception {
        assertEquals(2, run("Threads"));
        List<Event> starts = output.ofKind("threadStart");
        assertEquals(3, starts.size());
        assertEquals(SourceLines.lineOf("Threads", "@start"), output.line(starts.get(0)));
        int child = (int) starts.get(0).object();
        Event join = output.ofKind("threadJoin").get(0);
        assertEquals(child, join.object());
        assertEquals(SourceLines.lineOf("Threads", "@join"), output.line(join));
        List<Event> childEvents = output.events().stream().filter(e -> e.thread() == child)
                .collect(Collectors.toList());
        assertEquals("threadBegin", childEvents.get(0).kind(), "begin is the child's first event");
        assertEquals(starts.get(0).thread(), output.threads.get(child).parent());
        int worker = (int) starts.get(1).object();
        List<Event> workerEvents = output.events().stream().filter(e -> e.thread() == worker)
                .collect(Collectors.toList());
        assertEquals("threadBegin", workerEvents.get(0).kind());
        assertEquals("threadEnd", workerEvents.get(workerEvents.size() - 1).kind(), "run() override ends the thread");
        int isAlive = SourceLines.lineOf("Threads", "@isAlive");
        assertTrue(output.ofKind("threadJoin").stream().anyMatch(e -> e.object() == worker && output.line(e) == isAlive));
        int wait = SourceLines.lineOf("Threads", "@wait");
        List<Event> waits = output.events().stream().filter(e -> LockFlags.isWait(e.flags()))
                .collect(Collectors.toList());
        assertFalse(waits.isEmpty());
        assertTrue(waits.stream().allMatch(e -> output.line(e) == wait));
        assertEquals("lockRelease", waits.get(0).kind());
        assertEquals("lockAcquire", waits.get(waits.size() - 1).kind());
    }

    @Test
    void recordsMethodEnterAndExitWithCallSitesIncludingExceptionalExits() throws Exception {
        assertEquals(43, run("Calls"));
        List<Event> frames = output.events().stream()
                .filter(e -> e.kind().equals("methodEnter") || e.kind().equals("methodExit"))
                .collect(Collectors.toList());
        int depth = 0;
        for (Event e : frames) {
            depth += e.kind().equals("methodEnter") ? 1 : -1;
            assertTrue(depth >= 0);
        }
        assertEquals(0, depth, "every enter has its exit, also when an exception unwinds");
        Event inner = frames.stream().filter(e -> e.kind().equals("methodEnter")
                && output.methods.get(e.slot()).name().equals("inner")).findFirst().orElseThrow();
        assertEquals(SourceLines.lineOf("Calls", "@callInner"), output.sites.get(inner.site()).line());
        assertEquals("Calls.java", output.methods.get(inner.slot()).sourceFile());
        assertTrue(frames.stream().noneMatch(e -> e.kind().equals("methodEnter")
                && output.methods.get(e.slot()).name().equals("leaf")), "a leaf that records nothing has no frame");
    }

    /**
     * A method that calls nothing has no entry or exit of its own: each of its recorded accesses
     * calls a framed hook, which pushes the method's frame from the caller's call site around the
     * access. So each access comes between an enter of its method from the call that ran it and
     * that method's exit (this output records both as events, as {@code stacks=calls} does), and
     * the instrumented methods call the framed hooks and neither Rt.enter nor Rt.exit.
     */
    @Test
    void aMethodThatCallsNothingRecordsEachAccessInItsOwnFrame() throws Exception {
        assertEquals(4, run("FramedAccesses"));
        List<Event> events = output.events();
        List<String> expected = List.of(
                "read count bump @callBump", "write count bump @callBump",
                "read count fill @callFill", "arrayWrite - fill @callFill",
                "read total add @callAdd", "write total add @callAdd",
                "read count count @callCount first", "read count count @callCount second");
        List<String> framed = new java.util.ArrayList<>();
        for (int i = 1; i < events.size() - 1; i++) {
            Event e = events.get(i);
            Event enter = events.get(i - 1);
            if (!List.of("read", "write", "arrayRead", "arrayWrite").contains(e.kind())
                    || !enter.kind().equals("methodEnter")
                    || !output.methods.get(enter.slot()).name().matches("bump|fill|add|count")) {
                continue;
            }
            assertEquals("methodExit", events.get(i + 1).kind(), "the frame goes right after the access");
            String field = e.kind().startsWith("array") ? "-" : output.field(e).name();
            int callLine = output.sites.get(enter.site()).line();
            String call = List.of("@callBump", "@callFill", "@callAdd", "@callCount first", "@callCount second")
                    .stream().filter(marker -> SourceLines.lineOf("FramedAccesses", marker) == callLine)
                    .findFirst().orElse("?");
            framed.add(e.kind() + " " + field + " " + output.methods.get(enter.slot()).name() + " " + call);
        }
        assertEquals(expected, framed);

        java.util.Map<String, java.util.Set<String>> hooks = RtCalls.byMethod(
                InstrumentingLoader.transformer(new RecordingOutput(), true, true), "dev/racelock/fixture/FramedAccesses");
        // the framed hooks look the context up: no call at entry, a getter makes one
        assertEquals(java.util.Set.of("framedRead", "framedWrite"), hooks.get("bump"));
        assertEquals(java.util.Set.of("framedRead", "framedArrayWrite"), hooks.get("fill"));
        assertEquals(java.util.Set.of("context", "framedStaticRead", "framedStaticWrite"), hooks.get("add"),
                "the class-initialization probe of a static access takes the context, looked up there");
        assertEquals(java.util.Set.of("framedRead"), hooks.get("count"));
        assertEquals(java.util.Set.of("context", "volatileRead", "framedRead"), hooks.get("ready"),
                "a framed method's other hooks look the context up where they are");
        assertEquals(java.util.Set.of("enter", "exit", "arrayRead"), hooks.get("sum"), "a loop keeps its frame");
        assertTrue(hooks.get("run").containsAll(List.of("enter", "exit")), "a method that calls keeps its frame");
    }

    @Test
    void locksModeRecordsNoMemoryAccessesAndStacksOffNoFrames() throws Exception {
        run("Monitors", false, false);
        List<String> memory = List.of("read", "write", "volatileRead", "volatileWrite", "arrayRead", "arrayWrite");
        assertTrue(output.events().stream().noneMatch(e -> memory.contains(e.kind())));
        assertTrue(output.events().stream().noneMatch(e -> e.kind().startsWith("method")));
        assertFalse(output.ofKind("lockAcquire").isEmpty());
    }

    @Test
    void objectsOfInstrumentedClassesCarryTheirOwnIdField() throws Exception {
        Class<?> fields = new InstrumentingLoader(InstrumentingLoader.transformer(new RecordingOutput(), true, true))
                .loadClass("dev.racelock.fixture.Fields");
        Optional<java.lang.reflect.Field> id = java.util.Arrays.stream(fields.getSuperclass().getDeclaredFields())
                .filter(f -> f.getName().equals("$racelock$id")).findFirst();
        assertTrue(id.isPresent(), "the topmost instrumented class holds the id");
        assertTrue(java.lang.reflect.Modifier.isTransient(id.get().getModifiers()));
        assertTrue(java.util.Arrays.stream(fields.getDeclaredFields()).noneMatch(f -> f.getName().equals("$racelock$id")));
    }

    @Test
    void locksModeSetsAnObjectsIdOnItsFirstUseAsALock() throws Exception {
        Object[] objects = (Object[]) run("FirstUseIds", false, false);
        int line = SourceLines.lineOf("FirstUseIds", "@shared");
        List<Long> ids = output.ofKind("lockAcquire").stream().filter(e -> output.line(e) == line)
                .map(Event::object).distinct().collect(Collectors.toList());
        assertEquals(1, ids.size(), "four threads that raced to lock it first name one monitor: " + ids);
        assertEquals(4, output.ofKind("lockAcquire").stream().filter(e -> output.line(e) == line).count());
        assertEquals(ids.get(0), idField(objects[0]), "the id is kept in the object's field");
        assertEquals(0L, idField(objects[1]), "an object never used as a lock is given no id");
        assertTrue(java.lang.reflect.Modifier.isVolatile(idFieldOf(objects[0].getClass()).getModifiers()));
    }

    @Test
    void memoryModesSetTheIdInTheConstructor() throws Exception {
        Object[] objects = (Object[]) run("FirstUseIds", true, false);
        assertNotEquals(0L, idField(objects[1]), "set by the constructor, locked or not");
        assertTrue(java.lang.reflect.Modifier.isFinal(idFieldOf(objects[1].getClass()).getModifiers()));
    }

    private static java.lang.reflect.Field idFieldOf(Class<?> type) throws NoSuchFieldException {
        java.lang.reflect.Field id = type.getDeclaredField("$racelock$id");
        id.setAccessible(true);
        return id;
    }

    private static long idField(Object object) throws ReflectiveOperationException {
        return idFieldOf(object.getClass()).getLong(object);
    }
}
