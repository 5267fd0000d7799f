package dev.racelock.trace.format;

import dev.racelock.trace.EventVisitor;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.ObservedDeadlock;
import dev.racelock.trace.SiteInfo;
import dev.racelock.trace.TestCaseInfo;
import dev.racelock.trace.ThreadInfo;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.TraceFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded mutation fuzzing of the binary reader: whatever the bytes, it returns a TraceEnd or
 * throws TraceFormatException, and never allocates beyond the format's bounds (16 MiB per
 * payload, 64 KiB per string; docs/trace-format.md, "Bounds").
 */
class TraceFuzzTest {

    private static final long SEED = 0x5EED_2026L;
    private static final int ROUNDS = 3000;
    private static final int[] HOSTILE_INTS = {-1, Integer.MAX_VALUE, Integer.MIN_VALUE, TraceFormat.MAX_PAYLOAD + 1,
            TraceFormat.MAX_PAYLOAD, 0, 1};

    @TempDir
    Path dir;

    @Test
    void mutatedTracesEndInDamageOrTraceFormatExceptionOnly() throws IOException {
        byte[] original = sampleTrace();
        Random random = new Random(SEED);
        Path file = dir.resolve("fuzz.rlt");
        for (int round = 0; round < ROUNDS; round++) {
            byte[] mutated = mutate(original, random);
            if (random.nextBoolean()) {
                TraceBlocks.reseal(mutated); // let the damage past the checksums, into the decoders
            }
            Files.write(file, mutated);
            try {
                TraceEnd end = TraceReader.read(file, new EveryCallVisitor());
                assertNotNull(end);
            } catch (TraceFormatException expected) {
                // a clear refusal is fine
            } catch (Throwable t) {
                fail("round " + round + " (seed " + SEED + "): " + t, t);
            }
        }
    }

    private byte[] mutate(byte[] original, Random random) {
        byte[] b = original.clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            switch (random.nextInt(6)) {
                case 0 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                case 2 -> { // insert
                    int at = random.nextInt(b.length + 1);
                    byte[] inserted = new byte[1 + random.nextInt(16)];
                    random.nextBytes(inserted);
                    byte[] grown = new byte[b.length + inserted.length];
                    System.arraycopy(b, 0, grown, 0, at);
                    System.arraycopy(inserted, 0, grown, at, inserted.length);
                    System.arraycopy(b, at, grown, at + inserted.length, b.length - at);
                    b = grown;
                }
                case 3 -> { // delete
                    if (b.length > 2) {
                        int at = random.nextInt(b.length - 1);
                        int n = 1 + random.nextInt(Math.min(32, b.length - at - 1));
                        byte[] shrunk = new byte[b.length - n];
                        System.arraycopy(b, 0, shrunk, 0, at);
                        System.arraycopy(b, at + n, shrunk, at, b.length - at - n);
                        b = shrunk;
                    }
                }
                case 4 -> { // a frame field (thread, length, count) set to a hostile value
                    List<TraceBlocks.Block> blocks = TraceBlocks.list(b);
                    if (!blocks.isEmpty()) {
                        TraceBlocks.Block block = blocks.get(random.nextInt(blocks.size()));
                        int fields = block.type() == TraceFormat.BLOCK_CHUNK ? 3 : 1;
                        int at = block.offset() + 1 + 4 * random.nextInt(fields);
                        ByteBuffer.wrap(b, at, 4).putInt(HOSTILE_INTS[random.nextInt(HOSTILE_INTS.length)]);
                    }
                }
                default -> b = Arrays.copyOf(b, random.nextInt(b.length + 1));
            }
            if (b.length == 0) {
                break;
            }
        }
        return b;
    }

    /** A trace with every kind of block: dictionaries, three threads' chunks (test markers too), freed objects, a deadlock. */
    private byte[] sampleTrace() throws IOException {
        Path file = dir.resolve("sample.rlt");
        try (TraceWriter writer = TraceWriter.open(file, TraceRoundTripTest.HEADER, 60_000)) {
            writer.defineThread(new ThreadInfo(0, "main", -1, -1, false));
            writer.defineMethod(new MethodInfo(0, "A", "run", "()V", "A.java"));
            writer.defineSite(new SiteInfo(1, 0, 3));
            writer.defineField(new FieldInfo(2, "A", "x", "I", false, false));
            writer.defineObject(new ObjectInfo(5, "int[]", 1, -1));
            writer.defineTest(new TestCaseInfo(0, "[engine:e]/[class:ATest]", "ATest", "run", "run()"));
            ThreadEventBuffer[] threads = {writer.newThreadBuffer(0), writer.newThreadBuffer(1), writer.newThreadBuffer(2)};
            for (int round = 0; round < 3; round++) {
                for (int t = 0; t < threads.length; t++) {
                    ThreadEventBuffer b = threads[t];
                    b.threadBegin();
                    b.methodEnter(0, 1);
                    b.read(5, 2, 1);
                    b.write(6 + t, 2, 100);
                    b.arrayWrite(5, round, 1);
                    b.arrayRangeRead(5, 0, 4, 1);
                    b.lockAcquire(9, 1, LockFlags.MONITOR);
                    b.volatileWrite(5, 2, 1);
                    b.lockRelease(9, 1, LockFlags.TRY);
                    b.hbRelease(77, 1);
                    b.threadStart(t + 1, 1);
                    b.testStart(0);
                    b.testEnd(0);
                    b.methodExit();
                }
                writer.objectFreed(6 + round);
                writer.flush();
            }
            writer.observedDeadlock(new ObservedDeadlock(1, List.of(new ObservedDeadlock.BlockedThread(0, "main", 9,
                    "java.lang.Object", "t1", List.of(new ObservedDeadlock.Frame("A", "run", "A.java", 3))))));
        }
        return Files.readAllBytes(file);
    }

    /** Overrides nothing it need not: the default methods are the consumer; it only touches what it gets. */
    private static final class EveryCallVisitor implements EventVisitor {
        long hash;

        @Override
        public void thread(ThreadInfo thread) {
            hash += thread.name() == null ? 0 : thread.name().length();
        }

        @Override
        public void read(int thread, long object, int field, int site) {
            hash += object + field + site;
        }

        @Override
        public void objectFreed(long object) {
            hash += object;
        }
    }
}
