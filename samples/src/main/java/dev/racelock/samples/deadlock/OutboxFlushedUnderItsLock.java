package dev.racelock.samples.deadlock;

import dev.racelock.samples.Baton;

import java.util.List;
import java.util.Vector;

/**
 * Bug: a lock-order cycle through a {@code Vector} the program only knows as a {@code List}. A
 * sender holds the connection's monitor and queues an acknowledgement with {@code List.add},
 * which on a {@code Vector} is a {@code synchronized} method: it takes the outbox's monitor. The
 * flusher locks the outbox to drain it in one piece (iterating a {@code Vector} needs its lock)
 * and takes the connection's monitor for each message. The edge from the connection to the
 * outbox is inside the JDK, reached through an interface; racelock records it at the call
 * (docs/library-model.md, "Monitors the JDK takes"). A {@link Baton} runs the two orders one
 * after the other, so this run never hangs.
 * Fix: {@link dev.racelock.samples.nodeadlock.OutboxCopiedThenFlushed}.
 */
// requires object-names
public final class OutboxFlushedUnderItsLock {

    static final Object CONNECTION = new Object();
    static final List<String> OUTBOX = new Vector<>();
    static int sent;

    public static void main(String[] args) throws InterruptedException {
        Baton firstDone = new Baton();
        Thread sender = new Thread(() -> {
            synchronized (CONNECTION) { // expect deadlock(OutboxFlushedUnderItsLock.CONNECTION)
                sent++;
                OUTBOX.add("ack " + sent); // expect deadlock(OutboxFlushedUnderItsLock.OUTBOX)
            }
            firstDone.pass();
        }, "sender");
        Thread flusher = new Thread(() -> {
            firstDone.await();
            synchronized (OUTBOX) { // expect deadlock(OutboxFlushedUnderItsLock.OUTBOX)
                for (String message : OUTBOX) {
                    synchronized (CONNECTION) { // expect deadlock(OutboxFlushedUnderItsLock.CONNECTION)
                        sent += message.length();
                    }
                }
                OUTBOX.clear();
            }
        }, "flusher");
        sender.start();
        flusher.start();
        sender.join();
        flusher.join();
        System.out.println("sent " + sent + ", left " + OUTBOX.size());
    }
}
