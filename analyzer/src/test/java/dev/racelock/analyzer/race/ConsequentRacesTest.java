package dev.racelock.analyzer.race;

import dev.racelock.analyzer.TraceScript;
import dev.racelock.analyzer.finding.ConsequentRace;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.MemoryLocation;
import dev.racelock.analyzer.finding.RacePair;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Races that can only follow an earlier race (schedulable happens-before: the reads-from order,
 * SchedulableOrder) are kept as that race's evidence, not reported as races of their own; races
 * that SHB leaves unordered stay races.
 */
class ConsequentRacesTest {

    /**
     * A writer, a reader and a third thread started by main, which first set up Config (its
     * fields data, ready, other and version): main touched the object, so each thread's
     * accesses to it have their place among the thread's others (RaceAnalysis.position).
     */
    private static final class Handoff {
        final TraceScript s = new TraceScript();
        final int main = s.thread("main");
        final int startSite = s.site("com.acme.Main", "main", 5);
        final int writer = s.thread("writer", main, startSite);
        final int reader = s.thread("reader", main, startSite);
        final int third = s.thread("third", main, startSite);
        final int data = s.field("com.acme.Config", "data", "I");
        final int ready = s.field("com.acme.Config", "ready", "Z");
        final int other = s.field("com.acme.Config", "other", "I");
        final int version = s.field("com.acme.Config", "version", "I");
        final long config = s.object("com.acme.Config");
        final long lock = s.object("java.lang.Object");
        final int writeData = s.site("com.acme.Writer", "run", 10);
        final int writeReady = s.site("com.acme.Writer", "run", 11);
        final int readReady = s.site("com.acme.Reader", "run", 20);
        final int readData = s.site("com.acme.Reader", "run", 21);
        final int lockSite = s.site("com.acme.Writer", "run", 9);

        Handoff() {
            s.write(main, config, version, startSite);
            s.start(main, writer, startSite).start(main, reader, startSite).start(main, third, startSite);
        }

        List<Finding> races() {
            return TraceScript.ofType(s.analyze(), FindingType.DATA_RACE);
        }

        Finding raceOn(List<Finding> races, String field) {
            return races.stream().filter(f -> f.location().equals(MemoryLocation.field("com.acme.Config", field)))
                    .findFirst().orElseThrow(() -> new AssertionError("no race on " + field + ": " + races));
        }
    }

    private static List<Integer> lines(ConsequentRace c) {
        return List.of(c.earlier().site().line(), c.later().site().line());
    }

    @Test
    void dataWrittenBeforeTheRacyFlagIsAConsequenceOfTheFlagRace() {
        Handoff h = new Handoff();
        h.s.write(h.writer, h.config, h.data, h.writeData).write(h.writer, h.config, h.ready, h.writeReady)
                .read(h.reader, h.config, h.ready, h.readReady).read(h.reader, h.config, h.data, h.readData);
        List<Finding> races = h.races();
        assertEquals(1, races.size(), races.toString());
        RacePair flag = h.raceOn(races, "ready").primaryPair();
        assertEquals(List.of(11, 20), List.of(flag.earlier().site().line(), flag.later().site().line()));
        assertEquals(1, flag.followedBy().size());
        ConsequentRace data = flag.followedBy().get(0);
        assertEquals(MemoryLocation.field("com.acme.Config", "data"), data.location());
        assertEquals(List.of(10, 21), lines(data));
        assertEquals("writer", data.earlier().thread().name());
        assertEquals("reader", data.later().thread().name());
        assertEquals(1, data.occurrences());
    }

    @Test
    void dataWrittenAfterTheFlagStillRaces() {
        Handoff h = new Handoff();
        h.s.write(h.writer, h.config, h.ready, h.writeReady).write(h.writer, h.config, h.data, h.writeData)
                .read(h.reader, h.config, h.ready, h.readReady).read(h.reader, h.config, h.data, h.readData);
        List<Finding> races = h.races();
        assertEquals(2, races.size(), races.toString());
        assertTrue(races.stream().allMatch(f -> f.primaryPair().followedBy().isEmpty()));
    }

    @Test
    void dataReadBeforeTheFlagStillRaces() {
        Handoff h = new Handoff();
        h.s.write(h.writer, h.config, h.data, h.writeData).write(h.writer, h.config, h.ready, h.writeReady)
                .read(h.reader, h.config, h.data, h.readData).read(h.reader, h.config, h.ready, h.readReady);
        assertEquals(2, h.races().size());
    }

    @Test
    void aWriteAfterTheRacyReadOfWhatTheWriterReadIsAConsequence() {
        Handoff h = new Handoff();
        h.s.read(h.writer, h.config, h.data, h.writeData).write(h.writer, h.config, h.ready, h.writeReady)
                .read(h.reader, h.config, h.ready, h.readReady).write(h.reader, h.config, h.data, h.readData);
        List<Finding> races = h.races();
        assertEquals(1, races.size(), races.toString());
        assertEquals(List.of(10, 21), lines(h.raceOn(races, "ready").primaryPair().followedBy().get(0)));
    }

    /** The writer learnt the data write through a lock before it wrote the flag: SHB orders it by transitivity. */
    @Test
    void whatTheWriterKnewAtTheRacyWriteIsOrderedToo() {
        Handoff h = new Handoff();
        h.s.lock(h.third, h.lock, h.lockSite).write(h.third, h.config, h.data, h.writeData).unlock(h.third, h.lock, h.lockSite)
                .lock(h.writer, h.lock, h.lockSite).unlock(h.writer, h.lock, h.lockSite)
                .write(h.writer, h.config, h.ready, h.writeReady)
                .read(h.reader, h.config, h.ready, h.readReady).read(h.reader, h.config, h.data, h.readData);
        List<Finding> races = h.races();
        assertEquals(1, races.size(), races.toString());
        ConsequentRace data = h.raceOn(races, "ready").primaryPair().followedBy().get(0);
        assertEquals("third", data.earlier().thread().name());
    }

    /** What the writer learnt only after its racy write is not ordered before the reader. */
    @Test
    void whatTheWriterLearntAfterTheRacyWriteStillRaces() {
        Handoff h = new Handoff();
        h.s.lock(h.third, h.lock, h.lockSite).write(h.third, h.config, h.data, h.writeData).unlock(h.third, h.lock, h.lockSite)
                .write(h.writer, h.config, h.ready, h.writeReady)
                .lock(h.writer, h.lock, h.lockSite).unlock(h.writer, h.lock, h.lockSite)
                .read(h.reader, h.config, h.ready, h.readReady).read(h.reader, h.config, h.data, h.readData);
        assertEquals(2, h.races().size());
    }

    /** The reads-from order belongs to the thread that read: another thread's race on the data stays a race. */
    @Test
    void anotherThreadsRaceOnTheDataStaysARace() {
        Handoff h = new Handoff();
        h.s.write(h.writer, h.config, h.data, h.writeData).write(h.writer, h.config, h.ready, h.writeReady)
                .read(h.reader, h.config, h.ready, h.readReady).read(h.reader, h.config, h.data, h.readData)
                .read(h.third, h.config, h.data, h.readData);
        List<Finding> races = h.races();
        assertEquals(2, races.size(), races.toString());
        RacePair data = h.raceOn(races, "data").primaryPair();
        assertEquals("third", data.later().thread().name());
    }

    /**
     * The writer writes data then ready, the reader reads ready then data; the two fields are
     * static, or fields of an object nobody touched before the writer.
     */
    private static List<Finding> dataThenFlagIn(boolean staticFields) {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int startSite = s.site("com.acme.Main", "main", 5);
        int writer = s.thread("writer", main, startSite);
        int reader = s.thread("reader", main, startSite);
        int data = staticFields ? s.staticField("com.acme.Config", "data", "I") : s.field("com.acme.Config", "data", "I");
        int ready = staticFields ? s.staticField("com.acme.Config", "ready", "Z") : s.field("com.acme.Config", "ready", "Z");
        long holder = s.object(staticFields ? "java.lang.Class" : "com.acme.Config");
        int site = s.site("com.acme.Writer", "run", 10);
        s.start(main, writer, startSite).start(main, reader, startSite)
                .write(writer, holder, data, site).write(writer, holder, ready, site)
                .read(reader, holder, ready, site).read(reader, holder, data, site);
        return TraceScript.ofType(s.analyze(), FindingType.DATA_RACE);
    }

    /**
     * An object only the writer has touched may have its accesses kept beside it by the agent and
     * written out later, without their place among the writer's (ownership, docs/agent.md): they
     * are ordered by earlier epochs only, whether the agent kept them or not.
     */
    @Test
    void fieldsOfAnObjectOnlyTheWriterTouchedKeepTheirRaces() {
        assertEquals(2, dataThenFlagIn(false).size());
    }

    /** A static field is never kept beside an object: its accesses have their places. */
    @Test
    void staticFieldsWrittenBeforeTheRacyFlagAreConsequences() {
        List<Finding> races = dataThenFlagIn(true);
        assertEquals(1, races.size(), races.toString());
        assertEquals(1, races.get(0).primaryPair().followedBy().size());
    }

    /** A race that follows a consequence is evidence of the first race, the one that started the chain. */
    @Test
    void aChainOfConsequencesLeadsToTheFirstRace() {
        Handoff h = new Handoff();
        h.s.write(h.writer, h.config, h.other, h.writeData).write(h.writer, h.config, h.data, h.writeData)
                .write(h.writer, h.config, h.ready, h.writeReady)
                .read(h.reader, h.config, h.ready, h.readReady).read(h.reader, h.config, h.data, h.readData)
                .read(h.reader, h.config, h.other, h.readData);
        List<Finding> races = h.races();
        assertEquals(1, races.size(), races.toString());
        assertEquals(2, h.raceOn(races, "ready").primaryPair().followedBy().size());
    }
}
