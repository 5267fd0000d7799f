package dev.racelock.samples.juc;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Two workers count under a spin lock: {@code compareAndSet(false, true)} takes it (a successful
 * compareAndSet acquires what the last {@code set(false)} released), waiters spin on failed
 * attempts, which write nothing. Twin: {@link SpinLockVisitorNote}.
 */
// requires atomics
// expect none
public final class SpinLockCounter {
    static final AtomicBoolean LOCKED = new AtomicBoolean();
    static int count;

    static void lock() {
        while (!LOCKED.compareAndSet(false, true)) {
            Thread.onSpinWait();
        }
    }

    static void unlock() {
        LOCKED.set(false);
    }

    public static void main(String[] args) throws InterruptedException {
        Runnable work = () -> {
            for (int i = 0; i < 1_000; i++) {
                lock();
                count++;
                unlock();
            }
        };
        Thread left = new Thread(work, "left");
        Thread right = new Thread(work, "right");
        left.start();
        right.start();
        left.join();
        right.join();
        System.out.println("count " + count);
    }
}
