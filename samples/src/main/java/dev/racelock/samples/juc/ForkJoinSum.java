package dev.racelock.samples.juc;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * A recursive sum that forks the right half and computes the left: each subtask reads the
 * array filled before the pool was invoked and stores its partial sum in its own field, read by
 * the parent after join. Twin: {@link ForkJoinReadBeforeJoin}.
 */
// requires juc
// expect none
public final class ForkJoinSum extends RecursiveTask<Long> {
    static int[] numbers;
    final int from;
    final int to;
    long partial;

    ForkJoinSum(int from, int to) {
        this.from = from;
        this.to = to;
    }

    @Override
    protected Long compute() {
        if (to - from <= 64) {
            long sum = 0;
            for (int i = from; i < to; i++) {
                sum += numbers[i];
            }
            partial = sum;
            return sum;
        }
        int middle = (from + to) >>> 1;
        ForkJoinSum left = new ForkJoinSum(from, middle);
        ForkJoinSum right = new ForkJoinSum(middle, to);
        right.fork();
        left.compute();
        right.join();
        partial = left.partial + right.partial;
        return partial;
    }

    public static void main(String[] args) {
        numbers = new int[4_096];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = i;
        }
        System.out.println(new ForkJoinPool(4).invoke(new ForkJoinSum(0, numbers.length)));
    }
}
