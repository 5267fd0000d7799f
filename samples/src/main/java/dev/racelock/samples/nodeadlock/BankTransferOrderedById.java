package dev.racelock.samples.nodeadlock;

/**
 * Twin of {@link dev.racelock.samples.deadlock.BankTransfer}: a transfer locks the two accounts
 * in the order of their ids, whichever direction the money goes, so every thread takes the
 * account locks in one global order.
 */
// expect none
public final class BankTransferOrderedById {

    static final class Account {
        final int id;
        private int balance;

        Account(int id, int balance) {
            this.id = id;
            this.balance = balance;
        }

        void transferTo(Account to, int amount) {
            Account lower = id < to.id ? this : to;
            Account higher = lower == this ? to : this;
            synchronized (lower) {
                synchronized (higher) {
                    balance -= amount;
                    to.balance += amount;
                }
            }
        }

        synchronized int balance() {
            return balance;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Account alice = new Account(1, 100);
        Account bob = new Account(2, 100);
        Thread first = new Thread(() -> alice.transferTo(bob, 30), "alice-to-bob");
        Thread second = new Thread(() -> bob.transferTo(alice, 20), "bob-to-alice");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("alice " + alice.balance() + ", bob " + bob.balance());
    }
}
