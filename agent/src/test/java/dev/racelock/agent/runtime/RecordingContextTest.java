package dev.racelock.agent.runtime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Exchanger;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * {@link Recording#context()} answers from a slot chosen by the thread's Java id: two live
 * threads that share a slot still each get their own context, and a new recording gives fresh ones.
 */
class RecordingContextTest {
    /** The number of slots of Recording's cache (a power of two): ids equal modulo it share a slot. */
    private static final int SLOTS = 1 << 12;

    @BeforeEach
    @AfterEach
    void reset() {
        Recording.start(TraceOutput.NONE, false);
    }

    @Test
    void twoThreadsInOneSlotEachGetTheirOwnContext() throws Exception {
        ThreadContext mine = Recording.context();
        assertSame(Thread.currentThread(), mine.owner);
        Exchanger<ThreadContext> turns = new Exchanger<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = threadInMySlot(() -> {
            try {
                for (int round = 0; round < 5; round++) {
                    ThreadContext its = Recording.context();
                    assertSame(Thread.currentThread(), its.owner);
                    assertSame(its, Recording.context());
                    turns.exchange(its, 10, TimeUnit.SECONDS); // the main thread takes the slot back now
                    turns.exchange(null, 10, TimeUnit.SECONDS);
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        other.start();
        ThreadContext its = null;
        for (int round = 0; round < 5; round++) {
            ThreadContext seen = turns.exchange(null, 10, TimeUnit.SECONDS);
            assertNotNull(seen, "the other thread failed: " + failure.get());
            if (its != null) {
                assertSame(its, seen, "the other thread keeps its context");
            }
            its = seen;
            assertNotSame(mine, its);
            assertSame(mine, Recording.context(), "the slot held the other thread's context");
            assertSame(mine, Recording.context());
            turns.exchange(null, 10, TimeUnit.SECONDS);
        }
        other.join();
        assertNull(failure.get());
        assertSame(mine, Recording.context());
    }

    @Test
    void aNewRecordingGivesTheThreadAFreshContext() {
        ThreadContext before = Recording.context();
        assertSame(before, Recording.context());
        Recording.start(TraceOutput.NONE, false);
        ThreadContext after = Recording.context();
        assertNotSame(before, after);
        assertSame(after, Recording.context());
    }

    /** A new, unstarted thread whose Java id falls in the calling thread's slot. */
    @SuppressWarnings("deprecation") // Thread.getId: the agent is Java 17 code
    private static Thread threadInMySlot(Runnable body) {
        long slot = Thread.currentThread().getId() % SLOTS;
        for (int tries = 0; tries < 2 * SLOTS; tries++) {
            Thread candidate = new Thread(body, "same-slot");
            if (candidate.getId() % SLOTS == slot) {
                return candidate;
            }
        }
        throw new AssertionError("no thread id in slot " + slot + " among " + 2 * SLOTS + " new threads");
    }
}
