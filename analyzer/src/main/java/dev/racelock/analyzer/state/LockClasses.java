package dev.racelock.analyzer.state;

import dev.racelock.analyzer.collect.LongObjectMap;
import dev.racelock.analyzer.finding.LockRef;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.ObjectInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps each lock object to its {@link LockClass}, decided on the lock's first use from its
 * ObjectInfo: declaring field ({@code Account.lock}), else class + allocation site
 * ({@code ReentrantLock allocated at Bank.java:12}), a Class object's monitor by where it was
 * first seen, else {@code monitor of Account} for a monitor or the bare class name for a j.u.c.
 * lock; with no ObjectInfo at all, by where it was first taken ({@code monitor first taken at
 * Dl.java:8}). A Class monitor keeps the key and label of any object known by its first site, so
 * its fingerprint does not depend on how reports name it.
 */
public final class LockClasses {

    private static final String CLASS = "java.lang.Class";
    private static final String CLASS_SUFFIX = ".class";

    private final TraceDictionary dictionary;
    private final LongObjectMap<LockClass> byLock = new LongObjectMap<>();
    private final Map<String, LockClass> byKey = new HashMap<>();
    private final List<LockClass> byId = new ArrayList<>();

    LockClasses(TraceDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /**
     * The class of {@code lock}, decided on its first use: {@code flags} tell a monitor from a
     * j.u.c. lock, and {@code site} (where it is being taken) names a lock nothing else is known
     * of. Later calls return the class decided then.
     */
    public LockClass of(long lock, int flags, int site) {
        LockClass c = byLock.get(lock);
        if (c == null) {
            c = classify(lock, flags, site);
            byLock.put(lock, c);
        }
        return c;
    }

    public LockClass byId(int id) {
        return byId.get(id);
    }

    void freed(long lock) {
        byLock.remove(lock);
    }

    private LockClass classify(long lock, int flags, int site) {
        ObjectInfo info = dictionary.object(lock);
        String className = info != null && info.className() != null ? info.className() : null;
        String simple = className == null ? "lock" : TraceDictionary.simpleName(className);
        boolean monitor = LockFlags.isMonitor(flags);
        FieldInfo field = info != null ? dictionary.field(info.field()) : null;
        if (field != null) {
            return intern("field:" + field.owner() + "." + field.name(),
                    TraceDictionary.simpleName(field.owner()) + "." + field.name(),
                    LockRef.field(monitor, className, field.owner(), field.name()));
        }
        if (monitor && className != null && className.endsWith(CLASS_SUFFIX)) {
            // a Class object, described by the class it stands for (ObjectIds.described)
            String represented = className.substring(0, className.length() - CLASS_SUFFIX.length());
            String name = TraceDictionary.simpleName(represented) + CLASS_SUFFIX;
            return intern("class:" + represented, name, LockRef.classMonitor(represented,
                    dictionary.sourceSite(info.allocationSite())));
        }
        if (monitor && CLASS.equals(className)) {
            // an older agent described a Class object like any other: by where it was
            // first seen, not by the class it stands for
            boolean seen = dictionary.sourceSite(info.allocationSite()) != null;
            return intern(seen ? "alloc:" + CLASS + "@" + dictionary.siteMethodKey(info.allocationSite()) : "monitor:" + CLASS,
                    seen ? simple + " allocated at " + dictionary.siteText(info.allocationSite()) : "monitor of " + simple,
                    LockRef.classMonitor(null, dictionary.sourceSite(info.allocationSite())));
        }
        if (info != null && dictionary.sourceSite(info.allocationSite()) != null) {
            return intern("alloc:" + className + "@" + dictionary.siteMethodKey(info.allocationSite()),
                    simple + " allocated at " + dictionary.siteText(info.allocationSite()),
                    LockRef.allocation(monitor, className, dictionary.sourceSite(info.allocationSite())));
        }
        if (className == null) {
            // No ObjectInfo: group by where the lock was first taken, the best name left.
            String kind = monitor ? "monitor" : "lock";
            if (dictionary.sourceSite(site) != null) {
                return intern("first-taken:" + kind + "@" + dictionary.siteMethodKey(site),
                        kind + " first taken at " + dictionary.siteText(site),
                        LockRef.firstTaken(monitor, dictionary.sourceSite(site)));
            }
            return intern("unknown:" + kind, monitor ? "monitor of an unknown object" : "unknown lock",
                    LockRef.unknown(monitor));
        }
        if (monitor) {
            return intern("monitor:" + className, "monitor of " + simple, LockRef.ofClass(true, className));
        }
        return intern("class:" + className, simple, LockRef.ofClass(false, className));
    }

    private LockClass intern(String key, String name, LockRef ref) {
        // Identity includes the label (with its line) so that two locks allocated in the same
        // method stay two classes; the fingerprint key stays line-free.
        return byKey.computeIfAbsent(key + "|" + name, k -> {
            LockClass c = new LockClass(byId.size(), name, key, ref);
            byId.add(c);
            return c;
        });
    }
}
