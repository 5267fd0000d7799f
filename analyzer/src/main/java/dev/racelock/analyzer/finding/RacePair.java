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
 */
public record RacePair(Access earlier, Access later, RaceClassification classification, StartRelation startRelation,
                       int occurrences) {}
