package dev.racelock.trace.format;

import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.ObservedDeadlock.BlockedThread;
import dev.racelock.trace.ObservedDeadlock.Frame;

import java.util.ArrayList;
import java.util.List;

/** The payload of an observed-deadlock block; strings inline (docs/trace-format.md). */
final class DeadlockCodec {

    /** Frames kept per thread, so one block stays far below the payload bound. */
    static final int MAX_FRAMES = 1024;
    static final int MAX_THREADS = 4096;

    private DeadlockCodec() {}

    static void encode(ObservedDeadlock deadlock, PayloadBuilder out) {
        out.signedLong(deadlock.detectedMillis());
        List<BlockedThread> threads = deadlock.threads();
        int threadCount = Math.min(threads.size(), MAX_THREADS);
        out.varInt(threadCount);
        for (int i = 0; i < threadCount; i++) {
            BlockedThread t = threads.get(i);
            out.signedInt(t.thread());
            out.string(t.threadName());
            out.signedLong(t.lock());
            out.string(t.lockClass());
            out.string(t.ownerName());
            int frameCount = Math.min(t.stack().size(), MAX_FRAMES);
            out.varInt(frameCount);
            for (int j = 0; j < frameCount; j++) {
                Frame f = t.stack().get(j);
                out.string(f.className());
                out.string(f.method());
                out.string(f.file());
                out.signedInt(f.line());
            }
        }
    }

    static ObservedDeadlock decode(PayloadDecoder in) {
        long detected = in.signedLong();
        int threadCount = in.boundedInt(MAX_THREADS, "deadlock thread count");
        List<BlockedThread> threads = new ArrayList<>();
        for (int i = 0; i < threadCount; i++) {
            int thread = in.signedInt();
            String name = in.string();
            long lock = in.signedLong();
            String lockClass = in.string();
            String owner = in.string();
            int frameCount = in.boundedInt(MAX_FRAMES, "frame count");
            List<Frame> frames = new ArrayList<>();
            for (int j = 0; j < frameCount; j++) {
                frames.add(new Frame(in.string(), in.string(), in.string(), in.signedInt()));
            }
            threads.add(new BlockedThread(thread, name, lock, lockClass, owner, frames));
        }
        return new ObservedDeadlock(detected, threads);
    }
}
