package dev.racelock.cli;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.LockRef;
import dev.racelock.analyzer.finding.MemoryLocation;
import dev.racelock.analyzer.finding.RacePair;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.StartRelation;
import dev.racelock.analyzer.finding.ThreadRef;

import java.util.List;

/** Canned findings and results for command tests. */
final class Findings {

    private Findings() {}

    static Finding race(String simpleClass, String field) {
        SourceSite site = new SourceSite("com.acme." + simpleClass, "update", simpleClass + ".java", 10);
        Access a = new Access(new ThreadRef(1, "t1", null), AccessKind.WRITE, -1, site, List.of(site), List.of());
        Access b = new Access(new ThreadRef(2, "t2", null), AccessKind.READ, -1, site, List.of(site), List.of());
        return Finding.race(FindingType.DATA_RACE, "data-race:com.acme." + simpleClass + "." + field,
                MemoryLocation.field("com.acme." + simpleClass, field),
                List.of(new RacePair(a, b, null, StartRelation.NONE, 1)));
    }

    /** The same cycle as {@link #deadlock}, proven by a reordering of the run. */
    static Finding predictedDeadlock(String simpleClass) {
        Finding potential = deadlock(simpleClass);
        return Finding.cycle(FindingType.PREDICTED_DEADLOCK, potential.fingerprint(), potential.cycle(), 1);
    }

    static Finding deadlock(String simpleClass) {
        SourceSite site = new SourceSite("com.acme." + simpleClass, "transfer", simpleClass + ".java", 20);
        LockRef account = LockRef.ofClass(true, "com.acme.Account");
        LockAcquisition l1 = new LockAcquisition(account.instance(1), new ThreadRef(1, "t1", null), site,
                List.of(site), List.of());
        LockAcquisition l2 = new LockAcquisition(account.instance(2), new ThreadRef(2, "t2", null), site,
                List.of(site), List.of());
        return Finding.cycle(FindingType.DEADLOCK, "deadlock:com.acme." + simpleClass, List.of(l1, l2), 1);
    }

    static AnalysisResult result(Finding... findings) {
        return new AnalysisResult(List.of("t.rlt"), List.of(findings), 1000, List.of());
    }
}
