package dev.racelock.samples.norace;

import java.util.ArrayList;
import java.util.List;

/**
 * Twin of {@link dev.racelock.samples.race.ElementOfGuardedListMutated}: the element the list
 * hands back is changed under the element's own monitor, so the two deposits are ordered; the
 * list's state is guarded by the list's monitor as before.
 */
// expect none
public final class ElementOfGuardedListMutatedUnderItsLock {

    static final class Account {
        private int balance;

        synchronized void deposit(int amount) {
            balance += amount;
        }

        synchronized int balance() {
            return balance;
        }
    }

    static final List<Account> ACCOUNTS = new ArrayList<>();

    static Account first() {
        synchronized (ACCOUNTS) {
            return ACCOUNTS.get(0);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        ACCOUNTS.add(new Account());
        Thread first = new Thread(() -> first().deposit(10), "teller-1");
        Thread second = new Thread(() -> first().deposit(20), "teller-2");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("balance " + first().balance());
    }
}
