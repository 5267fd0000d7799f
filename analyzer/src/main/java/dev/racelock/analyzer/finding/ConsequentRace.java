package dev.racelock.analyzer.finding;

/**
 * A race that this run showed only after an earlier one: happens-before leaves the two accesses
 * unordered, but the reads-from order does not (schedulable happens-before, Mathur, Kini &amp;
 * Viswanathan, OOPSLA 2018): a racy read saw a write, and every schedule in which the reader
 * sees that write again also orders these two accesses. It is evidence of the race it follows,
 * not a bug of its own: fixing that one fixes this.
 *
 * @param location    the field or array elements of this race
 * @param earlier     the access that came first in the trace
 * @param later       the access that conflicts with it
 * @param occurrences how many times (object instances, dynamic pairs) this pair was seen
 */
public record ConsequentRace(MemoryLocation location, Access earlier, Access later, int occurrences) {}
