package dev.racelock.trace.format;

import java.nio.charset.StandardCharsets;

/**
 * Bounded decoding of one block payload (header, dictionary, freed objects, deadlock, end).
 * Every read checks the payload's end, so a damaged or hostile payload ends in
 * {@link DamagedDataException}, never in an allocation larger than the payload itself.
 */
final class PayloadDecoder {

    private final byte[] bytes;
    private final int end;
    private int pos;

    PayloadDecoder(byte[] bytes, int from, int length) {
        this.bytes = bytes;
        this.pos = from;
        this.end = from + length;
    }

    boolean hasMore() {
        return pos < end;
    }

    int u8() {
        if (pos >= end) {
            throw new DamagedDataException("payload ends inside a value");
        }
        return bytes[pos++] & 0xFF;
    }

    long varLong() {
        long result = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = u8();
            result |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                return result;
            }
        }
        throw new DamagedDataException("varint longer than 10 bytes");
    }

    int varInt() {
        long v = varLong();
        if ((v >>> 32) != 0) {
            throw new DamagedDataException("varint out of 32-bit range");
        }
        return (int) v;
    }

    /** A count or length that must be non-negative and at most {@code max}. */
    int boundedInt(int max, String what) {
        long v = varLong();
        if (v < 0 || v > max) {
            throw new DamagedDataException(what + " " + Long.toUnsignedString(v) + " exceeds " + max);
        }
        return (int) v;
    }

    int signedInt() {
        return TraceFormat.unzigzag(varInt());
    }

    long signedLong() {
        return TraceFormat.unzigzag(varLong());
    }

    String string() {
        int lengthPlusOne = boundedInt(TraceFormat.MAX_STRING_BYTES + 1, "string length");
        if (lengthPlusOne == 0) {
            return null;
        }
        return utf8(lengthPlusOne - 1);
    }

    /** {@code length} bytes of UTF-8, checked against the payload's end before anything is allocated. */
    String utf8(int length) {
        if (length > end - pos) {
            throw new DamagedDataException("string runs past the end of its block");
        }
        String s = new String(bytes, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }
}
