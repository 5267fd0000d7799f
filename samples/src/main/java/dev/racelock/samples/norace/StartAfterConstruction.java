package dev.racelock.samples.norace;

/**
 * Twin of {@link dev.racelock.samples.race.ThisEscapesConstructor}: the constructor only builds
 * the thread; it is started afterwards, so everything the constructor wrote happens-before
 * everything the thread does (JLS 17.4.4, thread start).
 */
// expect none
public final class StartAfterConstruction {

    private final Thread reporter;
    private int intervalSeconds;
    private int reportedInterval;

    StartAfterConstruction() {
        reporter = new Thread(this::report, "reporter");
        intervalSeconds = 30;
    }

    void start() {
        reporter.start();
    }

    private void report() {
        reportedInterval = intervalSeconds;
    }

    public static void main(String[] args) throws InterruptedException {
        StartAfterConstruction monitor = new StartAfterConstruction();
        monitor.start();
        monitor.reporter.join();
        System.out.println("reporter saw an interval of " + monitor.reportedInterval + " s");
    }
}
