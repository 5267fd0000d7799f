package dev.racelock.samples.race;

/**
 * Bug: a half-synchronized class. Updates go through a synchronized method, but the getter is
 * not synchronized, so a reader holds no lock and is ordered after nothing the writer did.
 * Fix: {@link dev.racelock.samples.norace.SynchronizedInventory} (its getter is synchronized too).
 */
public final class UnsynchronizedGetter {

    private int balance;

    synchronized void deposit(int amount) {
        balance = balance + amount; // expect race(write, UnsynchronizedGetter.balance)
    }

    int balance() {
        return balance; // expect race(read, UnsynchronizedGetter.balance)
    }

    public static void main(String[] args) throws InterruptedException {
        UnsynchronizedGetter account = new UnsynchronizedGetter();
        int[] seen = new int[1];
        Thread depositor = new Thread(() -> account.deposit(100), "depositor");
        Thread auditor = new Thread(() -> seen[0] = account.balance(), "auditor");
        depositor.start();
        auditor.start();
        depositor.join();
        auditor.join();
        System.out.println("auditor saw " + seen[0]);
    }
}
