package dev.racelock.trace.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The VarHandles of this package's fields that are read and written with explicit memory order
 * (release/acquire, getAndAdd) instead of through java.util.concurrent classes the agent may
 * instrument. Looked up once, in a static initializer: a field that is not there is a build
 * mistake, so it fails the class's initialization.
 */
final class FieldHandles {
    private FieldHandles() {
    }

    /** {@code lookup} is the owner's own ({@code MethodHandles.lookup()}), which may see its private fields. */
    static VarHandle find(MethodHandles.Lookup lookup, Class<?> owner, String name, Class<?> type) {
        try {
            return lookup.findVarHandle(owner, name, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
