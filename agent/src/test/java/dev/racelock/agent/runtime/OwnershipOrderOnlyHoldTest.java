package dev.racelock.agent.runtime;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.files.TraceFiles;
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
        OwnedRecording recording = new OwnedRecording(file, 2);
        ThreadContext[] c = {recording.thread(0), recording.thread(1)};
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
        recording.close();

        AnalysisSession session = new AnalysisSession();
        TraceFiles.read(file, session, ReadProgress.NONE);
        List<Finding> findings = session.result().findings();
        assertEquals(locked ? 0 : 1, findings.size(), findings.toString());
    }
}
