package dev.racelock.samples.race;

/**
 * Bug: a constructor starts a thread that uses {@code this} before the constructor has finished.
 * {@code Thread.start} orders only what the constructor did before it; the field assigned after
 * the start is unordered with the new thread's read, so the thread can see it unset.
 * Fix: {@link dev.racelock.samples.norace.StartAfterConstruction}.
 */
public final class ThisEscapesConstructor {

    private final Thread reporter;
    private int intervalSeconds;
    private int reportedInterval;

    ThisEscapesConstructor() {
        reporter = new Thread(this::report, "reporter");
        reporter.start();
        intervalSeconds = 30; // expect race(write, ThisEscapesConstructor.intervalSeconds)
    }

    private void report() {
        reportedInterval = intervalSeconds; // expect race(read, ThisEscapesConstructor.intervalSeconds)
    }

    public static void main(String[] args) throws InterruptedException {
        ThisEscapesConstructor monitor = new ThisEscapesConstructor();
        monitor.reporter.join();
        System.out.println("reporter saw an interval of " + monitor.reportedInterval + " s");
    }
}
