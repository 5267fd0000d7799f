package dev.racelock.samples.norace;

/**
 * Twin of {@link dev.racelock.samples.race.VirtualThreadLostUpdate}: the virtual threads
 * increment under one monitor (on JDK 21 to 23 a virtual thread holding a monitor pins its
 * carrier; the ordering is the same either way). Main sets the starting value before starting
 * them without the lock: starting a virtual thread orders what came before, as for any thread
 * (JLS 17.4.4), so racelock must record virtual-thread starts too.
 */
// requires virtual-threads
// expect none
public final class VirtualThreadSynchronizedCounter {

    static final Object LOCK = new Object();
    static int hits;

    public static void main(String[] args) throws InterruptedException {
        hits = 100;
        Runnable increment = () -> {
            for (int i = 0; i < 1_000; i++) {
                synchronized (LOCK) {
                    hits++;
                }
            }
        };
        Thread first = Thread.ofVirtual().name("virtual-incrementer-1").start(increment);
        Thread second = Thread.ofVirtual().name("virtual-incrementer-2").start(increment);
        first.join();
        second.join();
        System.out.println("hits = " + hits);
    }
}
