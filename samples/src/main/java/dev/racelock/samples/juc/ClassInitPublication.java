package dev.racelock.samples.juc;

/**
 * A lookup table built by a static initializer is read by two threads with no other
 * synchronization: the end of class initialization happens-before every use of the class
 * (JLS 12.4.2). Twin: {@link StaticWrittenAfterInit}.
 */
// requires clinit
// expect none
public final class ClassInitPublication {
    static final class Table {
        static int[] squares = new int[16];
        static int size;

        static {
            for (int i = 0; i < squares.length; i++) {
                squares[i] = i * i;
            }
            size = squares.length;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Runnable reader = () -> System.out.println(Table.squares[Table.size - 1]);
        Thread first = new Thread(reader, "first");
        Thread second = new Thread(reader, "second");
        first.start();
        second.start();
        first.join();
        second.join();
    }
}
