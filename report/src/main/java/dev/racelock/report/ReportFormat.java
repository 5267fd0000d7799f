package dev.racelock.report;

import java.util.Locale;
import java.util.Optional;

/** The output formats; chosen by name ({@code --format}) or by an output file's extension. */
public enum ReportFormat {
    TEXT("text", ".txt"),
    JSON("json", ".json"),
    SARIF("sarif", ".sarif"),
    JUNIT("junit", ".xml"),
    HTML("html", ".html");

    private final String id;
    private final String extension;

    ReportFormat(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    public String id() { return id; }

    public String extension() { return extension; }

    /** @throws IllegalArgumentException naming the accepted values */
    public static ReportFormat fromId(String id) {
        for (ReportFormat f : values()) {
            if (f.id.equals(id.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + id + "' (expected text, json, sarif, junit or html)");
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
