package dev.racelock.samples.juc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Listeners are configured before being added to a CopyOnWriteArrayList; the notifier reads
 * their configuration after finding them in the list (concurrent collections: insertion
 * happens-before access of that element). Twin: {@link CopyOnWriteConfiguredAfterAdd}.
 */
// requires juc
// expect none
public final class CopyOnWriteHandOff {
    static final class Listener {
        String name;
    }

    public static void main(String[] args) throws InterruptedException {
        List<Listener> listeners = new CopyOnWriteArrayList<>();
        Thread registrar = new Thread(() -> {
            Listener listener = new Listener();
            listener.name = "audit";
            listeners.add(listener);
        }, "registrar");
        registrar.start();
        while (listeners.isEmpty()) {
            Thread.onSpinWait();
        }
        System.out.println("notify " + listeners.get(0).name);
    }
}
