package dev.racelock.analyzer.finding;

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
 */
public record RacePair(Access earlier, Access later, RaceClassification classification, StartRelation startRelation,
                       int occurrences, RelaxedOrder relaxed) {

    /** A pair the run showed unordered. */
    public RacePair(Access earlier, Access later, RaceClassification classification, StartRelation startRelation,
                    int occurrences) {
        this(earlier, later, classification, startRelation, occurrences, null);
    }
}
