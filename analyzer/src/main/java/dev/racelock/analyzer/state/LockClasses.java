package dev.racelock.analyzer.state;

import dev.racelock.analyzer.collect.LongObjectMap;
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
 * ({@code ReentrantLock allocated at Bank.java:12}), else {@code monitor of Account} for a
 * monitor or the bare class name for a j.u.c. lock.
 */
public final class LockClasses {

    private final TraceDictionary dictionary;
    private final LongObjectMap<LockClass> byLock = new LongObjectMap<>();
    private final Map<String, LockClass> byKey = new HashMap<>();
    private final List<LockClass> byId = new ArrayList<>();

    LockClasses(TraceDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** The class of {@code lock}; {@code flags} (of its first event) tell a monitor from a j.u.c. lock. */
    public LockClass of(long lock, int flags) {
        LockClass c = byLock.get(lock);
        if (c == null) {
            c = classify(lock, flags);
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

    private LockClass classify(long lock, int flags) {
        ObjectInfo info = dictionary.object(lock);
        String className = info != null && info.className() != null ? info.className() : null;
        String simple = className == null ? "lock" : TraceDictionary.simpleName(className);
        FieldInfo field = info != null ? dictionary.field(info.field()) : null;
        if (field != null) {
            return intern("field:" + field.owner() + "." + field.name(),
                    TraceDictionary.simpleName(field.owner()) + "." + field.name());
        }
        if (info != null && dictionary.sourceSite(info.allocationSite()) != null) {
            return intern("alloc:" + className + "@" + dictionary.siteMethodKey(info.allocationSite()),
                    simple + " allocated at " + dictionary.siteText(info.allocationSite()));
        }
        if (className == null) {
            return intern("unknown", LockFlags.isMonitor(flags) ? "monitor of an unknown object" : "unknown lock");
        }
        if (LockFlags.isMonitor(flags)) {
            return intern("monitor:" + className, "monitor of " + simple);
        }
        return intern("class:" + className, simple);
    }

    private LockClass intern(String key, String name) {
        // Identity includes the shown name (with its line) so that two locks allocated in the same
        // method stay two classes; the fingerprint key stays line-free.
        return byKey.computeIfAbsent(key + "|" + name, k -> {
            LockClass c = new LockClass(byId.size(), name, key);
            byId.add(c);
            return c;
        });
    }
}
