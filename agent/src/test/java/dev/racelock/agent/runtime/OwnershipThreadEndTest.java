package dev.racelock.agent.runtime;

import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.LastOwnedAccess;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.files.TraceFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A thread's end says how many releases it had made at its last owned access (trace format 2.5,
 * LastOwnedAccess), so that the analyzer knows how late one of its accesses can still come.
 */
class OwnershipThreadEndTest {

    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        Recording.start(TraceOutput.NONE, false);
    }

    @Test
    void theEndSaysTheReleasesAtTheLastOwnedAccess() throws IOException {
        Path file = dir.resolve("ends.rlt");
        OwnedRecording recording = new OwnedRecording(file, 3);
        ThreadContext[] c = {recording.thread(0), recording.thread(1), recording.thread(2)};
        int field = RandomExecution.FIELDS[0];
        long token = RandomExecution.LOCKS[0];

        // thread 0: an owned write, then a release: its last owned access is after 0 releases
        OwnershipDifferentialTest.Cell first = new OwnershipDifferentialTest.Cell(RandomExecution.OBJECTS[0]);
        first.shadow = Ownership.shadow(null, first, c[0]);
        Rt.write(first, field, 0, c[0]);
        c[0].recorder.hbRelease(token, 1);
        c[0].recorder.threadEnd(LastOwnedAccess.NONE);
        // thread 1: a release, then two owned writes in the epoch after it
        OwnershipDifferentialTest.Cell second = new OwnershipDifferentialTest.Cell(RandomExecution.OBJECTS[1]);
        second.shadow = Ownership.shadow(null, second, c[1]);
        c[1].recorder.hbRelease(token, 1);
        Rt.write(second, field, 0, c[1]);
        Rt.write(second, field, 0, c[1]);
        c[1].recorder.threadEnd(LastOwnedAccess.NONE);
        // thread 2: no owned access at all
        c[2].recorder.hbRelease(token, 1);
        c[2].recorder.threadEnd(LastOwnedAccess.NONE);
        recording.close();

        Map<Integer, Integer> ends = new HashMap<>();
        TraceFiles.read(file, new EventVisitor() {
            @Override
            public void threadEnd(int thread, int lastOwnedAccess) {
                ends.put(thread, lastOwnedAccess);
            }
        }, ReadProgress.NONE);
        assertEquals(Map.of(0, 0, 1, 1, 2, LastOwnedAccess.NONE), ends);
    }
}
