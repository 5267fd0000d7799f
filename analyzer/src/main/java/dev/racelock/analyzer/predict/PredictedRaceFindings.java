package dev.racelock.analyzer.predict;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.Fingerprints;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.state.TraceDictionary;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.trace.ObjectInfo;

import java.util.Arrays;
import java.util.List;

/**
 * Turns a predicted race into a finding: both accesses as for a data race, and the two critical
 * sections whose order hid it in this run (lock, both threads, where each took it), with why a
 * schedule that shows the race exists.
 *
 * <p>The fingerprint is the one the HB analysis gives the same race (location class and the two
 * sites' methods, under the {@code data-race} type), so a bug keeps one fingerprint whether a run
 * showed it or only predicted it: a baseline or suppression written for one covers the other.
 */
final class PredictedRaceFindings {

    private final TraceState state;
    private final TraceDictionary dictionary;

    PredictedRaceFindings(TraceState state) {
        this.state = state;
        this.dictionary = state.dictionary();
    }

    Finding finding(PredictedRace r) {
        String locationText = locationText(r);
        Access earlier = access(r, r.earlier, locationText);
        Access later = access(r, r.later, locationText);
        String[] methods = {dictionary.siteMethodKey(r.earlier.site()), dictionary.siteMethodKey(r.later.site())};
        Arrays.sort(methods);
        String fingerprint = Fingerprints.of(FindingType.DATA_RACE, r.locationKey, methods[0], methods[1]);
        String message = earlier.kind().word() + " (thread '" + earlier.thread().name() + "', " + where(earlier.site())
                + ") and " + later.kind().word() + " (thread '" + later.thread().name() + "', " + where(later.site())
                + ") of " + locationText + " are ordered in this run only by the order in which the threads took "
                + lockText(r) + "; another schedule runs them unordered";
        return new Finding(FindingType.PREDICTED_RACE, fingerprint, "PREDICTED DATA RACE on " + locationText,
                capitalized(message), explanation(r), null, List.of(earlier, later), List.of(), r.occurrences);
    }

    private String lockText(PredictedRace r) {
        return r.releasing == null ? "a lock" : lockName(r.releasing);
    }

    private String lockName(CriticalSection cs) {
        return state.lockClasses().of(cs.lock, 0, cs.acqSite).name();
    }

    /**
     * Why the accesses were ordered here and why another schedule exists: the releasing thread's
     * critical section came first on the lock, and (WCP, rules (a) and (b)) nothing in it conflicts
     * with what the acquiring thread did in its section or after, so the sections may run the
     * other way round.
     */
    String explanation(PredictedRace r) {
        String eName = "'" + dictionary.threadName(r.earlier.thread()) + "'";
        String lName = "'" + dictionary.threadName(r.later.thread()) + "'";
        StringBuilder s = new StringBuilder();
        CriticalSection rel = r.releasing;
        CriticalSection acq = r.acquiring;
        if (rel != null && acq != null) {
            String relName = "'" + dictionary.threadName(rel.thread) + "'";
            String acqName = "'" + dictionary.threadName(acq.thread) + "'";
            s.append("In this run thread ").append(relName).append(" held ").append(lockName(rel))
                    .append(" (taken at ").append(dictionary.siteText(rel.acqSite));
            if (rel.relSite >= 0) {
                s.append(", released at ").append(dictionary.siteText(rel.relSite));
            }
            s.append(") before thread ").append(acqName).append(" took it (at ")
                    .append(dictionary.siteText(acq.acqSite)).append("), and that hand-off ordered the ")
                    .append(r.earlier.write() ? "write" : "read").append(" in ").append(eName).append(" before the ")
                    .append(r.later.write() ? "write" : "read").append(" in ").append(lName).append(". ");
        } else {
            s.append("In this run only lock hand-offs ordered the ").append(r.earlier.write() ? "write" : "read")
                    .append(" in ").append(eName).append(" before the ").append(r.later.write() ? "write" : "read")
                    .append(" in ").append(lName).append(". ");
        }
        s.append("The critical sections involved access no common data and nothing else orders them (weak causal"
                + " precedence), so a schedule that takes the lock the other way round is a correct reordering of"
                + " this run: every read sees the same write, every lock is held by one thread at a time. In it the"
                + " two accesses are unordered.");
        return s.toString();
    }

    private Access access(PredictedRace r, PredictedRace.Side a, String locationText) {
        String text = r.array ? locationText.replaceFirst("^element ", "element [" + r.slot + "] ") : locationText;
        return new Access(dictionary.threadRef(a.thread()), a.write() ? AccessKind.WRITE : AccessKind.READ, text,
                dictionary.sourceSite(a.site()), state.contexts().stack(dictionary, a.site(), a.context()),
                state.holds().describe(dictionary, a.lockSet()));
    }

    /** {@code Counter.hits}, or {@code element of int[] allocated at Buffer.java:9}, as the HB analysis names them. */
    private String locationText(PredictedRace r) {
        if (!r.array) {
            return dictionary.fieldText(r.slot);
        }
        ObjectInfo info = dictionary.object(r.object);
        String type = info == null || info.className() == null ? "array" : TraceDictionary.simpleName(info.className());
        int alloc = info == null ? -1 : info.allocationSite();
        return "element of " + type + (dictionary.sourceSite(alloc) != null ? " allocated at " + dictionary.siteText(alloc) : "");
    }

    private static String where(SourceSite site) {
        return site == null ? "unknown site" : site.fileAndLine();
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
