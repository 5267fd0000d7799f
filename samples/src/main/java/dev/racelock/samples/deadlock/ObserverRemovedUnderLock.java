package dev.racelock.samples.deadlock;

import dev.racelock.samples.Baton;

import java.util.Observable;
import java.util.Observer;

/**
 * Bug, the shape of Apache Derby's DERBY-5447: a thread holding the cache's monitor removes the
 * cache from a transaction's observers, and {@code Observable.deleteObserver} is a
 * {@code synchronized} method of the JDK: it takes the transaction's monitor. Another thread
 * holds the transaction's monitor and then takes the cache's. The edge from the cache to the
 * transaction is inside the JDK, where nothing is instrumented; racelock records it at the call
 * (docs/library-model.md, "Monitors the JDK takes"). A {@link Baton} runs the two orders one
 * after the other, so this run never hangs.
 * Fix: {@link dev.racelock.samples.nodeadlock.ObserverRemovedOutsideLock}.
 */
// requires object-names
@SuppressWarnings("deprecation") // Observable is deprecated (JDK 9), not removed: programs still use it
public final class ObserverRemovedUnderLock {

    /** The application's observable: it overrides nothing, so deleteObserver is the JDK's. */
    static final class Transaction extends Observable {
        int commits;
    }

    static final class Cache implements Observer {
        int invalidations;

        @Override
        public void update(Observable source, Object change) {
            invalidations++;
        }
    }

    static final Transaction TX = new Transaction();
    static final Cache CACHE = new Cache();

    public static void main(String[] args) throws InterruptedException {
        TX.addObserver(CACHE);
        Baton firstDone = new Baton();
        Thread closer = new Thread(() -> {
            synchronized (CACHE) { // expect deadlock(ObserverRemovedUnderLock.CACHE)
                TX.deleteObserver(CACHE); // expect deadlock(ObserverRemovedUnderLock.TX)
                CACHE.invalidations = 0;
            }
            firstDone.pass();
        }, "cache-closer");
        Thread committer = new Thread(() -> {
            firstDone.await();
            synchronized (TX) { // expect deadlock(ObserverRemovedUnderLock.TX)
                TX.commits++;
                synchronized (CACHE) { // expect deadlock(ObserverRemovedUnderLock.CACHE)
                    CACHE.invalidations++;
                }
            }
        }, "committer");
        closer.start();
        committer.start();
        closer.join();
        committer.join();
        System.out.println("observers left " + TX.countObservers());
    }
}
