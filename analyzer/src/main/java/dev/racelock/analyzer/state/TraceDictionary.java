package dev.racelock.analyzer.state;

import dev.racelock.analyzer.collect.DenseTable;
import dev.racelock.analyzer.collect.LongObjectMap;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.StartRelation;
import dev.racelock.analyzer.finding.ThreadRef;
import dev.racelock.trace.DictionaryEntry;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.ThreadInfo;

/**
 * The trace's dictionaries (threads, methods, sites, fields, objects) and the names reports
 * build from them. Object entries go when the object is freed, so memory follows the live set.
 */
public final class TraceDictionary {

    private final DenseTable<ThreadInfo> threads = new DenseTable<>();
    private final DenseTable<MethodInfo> methods = new DenseTable<>();
    private final DenseTable<SiteInfo> sites = new DenseTable<>();
    private final DenseTable<FieldInfo> fields = new DenseTable<>();
    private final LongObjectMap<ObjectInfo> objects = new LongObjectMap<>();
    private int threadCount;

    /** Stores a thread, method, site, field or object entry; entries of other kinds are not kept here. */
    void define(DictionaryEntry entry) {
        if (entry instanceof ThreadInfo t) {
            threads.put(t.id(), t);
            threadCount = Math.max(threadCount, t.id() + 1);
        } else if (entry instanceof MethodInfo m) {
            methods.put(m.id(), m);
        } else if (entry instanceof SiteInfo s) {
            sites.put(s.id(), s);
        } else if (entry instanceof FieldInfo f) {
            fields.put(f.id(), f);
        } else if (entry instanceof ObjectInfo o) {
            objects.put(o.id(), o);
        }
    }

    void freed(long object) {
        objects.remove(object);
    }

    public ThreadInfo thread(int id) {
        return threads.get(id);
    }

    /** One more than the largest thread id defined. */
    public int threadCount() {
        return threadCount;
    }

    public MethodInfo method(int id) {
        return methods.get(id);
    }

    public SiteInfo site(int id) {
        return sites.get(id);
    }

    public FieldInfo field(int id) {
        return fields.get(id);
    }

    public ObjectInfo object(long id) {
        return objects.get(id);
    }

    /** Live object entries (for tests of memory behaviour). */
    public int objectCount() {
        return objects.size();
    }

    /** A thread's name, or {@code thread-<id>} when it was never defined. */
    public String threadName(int id) {
        ThreadInfo t = threads.get(id);
        return t != null && t.name() != null ? t.name() : "thread-" + id;
    }

    /**
     * Whether one of two racing threads started the other: a start orders only what the starting
     * thread did before it, and only a join orders the started thread's actions (JLS 17.4.5).
     */
    public StartRelation startRelation(int earlierThread, int laterThread) {
        ThreadInfo earlier = threads.get(earlierThread);
        ThreadInfo later = threads.get(laterThread);
        if (earlier != null && earlier.parent() == laterThread) {
            return StartRelation.EARLIER_THREAD_STARTED_BY_LATER;
        }
        if (later != null && later.parent() == earlierThread) {
            return StartRelation.LATER_THREAD_STARTED_BY_EARLIER;
        }
        return StartRelation.NONE;
    }

    public ThreadRef threadRef(int id) {
        ThreadInfo t = threads.get(id);
        SourceSite created = t != null ? sourceSite(t.creationSite()) : null;
        return new ThreadRef(id, threadName(id), created);
    }

    /** The source site of a site id, or null when unknown. */
    public SourceSite sourceSite(int site) {
        SiteInfo s = sites.get(site);
        if (s == null) {
            return null;
        }
        MethodInfo m = methods.get(s.method());
        if (m == null) {
            return new SourceSite("?", "?", null, s.line());
        }
        return new SourceSite(m.className(), m.name(), m.sourceFile(), s.line());
    }

    /** A frame for a method whose line is not known. */
    public SourceSite methodFrame(int method) {
        MethodInfo m = methods.get(method);
        return m == null ? null : new SourceSite(m.className(), m.name(), m.sourceFile(), -1);
    }

    /** {@code Counter.increment} for a site: the line-free name fingerprints use. */
    public String siteMethodKey(int site) {
        SourceSite s = sourceSite(site);
        return s == null ? "?" : s.qualifiedMethod();
    }

    /** {@code Counter.hits}: simple owner name and field name, as reports show a field. */
    public String fieldText(int field) {
        FieldInfo f = fields.get(field);
        return f == null ? "field#" + field : simpleName(f.owner()) + "." + f.name();
    }

    /** {@code com.acme.Counter.hits}: the line-free, id-free key of a field. */
    public String fieldKey(int field) {
        FieldInfo f = fields.get(field);
        return f == null ? "field#" + field : f.owner() + "." + f.name();
    }

    /** {@code Buffer.java:9}, or "an unknown site". */
    public String siteText(int site) {
        SourceSite s = sourceSite(site);
        return s == null ? "an unknown site" : s.fileAndLine();
    }

    /** {@code com.acme.Outer$Inner} -> {@code Outer$Inner}; array names keep their brackets. */
    public static String simpleName(String className) {
        if (className == null) {
            return "?";
        }
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }
}
