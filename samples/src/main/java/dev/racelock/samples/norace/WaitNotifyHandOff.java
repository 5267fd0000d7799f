package dev.racelock.samples.norace;

/**
 * Twin of {@link dev.racelock.samples.race.UnsafePublication}: the classic guarded block. The
 * publisher writes the data, then sets the flag and notifies under the monitor; the reader waits
 * under the same monitor until the flag is set. The publisher's unlock happens-before the
 * reader's re-acquisition on leaving {@code wait}, so the plain data is safely handed over.
 */
// expect none
public final class WaitNotifyHandOff {

    static final Object LOCK = new Object();
    static boolean ready;
    static int data;

    public static void main(String[] args) throws InterruptedException {
        Thread writer = new Thread(() -> {
            data = 42;
            synchronized (LOCK) {
                ready = true;
                LOCK.notifyAll();
            }
        }, "publisher");
        int[] seen = new int[1];
        Thread reader = new Thread(() -> {
            synchronized (LOCK) {
                while (!ready) {
                    try {
                        LOCK.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            seen[0] = data;
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("reader saw " + seen[0]);
    }
}
