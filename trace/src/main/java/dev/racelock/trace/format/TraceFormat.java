package dev.racelock.trace.format;

import dev.racelock.trace.TraceFormatException;

import java.util.zip.CRC32C;

/**
 * The constants of the trace format (version 2; the reader also reads version 1), byte for byte
 * as docs/trace-format.md describes them. Writer and reader share this class so that they
 * cannot disagree.
 */
final class TraceFormat {

    /** PNG-style signature: a non-ASCII first byte (never text), CR LF and ^Z catch text-mode copies. */
    static final byte[] MAGIC = {(byte) 0x89, 'R', 'L', 'T', '\r', '\n', 0x1A, '\n'};
    /**
     * 2.0 replaced the event per method enter and exit by calling-context nodes (dictionary tag
     * 8) and a context event (opcode 0x09) written only when an event is recorded in a new
     * context; 2.1 added the accesses of an object no second thread had touched (dictionary tag
     * 9, opcodes 0x20 to 0x22); 2.2 optional blocks (types 0x40 to 0x7F, which a reader that does
     * not know them skips) and watermarks; 2.3 sites of modelled library calls (dictionary tag 10)
     * and the lock flag ORDER_ONLY (monitors the JDK takes inside a call); 2.4 the marks of a
     * stack's outermost frame; 2.5 the thread end that says when its last owned access was (0x23).
     */
    static final int MAJOR_VERSION = 2;
    static final int MINOR_VERSION = 5;
    /** The oldest major version the reader reads: 1.0 and 1.1 (test markers) are read as before. */
    static final int OLDEST_MAJOR_VERSION = 1;
    /** Magic, then the major and minor version as big-endian u16. */
    static final int PREAMBLE_BYTES = MAGIC.length + 4;

    // ---- block types (one byte) ----------------------------------------------------------------
    static final int BLOCK_HEADER = 0x01;
    static final int BLOCK_DICTIONARY = 0x02;
    static final int BLOCK_CHUNK = 0x03;
    static final int BLOCK_FREED = 0x04;
    static final int BLOCK_DEADLOCK = 0x05;
    static final int BLOCK_END = 0x0F;
    /**
     * Optional blocks (since 2.2): a reader that does not know one checks its frame and checksum
     * and skips it, so a minor version may add one.
     */
    static final int FIRST_OPTIONAL_BLOCK = 0x40;
    static final int LAST_OPTIONAL_BLOCK = 0x7F;
    /** Every synchronization event numbered below this block's number is in the blocks before it (since 2.2). */
    static final int BLOCK_WATERMARK = 0x40;

    /** type u8, payload length u32, CRC32C u32. */
    static final int BLOCK_FRAME_BYTES = 9;
    /** type u8, thread u32, payload length u32, event count u32, CRC32C u32. */
    static final int CHUNK_FRAME_BYTES = 17;

    // ---- bounds: a reader rejects anything larger, so hostile lengths never allocate more -------
    /** Largest payload of any block (the writer's chunks are at most {@link #MAX_SEGMENT_BYTES}). */
    static final int MAX_PAYLOAD = 16 << 20;
    /** Largest string, in UTF-8 bytes; the writer cuts longer strings at a character boundary. */
    static final int MAX_STRING_BYTES = 64 << 10;
    /** Most strings in one trace's pool. */
    static final int MAX_STRINGS = 1 << 24;
    /** Most distinct thread ids with chunks in one trace. */
    static final int MAX_THREADS = 1 << 20;

    // ---- writer's segment sizes (the chunk payload is a slice of one segment) -------------------
    static final int MIN_SEGMENT_BYTES = 4 << 10;
    static final int MAX_SEGMENT_BYTES = 256 << 10;

    // ---- dictionary entry tags ----------------------------------------------------------------
    static final int DICT_STRING = 1;
    static final int DICT_THREAD = 2;
    static final int DICT_METHOD = 3;
    static final int DICT_SITE = 4;
    static final int DICT_FIELD = 5;
    static final int DICT_OBJECT = 6;
    static final int DICT_TEST = 7;
    /** A calling-context node (since 2.0); nodes are numbered 1, 2, 3, ... in file order. */
    static final int DICT_CONTEXT = 8;
    /** A lock set owned accesses name (since 2.1). */
    static final int DICT_LOCK_SET = 9;
    /** A site that calls a modelled JDK method: tag 4's fields, then the called method (since 2.3). */
    static final int DICT_CALL_SITE = 10;

    // ---- event opcodes --------------------------------------------------------------------------
    static final int OP_READ = 0x01;
    static final int OP_WRITE = 0x02;
    static final int OP_ARRAY_READ = 0x03;
    static final int OP_ARRAY_WRITE = 0x04;
    static final int OP_ARRAY_RANGE_READ = 0x05;
    static final int OP_ARRAY_RANGE_WRITE = 0x06;
    /** Method enter and exit: every call in 1.x; in 2.0 only with the writer's call-event encoding. */
    static final int OP_METHOD_ENTER = 0x07;
    static final int OP_METHOD_EXIT = 0x08;
    /** The thread's calling context is now this node (since 2.0): node delta, svarint. */
    static final int OP_CONTEXT = 0x09;

    static final int OP_VOLATILE_READ = 0x10;
    static final int OP_VOLATILE_WRITE = 0x11;
    static final int OP_LOCK_REQUEST = 0x12;
    static final int OP_LOCK_ACQUIRE = 0x13;
    static final int OP_LOCK_RELEASE = 0x14;
    static final int OP_MONITOR_REQUEST = 0x15;
    static final int OP_MONITOR_ACQUIRE = 0x16;
    static final int OP_MONITOR_RELEASE = 0x17;
    static final int OP_THREAD_START = 0x18;
    static final int OP_THREAD_BEGIN = 0x19;
    static final int OP_THREAD_END = 0x1A;
    static final int OP_THREAD_JOIN = 0x1B;
    static final int OP_HB_RELEASE = 0x1C;
    static final int OP_HB_ACQUIRE = 0x1D;
    /** Test markers (since 1.1): numbered like synchronization events, but they order nothing. */
    static final int OP_TEST_START = 0x1E;
    static final int OP_TEST_END = 0x1F;
    /** Numbered, orders nothing: ends the thread's run of plain events (since 2.1). */
    static final int OP_ORDER_MARK = 0x20;
    /** Plain: an access another thread made while it alone had touched the object (since 2.1). */
    static final int OP_OWNED_READ = 0x21;
    static final int OP_OWNED_WRITE = 0x22;
    /**
     * Thread end (since 2.5), then the thread's releases at its last owned access + 1 (0: none),
     * varint: how late an access of the thread can still come (LastOwnedAccess).
     */
    static final int OP_THREAD_END_OWNED = 0x23;

    /** Compact plain access: {@code 1 a w s dddd}. */
    static final int COMPACT = 0x80;
    static final int COMPACT_ARRAY = 0x40;
    static final int COMPACT_WRITE = 0x20;
    /** The object is the thread's previous object: no object delta follows. */
    static final int COMPACT_SAME_OBJECT = 0x10;
    /** The low four bits hold the site delta plus 8, for site deltas -8..7. */
    static final int COMPACT_SITE_BIAS = 8;

    /**
     * Room the writer keeps for one recorded event: its calling-context event when the context
     * changed (opcode and a 5-byte varint), then the event itself (opcode, four varints of at
     * most 10 bytes, a flags byte). The reader pads a chunk with as many zero bytes.
     */
    static final int MAX_EVENT_BYTES = 48;

    private TraceFormat() {}

    static int zigzag(int v) {
        return (v << 1) ^ (v >> 31);
    }

    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    static int unzigzag(int v) {
        return (v >>> 1) ^ -(v & 1);
    }

    static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    /**
     * A block's checksum: CRC32C over its frame's fields before the checksum (the frame's first
     * {@code frameBytes} bytes), then its payload.
     */
    static int blockCrc(CRC32C crc, byte[] frame, int frameBytes, byte[] payload, int length) {
        crc.reset();
        crc.update(frame, 0, frameBytes);
        crc.update(payload, 0, length);
        return (int) crc.getValue();
    }

    static boolean isOptionalBlock(int type) {
        return type >= FIRST_OPTIONAL_BLOCK && type <= LAST_OPTIONAL_BLOCK;
    }

    /**
     * Checks the preamble's magic and version.
     *
     * @param available how many of its bytes the file or stream had
     * @return the major version
     * @throws TraceFormatException naming {@code source}: not a trace, cut short, or a version this
     *                              reader does not read
     */
    static int majorVersion(byte[] preamble, int available, String source) throws TraceFormatException {
        int magicBytes = Math.min(available, MAGIC.length);
        if (!java.util.Arrays.equals(preamble, 0, magicBytes, MAGIC, 0, magicBytes)) {
            throw new TraceFormatException(source + ": not a racelock trace (unknown file signature)");
        }
        if (available < PREAMBLE_BYTES) {
            throw new TraceFormatException(source + ": trace header truncated");
        }
        int major = ((preamble[MAGIC.length] & 0xFF) << 8) | (preamble[MAGIC.length + 1] & 0xFF);
        int minor = ((preamble[MAGIC.length + 2] & 0xFF) << 8) | (preamble[MAGIC.length + 3] & 0xFF);
        if (major > MAJOR_VERSION) {
            throw new TraceFormatException(source + ": trace format version " + major + "." + minor
                    + " is newer than this racelock reads (up to " + MAJOR_VERSION + ".x); use a newer racelock");
        }
        if (major < OLDEST_MAJOR_VERSION) {
            throw new TraceFormatException(source + ": trace format version " + major + "." + minor
                    + " is not supported");
        }
        return major;
    }

    static String blockName(int type) {
        return switch (type) {
            case BLOCK_HEADER -> "header";
            case BLOCK_DICTIONARY -> "dictionary";
            case BLOCK_CHUNK -> "chunk";
            case BLOCK_FREED -> "freed-objects";
            case BLOCK_DEADLOCK -> "observed-deadlock";
            case BLOCK_END -> "end";
            case BLOCK_WATERMARK -> "watermark";
            default -> String.format("unknown (0x%02x)", type);
        };
    }
}
