package dev.racelock.trace.format;

import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.TraceFormatException;
import dev.racelock.trace.TraceHeader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.zip.CRC32C;

import static dev.racelock.trace.format.TraceFormat.BLOCK_CHUNK;
import static dev.racelock.trace.format.TraceFormat.BLOCK_DEADLOCK;
import static dev.racelock.trace.format.TraceFormat.BLOCK_DICTIONARY;
import static dev.racelock.trace.format.TraceFormat.BLOCK_END;
import static dev.racelock.trace.format.TraceFormat.BLOCK_FRAME_BYTES;
import static dev.racelock.trace.format.TraceFormat.BLOCK_FREED;
import static dev.racelock.trace.format.TraceFormat.BLOCK_HEADER;
import static dev.racelock.trace.format.TraceFormat.BLOCK_WATERMARK;
import static dev.racelock.trace.format.TraceFormat.CHUNK_FRAME_BYTES;
import static dev.racelock.trace.format.TraceFormat.MAX_EVENT_BYTES;
import static dev.racelock.trace.format.TraceFormat.MAX_PAYLOAD;

/**
 * Reads a binary trace from a stream while the agent is still writing it (racelock run), in one
 * pass, and delivers it to a visitor in an order consistent with synchronization. It needs the
 * watermark blocks a writer streaming its trace puts after each drain (docs/trace-format.md,
 * "Streaming"); a trace without them is delivered whole at its end.
 *
 * <p>The same bytes always give the same order ({@link StreamMerge}), which places plain events
 * where the writer's drains let it, so it may differ from {@link TraceReader}'s order of the same
 * file in where plain events fall between other threads' synchronization events (both are
 * consistent with synchronization). Damage is reported as by {@link TraceReader}: everything
 * read before it is delivered and {@link TraceEnd#problem} says where it is.
 */
public final class TraceStreamReader {

    private final ReadableByteChannel in;
    private final String name;
    private final EventVisitor visitor;
    private final ReadProgress progress;
    private final byte[] frame = new byte[CHUNK_FRAME_BYTES];
    private final CRC32C crc = new CRC32C();
    private byte[] payload = new byte[4096];
    private long offset;
    private int chunkNumber;

    private TraceStreamReader(ReadableByteChannel in, String name, EventVisitor visitor, ReadProgress progress) {
        this.in = in;
        this.name = name;
        this.visitor = visitor;
        this.progress = progress;
    }

    /**
     * Reads {@code in} until its end block or the end of the stream.
     *
     * @param name what to call the stream in messages (e.g. the recorded JVM)
     * @throws TraceFormatException the stream is empty, not a trace, of a newer version, or its
     *                              header is unreadable
     * @throws IOException          reading the channel failed
     */
    public static TraceEnd read(ReadableByteChannel in, String name, EventVisitor visitor, ReadProgress progress)
            throws IOException {
        return new TraceStreamReader(in, name, visitor, progress).run();
    }

    private TraceEnd run() throws IOException {
        TraceHeader header = readHeader(readPreamble());
        visitor.header(header);
        StreamMerge merge = new StreamMerge(visitor);
        String problem;
        try {
            problem = readBlocks(merge);
            merge.finish();
        } catch (DamagedDataException e) {
            problem = e.getMessage();
        }
        long events = merge.delivered();
        progress.update(offset, 0, events);
        TraceEnd end = problem == null
                ? new TraceEnd(events, true, null)
                : new TraceEnd(events, false, problem + "; " + events + " events read");
        visitor.end(end);
        return end;
    }

    private int readPreamble() throws IOException {
        byte[] preamble = new byte[TraceFormat.PREAMBLE_BYTES];
        int available = readUpTo(preamble, 0, preamble.length);
        return TraceFormat.majorVersion(preamble, available, name);
    }

    private TraceHeader readHeader(int major) throws IOException {
        if (readUpTo(frame, 0, BLOCK_FRAME_BYTES) < BLOCK_FRAME_BYTES) {
            throw unreadable("trace header truncated");
        }
        return HeaderCodec.readBlock(frame, length -> readPayload(length) ? payload : null, major, name);
    }

    /** Reads blocks and feeds the merge; null when the end block came, else where and why reading stopped. */
    private String readBlocks(StreamMerge merge) throws IOException {
        while (true) {
            long at = offset;
            if (readUpTo(frame, 0, 1) < 1) {
                return truncated(at);
            }
            int type = frame[0] & 0xFF;
            if (type == BLOCK_CHUNK) {
                if (readUpTo(frame, 1, CHUNK_FRAME_BYTES - 1) < CHUNK_FRAME_BYTES - 1) {
                    return truncated(at);
                }
                ByteBuffer f = ByteBuffer.wrap(frame, 1, CHUNK_FRAME_BYTES - 1);
                int thread = f.getInt();
                long length = f.getInt() & 0xFFFF_FFFFL;
                long count = f.getInt() & 0xFFFF_FFFFL;
                int expectedCrc = f.getInt();
                if (length > MAX_PAYLOAD) {
                    return damagedChunk(at, "payload length " + length + " exceeds the format's bound of "
                            + MAX_PAYLOAD);
                }
                byte[] data = new byte[(int) length + MAX_EVENT_BYTES]; // zero padding: ThreadCursor
                if (readUpTo(data, 0, (int) length) < length) {
                    return truncated(at);
                }
                if (TraceFormat.blockCrc(crc, frame, CHUNK_FRAME_BYTES - 4, data, (int) length) != expectedCrc) {
                    return "bad checksum in chunk " + chunkNumber + " at byte " + at;
                }
                if (count > length) {
                    return damagedChunk(at, "declares " + count + " events in " + length + " bytes");
                }
                if (!merge.addChunk(thread, data, (int) length, chunkNumber, at, (int) count)) {
                    return damagedChunk(at, "more than " + TraceFormat.MAX_THREADS + " threads");
                }
                chunkNumber++;
                continue;
            }
            boolean known = type == BLOCK_DICTIONARY || type == BLOCK_FREED || type == BLOCK_DEADLOCK
                    || type == BLOCK_END || type == BLOCK_HEADER || type == BLOCK_WATERMARK;
            if (!known && !TraceFormat.isOptionalBlock(type)) {
                return String.format("unknown block type 0x%02x at byte %d (chunk %d)", type, at, chunkNumber);
            }
            if (readUpTo(frame, 1, BLOCK_FRAME_BYTES - 1) < BLOCK_FRAME_BYTES - 1) {
                return truncated(at);
            }
            ByteBuffer f = ByteBuffer.wrap(frame, 1, BLOCK_FRAME_BYTES - 1);
            long length = f.getInt() & 0xFFFF_FFFFL;
            int expectedCrc = f.getInt();
            String what = TraceFormat.blockName(type) + " block at byte " + at;
            if (length > MAX_PAYLOAD) {
                return "damaged " + what + ": payload length " + length + " exceeds the format's bound of "
                        + MAX_PAYLOAD;
            }
            if (!readPayload((int) length)) {
                return truncated(at);
            }
            if (TraceFormat.blockCrc(crc, frame, BLOCK_FRAME_BYTES - 4, payload, (int) length) != expectedCrc) {
                return "bad checksum in " + what;
            }
            try {
                switch (type) {
                    case BLOCK_DICTIONARY -> merge.dictionary(payload, (int) length);
                    case BLOCK_FREED -> merge.freed(java.util.Arrays.copyOf(payload, (int) length), at);
                    case BLOCK_DEADLOCK -> merge.deadlock(DeadlockCodec.decode(new PayloadDecoder(payload, 0,
                            (int) length)));
                    case BLOCK_WATERMARK -> {
                        merge.mergeUpTo(new PayloadDecoder(payload, 0, (int) length).varLong());
                        progress.update(offset, 0, merge.delivered());
                    }
                    case BLOCK_END -> {
                        return null;
                    }
                    case BLOCK_HEADER -> {
                        return "damaged " + what + ": a second header";
                    }
                    default -> { } // an optional block this reader does not know: skipped
                }
            } catch (DamagedDataException e) {
                if (e.located()) {
                    throw e;
                }
                return "damaged " + what + ": " + e.getMessage();
            }
        }
    }

    private String truncated(long at) {
        return "trace truncated at byte " + at + " (chunk " + chunkNumber + ")";
    }

    private String damagedChunk(long at, String why) {
        return "damaged chunk " + chunkNumber + " at byte " + at + ": " + why;
    }

    private boolean readPayload(int length) throws IOException {
        if (payload.length < length) {
            payload = new byte[Math.max(length, Math.min(MAX_PAYLOAD, payload.length * 2))];
        }
        return readUpTo(payload, 0, length) == length;
    }

    /** Reads until {@code length} bytes or the end of the stream; returns how many were read. */
    private int readUpTo(byte[] into, int from, int length) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(into, from, length);
        while (b.hasRemaining()) {
            if (in.read(b) < 0) {
                break;
            }
        }
        int read = b.position() - from;
        offset += read;
        return read;
    }

    private TraceFormatException unreadable(String why) {
        return new TraceFormatException(name + ": " + why);
    }
}
