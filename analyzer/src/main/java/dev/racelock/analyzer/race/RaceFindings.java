package dev.racelock.analyzer.race;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.Fingerprints;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.state.LockClass;
import dev.racelock.analyzer.state.TraceDictionary;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.trace.ThreadInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a detected race into a finding: both accesses with thread, stack and locks held, a
 * plain-words explanation of why nothing orders them, a classification where the pattern is
 * clear, and a fingerprint from the location class and the two sites' methods.
 */
final class RaceFindings {

    private final TraceState state;
    private final TraceDictionary dictionary;

    RaceFindings(TraceState state) {
        this.state = state;
        this.dictionary = state.dictionary();
    }

    Finding finding(RaceRecord r) {
        Access earlier = access(r, r.earlier);
        Access later = access(r, r.later);
        String[] methods = {dictionary.siteMethodKey(r.earlier.site()), dictionary.siteMethodKey(r.later.site())};
        java.util.Arrays.sort(methods);
        String fingerprint = Fingerprints.of(FindingType.DATA_RACE, r.location.fingerprint(), methods[0], methods[1]);
        String message = "Unordered " + earlier.kind().word() + " (thread '" + earlier.thread().name() + "', "
                + where(earlier.site()) + ") and " + later.kind().word() + " (thread '" + later.thread().name() + "', "
                + where(later.site()) + ") of " + r.location.text();
        return new Finding(FindingType.DATA_RACE, fingerprint, "DATA RACE on " + r.location.text(), message,
                explanation(r), classification(r), List.of(earlier, later), List.of(), r.occurrences);
    }

    private static String where(SourceSite site) {
        return site == null ? "unknown site" : site.fileAndLine();
    }

    private Access access(RaceRecord r, AccessRecord a) {
        return new Access(dictionary.threadRef(a.thread()), a.write() ? AccessKind.WRITE : AccessKind.READ,
                r.location.accessText(r.index), dictionary.sourceSite(a.site()),
                state.contexts().stack(dictionary, a.site(), a.context()),
                state.holds().describe(dictionary, a.lockSet()));
    }

    /** Why the two accesses are unordered, from the locks each held and how the threads relate. */
    String explanation(RaceRecord r) {
        AccessRecord e = r.earlier;
        AccessRecord l = r.later;
        String eName = "'" + dictionary.threadName(e.thread()) + "'";
        String lName = "'" + dictionary.threadName(l.thread()) + "'";
        List<LockClass> eLocks = state.holds().classesOf(e.lockSet());
        List<LockClass> lLocks = state.holds().classesOf(l.lockSet());
        StringBuilder s = new StringBuilder();
        if (eLocks.isEmpty() && lLocks.isEmpty()) {
            s.append("no lock held in common and no hand-off between them");
        } else if (eLocks.isEmpty() || lLocks.isEmpty()) {
            s.append("thread ").append(eName).append(' ').append(holding(eLocks))
                    .append(", thread ").append(lName).append(' ').append(holding(lLocks))
                    .append(": no lock held in common and no hand-off between them");
        } else {
            List<LockClass> common = new ArrayList<>(eLocks);
            common.retainAll(lLocks);
            if (common.isEmpty()) {
                s.append("thread ").append(eName).append(' ').append(holding(eLocks))
                        .append(", thread ").append(lName).append(' ').append(holding(lLocks))
                        .append(": no lock held in common and no hand-off between them");
            } else {
                s.append("both threads hold ").append(names(common))
                        .append(", but not the same instance, and no hand-off orders the accesses");
            }
        }
        ThreadInfo eInfo = dictionary.thread(e.thread());
        ThreadInfo lInfo = dictionary.thread(l.thread());
        String lKind = l.write() ? "write" : "read";
        String eKind = e.write() ? "write" : "read";
        if (eInfo != null && eInfo.parent() == l.thread()) {
            s.append("; the ").append(lKind).append(" in ").append(lName).append(" happens before the ")
                    .append(eKind).append("r thread ").append(eName).append(" was joined");
        } else if (lInfo != null && lInfo.parent() == e.thread()) {
            s.append("; the ").append(eKind).append(" in ").append(eName).append(" comes after ").append(eName)
                    .append(" started ").append(lName).append(", so the start does not order it");
        }
        return s.toString();
    }

    private static String holding(List<LockClass> locks) {
        return locks.isEmpty() ? "holds no lock" : "holds " + names(locks);
    }

    private static String names(List<LockClass> locks) {
        return locks.stream().map(LockClass::name).distinct().collect(Collectors.joining(", "));
    }

    /** The classification found while the race recurred, else unsafe-publication if confirmed. */
    private static String classification(RaceRecord r) {
        if (r.classification != null) {
            return r.classification;
        }
        return r.publishedFieldsRead ? RaceClassifier.UNSAFE_PUBLICATION : null;
    }
}
