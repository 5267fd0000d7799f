package dev.racelock.samples.juc;

import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Subtask;

/**
 * JDK 25, preview API (compiled and run with --enable-preview by JucSamplesIT only: a preview
 * class file runs on exactly the JDK that compiled it). Two subtasks forked in a
 * StructuredTaskScope read {@code input}, written before the forks, and write their own fields;
 * the owner reads those after {@code join()}. Twin: {@link StructuredScopeReadBeforeJoin}.
 */
// requires juc
// expect none
public final class StructuredScopeJoin {
    static int input;
    static String left;
    static String right;

    public static void main(String[] args) throws Exception {
        input = 6;
        try (var scope = StructuredTaskScope.open()) {
            Subtask<Integer> doubled = scope.fork(() -> {
                left = "doubled " + input;
                return input * 2;
            });
            Subtask<Integer> tripled = scope.fork(() -> {
                right = "tripled " + input;
                return input * 3;
            });
            scope.join();
            System.out.println(left + " = " + doubled.get() + ", " + right + " = " + tripled.get());
        }
    }
}
