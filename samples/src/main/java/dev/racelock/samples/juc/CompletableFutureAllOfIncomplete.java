package dev.racelock.samples.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Bug: the audit stage is left out of allOf, so joining allOf does not order its write before
 * the read. (The audit runs on its own executor: on the common pool, a worker that ran it before
 * the priced stage would order it by program order, and the twin would show nothing.)
 * Fix: {@link CompletableFutureCombinators}.
 */
// requires juc
public final class CompletableFutureAllOfIncomplete {
    static int price;
    static int audit;

    public static void main(String[] args) {
        ExecutorService auditor = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Integer> priced = CompletableFuture.supplyAsync(() -> price = 100);
            CompletableFuture<Void> audited = CompletableFuture.runAsync(() -> audit = 1, auditor); // expect race(write, CompletableFutureAllOfIncomplete.audit)
            CompletableFuture.allOf(priced).join();
            System.out.println(price + " " + audit); // expect race(read, CompletableFutureAllOfIncomplete.audit)
            audited.join();
        } finally {
            auditor.shutdown();
        }
    }
}
