package dev.racelock.report.view;

import dev.racelock.analyzer.finding.SourceSite;

/**
 * One line of a stack as reports show it: a frame, or several frames folded into one line.
 *
 * @param site        the frame; null for a folded line
 * @param text        a Java-stack-trace frame ({@code com.acme.Counter.increment(Counter.java:12)}),
 *                    or for a folded line {@code ... 27 frames in org.junit, java}
 * @param shortMethod the simple class name and method ({@code Counter.increment}); null when folded
 * @param fileAndLine {@code Counter.java:12}; null when folded
 * @param folded      how many frames this line stands for when folded, else 0
 * @param cut         this line is no frame: it closes a cut stack, saying the frame above it was
 *                    called from code racelock does not record ({@code StackBase.UNRECORDED_CALLER})
 */
public record FrameLine(SourceSite site, String text, String shortMethod, String fileAndLine, int folded,
                        boolean cut) {

    public boolean isFolded() {
        return folded > 0;
    }
}
