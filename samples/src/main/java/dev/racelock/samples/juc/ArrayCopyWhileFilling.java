package dev.racelock.samples.juc;

/**
 * Bug: the main thread copies {@code samples} while the worker may still be filling it: the
 * copy reads the elements the worker writes. Fix: {@link ArrayCopyAfterJoin}.
 */
public final class ArrayCopyWhileFilling {
    static final int[] samples = new int[64];

    public static void main(String[] args) throws InterruptedException {
        Thread filler = new Thread(() -> {
            for (int i = 0; i < samples.length; i++) {
                samples[i] = i; // expect race(write, ArrayCopyWhileFilling.samples[])
            }
        }, "filler");
        filler.start();
        int[] copy = new int[samples.length];
        System.arraycopy(samples, 0, copy, 0, samples.length); // expect race(read, ArrayCopyWhileFilling.samples[])
        filler.join();
        System.out.println("last " + copy[copy.length - 1]);
    }
}
