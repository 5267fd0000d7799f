package dev.racelock.agent.runtime;

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

    /** Called once at agent start (and by tests) with the transformer's dictionary. */
    public static void install(FieldIds ids) {
        fieldIds = ids;
    }

    static int fieldId(String owner, String name, String descriptor, boolean isVolatile, boolean isStatic) {
        return fieldIds.fieldId(owner, name, descriptor, isVolatile, isStatic);
    }
}
