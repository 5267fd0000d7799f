package dev.racelock.bench.agent;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each driver, small, passes its own check and prints the line bench/workloads.sh reads. */
class WorkloadDriversTest {

    @Test
    void h2PassesItsCheck() throws Exception {
        assertLine("h2 threads=2 size=60 seed=5 check=", () -> H2Workload.main(new String[] {"2", "60", "5"}));
    }

    @Test
    void lucenePassesItsCheck() throws Exception {
        assertLine("lucene threads=2 size=400 seed=5 check=",
                () -> LuceneWorkload.main(new String[] {"2", "400", "5"}));
    }

    @Test
    void xalanPassesItsCheck() throws Exception {
        assertLine("xalan threads=2 size=3 seed=5 check=", () -> XalanWorkload.main(new String[] {"2", "3", "5"}));
    }

    @Test
    void cacheMixPassesItsCheck() throws Exception {
        assertLine("cache threads=2 size=5000 seed=5 check=",
                () -> CacheWorkload.main(new String[] {"2", "5000", "5"}));
    }

    @Test
    void jettyPassesItsCheck() throws Exception {
        assertLine("jetty threads=2 size=20 seed=5 check=", () -> JettyWorkload.main(new String[] {"2", "20", "5"}));
    }

    @Test
    void aWrongCheckValueFailsTheRun() {
        WorkloadArgs args = new WorkloadArgs(1, 1, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WorkloadCheck.finish("x", args, 5, 41, 42));
        assertEquals("x: wrong check value 41, expected 42", e.getMessage());
    }

    @Test
    void aFailingWorkerFailsTheRun() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ParallelWork.run("w", 3, t -> {
            if (t == 1) {
                throw new java.io.IOException("disk");
            }
            return t;
        }));
        assertEquals("disk", e.getCause().getMessage());
    }

    private interface Driver {
        void run() throws Exception;
    }

    private static void assertLine(String start, Driver driver) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            driver.run();
        } finally {
            System.setOut(out);
        }
        String line = captured.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.startsWith(start) && line.matches(".* millis=\\d+"), line);
    }
}
