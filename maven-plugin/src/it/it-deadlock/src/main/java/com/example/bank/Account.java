package com.example.bank;

/** Locks itself, then the other account: two opposite transfers at once deadlock. */
public class Account {
    private long balance;

    public Account(long balance) {
        this.balance = balance;
    }

    public void transferTo(Account other, long amount, Runnable whileHoldingOwnLock) {
        synchronized (this) {
            whileHoldingOwnLock.run();
            synchronized (other) {
                balance -= amount;
                other.balance += amount;
            }
        }
    }
}
