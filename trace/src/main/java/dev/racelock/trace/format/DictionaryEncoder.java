package dev.racelock.trace.format;

import dev.racelock.trace.ContextInfo;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockSetInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.TestCaseInfo;
import dev.racelock.trace.ThreadInfo;

import java.util.HashMap;
import java.util.Map;

/**
 * Encodes dictionary entries into dictionary-block payloads, interning their strings into the
 * trace's string pool: a string's entry is written just before the first entry that uses it,
 * in the same block. An entry with strings is its tag, its id, its string references, then the
 * rest (docs/trace-format.md, "Dictionary block"). Writer thread only.
 */
final class DictionaryEncoder {

    private final Map<String, Integer> pool = new HashMap<>();

    void encode(Object definition, PayloadBuilder out) {
        if (definition instanceof ThreadInfo t) {
            int name = begin(out, TraceFormat.DICT_THREAD, t.name());
            out.varInt(t.id());
            out.varInt(name);
            out.signedInt(t.parent());
            out.signedInt(t.creationSite());
            out.u8(t.virtual() ? 1 : 0);
        } else if (definition instanceof MethodInfo m) {
            int[] strings = begin(out, TraceFormat.DICT_METHOD, m.className(), m.name(), m.descriptor(), m.sourceFile());
            out.signedInt(m.id());
            writeReferences(strings, out);
        } else if (definition instanceof SiteInfo s) {
            out.u8(s.calledMethod() < 0 ? TraceFormat.DICT_SITE : TraceFormat.DICT_CALL_SITE);
            out.signedInt(s.id());
            out.signedInt(s.method());
            out.signedInt(s.line());
            if (s.calledMethod() >= 0) {
                out.signedInt(s.calledMethod());
            }
        } else if (definition instanceof FieldInfo f) {
            int[] strings = begin(out, TraceFormat.DICT_FIELD, f.owner(), f.name(), f.descriptor());
            out.signedInt(f.id());
            writeReferences(strings, out);
            out.u8((f.isVolatile() ? 1 : 0) | (f.isStatic() ? 2 : 0));
        } else if (definition instanceof ObjectInfo o) {
            int className = begin(out, TraceFormat.DICT_OBJECT, o.className());
            out.signedLong(o.id());
            out.varInt(className);
            out.signedInt(o.allocationSite());
            out.signedInt(o.field());
        } else if (definition instanceof TestCaseInfo t) {
            int[] strings = begin(out, TraceFormat.DICT_TEST, t.uniqueId(), t.className(), t.methodName(), t.displayName());
            out.varInt(t.id());
            writeReferences(strings, out);
        } else if (definition instanceof ContextInfo c) {
            treeNode(out, TraceFormat.DICT_CONTEXT, c.id(), c.parent());
            out.signedInt(c.method());
            out.signedInt(c.callSite());
        } else if (definition instanceof LockSetInfo l) {
            treeNode(out, TraceFormat.DICT_LOCK_SET, l.id(), l.parent());
            out.signedLong(l.lock());
            out.signedInt(l.site());
            out.u8(l.flags());
        } else {
            throw new IllegalArgumentException("not a dictionary entry: " + definition);
        }
    }

    /**
     * Begins an entry with strings: defines those of its strings that are new (before the entry
     * using them), writes its tag, and returns the strings' references, in order, which the entry
     * carries after its id.
     */
    private int[] begin(PayloadBuilder out, int tag, String... strings) {
        int[] references = new int[strings.length];
        for (int i = 0; i < strings.length; i++) {
            references[i] = intern(strings[i], out);
        }
        out.u8(tag);
        return references;
    }

    /**
     * {@link #begin(PayloadBuilder, int, String...)} for an entry with one string, without the two
     * arrays: objects without an id field (arrays, JDK objects) are defined by tens of
     * thousands a second, and this class is left to C1 (the agent's compiler directive), which
     * allocated both arrays for each (Lucene's full recording: 44 MB of JFR's allocation samples).
     */
    private int begin(PayloadBuilder out, int tag, String string) {
        int reference = intern(string, out);
        out.u8(tag);
        return reference;
    }

    /** The head of an entry of a tree defined parent first (calling contexts, lock sets): tag, id, parent. */
    private static void treeNode(PayloadBuilder out, int tag, int id, int parent) {
        out.u8(tag);
        out.varInt(id);
        out.varInt(parent);
    }

    private static void writeReferences(int[] references, PayloadBuilder out) {
        for (int reference : references) {
            out.varInt(reference);
        }
    }

    /** The string's reference: its pool id + 1, or 0 for null; defines it first if new. */
    private int intern(String s, PayloadBuilder out) {
        if (s == null) {
            return 0;
        }
        Integer id = pool.get(s);
        if (id == null) {
            id = pool.size();
            pool.put(s, id);
            byte[] utf8 = PayloadBuilder.utf8(s);
            out.u8(TraceFormat.DICT_STRING);
            out.varInt(utf8.length);
            out.bytes(utf8, 0, utf8.length);
        }
        return id + 1;
    }
}
