package dev.racelock.trace.format;

import dev.racelock.trace.ContextInfo;
import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.LockSetInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.TestCaseInfo;
import dev.racelock.trace.ThreadInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes dictionary blocks in file order and hands their entries to the visitor. Keeps the
 * string pool, which is bounded by the recorded program's names (at most
 * {@link TraceFormat#MAX_STRINGS} entries of at most {@link TraceFormat#MAX_STRING_BYTES} each).
 */
final class DictionaryDecoder {

    private final List<String> strings = new ArrayList<>();
    /** Calling-context nodes defined so far, the root included: the next node's id. */
    private int contextNodes = 1;

    /** Calling-context nodes defined so far, the root (0) included: a context event may name any below. */
    int contextNodes() {
        return contextNodes;
    }

    void decode(PayloadDecoder in, EventVisitor visitor) {
        while (in.hasMore()) {
            int tag = in.u8();
            switch (tag) {
                case TraceFormat.DICT_STRING -> defineString(in);
                case TraceFormat.DICT_THREAD -> visitor.thread(new ThreadInfo(
                        in.varInt(), string(in), in.signedInt(), in.signedInt(), flag(in, 1)));
                case TraceFormat.DICT_METHOD -> visitor.method(new MethodInfo(
                        in.signedInt(), string(in), string(in), string(in), string(in)));
                case TraceFormat.DICT_SITE -> visitor.site(new SiteInfo(in.signedInt(), in.signedInt(), in.signedInt()));
                case TraceFormat.DICT_CALL_SITE -> {
                    SiteInfo site = new SiteInfo(in.signedInt(), in.signedInt(), in.signedInt(), in.signedInt());
                    if (site.calledMethod() < 0) {
                        throw new DamagedDataException("call site " + site.id() + " calls method " + site.calledMethod());
                    }
                    visitor.site(site);
                }
                case TraceFormat.DICT_FIELD -> {
                    int id = in.signedInt();
                    String owner = string(in);
                    String name = string(in);
                    String descriptor = string(in);
                    int flags = in.u8();
                    if ((flags & ~3) != 0) {
                        throw new DamagedDataException("unknown field flags " + flags);
                    }
                    visitor.field(new FieldInfo(id, owner, name, descriptor, (flags & 1) != 0, (flags & 2) != 0));
                }
                case TraceFormat.DICT_OBJECT -> visitor.object(new ObjectInfo(
                        in.signedLong(), string(in), in.signedInt(), in.signedInt()));
                case TraceFormat.DICT_TEST -> visitor.testCase(new TestCaseInfo(
                        in.varInt(), string(in), string(in), string(in), string(in)));
                case TraceFormat.DICT_CONTEXT -> visitor.contextNode(contextNode(in));
                case TraceFormat.DICT_LOCK_SET -> {
                    int id = in.varInt();
                    int parent = in.varInt();
                    long lock = in.signedLong();
                    int site = in.signedInt();
                    int flags = in.u8();
                    if (id <= 0 || parent >= id || (flags & ~(LockFlags.ALL & ~LockFlags.WAIT)) != 0) {
                        throw new DamagedDataException("bad lock set " + id + " (parent " + parent + ", flags " + flags + ")");
                    }
                    visitor.lockSet(new LockSetInfo(id, parent, lock, site, flags));
                }
                default -> throw new DamagedDataException("unknown dictionary entry tag " + tag);
            }
        }
    }

    /** Nodes come numbered 1, 2, 3, ... each after its parent, so a node's path is always known. */
    private ContextInfo contextNode(PayloadDecoder in) {
        int id = in.varInt();
        int parent = in.varInt();
        int method = in.signedInt();
        int callSite = in.signedInt();
        if (id != contextNodes) {
            throw new DamagedDataException("calling-context node " + id + " out of order (expected " + contextNodes + ")");
        }
        if (parent < 0 || parent >= id) {
            throw new DamagedDataException("calling-context node " + id + " has undefined parent " + parent);
        }
        contextNodes++;
        return new ContextInfo(id, parent, method, callSite);
    }

    private static boolean flag(PayloadDecoder in, int max) {
        int v = in.u8();
        if (v > max) {
            throw new DamagedDataException("bad boolean " + v);
        }
        return v != 0;
    }

    private void defineString(PayloadDecoder in) {
        if (strings.size() >= TraceFormat.MAX_STRINGS) {
            throw new DamagedDataException("more than " + TraceFormat.MAX_STRINGS + " strings");
        }
        int length = in.boundedInt(TraceFormat.MAX_STRING_BYTES, "string length");
        strings.add(in.utf8(length));
    }

    private String string(PayloadDecoder in) {
        int ref = in.varInt();
        if (ref == 0) {
            return null;
        }
        if (ref < 0 || ref > strings.size()) {
            throw new DamagedDataException("reference to undefined string " + (ref - 1));
        }
        return strings.get(ref - 1);
    }
}
