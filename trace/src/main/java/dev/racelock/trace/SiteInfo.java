package dev.racelock.trace;

/**
 * A code location: a line in a method. Every access, lock, start, join and call is tied to one.
 *
 * @param method the method id
 * @param line   source line, or -1 when the class has no line numbers
 */
public record SiteInfo(int id, int method, int line) {}
