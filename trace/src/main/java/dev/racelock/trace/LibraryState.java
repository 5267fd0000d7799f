package dev.racelock.trace;

/**
 * The field that stands for the abstract state of an instance of a modelled JDK class
 * (docs/library-model.md): a call of {@code HashMap.put} on a map is recorded as a write of
 * (the map's id, this field), {@code get} as a read. One field for every modelled class; the
 * instance's {@link ObjectInfo} names its class and the field it was loaded from, the access's
 * site the method called ({@link SiteInfo#calledMethod()}). Its name is not a Java identifier,
 * so no compiled field has it.
 */
public final class LibraryState {
    /** The field's owner (binary name, as FieldInfo has it). */
    public static final String OWNER = "java.lang.Object";
    public static final String NAME = "<state>";
    /** No value type: a state is neither a reference nor 64 bits wide. */
    public static final String DESCRIPTOR = "";

    private LibraryState() {}

    /** True for the abstract-state field. */
    public static boolean is(FieldInfo field) {
        return field != null && NAME.equals(field.name()) && OWNER.equals(field.owner());
    }
}
