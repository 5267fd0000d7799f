package dev.racelock.agent.instrument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the line of a fixture's source that carries a marker comment such as {@code // @write}. */
public final class SourceLines {
    private SourceLines() {}

    public static int lineOf(String fixture, String marker) {
        try {
            List<String> lines = Files.readAllLines(Path.of("src/test/java/dev/racelock/fixture/" + fixture + ".java"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("// " + marker)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no marker " + marker + " in " + fixture);
    }
}
