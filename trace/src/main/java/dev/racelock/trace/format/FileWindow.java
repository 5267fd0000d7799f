package dev.racelock.trace.format;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Positional reads of a trace file through one cached window, so that the many small blocks of
 * a trace (and the merge's jumps between threads' chunks, which mostly move forward) cost few
 * system calls. Reading never depends on the channel's own position.
 */
final class FileWindow {

    private static final int WINDOW_BYTES = 1 << 20;

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer window;
    private long windowStart;
    private int windowLength;

    FileWindow(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        this.window = ByteBuffer.allocate((int) Math.min(WINDOW_BYTES, Math.max(size, 1)));
    }

    /** The file's size when it was opened; later growth is not read. */
    long size() {
        return size;
    }

    void read(long position, byte[] dst, int offset, int length) throws IOException {
        if (position < 0 || length > size - position) {
            throw new EOFException("read past the end of the trace at byte " + position);
        }
        if (length > window.capacity() / 2) {
            ByteBuffer target = ByteBuffer.wrap(dst, offset, length);
            long at = position;
            while (target.hasRemaining()) {
                int n = channel.read(target, at);
                if (n < 0) {
                    throw new EOFException("trace shrank while being read, at byte " + at);
                }
                at += n;
            }
            return;
        }
        if (position < windowStart || position + length > windowStart + windowLength) {
            fill(position, length);
        }
        System.arraycopy(window.array(), (int) (position - windowStart), dst, offset, length);
    }

    private void fill(long position, int needed) throws IOException {
        window.clear();
        window.limit((int) Math.min(window.capacity(), size - position));
        long at = position;
        while (window.position() < needed) {
            int n = channel.read(window, at);
            if (n < 0) {
                throw new EOFException("trace shrank while being read, at byte " + at);
            }
            at += n;
        }
        windowStart = position;
        windowLength = window.position();
    }
}
