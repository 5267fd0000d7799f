package dev.racelock.samples.validation;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.ThreadRef;

import java.util.ArrayList;
import java.util.List;

/** Builds findings as the analyzer would report them on a sample, for tests of the comparison and the table. */
final class CannedFindings {

    private final String className;
    private final String fileName;

    CannedFindings(String className, String fileName) {
        this.className = className;
        this.fileName = fileName;
    }

    SourceSite site(int line) {
        return new SourceSite(className, "lambda$main$0", fileName, line);
    }

    Access access(AccessKind kind, String location, int line) {
        return new Access(new ThreadRef(kind == AccessKind.WRITE ? 1 : 2, "t", null), kind, location, site(line),
                List.of(site(line)), List.of());
    }

    Finding race(Access earlier, Access later) {
        return race(earlier, later, null);
    }

    Finding race(Access earlier, Access later, String classification) {
        return new Finding(FindingType.DATA_RACE, "fp", "DATA RACE on " + later.location(), "m", "e", classification,
                List.of(earlier, later), List.of(), 1);
    }

    LockAcquisition acquisition(String lock, int line) {
        return acquisition(lock, site(line), List.of(site(line)));
    }

    LockAcquisition acquisition(String lock, SourceSite at, List<SourceSite> stack) {
        return new LockAcquisition(lock, new ThreadRef(1, "t", null), at, stack, List.of());
    }

    /** A cycle: lock/line pairs, e.g. {@code cycle(DEADLOCK, "T.B", 3, "T.A", 9)}. */
    Finding cycle(FindingType type, Object... lockThenLine) {
        List<LockAcquisition> acquisitions = new ArrayList<>();
        for (int i = 0; i < lockThenLine.length; i += 2) {
            acquisitions.add(acquisition((String) lockThenLine[i], (Integer) lockThenLine[i + 1]));
        }
        return cycle(type, acquisitions);
    }

    Finding cycle(FindingType type, List<LockAcquisition> acquisitions) {
        return new Finding(type, "fp", "DEADLOCK", "m", "e", null, List.of(), acquisitions, 1);
    }
}
