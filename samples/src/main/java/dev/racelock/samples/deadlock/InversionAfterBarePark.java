package dev.racelock.samples.deadlock;

import java.util.concurrent.locks.LockSupport;

/**
 * Bug: a lock-order inversion that a schedule of this very run deadlocks, a predicted deadlock.
 * The loader thread takes the index, then the store; a query thread, meant to wait for the loader,
 * parks once and then takes the store, then the index. This run never hangs, because the loader
 * unparks the query thread after it left both locks; but {@code LockSupport.park} may return
 * "for no reason" (its javadoc), and nothing the query thread reads tells it that the loader is
 * done: in a schedule where park returns at once, each thread holds the lock the other needs.
 *
 * <p>With {@code --analysis predictive} this is a {@code predicted-deadlock}: every read of this
 * run keeps its value when the query thread runs first, so a correct reordering stops the loader
 * at the store holding the index and the query thread at the index holding the store. The twin
 * that waits for a flag under a gate lock,
 * {@link InversionAfterStartupHandOff}, is only a potential deadlock: there the read of the
 * flag orders the query after the loader in every reordering.
 * Fix: {@link dev.racelock.samples.nodeadlock.ConsistentLockOrder} (one lock order everywhere).
 */
// requires object-names
public final class InversionAfterBarePark {

    static final Object INDEX = new Object();
    static final Object STORE = new Object();

    public static void main(String[] args) throws InterruptedException {
        Thread query = new Thread(() -> {
            LockSupport.park(); // meant as "until the loader is done"; may return at any time
            synchronized (STORE) { // expect predicted-deadlock(InversionAfterBarePark.STORE)
                synchronized (INDEX) { // expect predicted-deadlock(InversionAfterBarePark.INDEX)
                    System.out.println("query: store, then index");
                }
            }
        }, "query");
        Thread loader = new Thread(() -> {
            synchronized (INDEX) { // expect predicted-deadlock(InversionAfterBarePark.INDEX)
                synchronized (STORE) { // expect predicted-deadlock(InversionAfterBarePark.STORE)
                    System.out.println("loader: index, then store");
                }
            }
            LockSupport.unpark(query);
        }, "loader");
        query.start();
        loader.start();
        loader.join();
        query.join();
    }
}
