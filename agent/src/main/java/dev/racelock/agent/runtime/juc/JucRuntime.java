package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.Recording;

import java.util.function.LongConsumer;

/**
 * What the java.util.concurrent hooks need from the instrumentation at run time: the field ids
 * the transformer gives fields, so that an atomic field updater or a VarHandle on a field
 * names the same location as the instructions that access the field directly.
 */
public final class JucRuntime {

    /** Field ids of the transformer's dictionary (owner in internal form, e.g. com/acme/Counter). */
    public interface FieldIds {
        int fieldId(String owner, String name, String descriptor, boolean isVolatile, boolean isStatic);
    }

    private static volatile FieldIds fieldIds = (owner, name, descriptor, isVolatile, isStatic) -> -1;

    private JucRuntime() {}

    /**
     * Called once at agent start (and by tests) with the transformer's dictionary; the per-object
     * token tables forget collected objects from then on.
     */
    public static void install(FieldIds ids) {
        fieldIds = ids;
        Recording.whenFreed(FORGET_FREED);
    }

    /** One listener for the run, however often tests install. */
    private static final LongConsumer FORGET_FREED = id -> {
        HandOffTokens.forget(id);
        SynchronizerHooks.forget(id);
        ExchangeOffers.forget(id);
    };

    static int fieldId(String owner, String name, String descriptor, boolean isVolatile, boolean isStatic) {
        return fieldIds.fieldId(owner, name, descriptor, isVolatile, isStatic);
    }
}
