package dev.racelock.agent.it;

import dev.racelock.analyzer.Analyzer;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.MemoryLocation;
import dev.racelock.analyzer.finding.FindingType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The java.util.concurrent samples (samples module, package dev.racelock.samples.juc) recorded
 * by the packaged agent and analyzed: each correct program has no finding, each twin exactly
 * the races its {@code // expect race(..., Class.field)} comments name. Two samples run at a time,
 * each child JVM with {@link ChildJvm#QUICK_START}: the suite was the largest part of verify's time.
 */
@Execution(ExecutionMode.CONCURRENT)
class JucSamplesIT {
    static final Path SOURCES = Path.of(System.getProperty("racelock.juc.samples",
            "../samples/src/main/java/dev/racelock/samples/juc"));
    static final Path SOURCES_21 = SOURCES.resolve("../../../../../java21/dev/racelock/samples/juc").normalize();
    private static final Pattern EXPECTED = Pattern.compile("//\\s*expect\\s+race\\([^,]*,\\s*([\\w$.\\[\\]]+)\\)");

    @TempDir
    static Path classes;

    /** The samples compiled by JDK 25's javac, once, by the first test that runs one on JDK 25. */
    @TempDir
    static Path classes25;
    private static boolean compiled25;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileSamples() throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-g", "-d", classes.toString()));
        for (Path source : sources()) {
            args.add(source.toString());
        }
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "samples compile");
    }

    static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"))
                    .sorted().toList();
        }
    }

    static Stream<String> samples() throws IOException {
        return sources().stream().map(f -> f.getFileName().toString().replace(".java", ""));
    }

    /** The subjects a sample's comments expect races on, as the analyzer names them. */
    static Set<String> expected(Path sources, String sample) throws IOException {
        Set<String> subjects = new TreeSet<>();
        for (String line : Files.readAllLines(sources.resolve(sample + ".java"))) {
            Matcher m = EXPECTED.matcher(line);
            if (m.find()) {
                subjects.add(m.group(1).endsWith("[]") ? ARRAY_ELEMENTS : m.group(1));
            }
        }
        return subjects;
    }

    /** How array races are compared: the analyzer names an array by its type and allocation site. */
    static final String ARRAY_ELEMENTS = "array elements";

    /** A race on com.acme.Outer$Order.quantity -> Order.quantity; any array element -> {@link #ARRAY_ELEMENTS}. */
    static String subject(Finding race) {
        MemoryLocation location = race.location();
        if (location.isArrayElement()) {
            return ARRAY_ELEMENTS;
        }
        String owner = location.className();
        return owner.substring(Math.max(owner.lastIndexOf('$'), owner.lastIndexOf('.')) + 1) + "." + location.field();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleYieldsExactlyTheRacesItExpects(String sample) throws Exception {
        assertFindings(SOURCES, sample, new ChildJvm().jvmOptions(ChildJvm.QUICK_START).classpath(classes.toString()));
    }

    /**
     * On JDK 25: the JDK 21+ samples (virtual threads, resultNow), the samples whose tasks run on
     * the common pool (its workers' thread-locals are erased between tasks from JDK 19 on), and
     * those that depend on ForkJoinTask's internals (exceptional completion differs from JDK 17).
     */
    @ParameterizedTest(name = "{0} on JDK 25")
    @ValueSource(strings = {"VirtualThreadHandOff", "VirtualThreadReadBeforeJoin", "CompletableFutureHandOff",
        "CompletableFutureCombinators", "CompletableFutureReadBeforeJoin", "Pipeline", "PipelineWithUnsafeCounter",
        "ForkJoinSum", "ExecutorSeesItsTask", "ExecutorSeesItsTaskReadEarly", "ParallelStreamSlots",
        "ParallelStreamSharedTotal", "VirtualExecutorFutureGet", "VirtualExecutorReadBeforeGet",
        "VirtualExecutorClose", "VirtualExecutorReadBeforeClose", "ExecutorsSeeTheirTasks",
        "ExecutorsSeeTheirTasksReadEarly", "CompletableFutureResultNow", "CompletableFutureResultNowNotDone",
        "CompletableFutureRecoveries", "CompletableFutureEitherAsync", "IterationHandOff",
        "ForkJoinExceptionHandOff", "ForkJoinExceptionReadBeforeJoin", "CompletableFutureCompleteAsync",
        "CompletableFutureCompleteAsyncReadEarly", "SingleThreadExecutorTermination",
        "SingleThreadExecutorReadEarly", "FutureStateHandOff", "FutureStateReadEarly", "PeriodicTaskRuns",
        "PeriodicTaskConfiguredAfterSchedule", "InterruptHandOff", "InterruptReasonWrittenAfter",
        "ShutdownHookAfterLastThread", "ShutdownHookDaemonStillRunning", "SynchronizedWrapperHandOff",
        "SynchronizedWrapperWrittenAfter"})
    void sampleYieldsExactlyTheRacesItExpectsOnJdk25(String sample) throws Exception {
        assumeTrue(Files.isExecutable(ChildJvm.JDK25), "JDK 25 not installed");
        Path sources = Files.exists(SOURCES_21.resolve(sample + ".java")) ? SOURCES_21 : SOURCES;
        assumeFalse(sources == SOURCES && Runtime.version().feature() >= 25,
                "this build's JDK is 25 or later: sampleYieldsExactlyTheRacesItExpects ran it on it");
        assertFindings(sources, sample, new ChildJvm().java(ChildJvm.JDK25).jvmOptions(ChildJvm.QUICK_START)
                .classpath(compiledByJdk25().toString()));
    }

    /** All juc samples, those of src/main/java21 too, compiled by JDK 25's javac with --release 21. */
    private static synchronized Path compiledByJdk25() throws Exception {
        if (!compiled25) {
            List<String> command = new ArrayList<>(List.of(ChildJvm.JDK25.resolveSibling("javac").toString(),
                    "--release", "21", "-g", "-d", classes25.toString(),
                    "-sourcepath", SOURCES.resolve("../../../..").normalize().toString()));
            for (Path source : sources()) {
                command.add(source.toString());
            }
            try (Stream<Path> files = Files.list(SOURCES_21)) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> command.add(f.toString()));
            }
            Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
            String log = new String(javac.getInputStream().readAllBytes());
            assertEquals(0, javac.waitFor(), log);
            compiled25 = true;
        }
        return classes25;
    }

    /**
     * On JDK 25, structured concurrency (a preview API: compiled with --release 25
     * --enable-preview, run with --enable-preview; samples in src/main/java25, which only this
     * test compiles).
     */
    @ParameterizedTest(name = "{0} on JDK 25 with --enable-preview")
    @ValueSource(strings = {"StructuredScopeJoin", "StructuredScopeReadBeforeJoin"})
    void previewSampleYieldsExactlyTheRacesItExpectsOnJdk25(String sample) throws Exception {
        assumeTrue(Files.isExecutable(ChildJvm.JDK25), "JDK 25 not installed");
        Path sources = SOURCES.resolve("../../../../../java25/dev/racelock/samples/juc").normalize();
        Path out = Files.createTempDirectory("juc25-preview-classes");
        Process javac = new ProcessBuilder(ChildJvm.JDK25.resolveSibling("javac").toString(), "--release", "25",
                "--enable-preview", "-g", "-d", out.toString(), sources.resolve(sample + ".java").toString())
                .redirectErrorStream(true).start();
        String log = new String(javac.getInputStream().readAllBytes());
        assertEquals(0, javac.waitFor(), log);
        assertFindings(sources, sample, new ChildJvm().java(ChildJvm.JDK25).jvmOptions(ChildJvm.QUICK_START)
                .jvmOptions("--enable-preview")
                .classpath(out.toString()));
    }

    /**
     * The agent never changes what the program does: an executor that inspects its tasks
     * (beforeExecute, afterExecute, getQueue, remove) prints the same with and without it.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ExecutorSeesItsTask", "ExecutorsSeeTheirTasks"})
    void executorSeesTheTasksItWasGivenWithTheAgentAttached(String sample) throws Exception {
        String main = "dev.racelock.samples.juc." + sample;
        ChildJvm.Result plain = new ChildJvm().classpath(classes.toString()).run(dir.resolve("plain"), main);
        ChildJvm.Result recorded = new ChildJvm().classpath(classes.toString()).agent("quiet=true,output=trace.rlt")
                .run(dir.resolve("recorded"), main);
        assertEquals(0, plain.exitCode(), plain.stderr());
        assertTrue(plain.stdout().contains("saw exactly the submitted tasks: true")
                || plain.stdout().contains("newTaskFor saw the callers' tasks: [1, 2, 4]"), plain.stdout());
        assertEquals(plain.stdout(), recorded.stdout(), recorded.stderr());
    }

    static void assertFindings(Path sources, String sample, ChildJvm jvm) throws Exception {
        Path work = Files.createTempDirectory("juc-" + sample);
        ChildJvm.Result result = jvm.agent("quiet=true,output=trace.rlt")
                .run(work, "dev.racelock.samples.juc." + sample);
        assertEquals(0, result.exitCode(), result.stderr());
        AnalysisResult analysis = Analyzer.analyze(List.of(work.resolve("trace.rlt")), null);
        Set<String> races = new TreeSet<>();
        List<Finding> others = new ArrayList<>();
        for (Finding f : analysis.findings()) {
            if (f.type() == FindingType.DATA_RACE) {
                races.add(subject(f));
            } else {
                others.add(f);
            }
        }
        assertEquals(expected(sources, sample), races, sample + ": " + analysis.findings());
        assertEquals(List.of(), others, sample);
    }
}
