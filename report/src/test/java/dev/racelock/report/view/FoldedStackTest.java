package dev.racelock.report.view;

import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.StackBase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FoldedStackTest {

    private static SourceSite frame(String className) {
        return new SourceSite(className, "m", className.substring(className.lastIndexOf('.') + 1) + ".java", 1);
    }

    private static List<String> lines(SourceSite... frames) {
        return FoldedStack.of(List.of(frames)).stream().map(FrameLine::text).toList();
    }

    @Test
    void foldsTheTestFrameworkTailBelowTheFirstApplicationFrameIntoOneLine() {
        assertEquals(List.of("com.acme.Pool.m(Pool.java:1)", "com.acme.PoolTest.m(PoolTest.java:1)",
                        "... 4 frames in java, org.junit, org.apache.maven.surefire"),
                lines(frame("com.acme.Pool"), frame("com.acme.PoolTest"), frame("java.lang.reflect.Method"),
                        frame("org.junit.platform.engine.Node"), frame("org.junit.jupiter.engine.Invoker"),
                        frame("org.apache.maven.surefire.booter.ForkedBooter")));
    }

    @Test
    void keepsLibraryFramesAboveTheFirstApplicationFrame() {
        List<String> shown = lines(frame("java.util.concurrent.locks.ReentrantLock"),
                frame("java.util.concurrent.locks.AbstractQueuedSynchronizer"), frame("java.util.concurrent.locks.LockSupport"),
                frame("com.acme.Bank"));
        assertEquals(4, shown.size(), shown.toString());
    }

    @Test
    void foldsARunBetweenApplicationFramesButNotAShortOne() {
        assertEquals(List.of("com.acme.A.m(A.java:1)", "... 3 frames in java", "com.acme.B.m(B.java:1)",
                        "java.lang.Thread.m(Thread.java:1)", "java.lang.Thread.m(Thread.java:1)"),
                lines(frame("com.acme.A"), frame("java.util.stream.Pipeline"), frame("java.util.stream.Sink"),
                        frame("java.util.ArrayList"), frame("com.acme.B"), frame("java.lang.Thread"),
                        frame("java.lang.Thread")));
    }

    @Test
    void foldsNothingWithoutAnApplicationFrame() {
        assertEquals(3, lines(frame("java.lang.A"), frame("java.lang.B"), frame("java.lang.C")).size());
    }

    /** A cut stack ends with one line saying where it stops; a whole one, or one the trace says nothing of, does not. */
    @Test
    void closesOnlyACutStackWithALineSayingSo() {
        List<SourceSite> reaper = List.of(frame("com.acme.Reaper"));
        List<FrameLine> cut = FoldedStack.of(reaper, StackBase.UNRECORDED_CALLER);
        assertEquals(List.of("com.acme.Reaper.m(Reaper.java:1)",
                "... called from code racelock does not record (excluded or JDK)"), cut.stream().map(FrameLine::text).toList());
        assertEquals(List.of(false, true), cut.stream().map(FrameLine::cut).toList());
        assertEquals(List.of("com.acme.Reaper.m(Reaper.java:1)"),
                FoldedStack.of(reaper, StackBase.THREAD_ENTRY).stream().map(FrameLine::text).toList());
        assertEquals(List.of("com.acme.Reaper.m(Reaper.java:1)"),
                FoldedStack.of(reaper, StackBase.UNKNOWN).stream().map(FrameLine::text).toList());
        assertEquals(List.of(), FoldedStack.of(List.of(), StackBase.UNRECORDED_CALLER));
    }
}
