package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.ObjectIds;
import dev.racelock.agent.runtime.ThreadContext;
import dev.racelock.agent.runtime.WeakIdentityMap;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import static dev.racelock.agent.runtime.juc.AccessModes.ACQUIRE;
import static dev.racelock.agent.runtime.juc.AccessModes.PLAIN_READ;
import static dev.racelock.agent.runtime.juc.AccessModes.PLAIN_WRITE;
import static dev.racelock.agent.runtime.juc.AccessModes.RELEASE;

/**
 * What a VarHandle or field updater stands for, and the probes around VarHandle access modes
 * (see {@link AccessModes} and {@code AtomicCallProbe} for the modes and {@code HandleCreationProbe} for the bindings).
 *
 * <p>A handle created by recorded code for a field is bound to the field's id (the id the
 * transformer gives direct accesses to that field); an array-element handle is marked as such.
 * A handle of unknown origin gets a slot of its own, negative so that it never names a field or
 * an index: its accesses still synchronize with each other, never with anything else.
 */
public final class VarHandleHooks {
    private static final int INSTANCE_FIELD = 1;
    private static final int STATIC_FIELD = 2;
    private static final int ARRAY_ELEMENT = 3;
    private static final int OWN_SLOT = 0;

    /** No number was reserved: a release takes its own (sequence numbers start at 1). */
    private static final long NOT_RESERVED = -1;

    /** handle -> slot << 2 | kind, with the slot offset by one so that a binding is never 0. */
    private static final WeakIdentityMap HANDLES = new WeakIdentityMap(c -> 0, WeakIdentityMap.Insertions.NONE);

    private VarHandleHooks() {}

    // ---- bindings, from HandleCreationProbe ---------------------------------------------------

    public static void fieldHandle(Object handle, Class<?> type, String name, int site, ThreadContext c) {
        bindField(handle, declared(type, name), false);
    }

    public static void staticFieldHandle(Object handle, Class<?> type, String name, int site, ThreadContext c) {
        bindField(handle, declared(type, name), true);
    }

    public static void reflectedHandle(Object handle, Field field, int site, ThreadContext c) {
        bindField(handle, field, Modifier.isStatic(field.getModifiers()));
    }

    public static void arrayHandle(Object handle, int site, ThreadContext c) {
        if (handle != null) {
            HANDLES.bind(handle, 1L << 2 | ARRAY_ELEMENT, true);
        }
    }

    private static void bindField(Object handle, Field field, boolean isStatic) {
        if (handle == null || field == null) {
            return;
        }
        int id = JucRuntime.fieldId(field.getDeclaringClass().getName().replace('.', '/'), field.getName(),
                field.getType().descriptorString(), Modifier.isVolatile(field.getModifiers()), isStatic);
        if (id >= 0) {
            HANDLES.bind(handle, (id + 1L) << 2 | (isStatic ? STATIC_FIELD : INSTANCE_FIELD), true);
        }
    }

    /** The field {@code name} declared by {@code type} or a superclass, or null. */
    private static Field declared(Class<?> type, String name) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            try {
                return t.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // declared higher up
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private static long binding(Object handle, ThreadContext c) {
        long b = HANDLES.get(handle);
        if (b != 0) {
            return b;
        }
        int own = -2 - (int) (ObjectIds.of(handle, -1, c) & 0x3FFF_FFFF);
        return HANDLES.bind(handle, (own + 1L) << 2 | OWN_SLOT, false);
    }

    /** The slot of a field updater's location: its field's id, or a slot of its own. */
    static int slotOf(Object handle, ThreadContext c) {
        return (int) ((binding(handle, c) >> 2) - 1);
    }

    // ---- probes around access modes ----------------------------------------------------------

    /**
     * Before a releasing or plain-writing access mode. {@code c0}/{@code c1} are the first
     * coordinates as far as they are an object and an int; {@code coordinates} how many there are.
     */
    public static void before(Object handle, Object c0, int c1, int coordinates, int mode, int site,
                              ThreadContext c) {
        record(handle, c0, c1, coordinates, mode & (RELEASE | PLAIN_WRITE), NOT_RESERVED, site, c);
    }

    public static void after(Object handle, Object c0, int c1, int coordinates, int mode, int site,
                             ThreadContext c) {
        record(handle, c0, c1, coordinates, mode & (ACQUIRE | PLAIN_READ), NOT_RESERVED, site, c);
    }

    /**
     * After an access mode that may fail (compareAndSet, weakCompareAndSet*, compareAndExchange*),
     * numbered before it by {@link AtomicHooks#reserve}: its release half only if it succeeded,
     * then its acquire half (see {@link AtomicHooks#compareAndSet}).
     */
    public static void afterCompareAndSet(boolean succeeded, Object handle, Object c0, int c1, int coordinates,
                                          int mode, long reserved, int site, ThreadContext c) {
        int halves = (succeeded ? mode & RELEASE : 0) | (mode & ACQUIRE);
        if (halves != 0) {
            record(handle, c0, c1, coordinates, halves, reserved, site, c);
        }
    }

    /**
     * Records the halves of {@code mode} (RELEASE and ACQUIRE together for a read-modify-write,
     * release first); a release numbered by {@code reserved} unless it is {@link #NOT_RESERVED}.
     */
    private static void record(Object handle, Object c0, int c1, int coordinates, int mode, long reserved,
                               int site, ThreadContext c) {
        long b = binding(handle, c);
        int kind = (int) (b & 3);
        long object;
        int slot;
        if (kind == ARRAY_ELEMENT) {
            if (c0 == null || coordinates != 2 || c1 < 0 || c1 >= java.lang.reflect.Array.getLength(c0)) {
                return; // the access throws and touches nothing
            }
            object = ObjectIds.of(c0, site, c);
            slot = c1;
        } else if (kind == STATIC_FIELD) {
            object = 0;
            slot = (int) ((b >> 2) - 1);
        } else {
            if (kind == INSTANCE_FIELD && c0 == null) {
                return; // NullPointerException
            }
            object = c0 == null ? 0 : ObjectIds.of(c0, site, c);
            slot = (int) ((b >> 2) - 1);
        }
        if (kind == OWN_SLOT && (mode & (PLAIN_READ | PLAIN_WRITE)) != 0) {
            return; // plain access to a location we cannot name: not recorded
        }
        if ((mode & RELEASE) != 0) {
            if (reserved == NOT_RESERVED) {
                c.recorder.volatileWrite(object, slot, site);
            } else {
                c.recorder.volatileWriteReserved(reserved, object, slot, site);
            }
        }
        if ((mode & ACQUIRE) != 0) {
            c.recorder.volatileRead(object, slot, site);
        }
        if (mode == PLAIN_WRITE) {
            if (kind == ARRAY_ELEMENT) {
                c.accesses.arrayWrite(object, slot, site);
            } else {
                c.accesses.write(object, slot, site);
            }
        } else if (mode == PLAIN_READ) {
            if (kind == ARRAY_ELEMENT) {
                c.accesses.arrayRead(object, slot, site);
            } else {
                c.accesses.read(object, slot, site);
            }
        }
    }
}
