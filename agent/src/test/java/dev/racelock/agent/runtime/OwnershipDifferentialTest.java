package dev.racelock.agent.runtime;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.files.TraceFiles;
import dev.racelock.trace.format.TraceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing lost by the ownership filter (docs/agent.md, "Objects no second thread has touched"):
 * seeded random executions whose threads construct objects and use them, mostly their own, handing
 * them on with and without synchronization, are recorded through the real hooks with the filter
 * on, and again with every access recorded; the analyzer's findings on both traces must be equal
 * in every field (types, fields, lines, stacks, locks held, classification, occurrences). With
 * calling contexts recorded, the executions' method enters and exits give every access a stack,
 * and an owned access written out later names the owner's stack at the access (a context node).
 *
 * <p>The filter's order marks (a numbered event that orders nothing, before an access of an object
 * shared after the thread's run of plain events began) place the accesses after them later in the
 * reader's order, as a later numbered event would: another valid order of the same execution. The
 * reference recording has the same marks at the same points, so what is compared is exactly what
 * the owned accesses written out at the moment of sharing stand for.
 */
class OwnershipDifferentialTest {

    private static final int EXECUTIONS = 400;

    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        Recording.start(TraceOutput.NONE, false);
    }

    /** An object of an instrumented class as the agent makes one: an id, and a shadow set by its constructor. */
    static final class Cell implements Identified {
        final long id;
        Object shadow;

        Cell(long id) {
            this.id = id;
        }

        @Override
        public long $racelock$id() {
            return id;
        }

        @Override
        public Object $racelock$shadow() {
            return shadow;
        }
    }

    @ParameterizedTest(name = "stacks {0}")
    @ValueSource(booleans = {false, true})
    void ownedAccessesWrittenOutWhenShared_giveTheSameFindings(boolean stacks) throws IOException {
        long keptBeside = 0;
        long shared = 0;
        long sharedWithStack = 0;
        int racy = 0;
        for (int seed = 0; seed < EXECUTIONS; seed++) {
            RandomExecution e = RandomExecution.generate(seed);
            Recorded owned = recordOwned(e, stacks, "owned-" + seed);
            Recorded plain = recordPlain(e, stacks, owned.marks, "plain-" + seed);
            assertEquals(plain.findings, owned.findings, "seed " + seed);
            // Without the marks, the same execution in another valid order: races on the same fields and arrays
            Recorded bare = recordPlain(e, stacks, Set.of(), "bare-" + seed);
            assertEquals(bare.racyLocations, owned.racyLocations, "seed " + seed);
            keptBeside += owned.keptBeside;
            shared += owned.ownedEvents;
            sharedWithStack += owned.ownedWithStack;
            racy += plain.findings.isEmpty() ? 0 : 1;
        }
        // The comparison proves something only if accesses were kept beside objects, objects were
        // shared with their owners' accesses written out, and races were found.
        assertTrue(keptBeside > EXECUTIONS * 10L, "owned accesses " + keptBeside);
        assertTrue(shared > EXECUTIONS, "owned accesses written out " + shared);
        assertTrue(racy > EXECUTIONS / 4, "racy executions " + racy);
        // with stacks, owned accesses made inside a method name their stack: those were compared too
        assertEquals(stacks, sharedWithStack > EXECUTIONS, "owned accesses written out with a stack " + sharedWithStack);
    }

    /** @param racyLocations the fields and arrays (by allocation site) some race was found on */
    record Recorded(List<Finding> findings, Set<Object> racyLocations, long events, Set<Long> marks,
                    long keptBeside, long ownedEvents, long ownedWithStack) {}

    /** Thread and op index of an order mark, as one long. */
    private static long mark(int thread, int op) {
        return ((long) thread << 32) | op;
    }

    private Recorded recordOwned(RandomExecution e, boolean stacks, String name) throws IOException {
        Path file = dir.resolve(name + ".rlt");
        WriterOutput out = open(file, e.threads, stacks);
        Recording.start(out, true, true);
        Set<Long> marks = new HashSet<>();
        long[] ownedEvents = new long[1];
        long[] ownedWithStack = new long[1];
        int[] current = new int[1];
        ThreadContext[] contexts = new ThreadContext[e.threads];
        for (int t = 0; t < e.threads; t++) {
            int thread = t;
            EventRecorder buffer = out.newRecorder(t);
            EventRecorder logged = new ForwardingRecorder(buffer) {
                @Override
                public long orderMark() {
                    marks.add(mark(thread, current[0]));
                    return buffer.orderMark();
                }

                @Override
                public void ownedRead(int owner, long o, int f, int s, int releases, int lockSet, int context) {
                    ownedEvents[0]++;
                    ownedWithStack[0] += context != 0 ? 1 : 0;
                    buffer.ownedRead(owner, o, f, s, releases, lockSet, context);
                }

                @Override
                public void ownedWrite(int owner, long o, int f, int s, int releases, int lockSet, int context,
                                       int readSite) {
                    ownedEvents[0]++;
                    ownedWithStack[0] += context != 0 ? 1 : 0;
                    buffer.ownedWrite(owner, o, f, s, releases, lockSet, context, readSite);
                }
            };
            RepeatFilter filter = new RepeatFilter(logged);
            OwnershipRecorder owned = new OwnershipRecorder(filter);
            contexts[t] = new ThreadContext(t, owned, filter, logged);
            contexts[t].owned = owned;
            owned.attach(contexts[t]);
        }
        Cell[] cells = new Cell[RandomExecution.OBJECTS.length];
        long[] accesses = new long[1];
        e.replay(t -> contexts[t].accesses, t -> contexts[t].recorder, (index, op) -> {
            current[0] = index;
            ThreadContext c = contexts[op.thread()];
            switch (op.kind()) {
                case CONSTRUCT -> {
                    Cell cell = new Cell(RandomExecution.OBJECTS[(int) op.a()]);
                    cell.shadow = Ownership.shadow(null, cell, c);
                    cells[(int) op.a()] = cell;
                    return true;
                }
                case READ -> {
                    accesses[0]++;
                    Rt.read(cells[cellOf(op.a())], op.b(), op.c(), c);
                    return true;
                }
                case WRITE -> {
                    accesses[0]++;
                    Rt.write(cells[cellOf(op.a())], op.b(), op.c(), c);
                    return true;
                }
                case ENTER, EXIT -> {
                    return !stacks; // with stacks=off: no calling contexts
                }
                default -> {
                    return false;
                }
            }
        });
        Recorded analyzed = analyze(file, out);
        return new Recorded(analyzed.findings, analyzed.racyLocations, analyzed.events, marks,
                accesses[0] - countRecordedFieldAccesses(file), ownedEvents[0], ownedWithStack[0]);
    }

    private Recorded recordPlain(RandomExecution e, boolean stacks, Set<Long> marks, String name) throws IOException {
        Path file = dir.resolve(name + ".rlt");
        WriterOutput out = open(file, e.threads, stacks);
        Recording.start(out, true, false);
        EventRecorder[] recorders = new EventRecorder[e.threads];
        for (int t = 0; t < e.threads; t++) {
            recorders[t] = new RepeatFilter(out.newRecorder(t));
        }
        e.replay(t -> recorders[t], (index, op) -> {
            if (marks.contains(mark(op.thread(), index))) {
                recorders[op.thread()].orderMark();
            }
            return switch (op.kind()) {
                case CONSTRUCT -> true;
                case ENTER, EXIT -> !stacks;
                default -> false;
            };
        });
        return analyze(file, out);
    }

    private static int cellOf(long id) {
        for (int k = 0; k < RandomExecution.OBJECTS.length; k++) {
            if (RandomExecution.OBJECTS[k] == id) {
                return k;
            }
        }
        throw new IllegalArgumentException("not an object: " + id);
    }

    private static WriterOutput open(Path file, int threads, boolean stacks) throws IOException {
        TraceWriter writer = TraceWriter.open(file, new TraceHeader(2, 1, 0, "17", "test", "", true, stacks, true), 1000);
        WriterOutput out = new WriterOutput(writer, file.toString(), System.err);
        RandomExecution.define(out, threads);
        return out;
    }

    private static Recorded analyze(Path file, WriterOutput out) throws IOException {
        out.close();
        AnalysisSession session = new AnalysisSession();
        TraceFiles.read(file, session, ReadProgress.NONE);
        List<Finding> findings = session.result().findings();
        Set<Object> racy = new HashSet<>();
        for (Finding f : findings) {
            racy.add(f.location());
            // a race that could only follow another is listed under it (docs/analyses.md, "Races
            // that follow a race"); which race follows which depends on the order
            f.pairs().forEach(p -> p.followedBy().forEach(c -> racy.add(c.location())));
        }
        return new Recorded(findings, racy, session.events(), Set.of(), 0, 0, 0);
    }

    private static long countRecordedFieldAccesses(Path file) throws IOException {
        long[] n = new long[1];
        TraceFiles.read(file, new dev.racelock.trace.EventVisitor() {
            @Override
            public void read(int thread, long object, int field, int site) {
                n[0] += object != 0 ? 1 : 0;
            }

            @Override
            public void write(int thread, long object, int field, int site) {
                n[0] += object != 0 ? 1 : 0;
            }
        }, ReadProgress.NONE);
        Files.delete(file);
        return n[0];
    }

    /** Forwards everything to another recorder; tests override what they watch. */
    static class ForwardingRecorder implements EventRecorder {
        final EventRecorder next;

        ForwardingRecorder(EventRecorder next) {
            this.next = next;
        }

        @Override public void read(long o, int f, int s) { next.read(o, f, s); }
        @Override public void write(long o, int f, int s) { next.write(o, f, s); }
        @Override public void arrayRead(long a, int i, int s) { next.arrayRead(a, i, s); }
        @Override public void arrayWrite(long a, int i, int s) { next.arrayWrite(a, i, s); }
        @Override public void arrayRangeRead(long a, int from, int length, int s) { next.arrayRangeRead(a, from, length, s); }
        @Override public void arrayRangeWrite(long a, int from, int length, int s) { next.arrayRangeWrite(a, from, length, s); }
        @Override public void volatileRead(long o, int slot, int s) { next.volatileRead(o, slot, s); }
        @Override public void volatileWrite(long o, int slot, int s) { next.volatileWrite(o, slot, s); }
        @Override public long reserveSequence() { return next.reserveSequence(); }
        @Override public void volatileWriteReserved(long seq, long o, int slot, int s) { next.volatileWriteReserved(seq, o, slot, s); }
        @Override public void lockRequest(long l, int s, int flags) { next.lockRequest(l, s, flags); }
        @Override public void lockAcquire(long l, int s, int flags) { next.lockAcquire(l, s, flags); }
        @Override public void lockRelease(long l, int s, int flags) { next.lockRelease(l, s, flags); }
        @Override public void threadStart(int child, int s) { next.threadStart(child, s); }
        @Override public void threadBegin() { next.threadBegin(); }
        @Override public void threadEnd(int lastOwnedAccess) { next.threadEnd(lastOwnedAccess); }
        @Override public void threadJoin(int child, int s) { next.threadJoin(child, s); }
        @Override public void hbRelease(long token, int s) { next.hbRelease(token, s); }
        @Override public void hbAcquire(long token, int s) { next.hbAcquire(token, s); }
        @Override public void methodEnter(int method, int callSite) { next.methodEnter(method, callSite); }
        @Override public int methodExit() { return next.methodExit(); }
        @Override public long orderMark() { return next.orderMark(); }
        @Override public long lastSequence() { return next.lastSequence(); }
        @Override public int currentContext() { return next.currentContext(); }

        @Override
        public void ownedRead(int owner, long o, int f, int s, int releases, int lockSet, int context) {
            next.ownedRead(owner, o, f, s, releases, lockSet, context);
        }

        @Override
        public void ownedWrite(int owner, long o, int f, int s, int releases, int lockSet, int context, int readSite) {
            next.ownedWrite(owner, o, f, s, releases, lockSet, context, readSite);
        }
    }
}
