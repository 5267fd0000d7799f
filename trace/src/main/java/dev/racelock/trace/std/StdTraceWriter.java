package dev.racelock.trace.std;

import dev.racelock.trace.ContextInfo;
import dev.racelock.trace.ContextPaths;
import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.TraceEnd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exports events as STD text ({@code T0|w(V1)|12}) for RAPID, RV-Predict and the like
 * (docs/trace-format.md, "STD export"). Threads are named {@code T<id>} after their trace id;
 * variables {@code V<n>} and locks {@code L<n>} are numbered in order of first appearance; the
 * location field is the site id, explained by a separate site table.
 *
 * <p>By default only the six standard operations are written, so other tools read the file:
 * volatile accesses and hand-offs become an {@code acq}/{@code rel} pair on a lock of their
 * own (which can only add ordering, so it may hide a race but never invent one); method, begin,
 * end and lock-request events are left out; a range access becomes one access per element, up
 * to {@value #MAX_RANGE_ELEMENTS}. With extensions on, {@code vr vw hbr hba enter exit begin end
 * req} are written as such; a format-2 context event becomes the exits and enters that lead
 * from the thread's previous stack to the new one ({@link ContextPaths}).
 *
 * <p>Memory grows with the number of distinct locations, locks and sites (for their names), not
 * with the number of events.
 */
public final class StdTraceWriter implements EventVisitor {

    /** Elements written per range access; the rest are left out. */
    public static final int MAX_RANGE_ELEMENTS = 4096;

    private final Appendable out;
    private final Appendable siteTable;
    private final boolean extensions;
    private final Map<Location, Integer> variables = new HashMap<>();
    private final Map<Location, Integer> locks = new HashMap<>();
    private final Map<Integer, MethodInfo> methods = new HashMap<>();
    private final ContextPaths contexts = new ContextPaths();
    private final Map<Integer, SiteInfo> sites = new LinkedHashMap<>();
    private final StringBuilder line = new StringBuilder(64);

    /**
     * @param out        receives one line per event
     * @param siteTable  receives {@code id<TAB>class.method(File.java:line)} per site at the end; may be null
     * @param extensions write racelock's extended operations too
     */
    public StdTraceWriter(Appendable out, Appendable siteTable, boolean extensions) {
        this.out = out;
        this.siteTable = siteTable;
        this.extensions = extensions;
    }

    // ---- dictionaries ---------------------------------------------------------------------------

    @Override
    public void method(MethodInfo method) {
        methods.put(method.id(), method);
    }

    @Override
    public void site(SiteInfo site) {
        sites.put(site.id(), site);
    }

    @Override
    public void contextNode(ContextInfo node) {
        contexts.define(node);
    }

    @Override
    public void end(TraceEnd end) {
        if (siteTable == null) {
            return;
        }
        try {
            for (SiteInfo site : sites.values()) {
                siteTable.append(Integer.toString(site.id())).append('\t').append(describe(site)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String describe(SiteInfo site) {
        MethodInfo m = methods.get(site.method());
        String where = m == null ? "method" + site.method() : m.className() + "." + m.name();
        String file = m == null || m.sourceFile() == null ? "Unknown Source" : m.sourceFile();
        return site.line() < 0 ? where + "(" + file + ")" : where + "(" + file + ":" + site.line() + ")";
    }

    // ---- standard operations ------------------------------------------------------------------------

    @Override
    public void read(int thread, long object, int field, int site) {
        emit(thread, "r", "V", variable(object, field, false), site);
    }

    @Override
    public void write(int thread, long object, int field, int site) {
        emit(thread, "w", "V", variable(object, field, false), site);
    }

    // STD has no arrays: an element is a variable as a field is, named by the array and the index.

    @Override
    public void arrayRead(int thread, long array, int index, int site) {
        read(thread, array, index, site);
    }

    @Override
    public void arrayWrite(int thread, long array, int index, int site) {
        write(thread, array, index, site);
    }

    @Override
    public void arrayRangeRead(int thread, long array, int from, int length, int site) {
        for (int i = 0; i < Math.min(length, MAX_RANGE_ELEMENTS); i++) {
            arrayRead(thread, array, from + i, site);
        }
    }

    @Override
    public void arrayRangeWrite(int thread, long array, int from, int length, int site) {
        for (int i = 0; i < Math.min(length, MAX_RANGE_ELEMENTS); i++) {
            arrayWrite(thread, array, from + i, site);
        }
    }

    @Override
    public void lockAcquire(int thread, long lock, int site, int flags) {
        emit(thread, "acq", "L", lock(Location.LOCK, lock, 0), site);
    }

    @Override
    public void lockRelease(int thread, long lock, int site, int flags) {
        emit(thread, "rel", "L", lock(Location.LOCK, lock, 0), site);
    }

    @Override
    public void threadStart(int thread, int child, int site) {
        emit(thread, "fork", "T", child, site);
    }

    @Override
    public void threadJoin(int thread, int child, int site) {
        emit(thread, "join", "T", child, site);
    }

    // ---- operations outside the standard six ------------------------------------------------------

    @Override
    public void volatileRead(int thread, long object, int slot, int site) {
        volatileAccess(thread, "vr", object, slot, site);
    }

    @Override
    public void volatileWrite(int thread, long object, int slot, int site) {
        volatileAccess(thread, "vw", object, slot, site);
    }

    @Override
    public void hbRelease(int thread, long token, int site) {
        handOff(thread, "hbr", token, site);
    }

    @Override
    public void hbAcquire(int thread, long token, int site) {
        handOff(thread, "hba", token, site);
    }

    @Override
    public void lockRequest(int thread, long lock, int site, int flags) {
        if (extensions) {
            emit(thread, "req", "L", lock(Location.LOCK, lock, 0), site);
        }
    }

    @Override
    public void methodEnter(int thread, int method, int callSite) {
        if (extensions) {
            emit(thread, "enter", "M", method, callSite);
        }
    }

    @Override
    public void methodExit(int thread) {
        if (extensions) {
            emit(thread, "exit", "", -1, -1);
        }
    }

    @Override
    public void context(int thread, int node) {
        if (extensions) {
            contexts.switchTo(thread, node, this);
        }
    }

    @Override
    public void threadBegin(int thread) {
        if (extensions) {
            emit(thread, "begin", "", -1, -1);
        }
    }

    @Override
    public void threadEnd(int thread) {
        if (extensions) {
            emit(thread, "end", "", -1, -1);
        }
    }

    // ---- output -----------------------------------------------------------------------------------

    /** With extensions a volatile variable, else a lock of the location's own ({@link #lockPair}). */
    private void volatileAccess(int thread, String op, long object, int slot, int site) {
        if (extensions) {
            emit(thread, op, "V", variable(object, slot, true), site);
        } else {
            lockPair(thread, lock(Location.VOLATILE, object, slot), site);
        }
    }

    /** A hand-off names a lock of the token's own, with extensions as itself, else as a {@link #lockPair}. */
    private void handOff(int thread, String op, long token, int site) {
        int lock = lock(Location.TOKEN, token, 0);
        if (extensions) {
            emit(thread, op, "H", lock, site);
        } else {
            lockPair(thread, lock, site);
        }
    }

    /** A volatile access or hand-off without extensions: acquire and release a lock of its own. */
    private void lockPair(int thread, int lock, int site) {
        emit(thread, "acq", "L", lock, site);
        emit(thread, "rel", "L", lock, site);
    }

    private int variable(long object, int slot, boolean isVolatile) {
        return variables.computeIfAbsent(new Location(isVolatile ? Location.VOLATILE : Location.PLAIN, object, slot),
                l -> variables.size());
    }

    private int lock(int kind, long id, int slot) {
        return locks.computeIfAbsent(new Location(kind, id, slot), l -> locks.size());
    }

    /** {@code target < 0} writes an empty target, as in {@code T0|begin()|-1}. */
    private void emit(int thread, String op, String prefix, long target, int site) {
        line.setLength(0);
        line.append('T').append(thread).append('|').append(op).append('(');
        if (target >= 0) {
            line.append(prefix).append(target);
        }
        line.append(")|").append(site).append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What an STD name stands for: a memory location, a lock, a volatile location or a token. */
    private record Location(int kind, long id, int slot) {
        static final int PLAIN = 0;
        static final int VOLATILE = 1;
        static final int LOCK = 2;
        static final int TOKEN = 3;
    }
}
