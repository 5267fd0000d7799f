package dev.racelock.analyzer.finding;

/**
 * What a race is on: a field, or the elements of the arrays allocated at one site (the location
 * class races are grouped by). Facts only; reports word it.
 *
 * @param kind        field or array element
 * @param className   for a field, the declaring class (binary name with dots), or null when the
 *                    trace did not define the field; for array elements, the array type
 *                    ({@code int[]}), or null when unknown
 * @param field       the field's name ({@code field#12} when the trace did not define it); null
 *                    for array elements
 * @param allocatedAt for array elements, where the arrays were allocated (or first seen), or null;
 *                    for a library state whose field is not known, where the instance was first seen
 * @param libraryClass for a library state, the modelled JDK class of the instance
 *                     ({@code java.util.HashMap}); else null. {@code className} and {@code field} then
 *                     name the field the instance was loaded from (null when unknown).
 */
public record MemoryLocation(Kind kind, String className, String field, SourceSite allocatedAt, String libraryClass) {

    /**
     * A field, the elements of arrays, or the abstract state of the instances of a
     * non-thread-safe JDK class held in one field (docs/library-model.md).
     */
    public enum Kind { FIELD, ARRAY_ELEMENT, LIBRARY_STATE }

    public MemoryLocation(Kind kind, String className, String field, SourceSite allocatedAt) {
        this(kind, className, field, allocatedAt, null);
    }

    /** The state of {@code libraryClass} instances held in {@code owner.field} (both null when unknown). */
    public static MemoryLocation libraryState(String libraryClass, String owner, String field, SourceSite firstSeenAt) {
        return new MemoryLocation(Kind.LIBRARY_STATE, owner, field, firstSeenAt, libraryClass);
    }

    public boolean isLibraryState() {
        return kind == Kind.LIBRARY_STATE;
    }

    public static MemoryLocation field(String owner, String field) {
        return new MemoryLocation(Kind.FIELD, owner, field, null);
    }

    public static MemoryLocation arrayElement(String arrayType, SourceSite allocatedAt) {
        return new MemoryLocation(Kind.ARRAY_ELEMENT, arrayType, null, allocatedAt);
    }

    public boolean isArrayElement() {
        return kind == Kind.ARRAY_ELEMENT;
    }
}
