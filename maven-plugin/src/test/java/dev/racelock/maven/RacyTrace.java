package dev.racelock.maven;

import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.format.ThreadEventBuffer;
import dev.racelock.trace.format.TraceWriter;

import java.io.IOException;
import java.nio.file.Path;

/** Writes small traces with known findings, as a test JVM under the agent would. */
final class RacyTrace {

    static final TraceHeader HEADER = new TraceHeader(1, 42, 1_700_000_000_000L, "17", "surefire", "", true, true);

    private RacyTrace() {}

    /** Two threads that main started write {@code com.acme.Counter.hits} at Counter.java:8 with nothing between them. */
    static void write(Path file) throws IOException {
        try (TraceWriter writer = TraceWriter.open(file, HEADER, 10)) {
            writer.defineThread(new ThreadInfo(0, "main", -1, -1, false));
            writer.defineMethod(new MethodInfo(0, "com.acme.Counter", "hit", "()V", "Counter.java"));
            writer.defineSite(new SiteInfo(0, 0, 8));
            writer.defineField(new FieldInfo(0, "com.acme.Counter", "hits", "I", false, false));
            writer.defineThread(new ThreadInfo(1, "worker-1", 0, 0, false));
            writer.defineThread(new ThreadInfo(2, "worker-2", 0, 0, false));
            ThreadEventBuffer main = writer.newThreadBuffer(0);
            ThreadEventBuffer first = writer.newThreadBuffer(1);
            ThreadEventBuffer second = writer.newThreadBuffer(2);
            main.threadBegin();
            main.threadStart(1, 0);
            main.threadStart(2, 0);
            first.threadBegin();
            second.threadBegin();
            first.write(7, 0, 0);
            second.write(7, 0, 0);
            first.threadEnd();
            second.threadEnd();
            main.threadEnd();
        }
    }
}
