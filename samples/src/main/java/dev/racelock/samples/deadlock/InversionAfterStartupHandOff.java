package dev.racelock.samples.deadlock;

/**
 * A lock-order inversion that no schedule of this run can run into, reported as a potential
 * deadlock and never as a predicted one. The service thread takes the registry, then the cache,
 * while it starts up, and only then marks itself started under a gate lock; a request thread
 * waits under that gate until it reads the mark, and then takes the cache, then the registry.
 *
 * <p>With {@code --analysis predictive} the two orders are not a predicted deadlock: the request
 * thread's read of {@code started} sees the service thread's write, in every correct reordering
 * of this run, and that write comes after the service thread left both locks. What hands over
 * is data inside a gate, which the lock-order analysis does not interpret: it still reports the
 * cycle, at the lower level, as a potential deadlock (lockdep's view: another path through the
 * code, one that does not wait for the mark, would deadlock). A team that gates its build on
 * sound findings only ({@code --fail-on race,predicted-deadlock,observed-deadlock}) is not
 * failed by it.
 * Fix: {@link dev.racelock.samples.nodeadlock.ConsistentLockOrder} (one lock order everywhere).
 */
// requires predictive, object-names
public final class InversionAfterStartupHandOff {

    static final Object REGISTRY = new Object();
    static final Object CACHE = new Object();
    static final Object GATE = new Object();
    static boolean started; // guarded by GATE

    public static void main(String[] args) throws InterruptedException {
        Thread service = new Thread(() -> {
            synchronized (REGISTRY) { // expect deadlock(InversionAfterStartupHandOff.REGISTRY)
                synchronized (CACHE) { // expect deadlock(InversionAfterStartupHandOff.CACHE)
                    System.out.println("service: registry, then cache");
                }
            }
            synchronized (GATE) {
                started = true;
                GATE.notifyAll();
            }
        }, "service");
        Thread request = new Thread(() -> {
            synchronized (GATE) {
                while (!started) {
                    try {
                        GATE.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            synchronized (CACHE) { // expect deadlock(InversionAfterStartupHandOff.CACHE)
                synchronized (REGISTRY) { // expect deadlock(InversionAfterStartupHandOff.REGISTRY)
                    System.out.println("request: cache, then registry");
                }
            }
        }, "request");
        service.start();
        request.start();
        service.join();
        request.join();
    }
}
