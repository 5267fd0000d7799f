package dev.racelock.samples.juc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Bug: the listener is configured after it was added, so the notifier's read is not ordered
 * after the write. Fix: {@link CopyOnWriteHandOff}.
 */
// requires juc
public final class CopyOnWriteConfiguredAfterAdd {
    static final class Subscriber {
        String topic;
    }

    public static void main(String[] args) throws InterruptedException {
        List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
        Thread registrar = new Thread(() -> {
            Subscriber subscriber = new Subscriber();
            subscribers.add(subscriber);
            subscriber.topic = "audit"; // expect race(write, Subscriber.topic)
        }, "registrar");
        registrar.start();
        while (subscribers.isEmpty()) {
            Thread.onSpinWait();
        }
        System.out.println("notify " + subscribers.get(0).topic); // expect race(read, Subscriber.topic)
        registrar.join();
    }
}
