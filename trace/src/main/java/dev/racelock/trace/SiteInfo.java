package dev.racelock.trace;

/**
 * A code location: a line in a method. Every access, lock, start, join and call is tied to one.
 *
 * @param method       the method id
 * @param line         source line, or -1 when the class has no line numbers
 * @param calledMethod for the call of a modelled JDK method at that line (HashMap.put: its
 *                     accesses are recorded as accesses of the map's abstract state,
 *                     docs/library-model.md), the called method's id; else -1. One line calling
 *                     two modelled methods has one site for each, so a report can say which call
 *                     an access was.
 */
public record SiteInfo(int id, int method, int line, int calledMethod) implements DictionaryEntry {

    /** A site that is not the call of a modelled method. */
    public SiteInfo(int id, int method, int line) {
        this(id, method, line, -1);
    }
}
