package dev.racelock.agent.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repeat filter drops only what cannot change a finding: an access of a kind and location
 * this thread already accessed since its last synchronization event, except the first read after
 * the first write; with reads across acquires, a read repeated since the thread's last
 * synchronization event that is not an acquire of a volatile, token or joined thread
 * (FilterDifferentialTest checks the findings themselves).
 */
class RepeatFilterTest {

    /**
     * kind 0-3 = read, write, arrayRead, arrayWrite; 4 = a synchronization event (a lock acquire);
     * 5 = method enter; 6 = a volatile read (an acquire that is no lock's).
     */
    record Ev(int kind, long object, int slot, int site) {}

    static final class Collect implements EventRecorder {
        final List<Ev> events = new ArrayList<>();
        @Override public void read(long o, int f, int s) { events.add(new Ev(0, o, f, s)); }
        @Override public void write(long o, int f, int s) { events.add(new Ev(1, o, f, s)); }
        @Override public void arrayRead(long a, int i, int s) { events.add(new Ev(2, a, i, s)); }
        @Override public void arrayWrite(long a, int i, int s) { events.add(new Ev(3, a, i, s)); }
        @Override public void arrayRangeRead(long a, int from, int length, int s) {}
        @Override public void arrayRangeWrite(long a, int from, int length, int s) {}
        @Override public void volatileRead(long o, int f, int s) { events.add(new Ev(6, o, f, s)); }
        @Override public void volatileWrite(long o, int f, int s) { events.add(new Ev(4, o, f, s)); }
        final List<Long> reserved = new ArrayList<>();
        @Override public long reserveSequence() { return 41; }
        @Override public void volatileWriteReserved(long seq, long o, int f, int s) { reserved.add(seq); events.add(new Ev(4, o, f, s)); }
        @Override public void lockRequest(long l, int s, int flags) { events.add(new Ev(4, l, 0, s)); }
        @Override public void lockAcquire(long l, int s, int flags) { events.add(new Ev(4, l, 0, s)); }
        @Override public void lockRelease(long l, int s, int flags) { events.add(new Ev(4, l, 0, s)); }
        @Override public void threadStart(int child, int s) { events.add(new Ev(4, child, 0, s)); }
        @Override public void threadBegin() { events.add(new Ev(4, 0, 0, 0)); }
        @Override public void threadEnd(int lastOwnedAccess) { events.add(new Ev(4, 0, 0, 0)); }
        @Override public void threadJoin(int child, int s) { events.add(new Ev(4, child, 0, s)); }
        @Override public void hbRelease(long token, int s) { events.add(new Ev(4, token, 0, s)); }
        @Override public void hbAcquire(long token, int s) { events.add(new Ev(4, token, 0, s)); }
        @Override public void methodEnter(int method, int callSite) { events.add(new Ev(5, 0, method, callSite)); }
        @Override public int methodExit() { events.add(new Ev(5, 0, 0, 0)); return -1; }
    }

    private static void replay(Ev e, EventRecorder r) {
        switch (e.kind()) {
            case 0 -> r.read(e.object(), e.slot(), e.site());
            case 1 -> r.write(e.object(), e.slot(), e.site());
            case 2 -> r.arrayRead(e.object(), e.slot(), e.site());
            case 3 -> r.arrayWrite(e.object(), e.slot(), e.site());
            case 4 -> r.lockAcquire(e.object(), e.site(), 1);
            case 6 -> r.volatileRead(e.object(), e.slot(), e.site());
            default -> r.methodEnter(e.slot(), e.site());
        }
    }

    @Test
    void aReleaseWithAReservedNumberKeepsItsNumberAndStartsANewEpoch() {
        Collect out = new Collect();
        RepeatFilter filter = new RepeatFilter(out);
        filter.read(1, 0, 0);
        long reserved = filter.reserveSequence();
        filter.volatileWriteReserved(reserved, 2, 0, 0);
        filter.read(1, 0, 0);
        assertEquals(List.of(41L), out.reserved);
        assertEquals(List.of(new Ev(0, 1, 0, 0), new Ev(4, 2, 0, 0), new Ev(0, 1, 0, 0)), out.events);
    }

    @Test
    void dropsOnlyRepeatsSinceTheLastSynchronizationEventAndKeepsEverythingElse() {
        dropsOnlyRepeats(false);
    }

    @Test
    void dropsOnlyRepeatsWithReadsAcrossAcquires() {
        dropsOnlyRepeats(true);
    }

    private static void dropsOnlyRepeats(boolean readsSpanAcquires) {
        Random random = new Random(20261123);
        for (int round = 0; round < 200; round++) {
            List<Ev> input = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                int kind = random.nextInt(40) == 0 ? 4 : random.nextInt(40) == 0 ? 6 : random.nextInt(25) == 0 ? 5
                        : random.nextInt(4);
                input.add(new Ev(kind, 1 + random.nextInt(3), random.nextInt(3), random.nextInt(2)));
            }
            Collect out = new Collect();
            RepeatFilter filter = new RepeatFilter(out, readsSpanAcquires);
            input.forEach(e -> replay(e, filter));
            // the output is the input minus dropped accesses, in order; each dropped one is a
            // repeat (a repeat may be kept: two locations may share the filter's bucket)
            int o = 0;
            int dropped = 0;
            for (int i = 0; i < input.size(); i++) {
                Ev e = input.get(i);
                if (o < out.events.size() && out.events.get(o).equals(normalized(e))) {
                    o++;
                    continue;
                }
                assertTrue(e.kind() < 4, "only plain accesses may be dropped: " + e);
                assertTrue(repeats(input, i, readsSpanAcquires), "dropped an access that can change a finding: " + e);
                dropped++;
            }
            assertEquals(out.events.size(), o);
            assertTrue(dropped > 0);
        }
    }

    @Test
    void aReadAfterAVolatileReadHandOffOrJoinRepeatsOnlyWithReadsAcrossAcquires() {
        for (boolean span : new boolean[] {false, true}) {
            Collect out = new Collect();
            RepeatFilter f = new RepeatFilter(out, span);
            f.read(1, 0, 1);
            f.volatileRead(9, 0, 2);
            f.read(1, 0, 3);       // a repeat only across acquires
            f.hbAcquire(8, 4);
            f.threadJoin(3, 5);
            f.read(1, 0, 6);       // the same
            f.write(1, 0, 7);
            f.volatileRead(9, 0, 8);
            f.write(1, 0, 9);      // a new epoch of writes either way
            f.read(1, 0, 10);      // the first read after that write
            f.lockAcquire(7, 11, 1);
            f.read(1, 0, 12);      // a lock acquire ends every epoch
            List<Integer> kept = out.events.stream().filter(e -> e.kind() < 4).map(Ev::site).toList();
            assertEquals(span ? List.of(1, 7, 9, 10, 12) : List.of(1, 3, 6, 7, 9, 10, 12), kept, "span " + span);
        }
    }

    private static Ev normalized(Ev e) {
        return e.kind() == 4 ? new Ev(4, e.object(), 0, e.site()) : e.kind() == 5 ? new Ev(5, 0, e.slot(), e.site()) : e;
    }

    /** Index of the first event of the epoch {@code index} is in: after the last event of a kind that ends it. */
    private static int epochStart(List<Ev> input, int index, boolean acquiresEndIt) {
        int start = index;
        while (start > 0 && input.get(start - 1).kind() != 4 && (!acquiresEndIt || input.get(start - 1).kind() != 6)) {
            start--;
        }
        return start;
    }

    /**
     * A write is a repeat after a write of the location in the same epoch. A read is a repeat
     * after a read of it in the reads' epoch (which an acquire that is no lock's ends only
     * without reads across acquires) when no write of the location in between was the first
     * of its own epoch (each such write is recorded, and the read after it too).
     */
    private static boolean repeats(List<Ev> input, int index, boolean readsSpanAcquires) {
        Ev e = input.get(index);
        boolean write = e.kind() == 1 || e.kind() == 3;
        int start = epochStart(input, index, write || !readsSpanAcquires);
        int previous = -1;
        for (int j = index - 1; j >= start && previous < 0; j--) {
            if (input.get(j).kind() == e.kind() && sameLocation(input.get(j), e)) {
                previous = j;
            }
        }
        if (previous < 0 || write) {
            return previous >= 0;
        }
        for (int k = previous + 1; k < index; k++) {
            Ev between = input.get(k);
            if ((between.kind() == 1 || between.kind() == 3) && sameLocation(between, e)
                    && firstWriteOfItsEpoch(input, k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean firstWriteOfItsEpoch(List<Ev> input, int k) {
        for (int j = epochStart(input, k, true); j < k; j++) {
            Ev before = input.get(j);
            if ((before.kind() == 1 || before.kind() == 3) && sameLocation(before, input.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameLocation(Ev a, Ev b) {
        boolean arrayA = a.kind() == 2 || a.kind() == 3;
        boolean arrayB = b.kind() == 2 || b.kind() == 3;
        return a.kind() < 4 && b.kind() < 4 && arrayA == arrayB && a.object() == b.object() && a.slot() == b.slot();
    }

    @Test
    void keepsOneReadAndOneWritePerSiteOfALoopAndEveryIterationUnderALock() throws Exception {
        dev.racelock.agent.instrument.RecordingOutputAccess output = new dev.racelock.agent.instrument.RecordingOutputAccess();
        Recording.start(output.output(), true);
        try {
            ClassLoader loader = dev.racelock.agent.instrument.TestLoaders.instrumenting(output.output());
            loader.loadClass("dev.racelock.fixture.Loops").getMethod("run").invoke(null);
        } finally {
            Recording.start(TraceOutput.NONE, false);
        }
        // counter++: the first read, the first write, and the read after it (see RepeatFilter)
        assertEquals(2, output.count("read", "@repeat"), output.dump());
        assertEquals(1, output.count("write", "@repeat"));
        assertEquals(1, output.count("arrayWrite", "@repeatArray"));
        assertEquals(100, output.count("write", "@locked"));
    }
}
