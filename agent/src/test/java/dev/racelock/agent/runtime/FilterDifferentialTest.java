package dev.racelock.agent.runtime;

import dev.racelock.analyzer.AnalysisSession;
import dev.racelock.analyzer.AnalysisSet;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.files.TraceFiles;
import dev.racelock.trace.format.TraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing lost (docs/agent.md, "Repeat filter"): the same seeded random executions
 * recorded through the repeat filter and without it, each into a real trace file, read back and
 * analyzed, give exactly the same findings: types, fields, lines, stacks, locks held,
 * classification and occurrences, with either analysis set. In both of the filter's modes: reads
 * that repeat only between two synchronization events (a trace without owned accesses, on which
 * the predictions run) and reads that repeat across acquires (a trace that may hold owned
 * accesses, the agent's default, on which they do not).
 */
class FilterDifferentialTest {

    private static final int EXECUTIONS = 400;

    @TempDir
    Path dir;

    @Test
    void theRepeatFilterChangesNoFindingInEitherMode() throws IOException {
        long droppedWithinEpochs = compare(false);
        long droppedAcrossAcquires = compare(true);
        // the second comparison tests something the first did not only if it left out more
        assertTrue(droppedAcrossAcquires > droppedWithinEpochs + EXECUTIONS,
                droppedAcrossAcquires + " against " + droppedWithinEpochs);
    }

    /** Compares every execution's findings with and without the filter; returns the events it left out. */
    private long compare(boolean readsSpanAcquires) throws IOException {
        long dropped = 0;
        int racy = 0;
        for (int seed = 0; seed < EXECUTIONS; seed++) {
            RandomExecution e = RandomExecution.generate(seed);
            for (AnalysisSet set : AnalysisSet.values()) {
                String name = set.id() + "-" + seed;
                Recorded plain = record(e, UnaryOperator.identity(), readsSpanAcquires, set, "plain-" + name);
                Recorded filtered = record(e, r -> new RepeatFilter(r, readsSpanAcquires), readsSpanAcquires, set,
                        "filtered-" + name);
                assertEquals(plain.findings, filtered.findings, set + ", seed " + seed + ", across " + readsSpanAcquires);
                dropped += plain.events - filtered.events;
                racy += plain.findings.isEmpty() ? 0 : 1;
            }
        }
        // The comparison proves something only if the filter dropped accesses and races were found.
        assertTrue(dropped > EXECUTIONS * 10L, "dropped " + dropped);
        assertTrue(racy > EXECUTIONS / 2, "racy executions " + racy);
        return dropped;
    }

    record Recorded(List<Finding> findings, long events) {}

    private Recorded record(RandomExecution e, UnaryOperator<EventRecorder> filter, boolean mayHoldOwnedAccesses,
                            AnalysisSet set, String name) throws IOException {
        Path file = dir.resolve(name + ".rlt");
        TraceWriter writer = TraceWriter.open(file,
                new TraceHeader(1, 1, 0, "17", "test", "", true, true, mayHoldOwnedAccesses), 1000);
        WriterOutput out = new WriterOutput(writer, file.toString(), System.err);
        RandomExecution.define(out, e.threads);
        EventRecorder[] recorders = new EventRecorder[e.threads];
        for (int t = 0; t < e.threads; t++) {
            recorders[t] = filter.apply(out.newRecorder(t));
        }
        e.replay(t -> recorders[t]);
        out.close();
        AnalysisSession session = new AnalysisSession(set.factories());
        TraceFiles.read(file, session, ReadProgress.NONE);
        Files.delete(file);
        return new Recorded(session.result().findings(), session.events());
    }
}
