package dev.racelock.samples.juc;

/**
 * A worker fills {@code samples}; the main thread copies them with System.arraycopy after
 * joining it. Twin: {@link ArrayCopyWhileFilling}.
 */
// expect none
public final class ArrayCopyAfterJoin {
    static final int[] samples = new int[64];

    public static void main(String[] args) throws InterruptedException {
        Thread filler = new Thread(() -> {
            for (int i = 0; i < samples.length; i++) {
                samples[i] = i;
            }
        }, "filler");
        filler.start();
        filler.join();
        int[] copy = new int[samples.length];
        System.arraycopy(samples, 0, copy, 0, samples.length);
        System.out.println("last " + copy[copy.length - 1]);
    }
}
