package dev.racelock.analyzer.predict;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.Fingerprints;
import dev.racelock.analyzer.finding.MemoryLocation;
import dev.racelock.analyzer.finding.RacePair;
import dev.racelock.analyzer.finding.RelaxedOrder;
import dev.racelock.analyzer.finding.StartRelation;
import dev.racelock.analyzer.state.LocationClassFindings;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.ObjectInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns predicted races into findings, one per location class as for data races: each distinct
 * pair of sites with both accesses, and the two critical sections whose order hid it in this run
 * (lock, both threads, where each took it). Reports word them (module {@code report}).
 *
 * <p>The fingerprint is the one the HB analysis gives a data race on the same location, so a bug
 * keeps one fingerprint whether a run showed it or only predicted it: a baseline or suppression
 * written for one covers the other, and the merged result shows the observed one.
 */
final class PredictedRaceFindings extends LocationClassFindings<PredictedRace> {

    PredictedRaceFindings(TraceState state) {
        super(state);
    }

    @Override
    protected String locationKey(PredictedRace race) {
        return race.locationKey;
    }

    @Override
    protected Finding finding(String locationKey, List<PredictedRace> races) {
        List<RacePair> pairs = new ArrayList<>(races.size());
        for (PredictedRace r : races) {
            pairs.add(new RacePair(access(r, r.earlier), access(r, r.later), null,
                    dictionary.startRelation(r.earlier.thread(), r.later.thread()),
                    r.occurrences, relaxed(r)));
        }
        return Finding.race(FindingType.PREDICTED_RACE, Fingerprints.of(FindingType.DATA_RACE, locationKey),
                location(races.get(0)), pairs);
    }

    private MemoryLocation location(PredictedRace r) {
        if (!r.array) {
            FieldInfo f = dictionary.field(r.slot);
            return f == null ? MemoryLocation.field(null, "field#" + r.slot) : MemoryLocation.field(f.owner(), f.name());
        }
        ObjectInfo info = dictionary.object(r.object);
        return MemoryLocation.arrayElement(info == null ? null : info.className(),
                info == null ? null : dictionary.sourceSite(info.allocationSite()));
    }

    private Access access(PredictedRace r, PredictedRace.Side a) {
        return state.access(a.thread(), a.write(), r.array ? r.slot : -1, a.site(), a.context(), a.lockSet(), null);
    }

    private RelaxedOrder relaxed(PredictedRace r) {
        CriticalSection first = r.releasing;
        CriticalSection next = r.acquiring;
        if (first == null || next == null) {
            return null;
        }
        return new RelaxedOrder(state.lockClasses().of(first.lock, 0, first.acqSite).ref(),
                dictionary.threadRef(first.thread), dictionary.sourceSite(first.acqSite),
                dictionary.sourceSite(first.relSite), dictionary.threadRef(next.thread),
                dictionary.sourceSite(next.acqSite));
    }
}
