package dev.racelock.analyzer.predict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A random STD schedule being built, for the randomized cross-checks: 2 or 3 threads, thread 0
 * starting the others, locks kept exclusive and well nested (a thread takes a lock only when no
 * other thread holds it, and releases its innermost one), each line {@code T|op|site}.
 */
final class RandomSchedule {

    final int threads;
    private final List<String> lines = new ArrayList<>();
    /** Per thread: 0 not started, 1 running, 2 joined. */
    private final int[] status;
    private final List<List<String>> held = new ArrayList<>();
    private final Map<String, Integer> owner = new HashMap<>();

    /** Thread 0 runs; each other thread starts at once unless {@code r.nextInt(startLater) == 0}. */
    RandomSchedule(SplittableRandom r, int startLater) {
        threads = 2 + r.nextInt(2);
        status = new int[threads];
        status[0] = 1;
        for (int i = 0; i < threads; i++) {
            held.add(new ArrayList<>());
        }
        for (int child = 1; child < threads; child++) {
            if (r.nextInt(startLater) > 0) {
                add("T0", "fork(T" + child + ")");
                status[child] = 1;
            }
        }
    }

    List<String> lines() {
        return lines;
    }

    int size() {
        return lines.size();
    }

    boolean running(int i) {
        return status[i] == 1;
    }

    /** The locks thread i holds, outermost first. */
    List<String> held(int i) {
        return held.get(i);
    }

    boolean heldByAnyone(String lock) {
        return owner.containsKey(lock);
    }

    /** One event of thread {@code t}, with the next site. */
    void add(String t, String op) {
        lines.add(t + "|" + op + "|" + (10 + lines.size()));
    }

    /** Thread i takes {@code lock} (again, if it holds it) unless another thread holds it. */
    void acquire(int i, String lock) {
        Integer o = owner.get(lock);
        if (o == null || o == i) {
            owner.put(lock, i);
            held.get(i).add(lock);
            add("T" + i, "acq(" + lock + ")");
        }
    }

    /** Thread i releases its innermost lock, if it holds any. */
    void releaseInnermost(int i) {
        List<String> stack = held.get(i);
        if (!stack.isEmpty()) {
            String lock = stack.remove(stack.size() - 1);
            if (!stack.contains(lock)) {
                owner.remove(lock);
            }
            add("T" + i, "rel(" + lock + ")");
        }
    }

    /** Thread 0 starts a thread not started yet, or joins a running one that holds no lock. */
    void startOrJoin(SplittableRandom r) {
        int child = 1 + r.nextInt(threads - 1);
        if (status[child] == 0) {
            add("T0", "fork(T" + child + ")");
            status[child] = 1;
        } else if (status[child] == 1 && held.get(child).isEmpty() && r.nextBoolean()) {
            add("T0", "join(T" + child + ")");
            status[child] = 2;
        }
    }
}
