package dev.racelock.maven;

import java.io.Writer;
import java.util.function.Consumer;

/**
 * A writer whose every line becomes one line of the build log: lets the analysis's progress
 * line, written for a stream, be logged by Maven ({@code [INFO] racelock: analyzing, ...}).
 */
final class LogLines extends Writer {

    private final Consumer<String> log;
    private final StringBuilder line = new StringBuilder();

    LogLines(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c == '\n') {
                log.accept(line.toString());
                line.setLength(0);
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        if (line.length() > 0) {
            log.accept(line.toString());
            line.setLength(0);
        }
    }
}
