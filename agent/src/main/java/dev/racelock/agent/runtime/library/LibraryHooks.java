package dev.racelock.agent.runtime.library;

import dev.racelock.agent.runtime.ObjectIds;
import dev.racelock.agent.runtime.ThreadContext;
import dev.racelock.agent.runtime.WeakIdentityMap;

/**
 * Records a call on an instance of a modelled JDK class ({@link LibraryModel}) as a read or a
 * write of its abstract state: the location (instance, {@code <state>}), so the race analysis,
 * its FastTrack epochs and the agent's repeat filter treat it as one more field. The site names
 * the called method (SiteInfo.calledMethod), the instance's first sight the field it was loaded
 * from. Recorded before the call: a plain access carries no sequence number, and the modelled
 * classes synchronize nothing.
 *
 * <p>Which receivers: instances of the modelled classes themselves (loaded by the bootstrap
 * loader), never an application subclass, whose overrides may lock (calls inside it that reach
 * the JDK class through {@code super} are recorded by {@link #readExact}/{@link #writeExact});
 * and views and iterators bound, where recorded code obtained them ({@link #bindView}), to the
 * instance whose state they share.
 *
 * <p><b>Hot path</b> (Rt's rule): these run at every call of a modelled method and at every
 * call through {@code Map}, {@code Collection}, {@code Iterator} ... in recorded code. They
 * allocate nothing and take no lock on that path: a {@link ClassValue} test, a lock-free
 * lookup for views, one event. Binding a view or an iterator inserts one weak entry (its first
 * sight).
 */
public final class LibraryHooks {
    private LibraryHooks() {}

    private static final int NONE = 0;
    private static final int MODELLED = 1;
    private static final int VIEW = 2;
    /** A class of the JDK monitor table or a subclass ({@code Vector}, {@code Hashtable} ...): not modelled, it locks. */
    private static final int MONITOR = 3;

    /** The field id of {@code <state>}, set once at agent start. */
    private static int stateField = -1;

    /** Views and iterators: bound to the id of the instance whose state they share. */
    private static final WeakIdentityMap VIEWS = new WeakIdentityMap(c -> 0, WeakIdentityMap.Insertions.NONE);

    private static final ClassValue<Integer> KIND = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            if (JdkMonitors.extendsTableClass(type)) {
                return MONITOR;
            }
            if (type.getClassLoader() != null) {
                return NONE;
            }
            if (LibraryModel.modelOf(type) >= 0) {
                return MODELLED;
            }
            String name = type.getName();
            int nested = name.indexOf('$');
            if (nested < 0) {
                return NONE;
            }
            String outer = name.substring(0, nested);
            if (outer.equals("java.util.AbstractList") || outer.equals("java.util.AbstractMap")) {
                return VIEW;
            }
            for (Class<?> modelled : LibraryModel.CLASSES) {
                if (modelled.getName().equals(outer)) {
                    return VIEW;
                }
            }
            return NONE;
        }
    };

    /** Called once at agent start (and by tests) with the id of the {@code <state>} field. */
    public static void install(int stateFieldId) {
        stateField = stateFieldId;
    }

    /** The id of the instance whose state {@code receiver} is or shares, or 0 when none is modelled. */
    private static long state(Object receiver, int site, int field, ThreadContext c) {
        return receiver == null ? 0 : state(KIND.get(receiver.getClass()), receiver, site, field, c);
    }

    private static long state(int kind, Object receiver, int site, int field, ThreadContext c) {
        if (kind == MODELLED) {
            return ObjectIds.of(receiver, site, field, c);
        }
        return kind == VIEW ? VIEWS.getUnlocked(receiver) : 0;
    }

    /**
     * A query through a supertype whose method may lock the receiver ({@code List.get}, which
     * {@code Vector.get} does): a read of the state of a modelled receiver or a bound view, or,
     * on a receiver of a class of the JDK monitor table, the hold of its monitor
     * ({@link JdkMonitorHooks#called}), recorded before the call: one hook for both models.
     *
     * @param method the called method's name and descriptor, a constant of the call site
     */
    public static void readOrHold(Object receiver, String method, int site, int field, ThreadContext c) {
        accessOrHold(false, receiver, method, site, field, c);
    }

    /** A mutator through a supertype whose method may lock the receiver ({@code List.add}); see {@link #readOrHold}. */
    public static void writeOrHold(Object receiver, String method, int site, int field, ThreadContext c) {
        accessOrHold(true, receiver, method, site, field, c);
    }

    private static void accessOrHold(boolean write, Object receiver, String method, int site, int field,
                                     ThreadContext c) {
        if (receiver == null) {
            return;
        }
        int kind = KIND.get(receiver.getClass());
        if (kind == MONITOR) {
            JdkMonitorHooks.called(receiver, method, site, field, c);
            return;
        }
        long id = state(kind, receiver, site, field, c);
        if (id != 0 && write) {
            c.accesses.write(id, stateField, site);
        } else if (id != 0) {
            c.accesses.read(id, stateField, site);
        }
    }

    /** A query on {@code receiver} (any static type): a read of its state if it is modelled or a bound view. */
    public static void read(Object receiver, int site, int field, ThreadContext c) {
        long id = state(receiver, site, field, c);
        if (id != 0) {
            c.accesses.read(id, stateField, site);
        }
    }

    /** A mutator on {@code receiver}: a write of its state if it is modelled or a bound view. */
    public static void write(Object receiver, int site, int field, ThreadContext c) {
        long id = state(receiver, site, field, c);
        if (id != 0) {
            c.accesses.write(id, stateField, site);
        }
    }

    /** {@code super.get(...)} in a subclass of a modelled class: the receiver is one, whatever its class. */
    public static void readExact(Object receiver, int site, int field, ThreadContext c) {
        if (receiver != null) {
            c.accesses.read(ObjectIds.of(receiver, site, field, c), stateField, site);
        }
    }

    /** {@code super.put(...)} in a subclass of a modelled class. */
    public static void writeExact(Object receiver, int site, int field, ThreadContext c) {
        if (receiver != null) {
            c.accesses.write(ObjectIds.of(receiver, site, field, c), stateField, site);
        }
    }

    /**
     * After a call that returned a view or an iterator of {@code receiver}'s state: calls on
     * {@code view} are accesses to that state from now on. The JDK's collections hand out one
     * view of each kind per instance, so a view is bound once.
     */
    public static void bindView(Object view, Object receiver, ThreadContext c) {
        if (view == null || view == receiver) {
            return;
        }
        long id = state(receiver, -1, -1, c);
        if (id != 0 && VIEWS.getUnlocked(view) != id) {
            VIEWS.bind(view, id, true);
        }
    }
}
