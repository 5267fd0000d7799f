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
 * in the same block. Writer thread only.
 */
final class DictionaryEncoder {

    private final Map<String, Integer> pool = new HashMap<>();

    void encode(Object definition, PayloadBuilder out) {
        if (definition instanceof ThreadInfo t) {
            int name = intern(t.name(), out);
            out.u8(TraceFormat.DICT_THREAD);
            out.varInt(t.id());
            out.varInt(name);
            out.signedInt(t.parent());
            out.signedInt(t.creationSite());
            out.u8(t.virtual() ? 1 : 0);
        } else if (definition instanceof MethodInfo m) {
            int className = intern(m.className(), out);
            int name = intern(m.name(), out);
            int descriptor = intern(m.descriptor(), out);
            int sourceFile = intern(m.sourceFile(), out);
            out.u8(TraceFormat.DICT_METHOD);
            out.signedInt(m.id());
            out.varInt(className);
            out.varInt(name);
            out.varInt(descriptor);
            out.varInt(sourceFile);
        } else if (definition instanceof SiteInfo s) {
            out.u8(s.calledMethod() < 0 ? TraceFormat.DICT_SITE : TraceFormat.DICT_CALL_SITE);
            out.signedInt(s.id());
            out.signedInt(s.method());
            out.signedInt(s.line());
            if (s.calledMethod() >= 0) {
                out.signedInt(s.calledMethod());
            }
        } else if (definition instanceof FieldInfo f) {
            int owner = intern(f.owner(), out);
            int name = intern(f.name(), out);
            int descriptor = intern(f.descriptor(), out);
            out.u8(TraceFormat.DICT_FIELD);
            out.signedInt(f.id());
            out.varInt(owner);
            out.varInt(name);
            out.varInt(descriptor);
            out.u8((f.isVolatile() ? 1 : 0) | (f.isStatic() ? 2 : 0));
        } else if (definition instanceof ObjectInfo o) {
            int className = intern(o.className(), out);
            out.u8(TraceFormat.DICT_OBJECT);
            out.signedLong(o.id());
            out.varInt(className);
            out.signedInt(o.allocationSite());
            out.signedInt(o.field());
        } else if (definition instanceof TestCaseInfo t) {
            int uniqueId = intern(t.uniqueId(), out);
            int className = intern(t.className(), out);
            int methodName = intern(t.methodName(), out);
            int displayName = intern(t.displayName(), out);
            out.u8(TraceFormat.DICT_TEST);
            out.varInt(t.id());
            out.varInt(uniqueId);
            out.varInt(className);
            out.varInt(methodName);
            out.varInt(displayName);
        } else if (definition instanceof ContextInfo c) {
            out.u8(TraceFormat.DICT_CONTEXT);
            out.varInt(c.id());
            out.varInt(c.parent());
            out.signedInt(c.method());
            out.signedInt(c.callSite());
        } else if (definition instanceof LockSetInfo l) {
            out.u8(TraceFormat.DICT_LOCK_SET);
            out.varInt(l.id());
            out.varInt(l.parent());
            out.signedLong(l.lock());
            out.signedInt(l.site());
            out.u8(l.flags());
        } else {
            throw new IllegalArgumentException("not a dictionary entry: " + definition);
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
