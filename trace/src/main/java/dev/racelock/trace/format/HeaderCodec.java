package dev.racelock.trace.format;

import dev.racelock.trace.TraceFormatException;
import dev.racelock.trace.TraceHeader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import static dev.racelock.trace.format.TraceFormat.BLOCK_FRAME_BYTES;
import static dev.racelock.trace.format.TraceFormat.BLOCK_HEADER;
import static dev.racelock.trace.format.TraceFormat.MAX_PAYLOAD;

/**
 * The header block (docs/trace-format.md, "Header block"): its payload, and the checks every
 * reader makes on it before anything else, whether it reads a file or a stream.
 */
final class HeaderCodec {

    private static final int RECORDS_MEMORY = 1;
    private static final int RECORDS_STACKS = 2;
    private static final int OWNED_ACCESSES = 4;

    private HeaderCodec() {}

    static void encode(TraceHeader header, PayloadBuilder out) {
        out.signedLong(header.pid());
        out.signedLong(header.startMillis());
        out.string(header.javaVersion());
        out.string(header.command());
        out.string(header.agentOptions());
        out.u8((header.recordsMemory() ? RECORDS_MEMORY : 0) | (header.recordsStacks() ? RECORDS_STACKS : 0)
                | (header.mayHoldOwnedAccesses() ? OWNED_ACCESSES : 0));
    }

    static TraceHeader decode(PayloadDecoder in, int majorVersion) {
        long pid = in.signedLong();
        long startMillis = in.signedLong();
        String javaVersion = in.string();
        String command = in.string();
        String agentOptions = in.string();
        int flags = in.u8();
        return new TraceHeader(majorVersion, pid, startMillis, javaVersion, command, agentOptions,
                (flags & RECORDS_MEMORY) != 0, (flags & RECORDS_STACKS) != 0, (flags & OWNED_ACCESSES) != 0);
    }

    /** Reads a header block's payload of that length; null when the trace ends before it does. */
    @FunctionalInterface
    interface PayloadSource {
        byte[] read(int length) throws IOException;
    }

    /** The payload length a block frame declares (after the type byte, unsigned). */
    static long payloadLength(byte[] frame) {
        return ByteBuffer.wrap(frame, 1, 4).getInt() & 0xFFFF_FFFFL;
    }

    /**
     * The trace's header from its first block, whose frame is {@code frame[0..BLOCK_FRAME_BYTES)}:
     * the block must be a header within the format's bound, whole, and match its checksum
     * ({@link TraceFormat#blockCrc}). The trace cannot be read at all otherwise.
     *
     * @param source what to call the trace in messages (its file, or the recorded JVM)
     * @throws TraceFormatException the header is missing, truncated or damaged
     */
    static TraceHeader readBlock(byte[] frame, PayloadSource payloads, int majorVersion, String source)
            throws IOException {
        ByteBuffer f = ByteBuffer.wrap(frame);
        int type = f.get() & 0xFF;
        long length = f.getInt() & 0xFFFF_FFFFL;
        int expectedCrc = f.getInt();
        if (type != BLOCK_HEADER) {
            throw unreadable(source, String.format("trace header missing (found block type 0x%02x)", type));
        }
        if (length > MAX_PAYLOAD) {
            throw unreadable(source, "trace header damaged (length " + length + ")");
        }
        byte[] payload = payloads.read((int) length);
        if (payload == null) {
            throw unreadable(source, "trace header truncated");
        }
        int actualCrc = TraceFormat.blockCrc(new CRC32C(), frame, BLOCK_FRAME_BYTES - 4, payload, (int) length);
        if (actualCrc != expectedCrc) {
            throw unreadable(source, "trace header damaged (bad checksum)");
        }
        try {
            return decode(new PayloadDecoder(payload, 0, (int) length), majorVersion);
        } catch (DamagedDataException e) {
            throw unreadable(source, "trace header damaged (" + e.getMessage() + ")");
        }
    }

    private static TraceFormatException unreadable(String source, String why) {
        return new TraceFormatException(source + ": " + why);
    }
}
