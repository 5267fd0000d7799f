package dev.racelock.analyzer;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.finding.ConsequentRace;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.LockRef;
import dev.racelock.analyzer.finding.MemoryLocation;
import dev.racelock.analyzer.finding.RaceClassification;
import dev.racelock.analyzer.finding.RacePair;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.StartRelation;
import dev.racelock.analyzer.finding.TestRef;
import dev.racelock.analyzer.finding.ThreadRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FindingMergerTest {

    private static final MemoryLocation HITS = MemoryLocation.field("com.acme.Counter", "hits");

    private static Access access(AccessKind kind, int line, int thread) {
        SourceSite site = new SourceSite("com.acme.Counter", "m", "Counter.java", line);
        return new Access(new ThreadRef(thread, "t" + thread, null), kind, -1, site, List.of(site), List.of());
    }

    private static RacePair pair(int writeLine, int readLine, RaceClassification c, int occurrences) {
        return new RacePair(access(AccessKind.WRITE, writeLine, 1), access(AccessKind.READ, readLine, 2), c,
                StartRelation.NONE, occurrences);
    }

    @Test
    void theSameRaceFromTwoTracesKeepsEachDistinctPairOnceAndSumsOccurrences() {
        FindingMerger merger = new FindingMerger();
        merger.add(Finding.race(FindingType.DATA_RACE, "fp", HITS, List.of(pair(10, 20, null, 2))));
        // The second trace saw the same pair (threads numbered differently) and another one, classified.
        RacePair sameSitesOtherThreads = new RacePair(access(AccessKind.WRITE, 10, 7), access(AccessKind.READ, 20, 8),
                null, StartRelation.NONE, 3);
        merger.add(Finding.race(FindingType.DATA_RACE, "fp", HITS,
                List.of(sameSitesOtherThreads, pair(10, 30, RaceClassification.CHECK_THEN_ACT, 1))));
        List<Finding> merged = merger.sorted();
        assertEquals(1, merged.size());
        Finding f = merged.get(0);
        assertEquals(List.of(30, 20), f.pairs().stream().map(p -> p.later().site().line()).toList(),
                "the classified pair is shown first");
        assertEquals(5, f.pairs().get(1).occurrences());
        assertEquals(6, f.occurrences());
        assertEquals(RaceClassification.CHECK_THEN_ACT, f.classification());
    }

    @Test
    void theRacesThatFollowedAPairInEitherTraceAreListedOnceEach() {
        MemoryLocation data = MemoryLocation.field("com.acme.Counter", "data");
        ConsequentRace a = new ConsequentRace(data, access(AccessKind.WRITE, 11, 1), access(AccessKind.READ, 21, 2), 1);
        ConsequentRace b = new ConsequentRace(data, access(AccessKind.WRITE, 12, 1), access(AccessKind.READ, 21, 2), 1);
        FindingMerger merger = new FindingMerger();
        merger.add(Finding.race(FindingType.DATA_RACE, "fp", HITS, List.of(new RacePair(access(AccessKind.WRITE, 10, 1),
                access(AccessKind.READ, 20, 2), null, StartRelation.NONE, 1, null, List.of(a)))));
        merger.add(Finding.race(FindingType.DATA_RACE, "fp", HITS, List.of(new RacePair(access(AccessKind.WRITE, 10, 7),
                access(AccessKind.READ, 20, 8), null, StartRelation.NONE, 1, null, List.of(b, a)))));
        List<ConsequentRace> followedBy = merger.sorted().get(0).primaryPair().followedBy();
        assertEquals(List.of(11, 12), followedBy.stream().map(c -> c.earlier().site().line()).toList());
        assertEquals(List.of(2, 1), followedBy.stream().map(ConsequentRace::occurrences).toList());
    }

    private static LockAcquisition acquisition(LockRef lock, int thread, int line) {
        SourceSite site = new SourceSite("com.acme.Bank", "transfer", "Bank.java", line);
        return new LockAcquisition(lock, new ThreadRef(thread, "t" + thread, null), site, List.of(site), List.of());
    }

    @Test
    void anObservedDeadlockStandsForTheLockOrderCycleBetweenInstancesOfOneLockClass() {
        LockRef account = LockRef.field(false, "java.util.concurrent.locks.ReentrantLock", "com.acme.Account", "lock");
        FindingMerger merger = new FindingMerger();
        merger.add(Finding.cycle(FindingType.DEADLOCK, "predicted", List.of(
                acquisition(account.instance(1), 1, 10), acquisition(account.instance(2), 2, 10)), 1));
        merger.add(Finding.cycle(FindingType.OBSERVED_DEADLOCK, "observed", List.of(
                acquisition(account, 1, 10), acquisition(account, 2, 10)), 1));
        assertEquals(List.of(FindingType.OBSERVED_DEADLOCK), merger.sorted().stream().map(Finding::type).toList());
    }

    @Test
    void theMergedFindingBelongsToTheTestOfItsPrimaryPair() {
        TestRef first = new TestRef("u1", "com.acme.ATest", "first", "first()");
        TestRef second = new TestRef("u2", "com.acme.BTest", "second", "second()");
        FindingMerger keepsPrimary = new FindingMerger();
        keepsPrimary.add(Finding.race(FindingType.DATA_RACE, "fp", HITS,
                List.of(pair(10, 20, RaceClassification.LOST_UPDATE, 1))).withTest(first));
        keepsPrimary.add(Finding.race(FindingType.DATA_RACE, "fp", HITS, List.of(pair(10, 30, null, 1))).withTest(second));
        assertEquals(first, keepsPrimary.sorted().get(0).test());

        FindingMerger newPrimary = new FindingMerger();
        newPrimary.add(Finding.race(FindingType.DATA_RACE, "fp", HITS, List.of(pair(10, 20, null, 1))).withTest(first));
        newPrimary.add(Finding.race(FindingType.DATA_RACE, "fp", HITS,
                List.of(pair(10, 30, RaceClassification.CHECK_THEN_ACT, 1))).withTest(second));
        assertEquals(second, newPrimary.sorted().get(0).test(), "the classified pair of the second trace is shown first");
    }
}
