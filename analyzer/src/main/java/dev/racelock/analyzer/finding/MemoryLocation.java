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
 * @param allocatedAt for array elements, where the arrays were allocated (or first seen), or null
 */
public record MemoryLocation(Kind kind, String className, String field, SourceSite allocatedAt) {

    public enum Kind { FIELD, ARRAY_ELEMENT }

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
