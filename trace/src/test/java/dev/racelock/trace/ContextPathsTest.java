package dev.racelock.trace;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContextPathsTest {

    private final ContextPaths paths = new ContextPaths();
    private final EventLog log = new EventLog();

    /** 1 = m0@-1; 2 = 1 > m1@5; 3 = 2 > m2@6; 4 = 1 > m1@7 (a sibling of 2); 5 = m9@-1 (another root). */
    @BeforeEach
    void tree() {
        paths.define(new ContextInfo(1, 0, 0, -1));
        paths.define(new ContextInfo(2, 1, 1, 5));
        paths.define(new ContextInfo(3, 2, 2, 6));
        paths.define(new ContextInfo(4, 1, 1, 7));
        paths.define(new ContextInfo(5, 0, 9, -1));
    }

    @Test
    void switchingEntersEveryFrameFromTheRoot() {
        paths.switchTo(0, 3, log);
        assertEquals(List.of("T0 enter m0 @-1", "T0 enter m1 @5", "T0 enter m2 @6"), log.events());
        assertEquals(3, paths.current(0));
        assertEquals(3, paths.depth(3));
    }

    @Test
    void switchingToACousinLeavesOnlyTheFramesNotShared() {
        paths.switchTo(0, 3, log);
        log.lines.clear();
        paths.switchTo(0, 4, log);
        assertEquals(List.of("T0 exit", "T0 exit", "T0 enter m1 @7"), log.events());
    }

    @Test
    void switchingUpOrAcrossRootsExitsWhatIsLeft() {
        paths.switchTo(1, 3, log);
        log.lines.clear();
        paths.switchTo(1, 1, log);
        paths.switchTo(1, 5, log);
        paths.switchTo(1, 0, log);
        assertEquals(List.of("T1 exit", "T1 exit", "T1 exit", "T1 enter m9 @-1", "T1 exit"), log.events());
    }

    @Test
    void threadsHaveTheirOwnCurrentNode() {
        paths.switchTo(0, 3, log);
        paths.switchTo(1, 2, log);
        assertEquals(3, paths.current(0));
        assertEquals(2, paths.current(1));
        assertEquals(0, paths.current(7));
    }

    @Test
    void anUndefinedNodeOrOneOutOfOrderStandsForTheEmptyStack() {
        paths.define(new ContextInfo(9, 0, 1, 1));   // 6 is due: ignored
        paths.define(new ContextInfo(6, 6, 1, 1));   // its own parent: ignored
        assertEquals(6, paths.size());
        paths.switchTo(0, 2, log);
        log.lines.clear();
        paths.switchTo(0, 9, log);
        assertEquals(List.of("T0 exit", "T0 exit"), log.events());
    }
}
