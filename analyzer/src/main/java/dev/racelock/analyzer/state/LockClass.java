package dev.racelock.analyzer.state;

import dev.racelock.analyzer.finding.LockRef;

/**
 * A lock class, as lockdep groups locks: the declaring field of the lock if known, else its class
 * and allocation site, else (for a bare monitor) its class. One instance per class for the whole
 * trace, compared by identity: the lock-order graph uses it as its vertex object (JGraphT cycle
 * finders need one shared vertex object per vertex).
 */
public final class LockClass {

    private final int id;
    private final String name;
    private final String key;
    private final LockRef ref;

    LockClass(int id, String name, String key, LockRef ref) {
        this.id = id;
        this.name = name;
        this.key = key;
        this.ref = ref;
    }

    /** Dense id, usable as a label in interned trees. */
    public int id() {
        return id;
    }

    /**
     * A short label for the analyzer's own warnings and for debugging ({@code Account.lock},
     * {@code ReentrantLock allocated at Bank.java:12}); findings carry {@link #ref()}, which reports word.
     */
    public String name() {
        return name;
    }

    /** What the trace tells of this lock class, for findings. */
    public LockRef ref() {
        return ref;
    }

    /** Without lines or ids, for fingerprints: {@code com.acme.Account.lock}. */
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return name;
    }
}
