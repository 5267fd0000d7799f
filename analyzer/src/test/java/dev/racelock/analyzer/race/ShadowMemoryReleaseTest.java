package dev.racelock.analyzer.race;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.TraceScript;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** objectFreed drops shadow state, so memory stays flat for a fixed live set (sizes, not heap). */
class ShadowMemoryReleaseTest {

    @Test
    void freedObjectsLeaveNoShadowState() {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int w = s.thread("w", main, -1);
        int f = s.field("com.acme.Node", "value", "I");
        int g = s.field("com.acme.Node", "ready", "Z");
        int site = s.site("com.acme.Node", "set", 3);
        s.start(main, w, -1);
        for (int i = 0; i < 1000; i++) {
            long node = s.object("com.acme.Node");
            long array = s.array("int[]", site);
            long lock = s.object("java.lang.Object");
            s.write(w, node, f, site).read(main, node, f, site)
                    .arrayRangeWrite(w, array, 0, 16, site)
                    .volatileWrite(w, node, g, site)
                    .lock(w, lock, site).unlock(w, lock, site)
                    .hbRelease(w, lock, site);
            s.freed(node).freed(array).freed(lock);
        }
        AnalysisSession session = s.session();
        RaceAnalysis races = session.analysis(RaceAnalysis.class);
        assertEquals(0, races.shadowObjects());
        assertEquals(0, races.shadowLocations());
        assertEquals(0, races.synchronizationObjects());
        assertEquals(0, session.state().dictionary().objectCount());
    }

    @Test
    void hugeRangeAccessIsOneRunWithoutAWarning() {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int site = s.site("com.acme.Big", "fill", 3);
        long array = s.array("byte[]", site);
        s.arrayRangeWrite(main, array, 0, Integer.MAX_VALUE, site);
        AnalysisSession session = s.session();
        assertEquals(1, session.analysis(RaceAnalysis.class).shadowLocations());
        assertEquals(List.of(), session.result().warnings());
    }

    @Test
    void rangesSplitOnlyWhereHistoriesDiffer() {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int site = s.site("com.acme.Big", "fill", 3);
        int other = s.site("com.acme.Big", "copy", 4);
        long array = s.array("int[]", site);
        long lock = s.object("java.lang.Object");
        s.arrayRangeWrite(main, array, 0, 1_000_000, site)
                .lock(main, lock, site).unlock(main, lock, site)  // a new epoch
                .arrayRangeWrite(main, array, 1_000, 10, other)   // 3 runs
                .arrayWrite(main, array, 1_005, other)            // same epoch: nothing new
                .arrayRangeRead(main, array, 500_000, 2_000_000, site); // a read over the end: 2 more runs
        RaceAnalysis races = s.session().analysis(RaceAnalysis.class);
        assertEquals(5, races.shadowLocations());
    }

    @Test
    void liveObjectsKeepTheirShadowState() {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int f = s.field("com.acme.Node", "value", "I");
        int site = s.site("com.acme.Node", "set", 3);
        long keep = s.object("com.acme.Node");
        long drop = s.object("com.acme.Node");
        s.write(main, keep, f, site).write(main, drop, f, site).freed(drop);
        RaceAnalysis races = s.session().analysis(RaceAnalysis.class);
        assertEquals(1, races.shadowObjects());
        assertTrue(races.shadowLocations() == 1);
    }
}
