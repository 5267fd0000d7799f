package dev.racelock.samples.juc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * JDK 21+ (compiled separately: src/main/java21). Virtual threads started three ways: each reads
 * what was written before its start and writes its own slot, read after join or Future.get.
 * Every virtual thread is its own thread in the trace. Twin: {@link VirtualThreadReadBeforeJoin}.
 */
// requires juc
// expect none
public final class VirtualThreadHandOff {
    static int input;
    static final int[] outputs = new int[3];

    public static void main(String[] args) throws Exception {
        input = 7;
        Thread built = Thread.ofVirtual().name("built").start(() -> outputs[0] = input);
        Thread started = Thread.startVirtualThread(() -> outputs[1] = input + 1);
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            futures.add(executor.submit(() -> outputs[2] = input + 2));
        }
        built.join();
        started.join();
        System.out.println(outputs[0] + outputs[1] + outputs[2]);
    }
}
