package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.ObjectIds;
import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.ThreadContext;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Synchronizers (their memory-consistency notes). CountDownLatch: actions before
 * {@code countDown()} happen-before those after a successful return from {@code await()};
 * Semaphore: actions before {@code release()} happen-before those after a successful acquire
 * (token: the synchronizer's object id, released before, acquired after success).
 * CyclicBarrier and Phaser: actions before arriving happen-before those after the advance of
 * THAT generation or phase (token per (barrier, generation) and (phaser, phase)). Exchanger:
 * each partner's actions before the exchange happen-before the other's after it (a token per
 * offer, received by the partner: {@link ExchangeOffers}).
 */
public final class SynchronizerHooks {
    private SynchronizerHooks() {}

    /**
     * CountDownLatch's note orders the actions before {@code countDown()} only "until the count
     * reaches zero": at zero the call changes nothing and is only a volatile read of the count,
     * so it releases nothing (counting it would order a late writer before every later awaiter
     * and hide its race: DERBY-5561, a latch reused after it opened). Two calls racing at count 1
     * both release (one of them finds zero): a release too many in that narrow case.
     */
    public static void countDown(CountDownLatch latch, int site, ThreadContext c) {
        if (latch.getCount() > 0) {
            c.recorder.hbRelease(ObjectIds.of(latch, site, c), site);
        }
        latch.countDown();
    }

    public static void await(CountDownLatch latch, int site, ThreadContext c) throws InterruptedException {
        latch.await();
        c.recorder.hbAcquire(ObjectIds.of(latch, site, c), site);
    }

    public static boolean await(CountDownLatch latch, long timeout, TimeUnit unit, int site, ThreadContext c)
            throws InterruptedException {
        boolean open = latch.await(timeout, unit);
        if (open) {
            c.recorder.hbAcquire(ObjectIds.of(latch, site, c), site);
        }
        return open;
    }

    public static void release(Semaphore semaphore, int site, ThreadContext c) {
        c.recorder.hbRelease(ObjectIds.of(semaphore, site, c), site);
        semaphore.release();
    }

    public static void release(Semaphore semaphore, int permits, int site, ThreadContext c) {
        if (permits >= 0) {
            c.recorder.hbRelease(ObjectIds.of(semaphore, site, c), site);
        }
        semaphore.release(permits);
    }

    private static void acquired(Semaphore semaphore, int site, ThreadContext c) {
        c.recorder.hbAcquire(ObjectIds.of(semaphore, site, c), site);
    }

    public static void acquire(Semaphore semaphore, int site, ThreadContext c) throws InterruptedException {
        semaphore.acquire();
        acquired(semaphore, site, c);
    }

    public static void acquire(Semaphore semaphore, int permits, int site, ThreadContext c)
            throws InterruptedException {
        semaphore.acquire(permits);
        acquired(semaphore, site, c);
    }

    public static void acquireUninterruptibly(Semaphore semaphore, int site, ThreadContext c) {
        semaphore.acquireUninterruptibly();
        acquired(semaphore, site, c);
    }

    public static void acquireUninterruptibly(Semaphore semaphore, int permits, int site, ThreadContext c) {
        semaphore.acquireUninterruptibly(permits);
        acquired(semaphore, site, c);
    }

    public static boolean tryAcquire(Semaphore semaphore, int site, ThreadContext c) {
        boolean ok = semaphore.tryAcquire();
        if (ok) {
            acquired(semaphore, site, c);
        }
        return ok;
    }

    public static boolean tryAcquire(Semaphore semaphore, int permits, int site, ThreadContext c) {
        boolean ok = semaphore.tryAcquire(permits);
        if (ok) {
            acquired(semaphore, site, c);
        }
        return ok;
    }

    public static boolean tryAcquire(Semaphore semaphore, long timeout, TimeUnit unit, int site, ThreadContext c)
            throws InterruptedException {
        boolean ok = semaphore.tryAcquire(timeout, unit);
        if (ok) {
            acquired(semaphore, site, c);
        }
        return ok;
    }

    public static boolean tryAcquire(Semaphore semaphore, int permits, long timeout, TimeUnit unit, int site,
                                     ThreadContext c) throws InterruptedException {
        boolean ok = semaphore.tryAcquire(permits, timeout, unit);
        if (ok) {
            acquired(semaphore, site, c);
        }
        return ok;
    }

    // ---- Exchanger -------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    public static Object exchange(Exchanger<?> exchanger, Object mine, int site, ThreadContext c)
            throws InterruptedException {
        long token = handingOver(exchanger, mine, site, c);
        Object theirs;
        try {
            theirs = ((Exchanger<Object>) exchanger).exchange(mine);
        } catch (InterruptedException e) {
            withdrawn(exchanger, mine, token, c);
            throw e;
        }
        return received(exchanger, theirs, site, c);
    }

    @SuppressWarnings("unchecked")
    public static Object exchange(Exchanger<?> exchanger, Object mine, long timeout, TimeUnit unit, int site,
                                  ThreadContext c) throws InterruptedException, TimeoutException {
        long token = handingOver(exchanger, mine, site, c);
        Object theirs;
        try {
            theirs = ((Exchanger<Object>) exchanger).exchange(mine, timeout, unit);
        } catch (InterruptedException | TimeoutException e) {
            withdrawn(exchanger, mine, token, c);
            throw e;
        }
        return received(exchanger, theirs, site, c);
    }

    private static long handingOver(Exchanger<?> exchanger, Object mine, int site, ThreadContext c) {
        if (mine == null) {
            return 0;
        }
        long token = ExchangeOffers.offering(exchanger, mine, c);
        c.recorder.hbRelease(token, site);
        return token;
    }

    private static void withdrawn(Exchanger<?> exchanger, Object mine, long token, ThreadContext c) {
        if (token != 0) {
            ExchangeOffers.withdrawn(exchanger, mine, token, c);
        }
    }

    private static Object received(Exchanger<?> exchanger, Object theirs, int site, ThreadContext c) {
        if (theirs != null) {
            long token = ExchangeOffers.received(exchanger, theirs, c);
            if (token != 0) {
                c.recorder.hbAcquire(token, site);
            }
        }
        return theirs;
    }

    // ---- Phaser: token per (phaser, phase) ---------------------------------------------------

    /**
     * The phase a registered party arrives at: read just before arriving, it cannot have
     * advanced in between, because the phase needs this party's arrival to advance.
     */
    private static int arriving(Phaser phaser, int site, ThreadContext c) {
        int phase = phaser.getPhase();
        if (phase >= 0) {
            c.recorder.hbRelease(HandOffTokens.keyToken(phaser, phase, c), site);
        }
        return phase;
    }

    private static void advanced(Phaser phaser, int phase, int site, ThreadContext c) {
        if (phase >= 0) {
            HandOffTokens.acquireKey(phaser, phase, site, c);
        }
    }

    /**
     * First thing in an instrumented {@code onAdvance} override. Phaser's note: actions prior to
     * any form of arrive happen-before the phase advance and onAdvance actions, which in turn
     * happen-before actions following the advance. onAdvance(p) runs in the last arriving thread,
     * inside its arrive, while {@code getPhase()} still says p: it acquires the arrivals at p, and
     * the previous phase's token, whose onAdvance ended before p began (the last arrival at p
     * read the advance of p - 1 off the phaser's state). A terminated phaser (negative phase)
     * records nothing.
     */
    public static void onAdvanceBegin(Object phaser, int site, ThreadContext c) {
        int phase = ((Phaser) phaser).getPhase();
        if (phase > 0) {
            HandOffTokens.acquireKey(phaser, phase - 1, site, c);
        }
        if (phase >= 0) {
            HandOffTokens.acquireKey(phaser, phase, site, c);
        }
    }

    /**
     * Before each normal return of an instrumented {@code onAdvance}: releases the phase's token,
     * which every party acquires once it has seen the advance ({@link #arriveAndAwaitAdvance},
     * {@link #awaitAdvance}) and the next onAdvance at its start.
     */
    public static void onAdvanceEnd(Object phaser, int site, ThreadContext c) {
        int phase = ((Phaser) phaser).getPhase();
        if (phase >= 0) {
            c.recorder.hbRelease(HandOffTokens.keyToken(phaser, phase, c), site);
        }
    }

    public static int arrive(Phaser phaser, int site, ThreadContext c) {
        arriving(phaser, site, c);
        return phaser.arrive();
    }

    public static int arriveAndDeregister(Phaser phaser, int site, ThreadContext c) {
        arriving(phaser, site, c);
        return phaser.arriveAndDeregister();
    }

    /**
     * Returns once the phase arrived at advanced (the JDK returns the next phase number there,
     * whatever its javadoc says; negative if terminated): the advance of that phase is acquired.
     */
    public static int arriveAndAwaitAdvance(Phaser phaser, int site, ThreadContext c) {
        int phase = arriving(phaser, site, c);
        int next = phaser.arriveAndAwaitAdvance();
        if (next >= 0) {
            advanced(phaser, phase, site, c);
        }
        return next;
    }

    public static int awaitAdvance(Phaser phaser, int phase, int site, ThreadContext c) {
        int next = phaser.awaitAdvance(phase);
        if (next >= 0) {
            advanced(phaser, phase, site, c);
        }
        return next;
    }

    public static int awaitAdvanceInterruptibly(Phaser phaser, int phase, int site, ThreadContext c)
            throws InterruptedException {
        int next = phaser.awaitAdvanceInterruptibly(phase);
        if (next >= 0) {
            advanced(phaser, phase, site, c);
        }
        return next;
    }

    // ---- CyclicBarrier: token per (barrier, generation) ------------------------------------------

    /**
     * Arrivals counted per barrier: arrival n belongs to generation n / parties, since a
     * generation trips only once all its parties arrived. A broken barrier (or reset) breaks
     * that count, so the barrier records no more edges (fewer edges can only add reports).
     */
    private static final CollectedIdTable<AtomicLong> ARRIVALS = new CollectedIdTable<>();
    private static final long BROKEN = Long.MIN_VALUE / 2;

    /** The object with this id was collected: if it was a barrier, its arrival count goes too. */
    static void forget(long id) {
        ARRIVALS.forget(id);
    }

    /**
     * The barrier and generation the current thread is arriving at while its await runs: the
     * barrier action runs inside the await of the generation's last arriving thread.
     */
    private record Arrival(CyclicBarrier barrier, long generation) {}

    private static final ThreadLocal<Arrival> ARRIVING = new ThreadLocal<>();

    /**
     * At {@code new CyclicBarrier(parties, action)} in recorded code (a constructor-argument
     * filter, CallSiteHooks): the barrier keeps the action to itself, so a wrapper is invisible
     * to the program. CyclicBarrier's note: actions before await happen-before the barrier
     * action, which happens-before actions after a successful return from await. The wrapper
     * acquires the generation's token (every arrival released it) and, after the action,
     * releases it, which every party acquires once its await returns. An action that throws
     * breaks the barrier: no party returns normally, nothing is released.
     */
    public static Runnable barrierAction(Runnable action, int site, ThreadContext c) {
        return action == null ? null : new BarrierAction(action, site);
    }

    private record BarrierAction(Runnable action, int site) implements Runnable {
        @Override
        public void run() {
            Arrival arrival = ARRIVING.get(); // null: the last party arrived outside recorded code
            ThreadContext c = Recording.context();
            if (arrival != null && arrival.generation >= 0) {
                HandOffTokens.acquireKey(arrival.barrier, arrival.generation, site, c);
            }
            action.run();
            if (arrival != null && arrival.generation >= 0) {
                c.recorder.hbRelease(HandOffTokens.keyToken(arrival.barrier, arrival.generation, c), site);
            }
        }
    }

    private static long arriving(CyclicBarrier barrier, int site, ThreadContext c) {
        AtomicLong arrivals = ARRIVALS.computeIfAbsent(ObjectIds.of(barrier, site, c), AtomicLong::new);
        long arrival = arrivals.getAndIncrement();
        if (arrival < 0) {
            return -1;
        }
        long generation = arrival / barrier.getParties();
        c.recorder.hbRelease(HandOffTokens.keyToken(barrier, generation, c), site);
        return generation;
    }

    private static void tripped(CyclicBarrier barrier, long generation, int site, ThreadContext c) {
        if (generation >= 0) {
            HandOffTokens.acquireKey(barrier, generation, site, c);
        }
    }

    private static void broken(CyclicBarrier barrier, ThreadContext c) {
        ARRIVALS.computeIfAbsent(ObjectIds.of(barrier, -1, c), AtomicLong::new).set(BROKEN);
    }

    public static int await(CyclicBarrier barrier, int site, ThreadContext c)
            throws InterruptedException, BrokenBarrierException {
        long generation = arriving(barrier, site, c);
        Arrival outer = ARRIVING.get();
        ARRIVING.set(new Arrival(barrier, generation));
        try {
            int index = barrier.await();
            tripped(barrier, generation, site, c);
            return index;
        } catch (InterruptedException | BrokenBarrierException | RuntimeException e) {
            broken(barrier, c);
            throw e;
        } finally {
            ARRIVING.set(outer);
        }
    }

    public static int await(CyclicBarrier barrier, long timeout, TimeUnit unit, int site, ThreadContext c)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        long generation = arriving(barrier, site, c);
        Arrival outer = ARRIVING.get();
        ARRIVING.set(new Arrival(barrier, generation));
        try {
            int index = barrier.await(timeout, unit);
            tripped(barrier, generation, site, c);
            return index;
        } catch (InterruptedException | BrokenBarrierException | TimeoutException | RuntimeException e) {
            broken(barrier, c);
            throw e;
        } finally {
            ARRIVING.set(outer);
        }
    }

    public static void reset(CyclicBarrier barrier, int site, ThreadContext c) {
        broken(barrier, c);
        barrier.reset();
    }
}
