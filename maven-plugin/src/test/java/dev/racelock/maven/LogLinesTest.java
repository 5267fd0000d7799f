package dev.racelock.maven;

import dev.racelock.report.progress.MoreHeap;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogLinesTest {

    @Test
    void eachLineWrittenBecomesOneLogLineWithoutItsLineEnd() {
        List<String> logged = new ArrayList<>();
        try (PrintWriter out = new PrintWriter(new LogLines(logged::add))) {
            out.println("racelock: analyzing, 8.0M events, 800k events/s, 25%, about 30 s left");
            out.print("second\r\nthird, unfinished");
            out.flush();
            assertEquals(2, logged.size(), "an unfinished line waits for its end");
        }
        assertEquals(List.of("racelock: analyzing, 8.0M events, 800k events/s, 25%, about 30 s left", "second",
                "third, unfinished"), logged);
    }

    @Test
    void outOfMemorySaysHowMuchHeapThereWasAndHowToGiveMore() {
        String line = AnalysisMojo.outOfMemory(1, 4_131_567_411L);
        assertEquals(true, line.startsWith("racelock: out of memory: analyzing 1 trace(s) of 3,940 MB needed more than the "), line);
        assertEquals(true, line.contains("MAVEN_OPTS=" + MoreHeap.option()), line);
    }
}
