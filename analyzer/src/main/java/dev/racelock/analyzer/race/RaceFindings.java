package dev.racelock.analyzer.race;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.ConsequentRace;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.Fingerprints;
import dev.racelock.analyzer.finding.RaceClassification;
import dev.racelock.analyzer.finding.RacePair;
import dev.racelock.analyzer.finding.StartRelation;
import dev.racelock.analyzer.state.LocationClassFindings;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.SiteInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns detected races into findings, one per location class (a field, or the arrays allocated at
 * one site): one bug, one finding, listing each distinct pair of sites that raced on it with both
 * accesses' threads, stacks and locks held, how the threads are related by start, and a
 * classification where the pattern is clear. The fingerprint is the location's, so it does not
 * change when another pair of sites shows up.
 */
final class RaceFindings extends LocationClassFindings<RaceRecord> {

    RaceFindings(TraceState state) {
        super(state);
    }

    @Override
    protected String locationKey(RaceRecord race) {
        return race.location.dedupeKey();
    }

    @Override
    protected Finding finding(String locationKey, List<RaceRecord> records) {
        RaceLocation location = records.get(0).location;
        // The pair shown in full is the first one whose pattern is clear, then detection order;
        // the finding belongs to the test its later access happened in.
        List<RaceRecord> ordered = new ArrayList<>(records);
        ordered.sort(Comparator.comparing(r -> classification(r) == null));
        List<RacePair> pairs = new ArrayList<>(ordered.size());
        for (RaceRecord r : ordered) {
            pairs.add(pair(r));
        }
        return Finding.race(FindingType.DATA_RACE, Fingerprints.of(FindingType.DATA_RACE, location.fingerprint()),
                location.shown(), pairs).withTest(state.tests().ref(ordered.get(0).test));
    }

    private RacePair pair(RaceRecord r) {
        List<ConsequentRace> followedBy = new ArrayList<>();
        if (r.followedBy != null) {
            for (RaceRecord c : r.followedBy) {
                followedBy.add(new ConsequentRace(c.location.shown(), access(c, c.earlier), access(c, c.later), c.occurrences));
            }
        }
        return new RacePair(access(r, r.earlier), access(r, r.later), classification(r),
                dictionary.startRelation(r.earlier.thread(), r.later.thread()),
                r.occurrences, null, followedBy);
    }

    private Access access(RaceRecord r, AccessRecord a) {
        return state.access(a.thread(), a.write(), r.location.array() ? r.index : -1, a.site(), a.context(),
                a.lockSet(), calledMethod(a.site()));
    }

    /** The JDK method a library-state access called ({@code put}), or null. */
    private String calledMethod(int site) {
        SiteInfo s = dictionary.site(site);
        MethodInfo m = s == null || s.calledMethod() < 0 ? null : dictionary.method(s.calledMethod());
        return m == null ? null : m.name();
    }

    /** The classification found while the race recurred, else unsafe-publication if confirmed. */
    private static RaceClassification classification(RaceRecord r) {
        if (r.classification != null) {
            return r.classification;
        }
        return r.publishedFieldsRead ? RaceClassification.UNSAFE_PUBLICATION : null;
    }
}
