package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.EventRecorder;
import dev.racelock.agent.runtime.TestContexts;
import dev.racelock.agent.runtime.ThreadContext;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Exchanger;
import java.util.concurrent.SynchronousQueue;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Exchanges pair partners, not objects: when both sides hand over the same object, each receives
 * its partner's offer, never its own, whichever side notes the exchange first; when offers of
 * several other threads are pending for the object, nothing is received.
 */
class ExchangeOffersTest {
    private final Exchanger<Object> exchanger = new Exchanger<>();
    private final Object shared = Integer.valueOf(7);

    /** A thread that runs one step at a time when asked, in order, and hands back each result. */
    private static final class Party implements AutoCloseable {
        private final SynchronousQueue<Function<ThreadContext, Long>> steps = new SynchronousQueue<>();
        private final SynchronousQueue<Long> results = new SynchronousQueue<>();
        private final Thread thread;

        Party(int id) {
            ThreadContext c = TestContexts.of(id, EventRecorder.NONE);
            thread = new Thread(() -> {
                try {
                    for (Function<ThreadContext, Long> step; (step = steps.take()) != null; ) {
                        results.put(step.apply(c));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
        }

        long run(Function<ThreadContext, Long> step) throws InterruptedException {
            steps.put(step);
            return results.take();
        }

        @Override
        public void close() {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void eachSideOfAnExchangeOfOneObjectReceivesTheOthersOffer() throws InterruptedException {
        try (Party first = new Party(1); Party second = new Party(2)) {
            long firstOffer = first.run(c -> ExchangeOffers.offering(exchanger, shared, c));
            long secondOffer = second.run(c -> ExchangeOffers.offering(exchanger, shared, c));
            // the side that offered first notes the exchange first: the oldest offer is its own
            assertEquals(secondOffer, first.run(c -> ExchangeOffers.received(exchanger, shared, c)));
            assertEquals(firstOffer, second.run(c -> ExchangeOffers.received(exchanger, shared, c)));
        }
    }

    @Test
    void offersOfOnePartnerAreReceivedInTheOrderItMadeThem() throws InterruptedException {
        try (Party first = new Party(1); Party second = new Party(2)) {
            long round1 = first.run(c -> ExchangeOffers.offering(exchanger, shared, c));
            second.run(c -> ExchangeOffers.offering(exchanger, shared, c));
            first.run(c -> ExchangeOffers.received(exchanger, shared, c));
            long round2 = first.run(c -> ExchangeOffers.offering(exchanger, shared, c)); // before second noted round 1
            assertEquals(round1, second.run(c -> ExchangeOffers.received(exchanger, shared, c)));
            second.run(c -> ExchangeOffers.offering(exchanger, shared, c));
            assertEquals(round2, second.run(c -> ExchangeOffers.received(exchanger, shared, c)));
        }
    }

    @Test
    void offersOfTwoOtherThreadsCannotBeToldApart() throws InterruptedException {
        try (Party a = new Party(1); Party b = new Party(2); Party third = new Party(3)) {
            a.run(c -> ExchangeOffers.offering(exchanger, shared, c));
            b.run(c -> ExchangeOffers.offering(exchanger, shared, c));
            third.run(c -> ExchangeOffers.offering(exchanger, shared, c));
            assertEquals(0, third.run(c -> ExchangeOffers.received(exchanger, shared, c)));
        }
    }

    @Test
    void aWithdrawnOfferIsNeverReceived() throws InterruptedException {
        try (Party first = new Party(1); Party second = new Party(2)) {
            first.run(c -> {
                ExchangeOffers.withdrawn(exchanger, shared, ExchangeOffers.offering(exchanger, shared, c), c);
                return 0L;
            });
            second.run(c -> ExchangeOffers.offering(exchanger, shared, c));
            assertEquals(0, second.run(c -> ExchangeOffers.received(exchanger, shared, c)));
        }
    }
}
