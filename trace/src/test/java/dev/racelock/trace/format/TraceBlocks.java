package dev.racelock.trace.format;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Test helper: walks the frames of a well-formed v1 trace held in memory, independently of the
 * reader, and can re-seal checksums after a test changed a payload on purpose.
 */
final class TraceBlocks {

    /** One block: where it starts, its type, frame size and payload length. */
    record Block(int offset, int type, int frameBytes, int payloadLength) {
        int end() {
            return offset + frameBytes + payloadLength;
        }

        int payloadOffset() {
            return offset + frameBytes;
        }
    }

    private TraceBlocks() {}

    static List<Block> list(byte[] trace) {
        List<Block> blocks = new ArrayList<>();
        int offset = TraceFormat.PREAMBLE_BYTES;
        while (offset < trace.length) {
            int type = trace[offset] & 0xFF;
            boolean chunk = type == TraceFormat.BLOCK_CHUNK;
            int frame = chunk ? TraceFormat.CHUNK_FRAME_BYTES : TraceFormat.BLOCK_FRAME_BYTES;
            if (offset + frame > trace.length) {
                break;
            }
            int length = ByteBuffer.wrap(trace, offset + (chunk ? 5 : 1), 4).getInt();
            if (length < 0 || offset + frame + (long) length > trace.length) {
                break;
            }
            Block block = new Block(offset, type, frame, length);
            blocks.add(block);
            offset = block.end();
        }
        return blocks;
    }

    static List<Block> chunks(byte[] trace) {
        return list(trace).stream().filter(b -> b.type() == TraceFormat.BLOCK_CHUNK).toList();
    }

    static int eventCount(byte[] trace, Block chunk) {
        return ByteBuffer.wrap(trace, chunk.offset() + 9, 4).getInt();
    }

    /** Recomputes every block's CRC32C, so only the reader's other checks can catch a change. */
    static void reseal(byte[] trace) {
        CRC32C crc = new CRC32C();
        for (Block b : list(trace)) {
            int covered = b.frameBytes() - 4;
            crc.reset();
            crc.update(trace, b.offset(), covered);
            crc.update(trace, b.payloadOffset(), b.payloadLength());
            ByteBuffer.wrap(trace, b.offset() + covered, 4).putInt((int) crc.getValue());
        }
    }
}
