package dev.racelock.trace.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/** Test double: a file channel that accepts {@code capacity} bytes, then fails like a full disk. */
final class FailingChannel extends FileChannel {

    private final long capacity;
    private volatile long written;
    volatile int writeCalls;

    FailingChannel(long capacity) {
        this.capacity = capacity;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        writeCalls++;
        if (written + src.remaining() > capacity) {
            throw new IOException("No space left on device");
        }
        int n = src.remaining();
        src.position(src.limit());
        written += n;
        return n;
    }

    @Override
    public void force(boolean metaData) {
    }

    @Override
    protected void implCloseChannel() {
    }

    @Override public int read(ByteBuffer dst) { throw new UnsupportedOperationException(); }
    @Override public long read(ByteBuffer[] dsts, int offset, int length) { throw new UnsupportedOperationException(); }
    @Override public long write(ByteBuffer[] srcs, int offset, int length) { throw new UnsupportedOperationException(); }
    @Override public long position() { return written; }
    @Override public FileChannel position(long newPosition) { throw new UnsupportedOperationException(); }
    @Override public long size() { return written; }
    @Override public FileChannel truncate(long size) { throw new UnsupportedOperationException(); }
    @Override public long transferTo(long position, long count, WritableByteChannel target) { throw new UnsupportedOperationException(); }
    @Override public long transferFrom(ReadableByteChannel src, long position, long count) { throw new UnsupportedOperationException(); }
    @Override public int read(ByteBuffer dst, long position) { throw new UnsupportedOperationException(); }
    @Override public int write(ByteBuffer src, long position) { throw new UnsupportedOperationException(); }
    @Override public MappedByteBuffer map(MapMode mode, long position, long size) { throw new UnsupportedOperationException(); }
    @Override public FileLock lock(long position, long size, boolean shared) { throw new UnsupportedOperationException(); }
    @Override public FileLock tryLock(long position, long size, boolean shared) { throw new UnsupportedOperationException(); }
}
