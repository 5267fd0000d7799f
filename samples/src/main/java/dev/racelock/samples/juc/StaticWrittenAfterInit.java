package dev.racelock.samples.juc;

/**
 * Bug: one thread changes a static field after initialization while another reads it; class
 * initialization orders only what the initializer itself wrote.
 * Fix: {@link ClassInitPublication}.
 */
// requires clinit
public final class StaticWrittenAfterInit {
    static final class Table {
        static int size;

        static {
            size = 16;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread resizer = new Thread(() -> Table.size = 32, "resizer"); // expect race(write, Table.size)
        Thread reader = new Thread(() -> System.out.println(Table.size), "reader"); // expect race(read, Table.size)
        resizer.start();
        reader.start();
        resizer.join();
        reader.join();
    }
}
