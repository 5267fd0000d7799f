package dev.racelock.trace;

/** Told how far reading has got, every million events or so; for progress lines. */
@FunctionalInterface
public interface ReadProgress {
    ReadProgress NONE = (bytesRead, bytesTotal, events) -> { };

    void update(long bytesRead, long bytesTotal, long events);
}
