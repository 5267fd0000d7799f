package dev.racelock.samples.race;

import java.util.ArrayList;
import java.util.List;

/**
 * Bug: the list is guarded by its own monitor, but what it hands back is not: two threads take the
 * same {@code Account} out of the list under the lock, then change its balance after leaving it.
 * The race is on the element's field, a field race like any other; the list's state (every
 * {@code get} under the lock) reports nothing (docs/library-model.md).
 * Fix: {@link dev.racelock.samples.norace.ElementOfGuardedListMutatedUnderItsLock}.
 */
public final class ElementOfGuardedListMutated {

    static final class Account {
        int balance;
    }

    static final List<Account> ACCOUNTS = new ArrayList<>();

    static Account first() {
        synchronized (ACCOUNTS) {
            return ACCOUNTS.get(0);
        }
    }

    static void deposit(int amount) {
        Account account = first();
        account.balance += amount; // expect race(read|write, Account.balance, lost-update)
    }

    public static void main(String[] args) throws InterruptedException {
        ACCOUNTS.add(new Account());
        Thread first = new Thread(() -> deposit(10), "teller-1");
        Thread second = new Thread(() -> deposit(20), "teller-2");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("balance " + first().balance);
    }
}
