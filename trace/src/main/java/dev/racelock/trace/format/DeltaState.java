package dev.racelock.trace.format;

/**
 * One thread's delta state (docs/trace-format.md, "Delta state"): the last value of each operand
 * the format writes as a step from the previous one, all starting at 0 and running across the
 * thread's chunks. The writer ({@link ThreadEventBuffer}) and the reader ({@link ThreadCursor})
 * both extend it, so the state one encodes against is the state the other decodes against;
 * each updates a field exactly where the format says (plain fields of its own thread, no
 * indirection on the hot path).
 */
abstract class DeltaState {
    long prevSeq;
    long prevObject;
    long prevLock;
    long prevToken;
    int prevSite;
    int prevField;
    int prevIndex;
    int prevMethod;
    int prevContext;
}
