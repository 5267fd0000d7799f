package dev.racelock.samples.deadlock;

import dev.racelock.samples.Baton;

import java.util.HashMap;
import java.util.Map;

/**
 * Bug: a {@code static synchronized} method (it locks the class's monitor) takes the monitor of a
 * map held in a field, and another thread takes the map's monitor, then calls that method: the
 * two locks in opposite orders. A {@link Baton} runs the threads one after the other, so this run
 * never hangs.
 *
 * <p>The report names both locks for what they are: the field with the lock object's class,
 * {@code ClassMonitorAndMapLock.REGISTRY (HashMap)}, and the class monitor as such, by the class
 * its Class object stands for ({@code ClassMonitorAndMapLock.class}); a trace of an older agent
 * named it by where the agent first saw the Class object: where the class's static initializer
 * ends, the line that initializes {@code REGISTRY}, hence the {@code alloc} there, kept so the
 * sample also reads such traces. {@code register} is written on one line so the class monitor's
 * acquisition has one line.
 * Fix: {@link dev.racelock.samples.nodeadlock.ClassMonitorAndMapLockInOneOrder}.
 */
// requires object-names
public final class ClassMonitorAndMapLock {

    static final Map<String, String> REGISTRY = new HashMap<>(); // alloc ClassMonitorAndMapLock.class

    static synchronized void register(String name) { synchronized (REGISTRY) { REGISTRY.put(name, name); } } // expect deadlock(ClassMonitorAndMapLock.class|ClassMonitorAndMapLock.REGISTRY)

    public static void main(String[] args) throws InterruptedException {
        Baton firstDone = new Baton();
        Thread first = new Thread(() -> {
            register("first"); // expect deadlock(ClassMonitorAndMapLock.class)
            firstDone.pass();
        }, "register-then-map");
        Thread second = new Thread(() -> {
            firstDone.await();
            synchronized (REGISTRY) { // expect deadlock(ClassMonitorAndMapLock.REGISTRY)
                register("second"); // expect deadlock(ClassMonitorAndMapLock.class)
            }
        }, "map-then-register");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println(REGISTRY.keySet());
    }
}
