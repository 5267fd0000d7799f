package dev.racelock.samples.nodeadlock;

import java.util.Observable;
import java.util.Observer;

/**
 * Twin of {@link dev.racelock.samples.deadlock.ObserverRemovedUnderLock}: the cache leaves its
 * lock before it removes itself from the transaction's observers, so no thread takes the
 * transaction's monitor (inside {@code Observable.deleteObserver}) while holding the cache's.
 * One lock order, no cycle, and the threads may overlap freely.
 */
// expect none
@SuppressWarnings("deprecation") // Observable is deprecated (JDK 9), not removed: programs still use it
public final class ObserverRemovedOutsideLock {

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
        Thread closer = new Thread(() -> {
            synchronized (CACHE) {
                CACHE.invalidations = 0;
            }
            TX.deleteObserver(CACHE);
        }, "cache-closer");
        Thread committer = new Thread(() -> {
            synchronized (TX) {
                TX.commits++;
                synchronized (CACHE) {
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
