package dev.racelock.agent.instrument;

import dev.racelock.agent.runtime.TraceOutput;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.format.TraceDictionary;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Method, site and field ids, assigned at transform time and defined in the trace right away,
 * so every entry is written before any event that uses it (TraceWriter's contract).
 */
public final class Dictionary {
    private final TraceDictionary definitions;
    private final AtomicInteger nextMethod = new AtomicInteger();
    private final AtomicInteger nextSite = new AtomicInteger();
    private final AtomicInteger nextField = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> fields = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> calledMethods = new ConcurrentHashMap<>();

    public Dictionary(TraceOutput output) {
        this.definitions = output.dictionary();
    }

    int method(String className, String name, String descriptor, String sourceFile) {
        int id = nextMethod.getAndIncrement();
        definitions.defineMethod(new MethodInfo(id, className.replace('/', '.'), name, descriptor, sourceFile));
        return id;
    }

    int site(int method, int line) {
        int id = nextSite.getAndIncrement();
        definitions.defineSite(new SiteInfo(id, method, line));
        return id;
    }

    /**
     * A site that calls {@code calledMethod} (an id from {@link #calledMethod}): the call of a
     * modelled JDK method, whose accesses name the method they were (SiteInfo.calledMethod).
     */
    int callSite(int method, int line, int calledMethod) {
        int id = nextSite.getAndIncrement();
        definitions.defineSite(new SiteInfo(id, method, line, calledMethod));
        return id;
    }

    /** One method id per called method (never instrumented, so defined once, without a source file). */
    int calledMethod(String owner, String name, String descriptor) {
        String key = owner + '.' + name + descriptor;
        Integer known = calledMethods.get(key);
        if (known != null) {
            return known;
        }
        return calledMethods.computeIfAbsent(key, k -> method(owner, name, descriptor, null));
    }

    /** {@link #field} for the runtime (JucRuntime.FieldIds): fields named by updaters and VarHandles. */
    public int runtimeField(String owner, String name, String descriptor, boolean isVolatile, boolean isStatic) {
        return field(owner, name, descriptor, isVolatile, isStatic);
    }

    /** One id per declared field (owner is the declaring class), whatever class the access names. */
    int field(String owner, String name, String descriptor, boolean isVolatile, boolean isStatic) {
        String key = owner + '.' + name + ':' + descriptor;
        Integer known = fields.get(key);
        if (known != null) {
            return known;
        }
        return fields.computeIfAbsent(key, k -> {
            int id = nextField.getAndIncrement();
            definitions.defineField(new FieldInfo(id, owner.replace('/', '.'), name, descriptor, isVolatile, isStatic));
            return id;
        });
    }
}
