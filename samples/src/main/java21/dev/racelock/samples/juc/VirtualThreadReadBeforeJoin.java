package dev.racelock.samples.juc;

/**
 * JDK 21+ (compiled separately: src/main/java21). Bug: the result of a virtual thread is read
 * before joining it. Fix: {@link VirtualThreadHandOff}.
 */
// requires juc
public final class VirtualThreadReadBeforeJoin {
    static int input;
    static int output;

    public static void main(String[] args) throws Exception {
        input = 7;
        Thread worker = Thread.ofVirtual().start(() -> output = input * 6); // expect race(write, VirtualThreadReadBeforeJoin.output)
        int early = output; // expect race(read, VirtualThreadReadBeforeJoin.output)
        worker.join();
        System.out.println(early);
    }
}
