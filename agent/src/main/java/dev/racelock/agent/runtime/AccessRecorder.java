package dev.racelock.agent.runtime;

/**
 * One thread's plain accesses: the part of an {@link EventRecorder} that the ownership filter
 * has no part in. It neither counts them nor settles before them (an owned update is written out
 * at the thread's next numbered event, and a plain access is none), so the hooks give them to
 * {@link ThreadContext#accesses}, past it: the same calls, in the same order, reach the recorders
 * behind it, with one dispatch fewer on the path every recorded access takes.
 *
 * <p>Hot path rule (STYLE.md): implementations allocate nothing per event, take no lock and
 * call no JDK code that could be instrumented or synchronize.
 */
public interface AccessRecorder {
    void read(long object, int field, int site);
    void write(long object, int field, int site);
    void arrayRead(long array, int index, int site);
    void arrayWrite(long array, int index, int site);
    void arrayRangeRead(long array, int from, int length, int site);
    void arrayRangeWrite(long array, int from, int length, int site);
}
