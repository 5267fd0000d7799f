package dev.racelock.trace.format;

import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.TraceEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadProgressTest {

    private static final int EARLY_THREAD_EVENTS = 2_500_000;

    @TempDir
    Path dir;

    /**
     * A thread whose only chunk is the last of the file is placed before the first event: the
     * share read must still follow the events delivered, not the furthest chunk loaded (a test
     * suite's trace read "99%, about 0 s left" from its first million events on).
     */
    @Test
    void theShareReadFollowsTheEventsDeliveredWhenALateThreadsChunkIsLoadedFirst() throws IOException {
        Path file = dir.resolve("late-thread.rlt");
        try (TraceWriter writer = TraceWriter.open(file, TraceRoundTripTest.HEADER, 60_000)) {
            ThreadEventBuffer early = writer.newThreadBuffer(0);
            early.threadBegin();
            for (int i = 0; i < EARLY_THREAD_EVENTS; i++) {
                early.write(i & 1023, 3, 7);
                if (i % 200_000 == 0) {
                    writer.flush();
                }
            }
            early.threadEnd();
            writer.flush();
            ThreadEventBuffer late = writer.newThreadBuffer(1);
            late.threadBegin();
            late.write(1, 3, 7);
            late.threadEnd();
        }
        long fileSize = Files.size(file);
        List<long[]> updates = new ArrayList<>();
        TraceEnd end = TraceReader.read(file, new EventVisitor() { },
                (bytesRead, bytesTotal, events) -> updates.add(new long[] {bytesRead, bytesTotal, events}));

        long allEvents = end.events();
        assertTrue(updates.size() >= 3, "an update per million events and a last one: " + updates.size());
        for (long[] u : updates.subList(0, updates.size() - 1)) {
            double shareOfBytes = (double) u[0] / u[1];
            double shareOfEvents = (double) u[2] / allEvents;
            assertEquals(shareOfEvents, shareOfBytes, 0.02,
                    "at " + u[2] + " of " + allEvents + " events the line said " + u[0] + " of " + u[1] + " bytes");
        }
        long[] last = updates.get(updates.size() - 1);
        assertEquals(List.of(fileSize, fileSize, allEvents), List.of(last[0], last[1], last[2]));
    }
}
