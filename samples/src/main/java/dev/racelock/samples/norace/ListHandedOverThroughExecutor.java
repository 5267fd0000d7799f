package dev.racelock.samples.norace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * An {@link ArrayList} filled by main, handed to a task through an executor, changed by the task,
 * and used by main again after {@code Future.get}: submitting happens-before the task runs, and
 * the task happens-before {@code get} returns (ExecutorService and Future memory-consistency
 * effects), so the list's state is ordered like any field (docs/library-model.md). Twin of
 * {@link dev.racelock.samples.race.ListIteratedWhileAdding} (ownership handed over, not shared).
 */
// requires juc
// expect none
public final class ListHandedOverThroughExecutor {

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            List<String> lines = new ArrayList<>();
            lines.add("header");
            Future<Integer> counted = pool.submit(() -> {
                lines.add("footer");
                return lines.size();
            });
            int size = counted.get();
            lines.add("lines " + size);
            System.out.println(String.join(", ", lines));
        } finally {
            pool.shutdown();
        }
    }
}
