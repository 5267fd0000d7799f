package dev.racelock.analyzer.finding;

/**
 * A code location as reports show it.
 *
 * @param className binary class name with dots
 * @param method    method name
 * @param file      source file name (e.g. {@code Counter.java}), or null when unknown
 * @param line      source line, or -1 when unknown
 */
public record SourceSite(String className, String method, String file, int line) {

    /** {@code Counter.java:12}, or the class name when there is no file. */
    public String fileAndLine() {
        String f = file != null ? file : className;
        return line >= 0 ? f + ":" + line : f;
    }

    /** {@code com.acme.Counter.increment}. */
    public String qualifiedMethod() {
        return className + "." + method;
    }
}
