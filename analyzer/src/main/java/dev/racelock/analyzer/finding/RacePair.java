package dev.racelock.analyzer.finding;

import java.util.List;

/**
 * One distinct pair of conflicting accesses of a race finding (distinct by the two sites), with
 * the first evidence seen of it.
 *
 * @param earlier        the access that came first in the trace
 * @param later          the access that conflicts with it
 * @param classification the pattern, or null when none is clear
 * @param startRelation  how the two threads are related by thread start
 * @param occurrences    how many times (object instances, dynamic pairs) this pair was seen
 * @param relaxed        for a predicted race: the critical sections whose order hid it in this run
 *                       (null when the order came through a chain not tracked); else null
 * @param followedBy     the races that the run showed only because this one happened (a read of
 *                       this race saw the write, and that ordered them): its consequences, one
 *                       per location and pair of sites, in the order they were detected
 */
public record RacePair(Access earlier, Access later, RaceClassification classification, StartRelation startRelation,
                       int occurrences, RelaxedOrder relaxed, List<ConsequentRace> followedBy) {

    public RacePair {
        followedBy = List.copyOf(followedBy);
    }

    /** A pair with no consequences. */
    public RacePair(Access earlier, Access later, RaceClassification classification, StartRelation startRelation,
                    int occurrences, RelaxedOrder relaxed) {
        this(earlier, later, classification, startRelation, occurrences, relaxed, List.of());
    }

    /** A pair the run showed unordered. */
    public RacePair(Access earlier, Access later, RaceClassification classification, StartRelation startRelation,
                    int occurrences) {
        this(earlier, later, classification, startRelation, occurrences, null);
    }
}
