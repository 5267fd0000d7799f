package dev.racelock.analyzer.state;

import dev.racelock.analyzer.finding.LockRef;

/**
 * A lock class, as lockdep groups locks: the declaring field of the lock if known, else its class
 * and allocation site, else (for a bare monitor) its class. One instance per class for the whole
 * trace, compared by identity: the lock-order graph uses it as its vertex object (JGraphT cycle
 * finders need one shared vertex object per vertex).
 *
 * @param id   dense, usable as a label in interned trees
 * @param name a short label for the analyzer's own warnings and for debugging ({@code Account.lock},
 *             {@code ReentrantLock allocated at Bank.java:12}); findings carry {@code ref}, which
 *             reports word
 * @param key  without lines or ids, for fingerprints: {@code com.acme.Account.lock}
 * @param ref  what the trace tells of this lock class, for findings
 */
public record LockClass(int id, String name, String key, LockRef ref) {

    /** By identity, as the class comment says (one instance per lock class), not by components. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
