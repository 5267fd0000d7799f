package dev.racelock.analyzer.finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable finding fingerprints: the first 16 hex digits of SHA-256 over the finding type and
 * line-free, id-free parts (classes, methods, fields, lock classes), so a baseline survives
 * edits that move lines and runs that number objects and threads differently.
 */
public final class Fingerprints {

    private Fingerprints() {}

    public static String of(FindingType type, String... parts) {
        StringBuilder text = new StringBuilder(type.id());
        for (String p : parts) {
            text.append('\n').append(p);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
