package dev.racelock.samples.juc;

/**
 * Bug: the shutdown hook reads what a daemon thread wrote, but the JVM does not wait for daemon
 * threads before it shuts down: the daemon is still running (asleep) when the hook starts, and
 * nothing orders its write before the hook's read. Fix: {@link ShutdownHookAfterLastThread}
 * (the value comes from a non-daemon thread, which ends before the hooks run).
 */
// requires juc
public final class ShutdownHookDaemonStillRunning {
    static int progress;

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> System.out.println("progress: " + progress), "report-hook")); // expect race(read, ShutdownHookDaemonStillRunning.progress)
        Thread daemon = new Thread(() -> {
            progress = 1; // expect race(write, ShutdownHookDaemonStillRunning.progress)
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "daemon");
        daemon.setDaemon(true);
        daemon.start();
        while (daemon.getState() != Thread.State.TIMED_WAITING) { // not an edge: it only waits for the write
            Thread.onSpinWait();
        }
    }
}
