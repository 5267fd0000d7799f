package dev.racelock.samples.deadlock;

import dev.racelock.samples.Baton;

/**
 * Bug: the classic transfer deadlock. {@code transferTo} is synchronized on the source account and
 * calls the synchronized {@code deposit} of the target: alice-to-bob locks alice then bob,
 * bob-to-alice locks bob then alice. A {@link Baton} runs the transfers one after the other, so
 * this run never hangs.
 *
 * <p>The synchronized methods are written on one line each so that the acquisition has one
 * line, whether racelock attributes it to the method's first line or to the call. Both locks
 * are monitors of {@code Account} objects, one lock class: the report names them
 * {@code monitor of BankTransfer$Account (instance 1)} and {@code (instance 2)}.
 * Fix: {@link dev.racelock.samples.nodeadlock.BankTransferOrderedById}.
 */
// requires object-names
public final class BankTransfer {

    static final class Account {
        private int balance;

        Account(int balance) {
            this.balance = balance;
        }

        synchronized void transferTo(Account to, int amount) { balance -= amount; to.deposit(amount); } // expect deadlock(BankTransfer.Account)

        synchronized void deposit(int amount) { balance += amount; } // expect deadlock(BankTransfer.Account)

        synchronized int balance() {
            return balance;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Account alice = new Account(100); // alloc BankTransfer.Account
        Account bob = new Account(100);
        Baton firstDone = new Baton();
        Thread first = new Thread(() -> {
            alice.transferTo(bob, 30); // expect deadlock(BankTransfer.Account)
            firstDone.pass();
        }, "alice-to-bob");
        Thread second = new Thread(() -> {
            firstDone.await();
            bob.transferTo(alice, 20); // expect deadlock(BankTransfer.Account)
        }, "bob-to-alice");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("alice " + alice.balance() + ", bob " + bob.balance());
    }
}
