package dev.racelock.trace.format;

import dev.racelock.trace.TraceFormatException;
import dev.racelock.trace.TraceHeader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import static dev.racelock.trace.format.TraceFormat.BLOCK_CHUNK;
import static dev.racelock.trace.format.TraceFormat.BLOCK_DEADLOCK;
import static dev.racelock.trace.format.TraceFormat.BLOCK_DICTIONARY;
import static dev.racelock.trace.format.TraceFormat.BLOCK_END;
import static dev.racelock.trace.format.TraceFormat.BLOCK_FRAME_BYTES;
import static dev.racelock.trace.format.TraceFormat.BLOCK_FREED;
import static dev.racelock.trace.format.TraceFormat.BLOCK_HEADER;
import static dev.racelock.trace.format.TraceFormat.CHUNK_FRAME_BYTES;
import static dev.racelock.trace.format.TraceFormat.MAX_PAYLOAD;

/**
 * The reader's first pass: checks the preamble and header (throwing
 * {@link TraceFormatException} when the file cannot be read at all), then walks every block,
 * checking frames and CRC32C, and indexes them. It stops at the first damage and records where
 * (docs/trace-format.md, "Damage"). Holds one payload at a time, at most {@link TraceFormat#MAX_PAYLOAD}.
 */
final class TraceScanner {

    private final Path file;
    private final FileWindow in;
    private final long size;
    private final byte[] frame = new byte[CHUNK_FRAME_BYTES];
    private final CRC32C crc = new CRC32C();
    private byte[] payload = new byte[64 << 10];

    private TraceScanner(Path file, FileWindow in) {
        this.file = file;
        this.in = in;
        this.size = in.size();
    }

    static TraceIndex scan(Path file, FileWindow in) throws IOException {
        return new TraceScanner(file, in).scan();
    }

    private TraceIndex scan() throws IOException {
        long offset = TraceFormat.PREAMBLE_BYTES;
        int major = readPreamble();
        if (size - offset < BLOCK_FRAME_BYTES) {
            throw unreadable("trace header truncated");
        }
        in.read(offset, frame, 0, BLOCK_FRAME_BYTES);
        long length = HeaderCodec.payloadLength(frame);
        TraceHeader header = HeaderCodec.readBlock(frame, headerLength -> {
            if (size - offset - BLOCK_FRAME_BYTES < headerLength) {
                return null;
            }
            readPayload(offset + BLOCK_FRAME_BYTES, headerLength);
            return payload;
        }, major, file.toString());
        TraceIndex index = new TraceIndex(header, size);
        scanBlocks(index, offset + BLOCK_FRAME_BYTES + length);
        return index;
    }

    /** Checks the magic and the version; returns the file's major version. */
    private int readPreamble() throws IOException {
        if (size == 0) {
            throw unreadable("empty file, not a racelock trace");
        }
        byte[] preamble = new byte[TraceFormat.PREAMBLE_BYTES];
        int available = (int) Math.min(size, preamble.length);
        in.read(0, preamble, 0, available);
        return TraceFormat.majorVersion(preamble, available, file.toString());
    }

    private void scanBlocks(TraceIndex index, long start) throws IOException {
        long offset = start;
        int chunkNumber = 0;
        while (true) {
            if (offset == size) {
                index.problem = truncated(offset, chunkNumber);
                return;
            }
            in.read(offset, frame, 0, 1);
            int type = frame[0] & 0xFF;
            if (type == BLOCK_CHUNK) {
                if (size - offset < CHUNK_FRAME_BYTES) {
                    index.problem = truncated(offset, chunkNumber);
                    return;
                }
                in.read(offset, frame, 0, CHUNK_FRAME_BYTES);
                ByteBuffer f = ByteBuffer.wrap(frame, 1, CHUNK_FRAME_BYTES - 1);
                int thread = f.getInt();
                long length = f.getInt() & 0xFFFF_FFFFL;
                long count = f.getInt() & 0xFFFF_FFFFL;
                int expectedCrc = f.getInt();
                index.problem = checkPayload(offset, CHUNK_FRAME_BYTES, length, expectedCrc,
                        "chunk " + chunkNumber + " at byte " + offset, chunkNumber);
                if (index.problem != null) {
                    return;
                }
                if (count > length) {
                    index.problem = damagedChunk(chunkNumber, offset, "declares " + count + " events in "
                            + length + " bytes");
                    return;
                }
                if (!index.addChunk(thread, offset, chunkNumber)) {
                    index.problem = damagedChunk(chunkNumber, offset, "more than " + TraceFormat.MAX_THREADS
                            + " threads");
                    return;
                }
                index.declaredEvents += count;
                chunkNumber++;
                offset += CHUNK_FRAME_BYTES + length;
            } else if (type == BLOCK_DICTIONARY || type == BLOCK_FREED || type == BLOCK_DEADLOCK
                    || type == BLOCK_END || type == BLOCK_HEADER || TraceFormat.isOptionalBlock(type)) {
                if (size - offset < BLOCK_FRAME_BYTES) {
                    index.problem = truncated(offset, chunkNumber);
                    return;
                }
                in.read(offset, frame, 0, BLOCK_FRAME_BYTES);
                ByteBuffer f = ByteBuffer.wrap(frame, 1, BLOCK_FRAME_BYTES - 1);
                long length = f.getInt() & 0xFFFF_FFFFL;
                int expectedCrc = f.getInt();
                String what = TraceFormat.blockName(type) + " block at byte " + offset;
                index.problem = checkPayload(offset, BLOCK_FRAME_BYTES, length, expectedCrc, what, chunkNumber);
                if (index.problem != null) {
                    return;
                }
                switch (type) {
                    case BLOCK_DICTIONARY -> index.dictionaryOffsets.add(offset);
                    case BLOCK_DEADLOCK -> index.deadlockOffsets.add(offset);
                    case BLOCK_FREED -> {
                        try {
                            index.freedSeqs.add(new PayloadDecoder(payload, 0, (int) length).varLong());
                        } catch (DamagedDataException e) {
                            index.problem = "damaged " + what + ": " + e.getMessage();
                            return;
                        }
                        index.freedOffsets.add(offset);
                    }
                    case BLOCK_END -> {
                        index.complete = true;
                        return; // anything after the end block is not part of the trace
                    }
                    case BLOCK_HEADER -> {
                        index.problem = "damaged " + what + ": a second header";
                        return;
                    }
                    default -> { } // optional (watermarks order a stream, TraceStreamReader): skipped
                }
                offset += BLOCK_FRAME_BYTES + length;
            } else {
                index.problem = String.format("unknown block type 0x%02x at byte %d (chunk %d)", type, offset,
                        chunkNumber);
                return;
            }
        }
    }

    /**
     * Checks a block's length against the format's bound and the file's end, reads its payload
     * and checks its CRC32C (over the frame's fields before the checksum, then the payload).
     *
     * @return null when the payload is whole and intact, else the problem
     */
    private String checkPayload(long offset, int frameBytes, long length, int expectedCrc, String what,
                                int chunkNumber) throws IOException {
        if (length > MAX_PAYLOAD) {
            return "damaged " + what + ": payload length " + length + " exceeds the format's bound of " + MAX_PAYLOAD;
        }
        if (size - offset - frameBytes < length) {
            return truncated(offset, chunkNumber);
        }
        readPayload(offset + frameBytes, (int) length);
        if (TraceFormat.blockCrc(crc, frame, frameBytes - 4, payload, (int) length) != expectedCrc) {
            return "bad checksum in " + what;
        }
        return null;
    }

    private static String truncated(long offset, int chunkNumber) {
        return "trace truncated at byte " + offset + " (chunk " + chunkNumber + ")";
    }

    private static String damagedChunk(int chunkNumber, long offset, String why) {
        return "damaged chunk " + chunkNumber + " at byte " + offset + ": " + why;
    }

    private void readPayload(long position, int length) throws IOException {
        if (payload.length < length) {
            payload = new byte[Math.max(length, Math.min(MAX_PAYLOAD, payload.length * 2))];
        }
        in.read(position, payload, 0, length);
    }

    private TraceFormatException unreadable(String why) {
        return new TraceFormatException(file + ": " + why);
    }
}
