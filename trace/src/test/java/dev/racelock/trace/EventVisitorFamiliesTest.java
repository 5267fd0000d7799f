package dev.racelock.trace;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each per-kind method of EventVisitor hands its family method exactly its event: the kind as the
 * family's arguments (what an access touches, read or write, release or acquire, start or join)
 * and every other argument unchanged. A consumer that overrides only families (the analyzer's
 * session) sees the trace through these defaults alone.
 */
class EventVisitorFamiliesTest {

    /** Overrides the families only, and writes down each call. */
    private static final class Families implements EventVisitor {
        final List<String> calls = new ArrayList<>();

        @Override
        public void define(DictionaryEntry entry) {
            calls.add("define " + entry);
        }

        @Override
        public void access(int thread, int target, boolean write, long object, int slot, int length, int site) {
            calls.add("access " + thread + " " + target + " " + write + " " + object + " " + slot + " " + length + " " + site);
        }

        @Override
        public void volatileAccess(int thread, boolean write, long object, int slot, int site) {
            calls.add("volatile " + thread + " " + write + " " + object + " " + slot + " " + site);
        }

        @Override
        public void handOff(int thread, boolean release, long token, int site) {
            calls.add("handOff " + thread + " " + release + " " + token + " " + site);
        }

        @Override
        public void forkJoin(int thread, boolean join, int child, int site) {
            calls.add("forkJoin " + thread + " " + join + " " + child + " " + site);
        }
    }

    @Test
    void perKindMethodsForwardTheirKindAndArgumentsToTheirFamily() {
        Families v = new Families();
        v.read(1, 10, 2, 3);
        v.write(1, 10, 2, 4);
        v.arrayRead(1, 11, 5, 6);
        v.arrayWrite(1, 11, 5, 7);
        v.arrayRangeRead(1, 12, 8, 9, 13);
        v.arrayRangeWrite(1, 12, 8, 9, 14);
        v.volatileRead(2, 20, 1, 15);
        v.volatileWrite(2, 20, 1, 16);
        v.hbRelease(3, 30, 17);
        v.hbAcquire(3, 30, 18);
        v.threadStart(4, 5, 19);
        v.threadJoin(4, 5, 20);
        int field = AccessTarget.FIELD;
        int element = AccessTarget.ELEMENT;
        int range = AccessTarget.RANGE;
        assertEquals(List.of(
                "access 1 " + field + " false 10 2 1 3",
                "access 1 " + field + " true 10 2 1 4",
                "access 1 " + element + " false 11 5 1 6",
                "access 1 " + element + " true 11 5 1 7",
                "access 1 " + range + " false 12 8 9 13",
                "access 1 " + range + " true 12 8 9 14",
                "volatile 2 false 20 1 15",
                "volatile 2 true 20 1 16",
                "handOff 3 true 30 17",
                "handOff 3 false 30 18",
                "forkJoin 4 false 5 19",
                "forkJoin 4 true 5 20"), v.calls);
    }

    @Test
    void everyDictionaryEntryReachesDefine() {
        Families v = new Families();
        ThreadInfo thread = new ThreadInfo(0, "main", -1, -1, false);
        FieldInfo field = new FieldInfo(1, "C", "f", "I", false, false);
        v.thread(thread);
        v.field(field);
        assertEquals(List.of("define " + thread, "define " + field), v.calls);
    }
}
