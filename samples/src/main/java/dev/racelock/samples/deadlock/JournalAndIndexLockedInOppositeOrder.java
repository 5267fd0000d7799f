package dev.racelock.samples.deadlock;

import dev.racelock.samples.Baton;

import java.util.Hashtable;
import java.util.Vector;

/**
 * Bug: a lock-order cycle whose two second locks are both taken inside the JDK. A writer holds
 * the journal's monitor (a {@code Vector} it locks to add entries and index them together) and
 * calls {@code Hashtable.put} on the index, a {@code synchronized} method that takes the index's
 * monitor; the indexer holds the index's monitor and calls {@code Vector.add} on the journal,
 * which takes the journal's. Both threads also use the two collections with no lock held: such
 * a call is not recorded (it can be no lock-order edge, docs/library-model.md) and must hide
 * neither edge. A {@link Baton} runs the two orders one after the other, so this run never hangs.
 * Fix: {@link dev.racelock.samples.nodeadlock.JournalAndIndexLockedInOneOrder}.
 */
// requires object-names
public final class JournalAndIndexLockedInOppositeOrder {

    static final Vector<String> JOURNAL = new Vector<>();
    static final Hashtable<String, Integer> INDEX = new Hashtable<>();

    public static void main(String[] args) throws InterruptedException {
        Baton firstDone = new Baton();
        Thread writer = new Thread(() -> {
            JOURNAL.add("opened");
            INDEX.put("opened", 0);
            synchronized (JOURNAL) { // expect deadlock(JournalAndIndexLockedInOppositeOrder.JOURNAL)
                INDEX.put("entry", 1); // expect deadlock(JournalAndIndexLockedInOppositeOrder.INDEX)
            }
            JOURNAL.add("entry");
            firstDone.pass();
        }, "writer");
        Thread indexer = new Thread(() -> {
            firstDone.await();
            INDEX.remove("opened");
            synchronized (INDEX) { // expect deadlock(JournalAndIndexLockedInOppositeOrder.INDEX)
                JOURNAL.add("reindexed"); // expect deadlock(JournalAndIndexLockedInOppositeOrder.JOURNAL)
            }
            JOURNAL.remove("opened");
        }, "indexer");
        writer.start();
        indexer.start();
        writer.join();
        indexer.join();
        System.out.println("journal " + JOURNAL.size() + ", index " + INDEX.size());
    }
}
