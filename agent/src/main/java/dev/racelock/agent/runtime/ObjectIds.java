package dev.racelock.agent.runtime;

import dev.racelock.trace.ObjectInfo;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique, never reused object ids (docs/agent.md, "Object identity"). Instrumented classes carry
 * their id in an injected field ({@link Identified}); everything else (arrays, JDK objects,
 * classes used as locks) is looked up in a weak identity map. Ids come from one global counter
 * handed out in per-thread blocks, so two objects never share an id even after collection.
 */
public final class ObjectIds {
    private static final AtomicLong NEXT_BLOCK = new AtomicLong(1);

    /**
     * Objects without an id field. Each is described in the trace on first sight (class, the
     * site where it was allocated or first used, the field it was loaded from): the analyzer
     * names arrays and lock classes by it.
     */
    static final WeakIdentityMap MAP = new WeakIdentityMap(ThreadContext::newObjectId,
            (key, id, site, field) -> Recording.output().dictionary()
                    .defineObject(new ObjectInfo(id, described(key), site, field)));

    /**
     * The class an object is described by: {@code int[]} for arrays, and for a {@code Class}
     * object the class it stands for followed by {@code .class} ({@code com.acme.Ledger.class},
     * never a binary name, since {@code class} is a keyword), so its monitor is named as
     * {@code static synchronized} methods and {@code synchronized (Ledger.class)} know it
     * (docs/trace-format.md, "Dictionary block").
     */
    private static String described(Object key) {
        if (key instanceof Class<?> c) {
            return c.getName() + ".class";
        }
        return DESCRIBED.get(key.getClass());
    }

    /**
     * An object's class as {@link #described} names it, kept per class: an array type's name is
     * built anew by each {@code getTypeName()}, once per array the program uses, which was 4% of
     * all the bytes a full recording of Lucene allocated (JFR allocation samples).
     */
    private static final ClassValue<String> DESCRIBED = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.isArray() ? type.getTypeName() : type.getName();
        }
    };

    private ObjectIds() {}

    static long reserveBlock(int size) {
        return NEXT_BLOCK.getAndAdd(size);
    }

    /** A fresh id for an object of an instrumented class; called from its constructor. */
    public static long newId(ThreadContext context) {
        return context.newObjectId();
    }

    /** Hot path: no allocation once the object is known, no lock on a hit. */
    public static long of(Object object, int site, ThreadContext context) {
        return of(object, site, -1, context);
    }

    /** @param field the field the object was loaded from (lock classes), or -1 */
    public static long of(Object object, int site, int field, ThreadContext context) {
        if (object == null) {
            return 0;
        }
        if (object == context.lastObject) {
            return context.lastObjectId;
        }
        if (object instanceof Identified) {
            long id = ((Identified) object).$racelock$id();
            if (id != 0 || (id = firstUse((Identified) object, context)) != 0) {
                return id;
            }
        }
        return mapped(object, site, field, context);
    }

    /** Guards the ids set on first use, so that two threads that see an object's 0 together agree on its id. */
    private static final Object FIRST_USE = new Object();

    /**
     * The id of an object whose class sets it on first use (mode=locks: {@link Identified}),
     * set now if no thread did; 0 for an object whose constructor sets it (not visible yet).
     * Once per object used as a lock or token, under a lock of the agent's own that nothing else
     * is taken inside.
     */
    private static long firstUse(Identified object, ThreadContext context) {
        synchronized (FIRST_USE) {
            long id = object.$racelock$id();
            if (id == 0) {
                id = context.newObjectId();
                if (!object.$racelock$setId(id)) {
                    return 0;
                }
            }
            return id;
        }
    }

    /**
     * Hot path for arrays, which never carry an id field: skips the {@code instanceof} check,
     * which costs ~10 ns when it fails on an array (measured, RecordingCallBenchmark).
     */
    public static long ofArray(Object array, int site, ThreadContext context) {
        if (array == null) {
            return 0;
        }
        if (array == context.lastObject) {
            return context.lastObjectId;
        }
        return mapped(array, site, -1, context);
    }

    private static long mapped(Object object, int site, int field, ThreadContext context) {
        int hash = System.identityHashCode(object);
        int slot = hash & (ThreadContext.CACHE_SIZE - 1);
        long id;
        if (context.cachedObjects[slot] == object) {
            id = context.cachedIds[slot];
        } else {
            id = MAP.idOf(object, hash, context, site, field);
            context.cachedObjects[slot] = object;
            context.cachedIds[slot] = id;
        }
        context.lastObject = object;
        context.lastObjectId = id;
        return id;
    }
}
