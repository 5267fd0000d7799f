package dev.racelock.samples.validation;

import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.finding.FindingType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpectationParserTest {

    private static SampleSource parse(String... lines) {
        return ExpectationParser.parse("dev.racelock.samples.race.Sample", "Sample.java", List.of(lines));
    }

    private static ExpectedFinding.Access read(int line) {
        return new ExpectedFinding.Access(AccessKind.READ, line);
    }

    private static ExpectedFinding.Access write(int line) {
        return new ExpectedFinding.Access(AccessKind.WRITE, line);
    }

    @Test
    void linesNamingOneSubjectFormOneExpectedRace() {
        SampleSource s = parse(
                "class Sample {",
                "  void w() { value = 1; } // expect race(write, Sample.value)",
                "  int r() { return value; } // expect race(read, Sample.value)",
                "}");
        assertEquals(List.of(new ExpectedFinding.Race("Sample.value", Set.of(write(2), read(3)))), s.expected());
    }

    @Test
    void predictedRaceIsARaceThatRequiresThePredictiveAnalysis() {
        SampleSource s = parse(
                "config = 42; // expect predicted-race(write, Sample.config)",
                "use(config); // expect predicted-race(read, Sample.config)");
        assertEquals(List.of(new ExpectedFinding.Race("Sample.config", Set.of(write(1), read(2)), null, true)), s.expected());
        assertEquals(FindingType.PREDICTED_RACE, s.expected().get(0).type());
        assertTrue(s.requires().contains(Capability.PREDICTIVE));
    }

    @Test
    void consequenceIsARaceListedUnderAnotherRatherThanAFinding() {
        SampleSource s = parse(
                "data = 42; // expect consequence(write, Sample.data)",
                "ready = true; // expect race(write, Sample.ready)",
                "if (ready) // expect race(read, Sample.ready)",
                "  use(data); // expect consequence(read, Sample.data)");
        assertEquals(List.of(new ExpectedFinding.Race("Sample.data", Set.of(write(1), read(4)), null, false, true),
                new ExpectedFinding.Race("Sample.ready", Set.of(write(2), read(3)))), s.expected());
        assertEquals("consequence Sample.data (write:1, read:4)", s.expected().get(0).describe());
    }

    @Test
    void kindAlternativesAllowBothKindsOnOneLine() {
        SampleSource s = parse("hits++; // expect race(read|write, Counter.hits)");
        assertEquals(Set.of(read(1), write(1)), ((ExpectedFinding.Race) s.expected().get(0)).allowed());
    }

    @Test
    void differentSubjectsAreDifferentRaces() {
        SampleSource s = parse(
                "this.port = port; // expect race(write, Config.port)",
                "config = new Config(); // expect race(write, Holder.config)",
                "c = config; // expect race(read, Holder.config)",
                "p = c.port; // expect race(read, Config.port)");
        assertEquals(List.of("Config.port", "Holder.config"),
                s.expected().stream().map(e -> ((ExpectedFinding.Race) e).subject()).toList());
    }

    @Test
    void deadlockLinesFormOneCycleWithTheirLocks() {
        SampleSource s = parse(
                "synchronized (A) { // expect deadlock(T.A)",
                "  synchronized (B) { // expect deadlock(T.B)",
                "    call(); // expect deadlock(alice|bob)");
        ExpectedFinding.Cycle cycle = (ExpectedFinding.Cycle) s.expected().get(0);
        assertEquals(FindingType.DEADLOCK, cycle.type());
        assertEquals(List.of(1, 2, 3), cycle.steps().stream().map(ExpectedFinding.Step::line).toList());
        assertEquals(List.of("alice", "bob"), cycle.steps().get(2).subjects());
        assertEquals(Set.of("T.A", "T.B", "alice", "bob"), cycle.locks());
    }

    @Test
    void predictedDeadlockIsACycleThatRequiresThePredictiveAnalysis() {
        SampleSource s = parse(
                "synchronized (A) { // expect predicted-deadlock(T.A)",
                "  synchronized (B) { // expect predicted-deadlock(T.B)");
        ExpectedFinding.Cycle cycle = (ExpectedFinding.Cycle) s.expected().get(0);
        assertEquals(FindingType.PREDICTED_DEADLOCK, cycle.type());
        assertEquals(Set.of("T.A", "T.B"), cycle.locks());
        assertTrue(s.requires().contains(Capability.PREDICTIVE));
        assertFalse(s.deadlocksForReal());
    }

    @Test
    void observedDeadlockIsItsOwnCycle() {
        SampleSource s = parse(
                "synchronized (B) { // expect observed-deadlock(R.B)",
                "synchronized (A) { // expect observed-deadlock(R.A)");
        assertEquals(1, s.expected().size());
        assertEquals(FindingType.OBSERVED_DEADLOCK, s.expected().get(0).type());
        assertTrue(s.deadlocksForReal());
    }

    @Test
    void severalClausesOnOneLineAreSeparatedBySemicolons() {
        SampleSource s = parse("x = y; // expect race(write, S.x); race(read, S.y)");
        assertEquals(2, s.expected().size());
    }

    @Test
    void expectNoneAndNoCommentBothMeanNoFindings() {
        assertEquals(List.of(), parse("// expect none", "class Twin {}").expected());
        assertEquals(List.of(), parse("class Twin {}").expected());
    }

    @Test
    void requiresCollectsCapabilitiesFromAnywhereInTheFile() {
        SampleSource s = parse("// requires juc, atomics", "class S {", "  // requires juc-locks", "}");
        assertEquals(Set.of(Capability.JUC, Capability.ATOMICS, Capability.JUC_LOCKS), s.requires());
        assertTrue(s.runnableWith(Set.of(Capability.values())));
        assertTrue(!s.runnableWith(Set.of(Capability.JUC)));
    }

    @Test
    void allocNamesTheLineOfAnObjectInALocal() {
        SampleSource s = parse(
                "Account alice = new Account(); // alloc alice",
                "alice.transfer(); // expect deadlock(alice)");
        assertEquals(1, s.allocationLines().get("alice"));
    }

    @Test
    void lockAndArraySubjectsFindTheLineAssigningNewToTheirField() {
        SampleSource s = parse(
                "static final Object A = new Object();",
                "static final int[] slots = new int[4];",
                "static Config config = new Config();",
                "synchronized (A) { // expect deadlock(T.A)",
                "slots[1] = 2; // expect race(write, T.slots[])",
                "config = null; // expect race(write, T.config)");
        assertEquals(1, s.allocationLines().get("T.A"));
        assertEquals(2, s.allocationLines().get("T.slots[]"));
        assertTrue(!s.allocationLines().containsKey("T.config"), "a plain field's race is named by the field");
    }

    @Test
    void aThirdArgumentClassifiesTheRace() {
        SampleSource s = parse(
                "hits++; // expect race(read|write, Counter.hits, lost-update)",
                "hits = 0; // expect race(write, Counter.hits)");
        ExpectedFinding.Race race = (ExpectedFinding.Race) s.expected().get(0);
        assertEquals("lost-update", race.classification());
        assertEquals("race Counter.hits (read/write:1, write:2) [lost-update]", race.describe());
    }

    @Test
    void rejectsTwoClassificationsOfOneRace() {
        assertThrows(ExpectationSyntaxException.class, () -> parse(
                "x++; // expect race(write, S.x, lost-update)",
                "x = 1; // expect race(write, S.x, torn-long)"));
    }

    @Test
    void rejectsAClassificationThatIsNotAWord() {
        assertThrows(ExpectationSyntaxException.class, () -> parse("x++; // expect race(write, S.x, Lost Update)"));
    }

    @Test
    void rejectsAnUnknownClauseWithFileAndLine() {
        ExpectationSyntaxException e = assertThrows(ExpectationSyntaxException.class,
                () -> parse("", "x++; // expect raec(write, S.x)"));
        assertTrue(e.getMessage().startsWith("Sample.java:2: cannot read 'raec(write, S.x)'"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownAccessKind() {
        assertThrows(ExpectationSyntaxException.class, () -> parse("x++; // expect race(update, S.x)"));
    }

    @Test
    void rejectsARaceWithoutSubject() {
        assertThrows(ExpectationSyntaxException.class, () -> parse("x++; // expect race(write)"));
    }

    @Test
    void rejectsAnUnknownCapability() {
        ExpectationSyntaxException e = assertThrows(ExpectationSyntaxException.class, () -> parse("// requires fibers"));
        assertTrue(e.getMessage().contains("unknown capability 'fibers'"), e.getMessage());
    }

    @Test
    void rejectsExpectNoneBesideAnExpectation() {
        assertThrows(ExpectationSyntaxException.class,
                () -> parse("// expect none", "x++; // expect race(write, S.x)"));
    }

    @Test
    void rejectsASubjectThatIsNotAName() {
        assertThrows(ExpectationSyntaxException.class, () -> parse("x++; // expect race(write, the counter)"));
    }

    @Test
    void ignoresOrdinaryComments() {
        assertEquals(List.of(), parse("// we expect nothing here", "x++; // counts hits").expected());
    }
}
