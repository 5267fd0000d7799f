package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.ObjectIds;
import dev.racelock.agent.runtime.ThreadContext;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The objects offered to an Exchanger and not yet received, each with the token its offer
 * released and the thread that offered it. Exchanger's memory-consistency note orders each
 * thread's actions before its exchange ahead of its partner's actions after that exchange: an
 * edge per exchange, between the two partners. Both may hand over the very same object (a cached
 * {@code Integer}, a shared sentinel), so the receiver never takes an offer of its own thread.
 *
 * <p>Which pending offer of the received object was the partner's:
 * <ul>
 *   <li>while only two threads ever used the exchanger, every exchange pairs them, so the
 *       partner is the other thread, and its offers are received in the order it made them
 *       (one exchange at a time per thread): the oldest pending one;</li>
 *   <li>once a third thread used it, only a single pending offer by another thread is
 *       certainly the partner's; with several, which one is unknown and nothing is acquired
 *       (a missed edge, never a hidden race).</li>
 * </ul>
 */
final class ExchangeOffers {
    private record Key(long exchanger, long object) {}

    private record Offer(Thread thread, long token) {}

    /** The first two threads that used an exchanger, and whether any other did. */
    private static final class Participants {
        private Thread first;
        private Thread second;
        private boolean many;

        synchronized void add(Thread t) {
            if (first == null || first == t) {
                first = t;
            } else if (second == null || second == t) {
                second = t;
            } else {
                many = true;
                first = null; // no longer needed: drop the references
                second = null;
            }
        }

        synchronized boolean many() {
            return many;
        }
    }

    private static final ConcurrentHashMap<Key, ArrayDeque<Offer>> PENDING = new ConcurrentHashMap<>();
    private static final CollectedIdTable<Participants> PARTICIPANTS = new CollectedIdTable<>();

    private ExchangeOffers() {}

    private static Key key(long exchanger, Object object, ThreadContext c) {
        return new Key(exchanger, ObjectIds.of(object, -1, c));
    }

    /** The calling thread offers {@code mine}: returns the fresh token its release must use. */
    static long offering(Object exchanger, Object mine, ThreadContext c) {
        long id = ObjectIds.of(exchanger, -1, c);
        Thread me = Thread.currentThread();
        PARTICIPANTS.computeIfAbsent(id, Participants::new).add(me);
        long token = HandOffTokens.fresh(c);
        ArrayDeque<Offer> offers = PENDING.computeIfAbsent(key(id, mine, c), k -> new ArrayDeque<>());
        synchronized (offers) {
            offers.addLast(new Offer(me, token));
        }
        return token;
    }

    /** The exchange failed (timeout, interrupt): nobody received the offer. */
    static void withdrawn(Object exchanger, Object mine, long token, ThreadContext c) {
        ArrayDeque<Offer> offers = PENDING.get(key(ObjectIds.of(exchanger, -1, c), mine, c));
        if (offers != null) {
            synchronized (offers) {
                offers.removeIf(o -> o.token == token);
            }
        }
    }

    /**
     * The calling thread received {@code theirs}: the token of its partner's offer, removed, or
     * 0 if that offer cannot be told apart (see the class comment) or none is pending.
     */
    static long received(Object exchanger, Object theirs, ThreadContext c) {
        long id = ObjectIds.of(exchanger, -1, c);
        Key k = key(id, theirs, c);
        ArrayDeque<Offer> offers = PENDING.get(k);
        Participants participants = PARTICIPANTS.get(id);
        if (offers == null || participants == null) {
            return 0;
        }
        boolean singleCandidateOnly = participants.many();
        Thread me = Thread.currentThread();
        synchronized (offers) {
            Offer partner = null;
            for (Offer o : offers) {
                if (o.thread == me) {
                    continue;
                }
                if (partner != null && (singleCandidateOnly || partner.thread != o.thread)) {
                    return 0;
                }
                partner = partner == null ? o : partner; // the oldest offer of another thread
            }
            if (partner == null) {
                return 0;
            }
            for (Iterator<Offer> it = offers.iterator(); it.hasNext(); ) {
                if (it.next() == partner) {
                    it.remove();
                    break;
                }
            }
            if (offers.isEmpty()) {
                PENDING.remove(k, offers);
            }
            return partner.token;
        }
    }

    /** The object with this id was collected: if it was an exchanger, its participants go too. */
    static void forget(long id) {
        PARTICIPANTS.forget(id);
    }
}
