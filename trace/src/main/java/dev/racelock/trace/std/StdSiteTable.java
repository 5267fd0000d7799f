package dev.racelock.trace.std;

import dev.racelock.trace.TraceFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The site table that {@link StdTraceWriter} writes beside an STD export ({@code <file>.sites}:
 * {@code id<TAB>class.method(File.java:line)} per line). When it is there, an import names its
 * locations with it instead of the synthetic {@code std.location} method, so an exported trace
 * comes back with its source lines.
 */
final class StdSiteTable {

    /** One site: where it is in the source. {@code file} null and {@code line} -1 when unknown. */
    record Entry(String className, String method, String file, int line) {}

    private final Map<Integer, Entry> entries;

    private StdSiteTable(Map<Integer, Entry> entries) {
        this.entries = entries;
    }

    Entry get(int site) {
        return entries.get(site);
    }

    /** The table beside {@code stdFile}, or an empty one when there is none. */
    static StdSiteTable besides(Path stdFile) throws IOException {
        Path table = stdFile.resolveSibling(stdFile.getFileName() + ".sites");
        Map<Integer, Entry> entries = new HashMap<>();
        if (!Files.isRegularFile(table)) {
            return new StdSiteTable(entries);
        }
        try (StdTraceReader.LineInput in = new StdTraceReader.LineInput(Files.newInputStream(table))) {
            String line;
            while ((line = in.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Entry entry = null;
                int tab = line.indexOf('\t');
                Integer id = tab > 0 ? parseInt(line.substring(0, tab)) : null;
                if (id != null) {
                    entry = parse(line.substring(tab + 1));
                }
                if (entry == null) {
                    throw new TraceFormatException(table + ":" + in.lineNumber()
                            + ": malformed site table line: expected id<TAB>class.method(File.java:line)");
                }
                entries.put(id, entry);
            }
        }
        return new StdSiteTable(entries);
    }

    /** {@code class.method(File.java:line)}, {@code class.method(File.java)} or {@code class.method(Unknown Source)}. */
    private static Entry parse(String where) {
        int open = where.lastIndexOf('(');
        if (open < 0 || !where.endsWith(")")) {
            return null;
        }
        String qualified = where.substring(0, open);
        int dot = qualified.lastIndexOf('.');
        if (dot <= 0 || dot == qualified.length() - 1) {
            return null;
        }
        String location = where.substring(open + 1, where.length() - 1);
        int colon = location.lastIndexOf(':');
        String file = colon < 0 ? location : location.substring(0, colon);
        Integer line = colon < 0 ? Integer.valueOf(-1) : parseInt(location.substring(colon + 1));
        if (line == null) {
            return null;
        }
        return new Entry(qualified.substring(0, dot), qualified.substring(dot + 1),
                file.equals("Unknown Source") ? null : file, line);
    }

    private static Integer parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
