package dev.racelock.report;

import dev.racelock.trace.EnumIds;

import java.util.Locale;
import java.util.Optional;

/**
 * The output formats; chosen by name ({@code --format}, the {@link #id()}: the name in lower case)
 * or by an output file's extension.
 */
public enum ReportFormat {
    TEXT(".txt"),
    JSON(".json"),
    SARIF(".sarif"),
    JUNIT(".xml"),
    HTML(".html");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String id() { return EnumIds.of(this); }

    public String extension() { return extension; }

    /** @throws IllegalArgumentException naming the accepted values */
    public static ReportFormat fromId(String id) {
        return EnumIds.parse(ReportFormat.class, "format", id);
    }

    /** The format an output file's name implies ({@code .sarif.json} is SARIF), if any. */
    public static Optional<ReportFormat> fromFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".sarif") || name.endsWith(".sarif.json")) {
            return Optional.of(SARIF);
        }
        for (ReportFormat f : values()) {
            if (name.endsWith(f.extension) || (f == HTML && name.endsWith(".htm"))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
