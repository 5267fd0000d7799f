package dev.racelock.report.progress;

import dev.racelock.trace.ReadProgress;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The progress line of a long analysis (standard error, or a build log): events done, rate, and
 * time left estimated from the share of the traces read. On a terminal it appears once an analysis has taken
 * {@link #DELAY_NANOS}, is redrawn in place with {@code \r} at most a few times a second, and is
 * erased when the analysis ends. Elsewhere (a CI log, a file) a redrawn line would be noise, but
 * silence looks like a hang: there it is printed as a line of its own every
 * {@link #LOG_INTERVAL_NANOS}, so short analyses still print nothing.
 *
 * <p>Readers report per file ({@link ReadProgress}, ending each file with a final update); the
 * line adds up the files already read so that one analysis of several traces shows one count.
 *
 * <p>Shared by {@code racelock analyze}/{@code run} (standard error) and the Maven plugin's
 * {@code check}/{@code report} (the build log, always {@link Mode#LOGGED}).
 */
public final class ProgressLine implements ReadProgress, AutoCloseable {

    static final long DELAY_NANOS = TimeUnit.SECONDS.toNanos(2);
    static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** How progress is shown. */
    public enum Mode {
        /** Nothing ({@code --quiet}). */
        OFF,
        /** One line redrawn in place: standard error is a terminal. */
        REDRAWN,
        /** A line of its own every {@link #LOG_INTERVAL_NANOS}: standard error is a log. */
        LOGGED
    }

    private final PrintWriter err;
    private final Mode mode;
    private final LongSupplier clock;
    private final long start;
    private final long allBytes;
    private long lastDrawn = Long.MIN_VALUE;
    private int drawnWidth;
    private long fileBytesRead;
    private long fileBytesTotal;
    private long fileEvents;
    private long earlierFilesBytes;
    private long earlierFilesEvents;

    /** @param allBytes the size of every trace to be read together, or 0 when unknown */
    public ProgressLine(PrintWriter err, Mode mode, LongSupplier clock, long allBytes) {
        this.err = err;
        this.mode = mode;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.allBytes = allBytes;
    }

    @Override
    public void update(long bytesRead, long bytesTotal, long events) {
        if (mode == Mode.OFF) {
            return;
        }
        boolean previousFileDone = fileBytesTotal > 0 && fileBytesRead >= fileBytesTotal;
        if (previousFileDone || bytesTotal != fileBytesTotal || bytesRead < fileBytesRead) {
            // The next file started (each file's last update reads all of it).
            earlierFilesBytes += fileBytesTotal;
            earlierFilesEvents += fileEvents;
        }
        fileBytesRead = bytesRead;
        fileBytesTotal = bytesTotal;
        fileEvents = events;
        long now = clock.getAsLong();
        long elapsed = now - start;
        long wait = mode == Mode.REDRAWN ? DELAY_NANOS : LOG_INTERVAL_NANOS;
        long again = mode == Mode.REDRAWN ? REDRAW_NANOS : LOG_INTERVAL_NANOS;
        if (elapsed < wait || (lastDrawn != Long.MIN_VALUE && now - lastDrawn < again)) {
            return;
        }
        lastDrawn = now;
        long total = allBytes > 0 ? allBytes : earlierFilesBytes + bytesTotal;
        String line = describe(earlierFilesBytes + bytesRead, total, earlierFilesEvents + events, elapsed);
        if (mode == Mode.LOGGED) {
            err.println(line);
        } else {
            err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
            drawnWidth = line.length();
        }
        err.flush();
    }

    /** {@code racelock: 12.3M events, 8.1M events/s, 45%, about 12 s left}. */
    static String describe(long bytesRead, long bytesTotal, long events, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        StringBuilder b = new StringBuilder("racelock: analyzing, ").append(count(events)).append(" events, ")
                .append(count(Math.round(events / seconds))).append(" events/s");
        if (bytesTotal > 0 && bytesRead > 0) {
            double done = Math.min(1.0, (double) bytesRead / bytesTotal);
            long left = Math.round(seconds * (1 - done) / done);
            b.append(String.format(Locale.ROOT, ", %d%%, about %s left", (int) (done * 100), duration(left)));
        }
        return b.toString();
    }

    /** What {@code allBytes} is for these traces: their sizes added up, or 0 when one cannot be read. */
    public static long allBytes(List<Path> traces) {
        long total = 0;
        for (Path trace : traces) {
            try {
                total += Files.size(trace);
            } catch (IOException e) {
                return 0; // the reader will say what is wrong with it
            }
        }
        return total;
    }

    private static String count(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1fG", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1fM", n / 1e6);
        }
        if (n >= 10_000L) {
            return String.format(Locale.ROOT, "%.0fk", n / 1e3);
        }
        return Long.toString(n);
    }

    private static String duration(long seconds) {
        return seconds < 120 ? seconds + " s" : (seconds / 60) + " min";
    }

    @Override
    public void close() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }
}
