package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.EventRecorder;
import dev.racelock.agent.runtime.ObjectIds;
import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.TestContexts;
import dev.racelock.agent.runtime.ThreadContext;
import dev.racelock.agent.runtime.TraceOutput;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.format.TraceDictionary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lock ids: their own, never the lock object's; described at first sight; freed with the lock. */
class LockIdsTest {
    private final Map<Long, ObjectInfo> described = new ConcurrentHashMap<>();
    private final Set<Long> freed = ConcurrentHashMap.newKeySet();
    private final ThreadContext c = TestContexts.of(0, (EventRecorder) Proxy.newProxyInstance(
            EventRecorder.class.getClassLoader(), new Class<?>[] {EventRecorder.class},
            (proxy, method, args) -> method.getReturnType() == long.class ? 0L : null));

    @BeforeEach
    void record() {
        TraceDictionary dictionary = (TraceDictionary) Proxy.newProxyInstance(TraceDictionary.class.getClassLoader(),
                new Class<?>[] {TraceDictionary.class}, (proxy, method, args) -> {
                    if (method.getName().equals("defineObject")) {
                        ObjectInfo info = (ObjectInfo) args[0];
                        described.put(info.id(), info);
                    } else if (method.getName().equals("objectFreed")) {
                        freed.add((Long) args[0]);
                    }
                    return null;
                });
        Recording.start((TraceOutput) Proxy.newProxyInstance(TraceOutput.class.getClassLoader(),
                new Class<?>[] {TraceOutput.class},
                (proxy, method, args) -> method.getName().equals("dictionary") ? dictionary : null), false);
    }

    @AfterEach
    void stop() {
        Recording.start(TraceOutput.NONE, false);
    }

    @Test
    void aLockIdIsNotTheIdOfTheLockObjectAndIsDescribedAtFirstSight() {
        ReentrantLock lock = new ReentrantLock();
        long id = LockIds.id(LockIds.binding(lock, 7, c));
        assertNotEquals(ObjectIds.of(lock, 7, c), id, "the object's monitor is another lock");
        assertEquals(id, LockIds.id(LockIds.binding(lock, 8, c)));
        assertEquals(new ObjectInfo(id, ReentrantLock.class.getName(), 7, -1), described.get(id));
    }

    @Test
    void aCollectedLockHasItsIdFreedButACollectedViewDoesNotFreeItsOwners() throws InterruptedException {
        ReentrantReadWriteLock owner = new ReentrantReadWriteLock();
        long ownerId = LockIds.id(LockIds.binding(owner, -1, c));
        WeakReference<Object> view = new WeakReference<>(
                LockIds.bindView(new ReentrantReadWriteLock().readLock(), owner, true, -1, c));
        ReentrantLock dropped = new ReentrantLock();
        long droppedId = LockIds.id(LockIds.binding(dropped, -1, c));
        WeakReference<Object> droppedRef = new WeakReference<>(dropped);
        dropped = null;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while ((!freed.contains(droppedId) || view.get() != null) && System.nanoTime() < deadline) {
            collectAndBind();
        }
        for (int i = 0; i < 10; i++) { // the view's entry too has surely been drained by now
            collectAndBind();
        }
        assertTrue(droppedRef.get() == null && view.get() == null, "both collected");
        assertTrue(freed.contains(droppedId), "the collected lock's id is freed");
        assertFalse(freed.contains(ownerId), "a view's collection frees nothing; the owner lives");
        assertEquals(ownerId, LockIds.id(LockIds.binding(owner, -1, c)));
    }

    private void collectAndBind() throws InterruptedException {
        System.gc();
        Thread.sleep(10); // the reference handler thread enqueues cleared references
        LockIds.binding(new Object(), -1, c); // a binding drains the collected entries
    }
}
