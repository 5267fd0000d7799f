package dev.racelock.analyzer.finding;

public enum AccessKind {
    READ("read"), WRITE("write");

    private final String word;

    AccessKind(String word) { this.word = word; }

    /** Lower-case word for reports: "read", "write". */
    public String word() { return word; }
}
