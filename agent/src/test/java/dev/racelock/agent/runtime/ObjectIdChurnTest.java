package dev.racelock.agent.runtime;

import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.format.TraceDictionary;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Millions of short-lived objects on several threads, none shared: if two live objects ever
 * shared an id, or a collected object's id came back, some id would be touched by two threads.
 */
class ObjectIdChurnTest {

    /** Checks every access against the thread that first touched the id. */
    static final class OwnershipCheck implements TraceOutput {
        final ConcurrentHashMap<Long, Integer> owner = new ConcurrentHashMap<>();
        final ConcurrentHashMap<Long, Boolean> freedIds = new ConcurrentHashMap<>();
        final AtomicLong violations = new AtomicLong();
        final AtomicLong accesses = new AtomicLong();
        final AtomicLong freed = new AtomicLong();

        void touch(long id, int thread) {
            if (id == 0) {
                return;
            }
            accesses.incrementAndGet();
            Integer first = owner.putIfAbsent(id, thread);
            if ((first != null && first != thread) || freedIds.containsKey(id)) {
                violations.incrementAndGet();
            }
        }

        @Override
        public EventRecorder newRecorder(int thread) {
            return new EventRecorder() {
                @Override public void read(long object, int field, int site) { touch(object, thread); }
                @Override public void write(long object, int field, int site) { touch(object, thread); }
                @Override public void arrayRead(long array, int index, int site) { touch(array, thread); }
                @Override public void arrayWrite(long array, int index, int site) { touch(array, thread); }
                @Override public void arrayRangeRead(long array, int from, int length, int site) { touch(array, thread); }
                @Override public void arrayRangeWrite(long array, int from, int length, int site) { touch(array, thread); }
                @Override public void hbRelease(long token, int site) {}
                @Override public void hbAcquire(long token, int site) {}
                @Override public void volatileRead(long object, int slot, int site) {}
                @Override public void volatileWrite(long object, int slot, int site) {}
                @Override public void lockRequest(long lock, int site, int flags) { touch(lock, thread); }
                @Override public void lockAcquire(long lock, int site, int flags) { touch(lock, thread); }
                @Override public void lockRelease(long lock, int site, int flags) { touch(lock, thread); }
                @Override public void threadStart(int child, int site) {}
                @Override public void threadBegin() {}
                @Override public void threadEnd(int lastOwnedAccess) {}
                @Override public void threadJoin(int child, int site) {}
                @Override public void methodEnter(int method, int callSite) {}
                @Override public int methodExit() { return -1; }
            };
        }

        private final TraceDictionary dictionary = new NoDefinitions() {
            @Override
            public void objectFreed(long object) {
                freed.incrementAndGet();
                owner.remove(object);
                freedIds.put(object, Boolean.TRUE);
            }
        };

        @Override public TraceDictionary dictionary() { return dictionary; }
        @Override public void observedDeadlock(ObservedDeadlock deadlock) {}
        @Override public void flush() {}
        @Override public void close() {}
    }

    @Test
    void neverGivesTwoObjectsTheSameIdUnderChurn() throws Exception {
        OwnershipCheck check = new OwnershipCheck();
        Recording.start(check, false);
        Thread drain = new AgentThread("test-freed-objects", () -> {
            try {
                Recording.reportFreedObjects();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        drain.start();
        try {
            ClassLoader loader = dev.racelock.agent.instrument.TestLoaders.instrumenting(TraceOutput.NONE);
            Class<?> churn = loader.loadClass("dev.racelock.fixture.Churn");
            int threads = 4;
            int perThread = 250_000;
            churn.getMethod("run", int.class, int.class).invoke(null, threads, perThread);
            // three objects per iteration: an array, an instrumented Box, a JDK lock
            assertTrue(check.accesses.get() >= 3L * threads * perThread, "accesses: " + check.accesses.get());
            assertEquals(0, check.violations.get(), "ids touched by two threads");
            assertTrue(check.freed.get() > 0, "collected objects are reported");
        } finally {
            drain.interrupt();
            Recording.start(TraceOutput.NONE, false);
        }
    }
}
