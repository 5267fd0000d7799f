package dev.racelock.samples.validation;

import dev.racelock.analyzer.Analyzer;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.files.TraceConversions;
import dev.racelock.trace.format.TraceWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Trace format 2 records a stack only where an event happens, instead of an event per method
 * enter and exit; the findings must not change (same findings, types, fields, lines and stacks).
 * Every sample runs under the agent with {@code stacks=calls} (an event per call, as format 1
 * recorded), its trace is re-encoded the format-2 way by the real writer
 * ({@link TraceConversions#toBinary}, which feeds the same enters and exits to the writer's shadow
 * stacks and tree as the agent does), and both traces are analyzed: the findings must be equal.
 * Re-encoding one recording, rather than recording twice, compares the same schedule.
 */
@Execution(ExecutionMode.CONCURRENT)
class SamplesContextEncodingIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int WATCHDOG_EXIT_CODE = 86;

    @BeforeAll
    static void agentIsBuilt() {
        String problem = AgentJar.problem(BuildLayout.fromSystemProperties().agentJar());
        assumeTrue(problem == null, () -> "skipped: " + problem);
    }

    @TestFactory
    Stream<DynamicTest> everySampleHasTheSameFindingsWithAnEventPerCallAndAsAContextTree() {
        BuildLayout layout = BuildLayout.fromSystemProperties();
        return SampleCatalogue.load(layout.sourceRoots()).stream()
                .map(sample -> dynamicTest(sample.displayName(), () -> compare(layout, sample)));
    }

    private static void compare(BuildLayout layout, SampleSource sample) throws Exception {
        Path dir = layout.workDir().resolve("context-encoding").resolve(sample.displayName().replace('/', '.'));
        Path calls = dir.resolve("calls");
        Path tree = dir.resolve("tree");
        clean(calls);
        clean(tree);
        String agent = "-javaagent:" + layout.agentJar().toAbsolutePath() + "=output=" + calls.toAbsolutePath()
                + "/%p.rlt,deadlock=exit,stacks=calls,quiet=true";
        ChildJvm.Run run = ChildJvm.run(ChildJvm.sampleCommand(layout, sample.className(), agent),
                dir.resolve("output.txt"), LIMIT);
        assertFalse(run.timedOut(), () -> sample.className() + " did not end within " + LIMIT.toSeconds() + " s");
        assertEquals(sample.deadlocksForReal() ? WATCHDOG_EXIT_CODE : 0, run.exitCode(), run::output);
        List<Path> recorded = traces(calls);
        assertFalse(recorded.isEmpty(), "no trace in " + calls);
        List<Path> reencoded = new ArrayList<>();
        for (Path trace : recorded) {
            Path out = tree.resolve(trace.getFileName());
            TraceConversions.toBinary(trace, out, TraceWriter.Contexts.TREE);
            reencoded.add(out);
        }
        List<Finding> withCalls = Analyzer.analyze(recorded, ReadProgress.NONE).findings();
        List<Finding> withTree = Analyzer.analyze(reencoded, ReadProgress.NONE).findings();
        assertEquals(withCalls, withTree, sample.className());
    }

    private static List<Path> traces(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".rlt")).sorted().toList();
        }
    }

    private static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
