package dev.racelock.report.gate;

import dev.racelock.report.json.JsonWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes baseline files (docs/cli.md, "Baseline file"):
 *
 * <pre>
 * {
 *   "racelock-baseline": 1,
 *   "fingerprints": [
 *     {"fingerprint": "...", "type": "data-race", "title": "DATA RACE on Counter.hits"}
 *   ]
 * }
 * </pre>
 *
 * Written sorted by fingerprint, one entry per line, so a baseline change reads as a small diff.
 */
public final class BaselineFile {

    /** The format version this code writes and the newest it reads. */
    public static final int VERSION = 1;

    private BaselineFile() {}

    /** @throws GateConfigException naming the file and what is wrong with it */
    public static Baseline read(Path file) throws GateConfigException {
        String text = GateFileText.read(file, "baseline");
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new GateConfigException("baseline " + file + " is not a racelock baseline: " + e.getMessage());
        }
    }

    static Baseline parse(String text) {
        if (!(JsonValues.parse(text) instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        if (!(root.get("racelock-baseline") instanceof Long version)) {
            throw new IllegalArgumentException("no \"racelock-baseline\" version number");
        }
        if (version < 1 || version > VERSION) {
            throw new IllegalArgumentException("version " + version + " is not supported (this racelock reads "
                    + VERSION + ")");
        }
        if (!(root.get("fingerprints") instanceof List<?> list)) {
            throw new IllegalArgumentException("no \"fingerprints\" array");
        }
        List<BaselineEntry> entries = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> m) || !(m.get("fingerprint") instanceof String fingerprint)
                    || fingerprint.isEmpty()) {
                throw new IllegalArgumentException("entry " + (entries.size() + 1) + " has no \"fingerprint\" string");
            }
            entries.add(new BaselineEntry(fingerprint, stringOrEmpty(m.get("type")), stringOrEmpty(m.get("title"))));
        }
        return Baseline.of(entries);
    }

    /** Writes {@code baseline} to {@code file} (created or replaced). */
    public static void write(Path file, Baseline baseline) throws IOException {
        Files.writeString(file, format(baseline), StandardCharsets.UTF_8);
    }

    static String format(Baseline baseline) {
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"racelock-baseline\": ").append(VERSION).append(",\n  \"fingerprints\": [");
        String separator = "\n";
        for (BaselineEntry e : baseline.entries()) {
            b.append(separator)
                    .append("    {\"fingerprint\": ").append(JsonWriter.escape(e.fingerprint()))
                    .append(", \"type\": ").append(JsonWriter.escape(e.type()))
                    .append(", \"title\": ").append(JsonWriter.escape(e.title())).append('}');
            separator = ",\n";
        }
        b.append(baseline.size() == 0 ? "]\n}\n" : "\n  ]\n}\n");
        return b.toString();
    }

    private static String stringOrEmpty(Object o) {
        return o instanceof String s ? s : "";
    }
}
