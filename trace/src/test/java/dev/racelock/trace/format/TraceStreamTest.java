package dev.racelock.trace.format;

import dev.racelock.trace.EventLog;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.TraceEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.racelock.trace.format.TraceRoundTripTest.HEADER;
import static dev.racelock.trace.format.TraceRoundTripTest.awaitQuietly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trace read while it is written (TraceStreamReader over a pipe, as racelock run reads the
 * agent's socket): events arrive before the writer closes, in an order consistent with
 * synchronization that depends only on the bytes, and a stream cut short delivers what came and
 * says where it stopped.
 */
class TraceStreamTest {

    @TempDir
    Path dir;

    /** Reads a stream on its own thread, keeping a copy of every byte it read. */
    private static final class StreamRead {
        final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        final EventLog log;
        final CompletableFuture<TraceEnd> end;

        StreamRead(ReadableByteChannel source, EventLog log) {
            this.log = log;
            ReadableByteChannel copying = new ReadableByteChannel() {
                @Override
                public int read(ByteBuffer dst) throws IOException {
                    int from = dst.position();
                    int n = source.read(dst);
                    if (n > 0) {
                        copy.write(dst.array(), dst.arrayOffset() + from, n);
                    }
                    return n;
                }

                @Override
                public boolean isOpen() {
                    return source.isOpen();
                }

                @Override
                public void close() throws IOException {
                    source.close();
                }
            };
            // Closed once read, as racelock run closes a connection: a writer still writing fails
            // rather than waiting for a reader that has stopped.
            end = CompletableFuture.supplyAsync(() -> {
                try (copying) {
                    TraceEnd e = TraceStreamReader.read(copying, "the test's stream", log, ReadProgress.NONE);
                    log.end(e);
                    return e;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        TraceEnd await() throws Exception {
            return end.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void eventsReachTheReaderWhileTheWriterIsStillOpen() throws Exception {
        Pipe pipe = Pipe.open();
        CountDownLatch released = new CountDownLatch(1);
        EventLog streamed = new EventLog() {
            @Override
            public void hbRelease(int t, long token, int site) {
                super.hbRelease(t, token, site);
                released.countDown();
            }
        };
        StreamRead reader = new StreamRead(pipe.source(), streamed);
        EventLog expected = new EventLog();
        try (TraceWriter writer = TraceWriter.open(pipe.sink(), HEADER, 60_000, TraceWriter.Contexts.TREE)) {
            RecordingThread t = new RecordingThread(writer, 0, expected);
            t.threadBegin().write(1, 2, 3).hbRelease(7, 4);
            writer.flush();
            // Delivered from the open stream: a watermark came after the drain that wrote them.
            assertTrue(released.await(30, TimeUnit.SECONDS), "the release never reached the reader");
            assertEquals(List.of("T0 begin", "T0 write 1.2 @3", "T0 hbrelease 7 @4"), streamed.events().subList(0, 3));
            t.read(1, 2, 5).threadEnd();
        }
        TraceEnd end = reader.await();
        assertEquals(new TraceEnd(5, true, null), end);
        assertEquals(expected.events(), streamed.events());
    }

    @Test
    void aStreamReadWhileThreadsRaceIsOrderedByItsLocksAndTheSameBytesGiveTheSameOrder() throws Exception {
        int threads = 4;
        int rounds = 20_000;
        long lock = 1000;
        Object monitor = new Object();
        Pipe pipe = Pipe.open();
        StreamRead reader = new StreamRead(pipe.source(), new EventLog());
        List<EventLog> recorded = new ArrayList<>();
        try (TraceWriter writer = TraceWriter.open(pipe.sink(), HEADER, 1, TraceWriter.Contexts.TREE)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                EventLog log = new EventLog();
                recorded.add(log);
                int id = i;
                workers.add(new Thread(() -> {
                    RecordingThread t = new RecordingThread(writer, id, log);
                    t.threadBegin();
                    awaitQuietly(go);
                    for (int r = 0; r < rounds; r++) {
                        t.read(id + 1, r % 3, 10 + r % 5);
                        // A compareAndSet's reserved number, used only when it succeeds: a number
                        // held across the drain's capture must hold the watermark back.
                        long reserved = t.buffer.reserveSequence();
                        if (r % 2 == 0) {
                            t.buffer.volatileWriteReserved(reserved, id + 50, 0, 30);
                            log.volatileWrite(id, id + 50, 0, 30);
                        }
                        synchronized (monitor) {
                            t.lockAcquire(lock, 20, LockFlags.MONITOR);
                            t.write(lock + 1, 1, 21);
                            t.lockRelease(lock, 22, LockFlags.MONITOR);
                        }
                    }
                    t.threadEnd();
                }));
            }
            workers.forEach(Thread::start);
            go.countDown();
            for (Thread w : workers) {
                w.join();
            }
        }
        TraceEnd end = reader.await();
        assertTrue(end.complete(), end.toString());
        EventLog streamed = reader.log;
        for (int i = 0; i < threads; i++) {
            assertEquals(recorded.get(i).events(), streamed.eventsOf(i), "program order of T" + i);
        }
        assertEquals(threads * rounds, TraceRoundTripTest.assertOneHolderAtATime(streamed.events()));
        byte[] bytes = reader.copy.toByteArray();
        long watermarks = TraceBlocks.list(bytes).stream().filter(b -> b.type() == TraceFormat.BLOCK_WATERMARK).count();
        assertTrue(watermarks > 2, "the writer drained " + watermarks + " times only: nothing was streamed");

        // The order depends on the bytes only, not on when they arrived.
        EventLog again = new EventLog();
        again.end(TraceStreamReader.read(Channels.newChannel(new java.io.ByteArrayInputStream(bytes)), "again", again,
                ReadProgress.NONE));
        assertEquals(streamed.lines, again.lines);
        assertEquals(end, again.end);
        // A file of the same bytes holds the same events, each thread's in the same order.
        Path file = dir.resolve("kept.rlt");
        Files.write(file, bytes);
        EventLog fromFile = new EventLog();
        fromFile.end(TraceReader.read(file, fromFile));
        assertEquals(end, fromFile.end);
        for (int i = 0; i < threads; i++) {
            assertEquals(streamed.eventsOf(i), fromFile.eventsOf(i), "program order of T" + i);
        }
    }

    @Test
    void aStreamCutShortDeliversWhatCameAndSaysWhereItStopped() throws Exception {
        Path file = dir.resolve("killed.rlt");
        EventLog expected = new EventLog();
        byte[] whole;
        try (TraceWriter writer = TraceWriter.open(file, HEADER, 60_000)) {
            RecordingThread t = new RecordingThread(writer, 0, expected);
            t.threadBegin().write(1, 2, 3).lockAcquire(9, 4, LockFlags.MONITOR).read(1, 2, 5);
            writer.flush();
            whole = Files.readAllBytes(file); // as a JVM killed now left it: no end block
            t.threadEnd();
        }
        EventLog streamed = new EventLog();
        TraceEnd end = TraceStreamReader.read(Channels.newChannel(new java.io.ByteArrayInputStream(whole)),
                "the test's stream", streamed, ReadProgress.NONE);
        assertEquals(expected.events().subList(0, 4), streamed.events());
        assertFalse(end.complete());
        // The writer thread may have drained once on its own before the flush: count the chunks.
        List<TraceBlocks.Block> chunks = TraceBlocks.chunks(whole);
        assertEquals("trace truncated at byte " + whole.length + " (chunk " + chunks.size() + "); 4 events read",
                end.problem());

        // Cut inside the first chunk: the chunk is lost, what came before it is delivered.
        byte[] cut = Arrays.copyOf(whole, chunks.get(0).end() - 1);
        EventLog partial = new EventLog();
        TraceEnd cutEnd = TraceStreamReader.read(Channels.newChannel(new java.io.ByteArrayInputStream(cut)),
                "the test's stream", partial, ReadProgress.NONE);
        assertEquals(List.of(), partial.events());
        assertEquals("trace truncated at byte " + chunks.get(0).offset() + " (chunk 0); 0 events read",
                cutEnd.problem());
    }
}
