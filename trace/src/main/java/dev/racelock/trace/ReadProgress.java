package dev.racelock.trace;

/** Told how far reading has got, every million events or so; for progress lines. */
@FunctionalInterface
public interface ReadProgress {
    ReadProgress NONE = (bytesRead, bytesTotal, events) -> { };

    /**
     * @param bytesRead  the share of the file read, in bytes of it: from a file, the share of the
     *                   events its index declared that were delivered (the merge loads chunks ahead,
     *                   so no file position says it); from a stream, the bytes received; a file's
     *                   last update gives its whole size
     * @param bytesTotal the file's size, 0 for a stream
     * @param events     events delivered so far
     */
    void update(long bytesRead, long bytesTotal, long events);
}
