package dev.racelock.samples.juc;

/**
 * A shutdown hook prints what the program computed: the main thread's summary and a worker's
 * result. Neither thread is joined; the JVM runs the hooks only once the last non-daemon thread
 * has ended (Runtime.addShutdownHook: "the virtual machine ... shuts down in response to ... the
 * last non-daemon thread exits"), and the thread that starts them waited for that. Twin:
 * {@link ShutdownHookDaemonStillRunning}.
 */
// requires juc
// expect none
public final class ShutdownHookAfterLastThread {
    static String summary;
    static int result;

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> System.out.println("summary: " + summary + ", result: " + result), "report-hook"));
        new Thread(() -> result = 42, "worker").start();
        summary = "done";
    }
}
