package dev.racelock.samples.nodeadlock;

import java.util.Hashtable;
import java.util.Vector;

/**
 * Twin of {@link dev.racelock.samples.deadlock.JournalAndIndexLockedInOppositeOrder}: the indexer
 * takes the journal's monitor before it locks the index, as the writer does, so the index's
 * monitor (taken inside {@code Hashtable.put}) and the journal's (inside {@code Vector.add}) are
 * always taken after the journal's: one lock order, no cycle, and the threads may overlap freely.
 */
// expect none
public final class JournalAndIndexLockedInOneOrder {

    static final Vector<String> JOURNAL = new Vector<>();
    static final Hashtable<String, Integer> INDEX = new Hashtable<>();

    public static void main(String[] args) throws InterruptedException {
        Thread writer = new Thread(() -> {
            JOURNAL.add("opened");
            INDEX.put("opened", 0);
            synchronized (JOURNAL) {
                INDEX.put("entry", 1);
            }
        }, "writer");
        Thread indexer = new Thread(() -> {
            INDEX.remove("opened");
            synchronized (JOURNAL) {
                synchronized (INDEX) {
                    JOURNAL.add("reindexed");
                }
            }
        }, "indexer");
        writer.start();
        indexer.start();
        writer.join();
        indexer.join();
        System.out.println("journal " + JOURNAL.size() + ", index " + INDEX.size());
    }
}
