package dev.racelock.agent.runtime;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.files.TraceFiles;
import dev.racelock.trace.format.TraceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An order-only hold (a monitor the JDK took inside a call, LockFlags.ORDER_ONLY) is no release
 * of the owner's clock for the ownership filter, as it is none for the race analyses: thread 0
 * takes one, then writes its own object, then releases a real lock that thread 1 takes before
 * reading the object. The owned write written out at that read must be dated before the
 * release, so no race; without the lock, the race is found.
 */
class OwnershipOrderOnlyHoldTest {

    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        Recording.start(TraceOutput.NONE, false);
    }

    @ParameterizedTest(name = "thread 1 takes the lock: {0}")
    @ValueSource(booleans = {true, false})
    void anOrderOnlyHoldDoesNotDateTheOwnersAccessesLater(boolean locked) throws IOException {
        Path file = dir.resolve("order-only.rlt");
        TraceWriter writer = TraceWriter.open(file, new TraceHeader(2, 1, 0, "17", "test", "", true, false, true), 1000);
        WriterOutput out = new WriterOutput(writer, file.toString(), System.err);
        RandomExecution.define(out, 2);
        Recording.start(out, true, true);
        ThreadContext[] c = new ThreadContext[2];
        for (int t = 0; t < 2; t++) {
            OwnershipRecorder owned = new OwnershipRecorder(new RepeatFilter(out.newRecorder(t)));
            c[t] = new ThreadContext(t, owned);
            c[t].owned = owned;
            owned.attach(c[t]);
        }
        long lock = RandomExecution.LOCKS[0];
        long jdkMonitor = RandomExecution.LOCKS[1];
        int orderOnly = LockFlags.MONITOR | LockFlags.ORDER_ONLY;
        int field = RandomExecution.FIELDS[0];

        OwnershipDifferentialTest.Cell cell = new OwnershipDifferentialTest.Cell(RandomExecution.OBJECTS[0]);
        cell.shadow = Ownership.shadow(null, cell, c[0]);
        c[0].recorder.lockAcquire(jdkMonitor, 1, orderOnly);
        c[0].recorder.lockRelease(jdkMonitor, 1, orderOnly);
        Rt.write(cell, field, 0, c[0]);
        c[0].recorder.lockAcquire(lock, 1, LockFlags.MONITOR);
        c[0].recorder.lockRelease(lock, 1, LockFlags.MONITOR);
        if (locked) {
            c[1].recorder.lockAcquire(lock, 2, LockFlags.MONITOR);
            c[1].recorder.lockRelease(lock, 2, LockFlags.MONITOR);
        }
        Rt.read(cell, field, 2, c[1]);
        out.close();

        AnalysisSession session = new AnalysisSession();
        TraceFiles.read(file, session, ReadProgress.NONE);
        List<Finding> findings = session.result().findings();
        assertEquals(locked ? 0 : 1, findings.size(), findings.toString());
    }
}
