package dev.racelock.samples.validation;

import dev.racelock.analyzer.finding.SourceSite;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubjectMatcherTest {

    private final SampleSource sample = ExpectationParser.parse("dev.racelock.samples.race.Buffer", "Buffer.java", List.of(
            "static final int[] slots = new int[4];",
            "slots[1] = 2; // expect race(write, Buffer.slots[])",
            "Account alice = new Account(); // alloc alice"));
    private final SubjectMatcher matcher = new SubjectMatcher(sample);

    @Test
    void matchesAFieldBySimpleQualifiedOrNestedName() {
        assertTrue(matcher.matches("Config.port", "Config.port"));
        assertTrue(matcher.matches("Config.port", "dev.racelock.samples.race.UnsafePublication$Config.port"));
        assertTrue(matcher.matches("Config.port", "static field Config.port"));
    }

    @Test
    void doesNotMatchAFieldWhoseNameMerelyContainsTheSubject() {
        assertFalse(matcher.matches("Config.port", "MyConfig.port"));
        assertFalse(matcher.matches("Config.port", "Config.portNumber"));
    }

    @Test
    void matchesAnArrayByItsAllocationSite() {
        assertTrue(matcher.matches("Buffer.slots[]", "element of int[] allocated at Buffer.java:1"));
        assertFalse(matcher.matches("Buffer.slots[]", "element of int[] allocated at Buffer.java:12"));
    }

    @Test
    void matchesAnObjectByTheSiteWhereItWasFirstSeenOnALineMarkedForIt() {
        assertTrue(matcher.matches("Buffer.slots[]", "element [1] of int[] allocated at Buffer.java:2"));
        assertFalse(matcher.matches("alice", "Account allocated at Buffer.java:2"));
    }

    @Test
    void matchesAnAllocNameOnlyByItsSites() {
        assertTrue(matcher.matches("alice", "Account allocated at Buffer.java:3"));
        assertFalse(matcher.matches("alice", "alice"));
    }

    @Test
    void placesASiteOutsideTheSampleAtItsInnermostFrameInside() {
        SourceSite inLibrary = new SourceSite("dev.racelock.samples.Baton", "pass", "Baton.java", 20);
        SourceSite caller = new SourceSite("dev.racelock.samples.race.Buffer", "lambda$main$0", "Buffer.java", 2);
        assertEquals(2, matcher.lineInSample(inLibrary, List.of(inLibrary, caller)));
        assertEquals(2, matcher.lineInSample(caller, List.of(caller)));
        assertEquals(-1, matcher.lineInSample(inLibrary, List.of(inLibrary)));
    }

    @Test
    void placesASiteWithoutFileByItsClass() {
        SourceSite nested = new SourceSite("dev.racelock.samples.race.Buffer$Account", "deposit", null, 7);
        assertEquals(7, matcher.lineInSample(nested, List.of(nested)));
    }
}
