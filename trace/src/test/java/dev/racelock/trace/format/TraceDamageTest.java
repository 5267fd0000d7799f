package dev.racelock.trace.format;

import dev.racelock.trace.EventLog;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.TraceFormatException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceDamageTest {

    @TempDir
    Path dir;

    private Path original;
    private byte[] bytes;
    private EventLog expected;

    /** One thread, at least three chunks (flushes between them), then the end block. */
    @BeforeEach
    void writeTrace() throws IOException {
        original = dir.resolve("whole.rlt");
        expected = EventLog.withStacks();
        try (TraceWriter writer = TraceWriter.open(original, TraceRoundTripTest.HEADER, 60_000)) {
            RecordingThread t = new RecordingThread(writer, 0, expected);
            t.threadBegin();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 20; i++) {
                    t.read(100 + round, i, 10 + i).write(100 + round, i, 30 + i).arrayWrite(7, i, 2);
                }
                t.lockAcquire(9, 1, 1).lockRelease(9, 1, 1);
                writer.flush();
            }
        }
        bytes = Files.readAllBytes(original);
    }

    private EventLog readBytes(byte[] content) throws IOException {
        Path file = dir.resolve("damaged.rlt");
        Files.write(file, content);
        return TraceRoundTripTest.read(file);
    }

    @Test
    void aTraceCutAnywhereInItsLastChunkKeepsTheWholeChunksBeforeIt() throws IOException {
        List<TraceBlocks.Block> chunks = TraceBlocks.chunks(bytes);
        assertTrue(chunks.size() >= 3, "one chunk per flush at least");
        int lastNumber = chunks.size() - 1;
        TraceBlocks.Block last = chunks.get(lastNumber);
        int before = 0;
        for (TraceBlocks.Block chunk : chunks.subList(0, lastNumber)) {
            before += TraceBlocks.eventCount(bytes, chunk);
        }
        for (int cut = last.offset(); cut < last.end(); cut++) {
            EventLog log = readBytes(Arrays.copyOf(bytes, cut));
            assertEquals(new TraceEnd(before, false, "trace truncated at byte " + last.offset() + " (chunk "
                    + lastNumber + "); " + before + " events read"), log.end, "cut at " + cut);
            assertEquals(expected.events().subList(0, before), log.events(), "cut at " + cut);
        }
        int all = expected.events().size();
        EventLog withoutEnd = readBytes(Arrays.copyOf(bytes, last.end()));
        assertEquals(new TraceEnd(all, false, "trace truncated at byte " + last.end() + " (chunk " + chunks.size() + "); " + all
                + " events read"), withoutEnd.end);
        assertEquals(expected.events(), withoutEnd.events());
    }

    @Test
    void aBadChecksumStopsReadingAtThatChunk() throws IOException {
        TraceBlocks.Block middle = TraceBlocks.chunks(bytes).get(1);
        bytes[middle.payloadOffset() + 3] ^= 0x10;
        int first = TraceBlocks.eventCount(bytes, TraceBlocks.chunks(bytes).get(0));
        EventLog log = readBytes(bytes);
        assertEquals(new TraceEnd(first, false, "bad checksum in chunk 1 at byte " + middle.offset() + "; " + first
                + " events read"), log.end);
        assertEquals(expected.events().subList(0, first), log.events());
    }

    @Test
    void aChunkThatDecodesBadlyEndsReadingWithItsPlace() throws IOException {
        TraceBlocks.Block middle = TraceBlocks.chunks(bytes).get(1);
        bytes[middle.payloadOffset()] = 0x7E; // no such opcode
        TraceBlocks.reseal(bytes);
        int first = TraceBlocks.eventCount(bytes, TraceBlocks.chunks(bytes).get(0));
        EventLog log = readBytes(bytes);
        assertEquals(new TraceEnd(first, false, "damaged chunk 1 at byte " + middle.offset()
                + ": unknown opcode 0x7e at payload byte 0; " + first + " events read"), log.end);
    }

    @Test
    void aHugeLengthFieldIsDamageNotAnAllocation() throws IOException {
        TraceBlocks.Block middle = TraceBlocks.chunks(bytes).get(1);
        ByteBuffer.wrap(bytes, middle.offset() + 5, 4).putInt(-1);
        int first = TraceBlocks.eventCount(bytes, TraceBlocks.chunks(bytes).get(0));
        EventLog log = readBytes(bytes);
        assertEquals("damaged chunk 1 at byte " + middle.offset() + ": payload length 4294967295 exceeds the"
                + " format's bound of 16777216; " + first + " events read", log.end.problem());
    }

    @Test
    void anEmptyFileIsNotATrace() throws IOException {
        Path file = dir.resolve("empty.rlt");
        Files.write(file, new byte[0]);
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceReader.read(file, new EventLog()));
        assertEquals(file + ": empty file, not a racelock trace", e.getMessage());
    }

    @Test
    void aFileWithAnotherSignatureIsNotATrace() throws IOException {
        Path file = dir.resolve("text.rlt");
        Files.writeString(file, "T0|w(V1)|12\n");
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceReader.read(file, new EventLog()));
        assertEquals(file + ": not a racelock trace (unknown file signature)", e.getMessage());
    }

    @Test
    void aNewerMajorVersionIsRejectedWithAdvice() throws IOException {
        bytes[TraceFormat.MAGIC.length + 1] = 3;
        bytes[TraceFormat.MAGIC.length + 3] = 0;
        Path file = dir.resolve("v3.rlt");
        Files.write(file, bytes);
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceReader.read(file, new EventLog()));
        assertEquals(file + ": trace format version 3.0 is newer than this racelock reads (up to 2.x); use a newer racelock",
                e.getMessage());
    }

    @Test
    void aTraceCutInsideItsHeaderIsUnreadable() throws IOException {
        Path file = dir.resolve("header.rlt");
        for (int cut = 1; cut < TraceFormat.PREAMBLE_BYTES + TraceFormat.BLOCK_FRAME_BYTES + 5; cut++) {
            Files.write(file, Arrays.copyOf(bytes, cut));
            TraceFormatException e = assertThrows(TraceFormatException.class,
                    () -> TraceReader.read(file, new EventLog()));
            assertEquals(file + ": trace header truncated", e.getMessage());
        }
    }

    @Test
    void aCompleteTraceSaysSo() throws IOException {
        EventLog log = TraceRoundTripTest.read(original);
        assertEquals(new TraceEnd(expected.events().size(), true, null), log.end);
        assertTrue(log.lines.containsAll(expected.lines));
    }

    /** Chunk 0: the thread's begin; then a dictionary block holding only node 1; chunk 1: its context event, a read. */
    private byte[] traceWithOneContext() throws IOException {
        Path file = dir.resolve("context.rlt");
        try (TraceWriter writer = TraceWriter.open(file, TraceRoundTripTest.HEADER, 60_000)) {
            ThreadEventBuffer b = writer.newThreadBuffer(0);
            b.threadBegin();
            writer.flush();
            b.methodEnter(3, -1);
            b.read(1, 2, 3);
        }
        return Files.readAllBytes(file);
    }

    @Test
    void aContextEventNamingAnUndefinedNodeIsDamage() throws IOException {
        byte[] trace = traceWithOneContext();
        TraceBlocks.Block second = TraceBlocks.chunks(trace).get(1);
        assertEquals(TraceFormat.OP_CONTEXT, trace[second.payloadOffset()]);
        trace[second.payloadOffset() + 1] = 0x10; // node Δ +8: only node 1 is defined
        TraceBlocks.reseal(trace);
        EventLog log = readBytes(trace);
        assertEquals(new TraceEnd(1, false, "damaged chunk 1 at byte " + second.offset()
                + ": context event names undefined calling-context node 8; 1 events read"), log.end);
    }

    @Test
    void aContextNodeOutOfOrderIsDamage() throws IOException {
        byte[] trace = traceWithOneContext();
        TraceBlocks.Block dictionary = TraceBlocks.list(trace).stream()
                .filter(b -> b.type() == TraceFormat.BLOCK_DICTIONARY).reduce((a, b) -> b).orElseThrow();
        assertEquals(TraceFormat.DICT_CONTEXT, trace[dictionary.payloadOffset()]);
        trace[dictionary.payloadOffset() + 1] = 5; // node 5 where node 1 is due
        TraceBlocks.reseal(trace);
        EventLog log = readBytes(trace);
        assertEquals(new TraceEnd(1, false, "damaged dictionary block at byte " + dictionary.offset()
                + ": calling-context node 5 out of order (expected 1); 1 events read"), log.end);
    }
}
