package dev.racelock.samples.validation;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.LockRef;
import dev.racelock.analyzer.finding.MemoryLocation;
import dev.racelock.analyzer.finding.RaceClassification;
import dev.racelock.analyzer.finding.RacePair;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.StartRelation;
import dev.racelock.analyzer.finding.ThreadRef;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds findings as the analyzer would report them on a sample, for tests of the comparison and
 * the table. Locations and locks are given as reports word them ({@code S.value},
 * {@code element of int[] allocated at S.java:9}, {@code Object allocated at S.java:2}).
 */
final class CannedFindings {

    private static final Pattern ALLOCATED = Pattern.compile("(?:element of )?(\\S+) allocated at (\\S+):(\\d+)");

    private final String className;
    private final String fileName;

    CannedFindings(String className, String fileName) {
        this.className = className;
        this.fileName = fileName;
    }

    /** One side of a canned race, with what it accessed. */
    record Side(Access access, String location) {}

    SourceSite site(int line) {
        return new SourceSite(className, "lambda$main$0", fileName, line);
    }

    Side access(AccessKind kind, String location, int line) {
        return new Side(new Access(new ThreadRef(kind == AccessKind.WRITE ? 1 : 2, "t", null), kind, -1, site(line),
                List.of(site(line)), List.of()), location);
    }

    Finding race(Side earlier, Side later) {
        return race(earlier, later, null);
    }

    Finding race(Side earlier, Side later, String classification) {
        RaceClassification c = classification == null ? null : RaceClassification.fromId(classification);
        return Finding.race(FindingType.DATA_RACE, "fp", location(later.location()),
                List.of(new RacePair(earlier.access(), later.access(), c, StartRelation.NONE, 1)));
    }

    LockAcquisition acquisition(String lock, int line) {
        return acquisition(lock, site(line), List.of(site(line)));
    }

    LockAcquisition acquisition(String lock, SourceSite at, List<SourceSite> stack) {
        return new LockAcquisition(lock(lock), new ThreadRef(1, "t", null), at, stack, List.of());
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
        return Finding.cycle(type, "fp", acquisitions, 1);
    }

    private MemoryLocation location(String text) {
        Matcher m = ALLOCATED.matcher(text);
        if (m.matches()) {
            return MemoryLocation.arrayElement(m.group(1), siteIn(m.group(2), Integer.parseInt(m.group(3))));
        }
        int dot = text.lastIndexOf('.');
        return MemoryLocation.field(text.substring(0, dot), text.substring(dot + 1));
    }

    /** {@code Owner.field} is a lock in a field, {@code Type allocated at F.java:N} an allocated one, else a class. */
    private LockRef lock(String text) {
        Matcher m = ALLOCATED.matcher(text);
        if (m.matches()) {
            return LockRef.allocation(true, m.group(1), siteIn(m.group(2), Integer.parseInt(m.group(3))));
        }
        int dot = text.lastIndexOf('.');
        if (dot > 0 && Character.isUpperCase(text.charAt(0))) {
            return LockRef.field(true, "java.lang.Object", text.substring(0, dot), text.substring(dot + 1));
        }
        return LockRef.ofClass(false, text);
    }

    private SourceSite siteIn(String file, int line) {
        return new SourceSite(className, "<init>", file, line);
    }
}
