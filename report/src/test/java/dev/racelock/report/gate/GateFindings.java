package dev.racelock.report.gate;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.LockRef;
import dev.racelock.analyzer.finding.MemoryLocation;
import dev.racelock.analyzer.finding.RaceClassification;
import dev.racelock.analyzer.finding.RacePair;
import dev.racelock.analyzer.finding.StartRelation;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.ThreadRef;

import java.util.List;

/** Small findings for gate tests, shaped like the analyzer's. */
final class GateFindings {

    private GateFindings() {}

    /** A race on {@code owner.field} between two writes in {@code owner.method}, called from {@code caller}. */
    static Finding race(String owner, String field, String method, String caller) {
        String simple = owner.substring(owner.lastIndexOf('.') + 1);
        SourceSite site = new SourceSite(owner, method, simple + ".java", 12);
        SourceSite callerSite = new SourceSite(caller.substring(0, caller.lastIndexOf('.')),
                caller.substring(caller.lastIndexOf('.') + 1), null, 3);
        Access a = new Access(new ThreadRef(1, "worker-1", null), AccessKind.WRITE, -1, site,
                List.of(site, callerSite), List.of());
        Access b = new Access(new ThreadRef(2, "worker-2", null), AccessKind.WRITE, -1, site,
                List.of(site, callerSite), List.of());
        return Finding.race(FindingType.DATA_RACE, "race:" + owner + "." + field, MemoryLocation.field(owner, field),
                List.of(new RacePair(a, b, RaceClassification.LOST_UPDATE, StartRelation.NONE, 1)));
    }

    static Finding deadlock(String owner, String method) {
        SourceSite site = new SourceSite(owner, method, null, 7);
        LockAcquisition first = new LockAcquisition(LockRef.ofClass(true, "com.acme.A"), new ThreadRef(1, "t1", null),
                site, List.of(site), List.of());
        LockAcquisition second = new LockAcquisition(LockRef.ofClass(true, "com.acme.B"), new ThreadRef(2, "t2", null),
                site, List.of(site), List.of());
        return Finding.cycle(FindingType.DEADLOCK, "deadlock:" + owner + "." + method, List.of(first, second), 1);
    }
}
