package dev.racelock.report.progress;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressLineTest {

    private final StringWriter err = new StringWriter();
    private final AtomicLong now = new AtomicLong(0);

    private ProgressLine line(ProgressLine.Mode mode) {
        return new ProgressLine(new PrintWriter(err, true), mode, now::get, 0);
    }

    @Test
    void staysSilentForShortAnalyses() {
        ProgressLine p = line(ProgressLine.Mode.REDRAWN);
        now.set(TimeUnit.MILLISECONDS.toNanos(1900));
        p.update(50, 100, 1_000_000);
        p.close();
        assertEquals("", err.toString());
    }

    @Test
    void showsEventsRateAndTimeLeftAfterTwoSeconds() {
        ProgressLine p = line(ProgressLine.Mode.REDRAWN);
        now.set(TimeUnit.SECONDS.toNanos(4));
        p.update(25, 100, 8_000_000);
        assertEquals("\rracelock: analyzing, 8.0M events, 2.0M events/s, 25%, about 12 s left", err.toString());
    }

    @Test
    void addsUpSeveralTracesReadOneAfterAnother() {
        ProgressLine p = new ProgressLine(new PrintWriter(err, true), ProgressLine.Mode.REDRAWN, now::get, 400);
        p.update(100, 100, 3_000_000); // first trace, its final update
        now.set(TimeUnit.SECONDS.toNanos(4));
        p.update(100, 300, 5_000_000); // second trace, a third of the way
        assertEquals("\rracelock: analyzing, 8.0M events, 2.0M events/s, 50%, about 4 s left", err.toString());
    }

    @Test
    void printsALineOfItsOwnEveryTenSecondsWhenStderrIsALog() {
        ProgressLine p = line(ProgressLine.Mode.LOGGED);
        now.set(TimeUnit.SECONDS.toNanos(9));
        p.update(10, 100, 1_000_000);
        assertEquals("", err.toString(), "nothing before ten seconds");
        now.set(TimeUnit.SECONDS.toNanos(10));
        p.update(25, 100, 8_000_000);
        now.set(TimeUnit.SECONDS.toNanos(15));
        p.update(30, 100, 9_000_000);
        now.set(TimeUnit.SECONDS.toNanos(20));
        p.update(50, 100, 16_000_000);
        p.close();
        String nl = System.lineSeparator();
        assertEquals("racelock: analyzing, 8.0M events, 800k events/s, 25%, about 30 s left" + nl
                + "racelock: analyzing, 16.0M events, 800k events/s, 50%, about 20 s left" + nl, err.toString());
    }

    @Test
    void staysSilentWhenQuiet() {
        ProgressLine p = line(ProgressLine.Mode.OFF);
        now.set(TimeUnit.SECONDS.toNanos(60));
        p.update(25, 100, 8_000_000);
        p.close();
        assertEquals("", err.toString());
    }

    @Test
    void erasesItselfWhenTheAnalysisEnds() {
        ProgressLine p = line(ProgressLine.Mode.REDRAWN);
        now.set(TimeUnit.SECONDS.toNanos(3));
        p.update(0, 0, 30_000);
        String drawn = err.toString();
        p.close();
        String erased = err.toString().substring(drawn.length());
        assertEquals("\r" + " ".repeat(drawn.length() - 1) + "\r", erased);
        assertTrue(drawn.endsWith("30k events, 10k events/s"), drawn);
    }
}
