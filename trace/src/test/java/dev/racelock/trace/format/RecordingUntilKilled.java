package dev.racelock.trace.format;

import dev.racelock.trace.LockFlags;
import dev.racelock.trace.ThreadInfo;

import java.nio.file.Path;

/**
 * Test program: records a known, endless event stream from two threads with a 20 ms flush
 * interval, until the test kills the JVM. Thread t's n-th round is
 * {@code write(t + 1, n, 5), lockAcquire(99), lockRelease(99)}.
 */
public final class RecordingUntilKilled {

    private RecordingUntilKilled() {}

    public static void main(String[] args) throws Exception {
        TraceWriter writer = TraceWriter.open(Path.of(args[0]), TraceRoundTripTest.HEADER, 20);
        for (int t = 0; t < 2; t++) {
            int id = t;
            writer.defineThread(new ThreadInfo(id, "recorder-" + id, -1, -1, false));
            Thread thread = new Thread(() -> {
                ThreadEventBuffer b = writer.newThreadBuffer(id);
                b.threadBegin();
                for (int n = 0; ; n++) {
                    b.write(id + 1, n, 5);
                    b.lockAcquire(99, 6, LockFlags.MONITOR);
                    b.lockRelease(99, 7, LockFlags.MONITOR);
                    if (n % 1000 == 0) {
                        Thread.yield();
                    }
                }
            });
            thread.start();
        }
        System.out.println("recording");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
