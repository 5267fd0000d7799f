package dev.racelock.samples.juc;

import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Subtask;

/**
 * JDK 25, preview API. Bug: {@link StructuredScopeJoin} reading {@code left} before
 * {@code join()}, so nothing orders the subtask's write before the read.
 */
// requires juc
public final class StructuredScopeReadBeforeJoin {
    static int input;
    static String left;
    static String right;

    public static void main(String[] args) throws Exception {
        input = 6;
        try (var scope = StructuredTaskScope.open()) {
            Subtask<Integer> doubled = scope.fork(() -> {
                left = "doubled " + input; // expect race(write, StructuredScopeReadBeforeJoin.left)
                return input * 2;
            });
            String early = left; // expect race(read, StructuredScopeReadBeforeJoin.left)
            Subtask<Integer> tripled = scope.fork(() -> {
                right = "tripled " + input;
                return input * 3;
            });
            scope.join();
            System.out.println((early == null ? "early read saw nothing" : "early read saw it") + ", "
                    + doubled.get() + ", " + right + " = " + tripled.get());
        }
    }
}
