package dev.racelock.agent.instrument;

import dev.racelock.agent.instrument.RecordingOutput.Event;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.ObjectInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A call of a JDK method that locks its receiver ({@code Vector.add}, {@code Observable.deleteObserver}
 * ...) is recorded, once it returned, as an order-only acquire and release of the receiver's
 * monitor at the call's site, in mode=full and mode=locks alike, when the calling thread holds a
 * recorded lock; with none held it records nothing (fixture JdkMonitorCalls).
 */
class JdkMonitorCallsTest {

    private static final int ORDER_ONLY_MONITOR = LockFlags.MONITOR | LockFlags.ORDER_ONLY;

    /** Lock events at the marked line: "lockAcquire" or "lockRelease" with "order-only" when so flagged. */
    private static List<String> lockEvents(LibraryFixtureRun run, String marker) {
        return lockEventsAt(run, marker).stream()
                .map(e -> e.kind() + (e.flags() == ORDER_ONLY_MONITOR ? " order-only" : " flags " + e.flags()))
                .toList();
    }

    private static List<Event> lockEventsAt(LibraryFixtureRun run, String marker) {
        int line = SourceLines.lineOf(run.fixture, marker);
        return run.output.events().stream()
                .filter(e -> e.kind().startsWith("lock"))
                .filter(e -> run.output.sites.containsKey(e.site()) && run.output.line(e) == line)
                .toList();
    }

    private static final List<String> HELD = List.of("lockAcquire order-only", "lockRelease order-only");

    @ParameterizedTest(name = "memory accesses recorded: {0}")
    @ValueSource(booleans = {true, false})
    void synchronizedJdkMethodsAreOrderOnlyHoldsOfTheReceiver(boolean memory) throws Exception {
        LibraryFixtureRun run = new LibraryFixtureRun("JdkMonitorCalls", memory);
        assertEquals(5 + 1 + 3 + 2, run.result);
        assertEquals(HELD, lockEvents(run, "@vector add"));
        assertEquals(HELD, lockEvents(run, "@hashtable put"));
        assertEquals(HELD, lockEvents(run, "@stringbuffer append"));
        assertEquals(HELD, lockEvents(run, "@observable deleteObserver"), "an application subclass of Observable");
        assertEquals(HELD, lockEvents(run, "@vector isEmpty"));
        assertEquals(HELD, lockEvents(run, "@stack add as a Vector"), "a JDK subclass of the class the call names");
        assertEquals(HELD, lockEvents(run, "@observable notifyObservers"),
                "notifyObservers locks its receiver in a synchronized block");
        assertEquals(HELD, lockEvents(run, "@super deleteObserver"), "super.deleteObserver runs the JDK's method");
        assertEquals(List.of(), lockEvents(run, "@overridden deleteObserver"),
                "the override is the application's code, recorded as such");
        assertEquals(List.of(), lockEvents(run, "@vector stream"), "stream() locks nothing");
        assertEquals(List.of(), lockEvents(run, "@vector get throws"), "a call that threw is not recorded");
        assertEquals(List.of(), lockEvents(run, "@stringbuffer of the method's own"),
                "an object the method made and keeps to itself: no other thread can hold its monitor");
    }

    @ParameterizedTest(name = "memory accesses recorded: {0}")
    @ValueSource(booleans = {true, false})
    void withNoLockHeldNothingIsRecorded(boolean memory) throws Exception {
        LibraryFixtureRun run = new LibraryFixtureRun("JdkMonitorCalls", memory);
        assertEquals(List.of(), lockEvents(run, "@vector add, no lock held"),
                "an order-only hold can be no lock-order edge when nothing else is held");
        assertEquals(HELD, lockEvents(run, "@stringbuffer append under a ReentrantLock"),
                "a java.util.concurrent lock is held as a monitor is");
        assertEquals(List.of(), lockEvents(run, "@stringbuffer append after the unlock"));
        assertEquals(HELD, lockEvents(run, "@vector add after a wait"), "the wait's re-acquire gave the holds back");
        assertEquals(HELD, lockEvents(run, "@vector add under the outer hold"));
        assertEquals(List.of(), lockEvents(run, "@vector add after the monitor is released"));
        assertEquals(HELD, lockEvents(run, "@super deleteObserver"),
                "super.deleteObserver: recorded for the call under GUARD only, not for the one with no lock held");
    }

    @ParameterizedTest(name = "memory accesses recorded: {0}")
    @ValueSource(booleans = {true, false})
    void callsThroughASupertypeHoldTheMonitorOfAReceiverOfTheTable(boolean memory) throws Exception {
        LibraryFixtureRun run = new LibraryFixtureRun("JdkMonitorCallsThroughSupertypes", memory);
        assertEquals(0 + 3 + 1 + 2 + 1 + 1, run.result);
        assertEquals(HELD, lockEvents(run, "@list add"), "List.add on a Vector");
        assertEquals(HELD, lockEvents(run, "@map put"), "Map.put on a Hashtable");
        assertEquals(HELD, lockEvents(run, "@collection size"), "Collection.size on a Stack");
        assertEquals(HELD, lockEvents(run, "@charsequence length"), "CharSequence.length on a StringBuffer");
        assertEquals(HELD, lockEvents(run, "@properties put"));
        assertEquals(List.of(), lockEvents(run, "@properties get"), "Properties.get locks nothing");
        assertEquals(List.of(), lockEvents(run, "@arraylist add"), "an ArrayList has no monitor of the table");
        assertEquals(List.of(), lockEvents(run, "@overridden add"),
                "the override is the application's code, recorded as such (its synchronized is its own monitor)");
        assertEquals(List.of(), lockEvents(run, "@list stream"), "Vector.stream locks nothing");
        assertEquals(List.of(), lockEvents(run, "@list add, no lock held"));
        List<Event> add = lockEventsAt(run, "@list add");
        ObjectInfo vector = run.output.objects.get(add.get(0).object());
        FieldInfo from = vector == null ? null : run.output.fields.get(vector.field());
        assertEquals("dev.racelock.fixture.library.JdkMonitorCallsThroughSupertypes.LOG",
                from == null ? String.valueOf(vector) : from.owner() + "." + from.name());
        if (memory) {
            assertEquals(List.of("write List.add"), run.stateAccesses("@arraylist add"),
                    "the state model still records the ArrayList's call");
            assertEquals(List.of(), run.stateAccesses("@list add"), "a Vector is not modelled: it locks");
        }
    }

    @ParameterizedTest(name = "memory accesses recorded: {0}")
    @ValueSource(booleans = {true, false})
    void theMonitorIsTheReceiverNamedByItsField(boolean memory) throws Exception {
        LibraryFixtureRun run = new LibraryFixtureRun("JdkMonitorCalls", memory);
        List<Event> add = lockEventsAt(run, "@vector add");
        List<Event> isEmpty = lockEventsAt(run, "@vector isEmpty");
        assertEquals(add.get(0).object(), isEmpty.get(0).object(), "one vector, one lock");
        ObjectInfo vector = run.output.objects.get(add.get(0).object());
        FieldInfo from = vector == null ? null : run.output.fields.get(vector.field());
        assertEquals("dev.racelock.fixture.library.JdkMonitorCalls.LOG",
                from == null ? String.valueOf(vector) : from.owner() + "." + from.name());
    }
}
