package dev.racelock.report.text;

/**
 * ANSI SGR colouring that is a no-op when colour is off, so the renderer writes one code path
 * and plain output (files, pipes, CI logs) never carries escape sequences.
 */
final class Ansi {

    private static final String RESET = "\u001b[0m";

    private final boolean enabled;

    Ansi(boolean enabled) {
        this.enabled = enabled;
    }

    String headline(String s) { return wrap("\u001b[1;31m", s); }

    String heading(String s) { return wrap("\u001b[1m", s); }

    String why(String s) { return wrap("\u001b[33m", s); }

    String dim(String s) { return wrap("\u001b[2m", s); }

    String warning(String s) { return wrap("\u001b[33m", s); }

    String clean(String s) { return wrap("\u001b[1;32m", s); }

    String bad(String s) { return wrap("\u001b[1;31m", s); }

    private String wrap(String code, String s) {
        return enabled ? code + s + RESET : s;
    }
}
