package dev.racelock.bench.agent;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;

/**
 * H2 (in memory, MVStore) under an OLTP mix: each thread owns its rows of one shared table and
 * runs small transactions on them (insert a row, credit a random row, transfer between two rows,
 * read a row), and every 50th transaction sums all its rows with an index scan, so the share of
 * scans grows with the size. The threads share the table, its index, the MVStore and H2's own
 * locks; no two threads write the same row, so no transaction waits on another's row lock.
 *
 * <p>Self-checking: each thread keeps the balances it expects in an array beside the database
 * and adds up what it reads from both; the run fails when the two sums differ.
 *
 * <p>Usage: {@code H2Workload [threads] [transactions per thread] [seed]}
 */
public final class H2Workload {

    static final int DEFAULT_TRANSACTIONS = 5_000;
    private static final String URL = "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1";
    private static final int ROWS_PER_OWNER = 10_000_000;

    private H2Workload() {}

    public static void main(String[] args) throws Exception {
        WorkloadArgs a = WorkloadArgs.parse(args, DEFAULT_TRANSACTIONS);
        try (Connection setup = DriverManager.getConnection(URL); Statement s = setup.createStatement()) {
            s.execute("create table account(id int primary key, owner int, balance bigint)");
            s.execute("create index account_owner on account(owner)");
        }
        WorkloadCheck.finish("h2", a, WorkloadCheck.run("h2", a, (t, random) -> work(t, a.size(), random)));
    }

    /**
     * Runs one thread's transactions: the sum of every balance it read from the database, and the
     * same sum read from the thread's own copy.
     */
    private static WorkloadCheck.Sums work(int owner, int transactions, SplittableRandom random)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(URL);
             PreparedStatement insert = c.prepareStatement("insert into account values(?, ?, ?)");
             PreparedStatement credit = c.prepareStatement("update account set balance = balance + ? where id = ?");
             PreparedStatement select = c.prepareStatement("select balance from account where id = ?");
             PreparedStatement sum = c.prepareStatement("select sum(balance) from account where owner = ?")) {
            c.setAutoCommit(false);
            long[] balances = new long[transactions];
            int base = owner * ROWS_PER_OWNER;
            long fromDatabase = 0;
            long fromCopy = 0;
            for (int i = 0; i < transactions; i++) {
                long opening = random.nextInt(1_000);
                insert.setInt(1, base + i);
                insert.setInt(2, owner);
                insert.setLong(3, opening);
                insert.executeUpdate();
                balances[i] = opening;

                int credited = random.nextInt(i + 1);
                long amount = random.nextInt(100);
                update(credit, base + credited, amount);
                balances[credited] += amount;

                int from = random.nextInt(i + 1);
                int to = random.nextInt(i + 1);
                long moved = random.nextInt(50);
                update(credit, base + from, -moved);
                update(credit, base + to, moved);
                balances[from] -= moved;
                balances[to] += moved;

                int looked = random.nextInt(i + 1);
                select.setInt(1, base + looked);
                fromDatabase += single(select);
                fromCopy += balances[looked];

                if (i % 50 == 0) {
                    sum.setInt(1, owner);
                    fromDatabase += single(sum);
                    for (int r = 0; r <= i; r++) {
                        fromCopy += balances[r];
                    }
                }
                c.commit();
            }
            return new WorkloadCheck.Sums(fromDatabase, fromCopy);
        }
    }

    private static void update(PreparedStatement credit, int id, long amount) throws SQLException {
        credit.setLong(1, amount);
        credit.setInt(2, id);
        if (credit.executeUpdate() != 1) {
            throw new IllegalStateException("row " + id + " not found");
        }
    }

    private static long single(PreparedStatement query) throws SQLException {
        try (ResultSet r = query.executeQuery()) {
            if (!r.next()) {
                throw new IllegalStateException("no row");
            }
            return r.getLong(1);
        }
    }
}
