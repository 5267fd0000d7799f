package dev.racelock.analyzer.finding;

/**
 * A lock class (as lockdep groups locks) described by what the trace knows of it; reports turn it
 * into words ({@code Account.lock (ReentrantLock)}, {@code monitor of Account}, ...). Equal refs
 * name the same lock class.
 *
 * @param kind       how the lock is identified
 * @param monitor    a Java monitor (else a {@code java.util.concurrent.locks} lock)
 * @param className  runtime class of the lock object (binary name with dots), or null when unknown;
 *                   for {@link Kind#CLASS_MONITOR}, the class whose {@code Class} object it is, or null
 *                   when the trace does not say (traces written by older agents)
 * @param fieldOwner for {@link Kind#FIELD}: the class declaring the field the lock was loaded from
 * @param field      for {@link Kind#FIELD}: that field's name
 * @param site       for {@link Kind#ALLOCATION}: where it was allocated; for {@link Kind#CLASS_MONITOR}:
 *                   where the Class object was first seen; for {@link Kind#FIRST_TAKEN}: where the lock
 *                   was first taken; else null
 * @param instance   which instance of the class, numbered within one finding (a cycle between
 *                   instances of one lock class); 0 when the finding does not tell instances apart
 */
public record LockRef(Kind kind, boolean monitor, String className, String fieldOwner, String field, SourceSite site,
                      int instance) {

    public enum Kind {
        /** Loaded from a field: the field is the lock class ({@code Account.lock}). */
        FIELD,
        /** Known by class and allocation site. */
        ALLOCATION,
        /**
         * The monitor of a {@code java.lang.Class} object ({@code synchronized static} methods,
         * {@code synchronized (X.class)}): {@code className} is the class it stands for.
         */
        CLASS_MONITOR,
        /** Known by its class only. */
        CLASS,
        /** Nothing known of the object: grouped by where it was first taken. */
        FIRST_TAKEN,
        /** Nothing known at all. */
        UNKNOWN
    }

    public static LockRef field(boolean monitor, String className, String fieldOwner, String field) {
        return new LockRef(Kind.FIELD, monitor, className, fieldOwner, field, null, 0);
    }

    public static LockRef allocation(boolean monitor, String className, SourceSite allocatedAt) {
        return new LockRef(Kind.ALLOCATION, monitor, className, null, null, allocatedAt, 0);
    }

    /** @param representedClass the class whose monitor it is, or null when the trace does not say */
    public static LockRef classMonitor(String representedClass, SourceSite firstSeenAt) {
        return new LockRef(Kind.CLASS_MONITOR, true, representedClass, null, null, firstSeenAt, 0);
    }

    public static LockRef ofClass(boolean monitor, String className) {
        return new LockRef(Kind.CLASS, monitor, className, null, null, null, 0);
    }

    public static LockRef firstTaken(boolean monitor, SourceSite firstTakenAt) {
        return new LockRef(Kind.FIRST_TAKEN, monitor, null, null, null, firstTakenAt, 0);
    }

    public static LockRef unknown(boolean monitor) {
        return new LockRef(Kind.UNKNOWN, monitor, null, null, null, null, 0);
    }

    /** The same lock class, as instance {@code n} of a cycle between its instances. */
    public LockRef instance(int n) {
        return new LockRef(kind, monitor, className, fieldOwner, field, site, n);
    }
}
