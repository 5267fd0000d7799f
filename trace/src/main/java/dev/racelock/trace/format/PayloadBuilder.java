package dev.racelock.trace.format;

import dev.racelock.trace.ArrayGrowth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array for the payloads of blocks other than chunks (header, dictionary,
 * freed objects, deadlock, end). Used by the writer thread only, never on the recording path.
 */
final class PayloadBuilder {

    private byte[] bytes = new byte[256];
    private int size;

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    void clear() {
        size = 0;
    }

    private void ensure(int more) {
        bytes = ArrayGrowth.toFit(bytes, size + more - 1);
    }

    void u8(int v) {
        ensure(1);
        bytes[size++] = (byte) v;
    }

    void varLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    /** An int as an unsigned 32-bit varint. */
    void varInt(int v) {
        varLong(v & 0xFFFF_FFFFL);
    }

    void signedInt(int v) {
        varInt(TraceFormat.zigzag(v));
    }

    void signedLong(long v) {
        varLong(TraceFormat.zigzag(v));
    }

    /** A string inline: length + 1 as varint (0 = null), then UTF-8, cut to the format's bound. */
    void string(String s) {
        if (s == null) {
            u8(0);
            return;
        }
        byte[] utf8 = utf8(s);
        varInt(utf8.length + 1);
        bytes(utf8, 0, utf8.length);
    }

    void bytes(byte[] src, int from, int length) {
        ensure(length);
        System.arraycopy(src, from, bytes, size, length);
        size += length;
    }

    /** UTF-8 of {@code s}, cut at a character boundary to at most {@link TraceFormat#MAX_STRING_BYTES}. */
    static byte[] utf8(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= TraceFormat.MAX_STRING_BYTES) {
            return utf8;
        }
        int cut = TraceFormat.MAX_STRING_BYTES;
        while (cut > 0 && (utf8[cut] & 0xC0) == 0x80) {
            cut--; // never split a multi-byte character
        }
        return Arrays.copyOf(utf8, cut);
    }
}
