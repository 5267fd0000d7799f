package dev.racelock.trace.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32C;

/**
 * Frames blocks and chunks (docs/trace-format.md, "Blocks") and writes them to the trace file or stream
 * through a staging buffer. Used by one thread at a time (the opener, then the writer thread).
 *
 * <p>The first I/O failure is kept and every later write is dropped, so a full disk costs the
 * rest of the trace but never an exception on a recording thread.
 */
final class BlockOutput {

    private static final int STAGING_BYTES = 256 << 10;

    private final WritableByteChannel channel;
    private final ByteBuffer staging = ByteBuffer.allocate(STAGING_BYTES);
    private final byte[] frame = new byte[TraceFormat.CHUNK_FRAME_BYTES];
    private final CRC32C crc = new CRC32C();
    private volatile IOException failure;

    BlockOutput(WritableByteChannel channel) {
        this.channel = channel;
    }

    IOException failure() {
        return failure;
    }

    void preamble() {
        staging.put(TraceFormat.MAGIC);
        staging.putShort((short) TraceFormat.MAJOR_VERSION);
        staging.putShort((short) TraceFormat.MINOR_VERSION);
    }

    /** A block other than a chunk: type, payload length, CRC32C of type, length and payload. */
    void block(int type, byte[] payload, int length) {
        ByteBuffer f = ByteBuffer.wrap(frame);
        f.put((byte) type).putInt(length);
        crc.reset();
        crc.update(frame, 0, 5);
        crc.update(payload, 0, length);
        f.putInt((int) crc.getValue());
        put(frame, 0, TraceFormat.BLOCK_FRAME_BYTES);
        put(payload, 0, length);
    }

    /** A chunk: type, thread, payload length, event count, CRC32C of all of those and the payload. */
    void chunk(int thread, byte[] data, int from, int length, int count) {
        ByteBuffer f = ByteBuffer.wrap(frame);
        f.put((byte) TraceFormat.BLOCK_CHUNK).putInt(thread).putInt(length).putInt(count);
        crc.reset();
        crc.update(frame, 0, 13);
        crc.update(data, from, length);
        f.putInt((int) crc.getValue());
        put(frame, 0, TraceFormat.CHUNK_FRAME_BYTES);
        put(data, from, length);
    }

    private void put(byte[] bytes, int from, int length) {
        if (failure != null) {
            return;
        }
        if (length > staging.remaining()) {
            drainStaging();
            if (length > staging.capacity() / 2) {
                writeFully(ByteBuffer.wrap(bytes, from, length));
                return;
            }
        }
        staging.put(bytes, from, length);
    }

    /** Hands everything staged to the OS: enough to survive a killed JVM (not a crashed machine). */
    void drainStaging() {
        staging.flip();
        writeFully(staging);
        staging.clear();
    }

    /** Forces written bytes to the device (a file; a stream has no device): survives a crashed machine. */
    void force() {
        drainStaging();
        if (failure != null || !(channel instanceof FileChannel file)) {
            return;
        }
        try {
            file.force(false);
        } catch (IOException e) {
            fail(e);
        }
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            fail(e);
        }
    }

    private void writeFully(ByteBuffer bytes) {
        if (failure != null) {
            bytes.position(bytes.limit());
            return;
        }
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    private void fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
    }
}
