package dev.racelock.trace;

/**
 * A field of the recorded program.
 *
 * @param owner      declaring class, binary name with dots
 * @param name       field name
 * @param descriptor JVM type descriptor, e.g. {@code J} for long
 * @param isVolatile accesses are synchronization, never races
 * @param isStatic   a static field (its location has object id 0)
 */
public record FieldInfo(int id, String owner, String name, String descriptor, boolean isVolatile, boolean isStatic)
        implements DictionaryEntry {}
