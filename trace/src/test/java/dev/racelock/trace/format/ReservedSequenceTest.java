package dev.racelock.trace.format;

import dev.racelock.trace.EventLog;
import dev.racelock.trace.TraceEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.racelock.trace.format.TraceRoundTripTest.HEADER;
import static dev.racelock.trace.format.TraceRoundTripTest.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A release numbered before an operation that may fail and written after it only if it
 * succeeded ({@link ThreadEventBuffer#reserveSequence}, the agent's compareAndSet): the merge
 * puts it where its number says, even when the file holds it after events with larger numbers.
 * Two buffers driven from one test thread stand for two threads (each buffer has one user).
 */
class ReservedSequenceTest {

    @TempDir
    Path dir;

    /** What threads A (id 0) and B (id 1) record, in the order the test calls it. */
    interface Recording {
        void record(TraceWriter writer, ThreadEventBuffer a, ThreadEventBuffer b);
    }

    private EventLog recordAndRead(Recording recording) throws IOException {
        Path file = dir.resolve("trace.rlt");
        try (TraceWriter writer = TraceWriter.open(file, HEADER, 10_000)) {
            recording.record(writer, writer.newThreadBuffer(0), writer.newThreadBuffer(1));
        }
        return read(file);
    }

    @Test
    void aReleaseWrittenAfterAnAcquireThatObservedItIsMergedBeforeThatAcquire() throws IOException {
        EventLog log = recordAndRead((writer, a, b) -> {
            a.threadBegin();
            long reserved = a.reserveSequence();              // A: before its compareAndSet
            b.threadBegin();
            b.volatileRead(7, 0, 2);                          // B: saw A's new value
            b.write(9, 1, 3);
            writer.flush();                                   // B's events reach the file first
            a.volatileWriteReserved(reserved, 7, 0, 1);       // A: the compareAndSet succeeded
            a.volatileRead(7, 0, 1);
            a.threadEnd();
            b.threadEnd();
        });
        assertEquals(List.of("T0 begin", "T0 vwrite 7.0 @1", "T1 begin", "T1 vread 7.0 @2", "T1 write 9.1 @3",
                "T0 vread 7.0 @1", "T0 end", "T1 end"), log.events());
        assertEquals(new TraceEnd(8, true, null), log.end);
    }

    @Test
    void aReservedNumberThatIsNeverUsedLeavesAGapTheMergeSteps() throws IOException {
        EventLog log = recordAndRead((writer, a, b) -> {
            a.threadBegin();
            b.threadBegin();
            a.reserveSequence();                              // A's compareAndSet failed: no release
            a.volatileRead(7, 0, 1);
            b.volatileWrite(7, 0, 2);
            a.threadEnd();
            b.threadEnd();
        });
        assertEquals(List.of("T0 begin", "T1 begin", "T0 vread 7.0 @1", "T1 vwrite 7.0 @2", "T0 end", "T1 end"),
                log.events());
        assertEquals(new TraceEnd(6, true, null), log.end);
    }

    @Test
    void aReservationOvertakenByTheThreadsOwnSynchronizationEventTakesAFreshNumber() throws IOException {
        EventLog log = recordAndRead((writer, a, b) -> {
            a.threadBegin();
            long reserved = a.reserveSequence();
            a.hbAcquire(5, 1);                                // numbered after the reservation
            b.threadBegin();
            a.volatileWriteReserved(reserved, 7, 0, 1);       // would go backwards: renumbered
            b.volatileRead(7, 0, 2);
            a.threadEnd();
            b.threadEnd();
        });
        assertEquals(List.of("T0 begin", "T0 hbacquire 5 @1", "T1 begin", "T0 vwrite 7.0 @1", "T1 vread 7.0 @2",
                "T0 end", "T1 end"), log.events());
        assertEquals(new TraceEnd(7, true, null), log.end);
    }
}
