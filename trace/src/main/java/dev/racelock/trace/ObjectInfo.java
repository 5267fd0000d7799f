package dev.racelock.trace;

/**
 * What is known of one object the analyses need to name: arrays (for "element of int[]
 * allocated at ...") and locks (for lock classes, grouped as lockdep does).
 *
 * @param id             the object id
 * @param className      e.g. {@code int[]}, {@code java.util.concurrent.locks.ReentrantLock},
 *                       {@code com.acme.Account}
 * @param allocationSite where it was allocated (or first seen), or -1
 * @param field          the field it was loaded from when first used as a lock or array, or -1;
 *                       the lock class of a lock held in a field is that field
 */
public record ObjectInfo(long id, String className, int allocationSite, int field) implements DictionaryEntry {}
