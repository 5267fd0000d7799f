package dev.racelock.bench.agent;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real multithreaded workload for the agent's overhead figure (docs/performance.md, "Agent"):
 * an in-memory H2 database (from Maven Central) driven by several threads, each inserting,
 * updating and querying its own rows in small transactions. Run it with and without
 * {@code -javaagent:agent/target/racelock-agent.jar}; it prints the time of the work itself.
 *
 * <p>Usage: {@code H2Workload <threads> <operations per thread>}
 */
public final class H2Workload {
    private H2Workload() {}

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int operations = Integer.parseInt(args[1]);
        String url = "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1";
        try (Connection setup = DriverManager.getConnection(url); Statement s = setup.createStatement()) {
            s.execute("create table account(id int primary key, owner int, balance bigint)");
            s.execute("create index account_owner on account(owner)");
        }
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        long[] checks = new long[threads];
        for (int t = 0; t < threads; t++) {
            int owner = t;
            workers.add(new Thread(() -> checks[owner] = work(url, owner, operations), "worker-" + t));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        long sum = 0;
        for (long c : checks) {
            sum += c;
        }
        System.out.println("h2 threads=" + threads + " operations=" + operations + " check=" + sum + " millis="
                + elapsedMillis);
    }

    private static long work(String url, int owner, int operations) {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement insert = c.prepareStatement("insert into account values(?, ?, ?)");
             PreparedStatement update = c.prepareStatement("update account set balance = balance + ? where id = ?");
             PreparedStatement sum = c.prepareStatement("select sum(balance) from account where owner = ?")) {
            c.setAutoCommit(false);
            long check = 0;
            for (int i = 0; i < operations; i++) {
                int id = owner * 10_000_000 + i;
                insert.setInt(1, id);
                insert.setInt(2, owner);
                insert.setLong(3, i);
                insert.executeUpdate();
                update.setLong(1, 1);
                update.setInt(2, owner * 10_000_000 + i / 2);
                update.executeUpdate();
                if (i % 50 == 0) {
                    sum.setInt(1, owner);
                    try (ResultSet r = sum.executeQuery()) {
                        r.next();
                        check = r.getLong(1);
                    }
                }
                c.commit();
            }
            return check;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
