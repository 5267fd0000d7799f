package dev.racelock.agent.instrument;

import dev.racelock.agent.instrument.RecordingOutput.Event;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.ObjectInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Calls of modelled JDK methods are reads and writes of the receiver's abstract state, at a site
 * naming the called method; views and iterators share their backing instance's state; the
 * instance is described with the field it was loaded from (fixture ModelledCalls).
 */
class LibraryModelCallsTest {
    private static LibraryFixtureRun run;

    @BeforeAll
    static void record() throws Exception {
        run = new LibraryFixtureRun("ModelledCalls");
        assertEquals(1 + 1 + 1 + 2 + 'a' + 4 + 1, run.result);
    }

    private static long object(String marker) {
        List<Event> events = run.stateEvents(marker);
        assertEquals(1, events.size(), marker + ": " + events);
        return events.get(0).object();
    }

    @Test
    void queriesReadAndMutatorsWriteNamingTheMethodCalled() {
        assertEquals(List.of("read Map.containsKey"), run.stateAccesses("@containsKey"));
        assertEquals(List.of("write Map.put"), run.stateAccesses("@put"));
        assertEquals(List.of("read Map.get"), run.stateAccesses("@get through local"),
                "a call through Map is checked at run time");
        assertEquals(List.of("write List.add"), run.stateAccesses("@static add"));
        assertEquals(List.of("write StringBuilder.append"), run.stateAccesses("@append"));
        assertEquals(List.of(), run.stateAccesses("@own append"),
                "an object the method made and keeps to itself: no other thread can race on it");
        assertEquals(List.of("read StringBuilder.length"), run.stateAccesses("@length"));
        assertEquals(List.of("read CharSequence.charAt"), run.stateAccesses("@charAt through CharSequence"));
        assertEquals(List.of("write SimpleDateFormat.format"), run.stateAccesses("@format"),
                "format sets the format's Calendar");
        assertEquals(List.of("write Matcher.find"), run.stateAccesses("@find"));
        assertEquals(List.of("read Matcher.start"), run.stateAccesses("@start"));
    }

    @Test
    void oneInstanceIsOneLocation() {
        long map = object("@put");
        assertEquals(map, object("@containsKey"));
        assertEquals(map, object("@get through local"));
        FieldInfo field = run.output.fields.get(run.stateField);
        assertNotNull(field);
        assertEquals("<state>", field.name());
    }

    @Test
    void theInstanceIsNamedByTheFieldItWasLoadedFrom() {
        ObjectInfo map = run.output.objects.get(object("@containsKey"));
        assertEquals("java.util.HashMap", map.className());
        FieldInfo from = run.output.fields.get(map.field());
        assertEquals("dev.racelock.fixture.library.ModelledCalls.byName",
                from.owner() + "." + from.name());
        ObjectInfo list = run.output.objects.get(object("@static add"));
        assertEquals("names", run.output.fields.get(list.field()).name());
    }

    @Test
    void viewsAndIteratorsShareTheirBackingState() {
        long map = object("@put");
        assertEquals(List.of("read Map.keySet"), run.stateAccesses("@keySet"));
        assertEquals(map, object("@keySet iterator"), "keySet().iterator() reads the map");
        assertEquals(List.of("read Iterator.next"), run.stateAccesses("@iterator next"));
        assertEquals(map, object("@iterator next"));
        assertEquals(List.of("write Iterator.remove"), run.stateAccesses("@iterator remove"));
        assertEquals(map, object("@iterator remove"));
        long list = object("@static add");
        assertEquals(List.of("read List.subList"), run.stateAccesses("@subList"));
        assertEquals(List.of("write List.clear"), run.stateAccesses("@subList clear"));
        assertEquals(list, object("@subList clear"), "a sub-list writes its list");
    }

    @Test
    void forEachLoopsReadThroughTheirIterator() {
        List<String> loop = run.stateAccesses("@for each");
        assertEquals(List.of("read List.iterator", "read Iterator.hasNext", "read Iterator.next",
                "read Iterator.hasNext"), loop);
    }

    @Test
    void concurrentCollectionsAndApplicationSubclassesAreNotModelled() {
        assertEquals(List.of(), run.stateAccesses("@concurrent put"));
        assertEquals(List.of(), run.stateAccesses("@application put"), "LockedMap.put is the application's code");
        assertEquals(List.of("write LinkedHashMap.put"), run.stateAccesses("@super put"),
                "super.put runs the JDK's put on the instance, under the override's lock");
    }
}
