package dev.racelock.samples.validation;

import dev.racelock.analyzer.finding.ConsequentRace;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.RacePair;
import dev.racelock.analyzer.finding.SourceSite;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.racelock.analyzer.finding.AccessKind.READ;
import static dev.racelock.analyzer.finding.AccessKind.WRITE;
import static dev.racelock.analyzer.finding.FindingType.DEADLOCK;
import static dev.racelock.analyzer.finding.FindingType.OBSERVED_DEADLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingComparisonTest {

    private static final String CLASS = "dev.racelock.samples.race.S";
    private final CannedFindings canned = new CannedFindings(CLASS, "S.java");

    private static SampleSource sample(String... lines) {
        return ExpectationParser.parse(CLASS, "S.java", List.of(lines));
    }

    private static final SampleSource RACE = sample(
            "class S {",
            "  void w() { value = 1; } // expect race(write, S.value)",
            "  int r() { return value; } // expect race(read, S.value)",
            "  void inc() { hits++; } // expect race(read|write, S.hits)",
            "  int other;",
            "}");

    private static final SampleSource CYCLE = sample(
            "static final Object A = new Object();",
            "static final Object B = new Object();",
            "synchronized (A) { // expect deadlock(S.A)",
            "  synchronized (B) { // expect deadlock(S.B)",
            "}",
            "synchronized (B) { // expect deadlock(S.B)",
            "  synchronized (A) { // expect deadlock(S.A)");

    private Finding valueRace() {
        return canned.race(canned.access(WRITE, "S.value", 2), canned.access(READ, "S.value", 3));
    }

    private Finding hitsRace() {
        return canned.race(canned.access(WRITE, "S.hits", 4), canned.access(READ, "S.hits", 4));
    }

    @Test
    void exactWhenEveryExpectedRaceIsReportedOnceOnItsLines() {
        Comparison c = FindingComparison.compare(RACE, List.of(valueRace(), hitsRace()));
        assertTrue(c.exact(), c.problems());
    }

    @Test
    void aPredictedRaceMatchesWhetherTheRunShowedItOrOnlyPredictedIt() {
        SampleSource hidden = sample(
                "class S {",
                "  void w() { value = 1; } // expect predicted-race(write, S.value)",
                "  int r() { return value; } // expect predicted-race(read, S.value)",
                "}");
        Finding seen = valueRace();
        Finding predicted = Finding.race(FindingType.PREDICTED_RACE, "fp", seen.location(), seen.pairs());
        assertTrue(FindingComparison.compare(hidden, List.of(seen)).exact());
        assertTrue(FindingComparison.compare(hidden, List.of(predicted)).exact());
        assertFalse(FindingComparison.compare(RACE, List.of(predicted, hitsRace())).exact(),
                "a plain race expectation is not met by a prediction");
    }

    @Test
    void aConsequenceMatchesWhenARaceListsItAndNeverAsAFindingOfItsOwn() {
        SampleSource followed = sample(
                "class S {",
                "  void w() { other = 1; } // expect consequence(write, S.other)",
                "  void p() { value = 1; } // expect race(write, S.value)",
                "  int r() { return value; } // expect race(read, S.value)",
                "  int u() { return other; } // expect consequence(read, S.other)",
                "}");
        Finding value = canned.race(canned.access(WRITE, "S.value", 3), canned.access(READ, "S.value", 4));
        Finding other = canned.race(canned.access(WRITE, "S.other", 2), canned.access(READ, "S.other", 5));
        RacePair p = value.primaryPair();
        RacePair o = other.primaryPair();
        Finding valueFollowedByOther = Finding.race(value.type(), value.fingerprint(), value.location(),
                List.of(new RacePair(p.earlier(), p.later(), null, p.startRelation(), 1, null,
                        List.of(new ConsequentRace(other.location(), o.earlier(), o.later(), 1)))));
        assertTrue(FindingComparison.compare(followed, List.of(valueFollowedByOther)).exact());
        Comparison alone = FindingComparison.compare(followed, List.of(value, other));
        assertFalse(alone.exact());
        assertTrue(alone.problems().contains("missing consequence S.other (write:2, read:5)"), alone.problems());
    }

    @Test
    void reportsAnExpectedRaceNobodyFound() {
        Comparison c = FindingComparison.compare(RACE, List.of(hitsRace()));
        assertFalse(c.exact());
        assertEquals("missing race S.value (write:2, read:3)", c.problems());
    }

    @Test
    void aRaceOnAnUnmarkedLineIsUnexpected() {
        Finding wrongLine = canned.race(canned.access(WRITE, "S.value", 2), canned.access(READ, "S.value", 5));
        Comparison c = FindingComparison.compare(RACE, List.of(wrongLine, hitsRace()));
        assertEquals(List.of(wrongLine), c.unexpected());
        assertEquals(1, c.missing().size());
    }

    @Test
    void aRaceWithTheWrongKindOnAMarkedLineIsUnexpected() {
        Finding readAsWrite = canned.race(canned.access(WRITE, "S.value", 2), canned.access(WRITE, "S.value", 3));
        assertEquals(List.of(readAsWrite), FindingComparison.compare(RACE, List.of(readAsWrite, hitsRace())).unexpected());
    }

    @Test
    void aRaceOnAnotherLocationIsUnexpectedEvenOnMarkedLines() {
        Finding otherField = canned.race(canned.access(WRITE, "S.other", 2), canned.access(READ, "S.other", 3));
        assertEquals(List.of(otherField),
                FindingComparison.compare(RACE, List.of(otherField, valueRace(), hitsRace())).unexpected());
    }

    @Test
    void oneBugReportedTwiceIsNotExact() {
        Comparison c = FindingComparison.compare(RACE, List.of(valueRace(), valueRace(), hitsRace()));
        assertFalse(c.exact());
        assertEquals("reported more than once: race S.value (write:2, read:3)", c.problems());
    }

    @Test
    void aClassifiedExpectationNeedsThatClassification() {
        SampleSource classified = sample("hits++; // expect race(read|write, S.hits, lost-update)");
        Finding lostUpdate = canned.race(canned.access(WRITE, "S.hits", 1), canned.access(READ, "S.hits", 1), "lost-update");
        Finding unclassified = canned.race(canned.access(WRITE, "S.hits", 1), canned.access(READ, "S.hits", 1));
        assertTrue(FindingComparison.compare(classified, List.of(lostUpdate)).exact());
        assertEquals(List.of(unclassified), FindingComparison.compare(classified, List.of(unclassified)).unexpected());
        assertTrue(FindingComparison.compare(RACE, List.of(valueRace(),
                canned.race(canned.access(WRITE, "S.hits", 4), canned.access(READ, "S.hits", 4), "lost-update"))).exact(),
                "without a classification in the sample, any is accepted");
    }

    @Test
    void aCorrectTwinMustReportNothing() {
        SampleSource twin = sample("// expect none", "class S {}");
        assertTrue(FindingComparison.compare(twin, List.of()).exact());
        assertEquals(List.of(valueRace()), FindingComparison.compare(twin, List.of(valueRace())).unexpected());
    }

    @Test
    void exactWhenTheCycleTakesEachLockOnALineMarkedForIt() {
        Finding cycle = canned.cycle(DEADLOCK, "S.B", 4, "S.A", 7);
        assertTrue(FindingComparison.compare(CYCLE, List.of(cycle)).exact());
    }

    @Test
    void acceptsLocksNamedByTheirAllocationSite() {
        Finding cycle = canned.cycle(DEADLOCK, "Object allocated at S.java:2", 4, "Object allocated at S.java:1", 7);
        assertTrue(FindingComparison.compare(CYCLE, List.of(cycle)).exact());
    }

    @Test
    void aLockAttributedToTheWrongLineDoesNotMatch() {
        Finding swapped = canned.cycle(DEADLOCK, "S.A", 4, "S.B", 7);
        assertEquals(List.of(swapped), FindingComparison.compare(CYCLE, List.of(swapped)).unexpected());
    }

    @Test
    void aCycleMissingAnExpectedLockDoesNotMatch() {
        SampleSource three = sample(
                "synchronized (A) { // expect deadlock(S.A)",
                "synchronized (B) { // expect deadlock(S.B)",
                "synchronized (C) { // expect deadlock(S.C)");
        Finding two = canned.cycle(DEADLOCK, "S.A", 1, "S.B", 2);
        assertFalse(FindingComparison.compare(three, List.of(two)).exact());
    }

    @Test
    void anAcquisitionInsideALibraryCountsAtTheSamplesFrame() {
        SourceSite library = new SourceSite("java.util.concurrent.locks.ReentrantLock", "lock", "ReentrantLock.java", 322);
        Finding cycle = canned.cycle(DEADLOCK, List.of(
                canned.acquisition("S.B", library, List.of(library, canned.site(4))),
                canned.acquisition("S.A", 7)));
        assertTrue(FindingComparison.compare(CYCLE, List.of(cycle)).exact());
    }

    @Test
    void anObservedDeadlockMatchesOnTheLinesWhereThreadsBlock() {
        SampleSource real = sample(
                "synchronized (B) { // expect observed-deadlock(R.B)",
                "synchronized (A) { // expect observed-deadlock(R.A)");
        Finding observed = canned.cycle(OBSERVED_DEADLOCK, "java.lang.Object", 1, "java.lang.Object", 2);
        assertTrue(FindingComparison.compare(real, List.of(observed)).exact());
        Finding potential = canned.cycle(DEADLOCK, "R.B", 1, "R.A", 2);
        assertEquals(List.of(potential), FindingComparison.compare(real, List.of(observed, potential)).unexpected());
    }
}
