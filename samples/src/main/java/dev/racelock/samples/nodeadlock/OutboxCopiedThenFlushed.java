package dev.racelock.samples.nodeadlock;

import java.util.ArrayList;
import java.util.List;
import java.util.Vector;

/**
 * Twin of {@link dev.racelock.samples.deadlock.OutboxFlushedUnderItsLock}: the flusher copies the
 * outbox and empties it under the outbox's monitor, then takes the connection's monitor after
 * releasing it. The outbox's monitor (taken inside {@code Vector.add}, called as {@code List.add})
 * is always taken after the connection's, never before: one lock order, no cycle, and the threads
 * may overlap freely.
 */
// expect none
public final class OutboxCopiedThenFlushed {

    static final Object CONNECTION = new Object();
    static final List<String> OUTBOX = new Vector<>();
    static int sent;

    public static void main(String[] args) throws InterruptedException {
        Thread sender = new Thread(() -> {
            synchronized (CONNECTION) {
                sent++;
                OUTBOX.add("ack " + sent);
            }
        }, "sender");
        Thread flusher = new Thread(() -> {
            List<String> batch;
            synchronized (OUTBOX) {
                batch = new ArrayList<>(OUTBOX);
                OUTBOX.clear();
            }
            for (String message : batch) {
                synchronized (CONNECTION) {
                    sent += message.length();
                }
            }
        }, "flusher");
        sender.start();
        flusher.start();
        sender.join();
        flusher.join();
        System.out.println("sent " + sent + ", left " + OUTBOX.size());
    }
}
