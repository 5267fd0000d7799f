package dev.racelock.bench.agent;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkloadTableTest {

    private static final List<String> RUNS = List.of(
            "# round\tworkload\tconfig\texit\twork_ms\twall_s\trss_kb\ttrace_bytes\tanalyze_exit\tanalyze_s"
                    + "\tanalyze_rss_kb\tevents\tfindings\tanalyze_cpu_s",
            "1\th2\tplain\t0\t2000\t3.0\t300000\t-\t-\t-\t-\t-\t-",
            "1\th2\tfull\t0\t9000\t10.0\t900000\t4000000000\t-\t-\t-\t-\t-",
            "2\th2\tplain\t0\t2200\t3.2\t310000\t-\t-\t-\t-\t-\t-",
            "2\th2\tfull\t0\t11000\t12.0\t1000000\t4100000000\t-\t-\t-\t-\t-",
            "3\th2\tplain\t0\t1800\t2.8\t320000\t-\t-\t-\t-\t-\t-",
            "3\th2\tfull\t0\t10000\t11.0\t800000\t4200000000\t1\t40.0\t2000000\t400000000\t7\t50.0",
            "3\tjetty\tplain\t1\t-\t1.0\t100000\t-\t-\t-\t-\t-\t-");

    @Test
    void ratiosAreMediansAgainstThePlainMedianOfTheSameWorkload() {
        List<WorkloadTable.Row> rows = WorkloadTable.rows(RUNS);
        assertEquals(3, rows.size());
        String[] plain = WorkloadTable.cells(rows.get(0), rows.get(0));
        String[] full = WorkloadTable.cells(rows.get(1), rows.get(0));
        assertArrayEquals(new String[] {"h2", "plain", "2000", "1.00x", "1.00x", "303", "1.00x", "-", "-", "-", "-",
            "-", "-", "3"}, plain);
        // work 10000/2000; answer (11.0 s recording + 40.0 s analysis) / 3.0 s; RSS 900000/310000 KB;
        // 400 M events in 40 s of wall time and 50 s of CPU time.
        assertArrayEquals(new String[] {"h2", "full", "10000", "5.00x", "17.00x", "879", "2.90x", "4100.0",
            "400.0M", "40.0", "10.0M", "8.0M", "7", "3"}, full);
    }

    @Test
    void failedRunsAreCountedAndLeftOutOfTheMedians() {
        WorkloadTable.Row jetty = WorkloadTable.rows(RUNS).get(2);
        assertEquals(1, jetty.failed());
        assertArrayEquals(new String[] {"jetty", "plain", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-",
            "1 (1 failed)"}, WorkloadTable.cells(jetty, jetty));
    }

    @Test
    void markdownTableHasOneLinePerRowUnderTheHeadings() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkloadTable.print(WorkloadTable.rows(RUNS), true, new PrintStream(out, true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(5, lines.size());
        assertEquals("| workload | config | work ms | work | answer | peak RSS MB | RSS | trace MB | events | analysis s "
                + "| events/s | events/CPU-s | findings | runs |", lines.get(0));
        assertEquals("| h2 | full | 10000 | 5.00x | 17.00x | 879 | 2.90x | 4100.0 | 400.0M | 40.0 | 10.0M | 8.0M | 7 | 3 |",
                lines.get(3));
    }
}
