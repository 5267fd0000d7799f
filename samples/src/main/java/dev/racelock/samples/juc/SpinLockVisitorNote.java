package dev.racelock.samples.juc;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Bug: a visitor leaves a note in a plain field, then tries the spin lock the main thread holds;
 * its {@code compareAndSet} fails, so it wrote nothing and publishes nothing, and it waits
 * until main is done. Main, once it sees the visitor waiting (its thread's park blocker, which
 * orders nothing), leaves its critical section, enters the next one and reads the note: no
 * release of the visitor's is ever acquired by main before that read. (Counting the failed
 * compareAndSet as a release would order the note before main's next {@code compareAndSet}
 * and hide this race.) Fix: leave the note inside the lock ({@link SpinLockCounter}).
 */
// requires atomics
public final class SpinLockVisitorNote {
    static final AtomicBoolean LOCKED = new AtomicBoolean();
    static final Object TURNED_AWAY = new Object();
    static String note;
    static volatile boolean done;

    static void lock() {
        while (!LOCKED.compareAndSet(false, true)) {
            Thread.onSpinWait();
        }
    }

    static boolean tryLock() {
        return LOCKED.compareAndSet(false, true);
    }

    static void unlock() {
        LOCKED.set(false);
    }

    public static void main(String[] args) throws InterruptedException {
        lock();
        Thread visitor = new Thread(() -> {
            note = "visitor was here"; // expect race(write, SpinLockVisitorNote.note)
            if (tryLock()) { // fails: main holds the lock (it took it before starting this thread)
                unlock();
                return;
            }
            while (!done) {
                LockSupport.park(TURNED_AWAY);
            }
        }, "visitor");
        visitor.start();
        while (LockSupport.getBlocker(visitor) != TURNED_AWAY) { // the visitor's compareAndSet has failed
            Thread.onSpinWait();
        }
        unlock();
        lock();
        System.out.println("note: " + note); // expect race(read, SpinLockVisitorNote.note)
        unlock();
        done = true;
        LockSupport.unpark(visitor);
        visitor.join();
    }
}
