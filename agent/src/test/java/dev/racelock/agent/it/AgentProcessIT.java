package dev.racelock.agent.it;

import dev.racelock.agent.instrument.SourceLines;
import dev.racelock.analyzer.Analyzer;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.SourceSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The packaged agent attached to child JVMs: behaviour, options, exit paths. */
class AgentProcessIT {

    @TempDir
    Path dir;

    @Test
    void programBehavesTheSameWithAndWithoutTheAgent() throws Exception {
        ChildJvm.Result plain = new ChildJvm().run(dir.resolve("plain"), "dev.racelock.fixture.Program");
        ChildJvm.Result recorded = new ChildJvm().agent("quiet=true").run(dir.resolve("agent"),
                "dev.racelock.fixture.Program");
        assertEquals(0, plain.exitCode(), plain.stderr());
        assertEquals(plain.stdout(), recorded.stdout());
        assertEquals(plain.stderr(), recorded.stderr(), "quiet: not even the JVM's CDS warning");
        assertEquals(plain.exitCode(), recorded.exitCode());
    }

    /**
     * The manifest's Boot-Class-Path names racelock-agent.jar; a renamed copy appends itself to
     * the bootstrap path instead (the JVM then warns that sharing is limited), and still records.
     */
    @Test
    void aRenamedAgentJarStillRecords() throws Exception {
        Path renamed = Files.copy(ChildJvm.AGENT, dir.resolve("my-agent-copy.jar"));
        ChildJvm.Result recorded = new ChildJvm().agentJar(renamed).agent("quiet=true,output=trace.rlt")
                .run(dir.resolve("renamed"), "dev.racelock.fixture.Program");
        assertEquals(0, recorded.exitCode(), recorded.stderr());
        assertEquals(List.of(), ChildJvm.agentMessages(recorded.stderr()));
        assertTrue(Files.size(dir.resolve("renamed/trace.rlt")) > 0);
    }

    @Test
    void programBehavesTheSameOnJdk25() throws Exception {
        assumeTrue(Files.isExecutable(ChildJvm.JDK25), "JDK 25 not installed");
        ChildJvm.Result plain = new ChildJvm().java(ChildJvm.JDK25).run(dir.resolve("plain"),
                "dev.racelock.fixture.Program");
        ChildJvm.Result recorded = new ChildJvm().java(ChildJvm.JDK25).agent("quiet=true")
                .run(dir.resolve("agent"), "dev.racelock.fixture.Program");
        assertEquals(0, plain.exitCode(), plain.stderr());
        assertEquals(plain.stdout(), recorded.stdout());
        assertEquals(plain.stderr(), recorded.stderr(), "quiet: not even the JVM's CDS warning");
        assertEquals(0, recorded.exitCode(), recorded.stderr());
    }

    @Test
    void classesOfALoaderThatSeesOnlyTheBootstrapLoaderAreRecordedToo() throws Exception {
        ChildJvm.Result result = new ChildJvm().agent("quiet=true,output=trace.rlt").run(dir,
                "dev.racelock.fixture.IsolatedLoader");
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("isolated true 12", result.stdout().strip());
        TraceEvents trace = TraceEvents.read(dir.resolve("trace.rlt"));
        assertTrue(trace.end.complete());
        assertTrue(trace.fields.values().stream().anyMatch(f -> f.owner().equals("dev.racelock.fixture.Fields")
                && f.name().equals("plain")));
        assertTrue(trace.ofKind("write").size() > 0);
    }

    /**
     * A loader that delegates only java.* names defines instrumented classes: they link to the
     * runtime because every loadClass answers the agent's names from the bootstrap loader, also
     * in a loader class the globs exclude. Every access recorded as it happens
     * ({@code ownership=off}), so the write shows as a plain write event.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"quiet=true,output=trace.rlt,ownership=off",
            "quiet=true,output=trace.rlt,ownership=off,exclude=dev.racelock.fixture.ChildFirstLoading*"})
    void classesOfAChildFirstLoaderThatDelegatesOnlyJavaNamesAreRecorded(String options) throws Exception {
        ChildJvm.Result plain = new ChildJvm().run(dir.resolve("plain"), "dev.racelock.fixture.ChildFirstLoading");
        ChildJvm.Result result = new ChildJvm().agent(options).run(dir.resolve("agent"),
                "dev.racelock.fixture.ChildFirstLoading");
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("child-first true 12", result.stdout().strip());
        assertEquals(plain.stdout(), result.stdout());
        TraceEvents trace = TraceEvents.read(dir.resolve("agent/trace.rlt"));
        assertTrue(trace.ofKind("write").stream().anyMatch(e -> trace.field(e).owner().equals("dev.racelock.fixture.Fields")
                && trace.field(e).name().equals("plain")));
    }

    @Test
    void classesOfANamedModuleReachTheRuntime() throws Exception {
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        Path out = dir.resolve("modules");
        Process compile = new ProcessBuilder(javac.toString(), "-d", out.toString(), "--module-source-path",
                "src/test/resources/module", "-m", "com.acme.app").inheritIO().start();
        assertEquals(0, compile.waitFor());
        ChildJvm.Result result = new ChildJvm().modulePath(out.toString()).agent("quiet=true,output=trace.rlt")
                .run(dir, "com.acme.app/com.acme.app.Main");
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("module com.acme.app 1", result.stdout().strip());
        TraceEvents trace = TraceEvents.read(dir.resolve("trace.rlt"));
        assertTrue(trace.ofKind("write").stream().anyMatch(e -> trace.field(e).name().equals("counter")));
    }

    @Test
    void javaToolOptionsGiveOneTracePerJvmNamedByPid() throws Exception {
        List<String> command = new ChildJvm().command("dev.racelock.fixture.ExitPaths", "normal");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("JAVA_TOOL_OPTIONS",
                "-javaagent:" + ChildJvm.AGENT.toAbsolutePath() + "=quiet=true,output=t-%p.rlt");
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        Path trace = dir.resolve("t-" + process.pid() + ".rlt");
        assertTrue(Files.exists(trace), output);
        assertTrue(TraceEvents.read(trace).end.complete());
    }

    @Test
    void badOptionStopsTheJvmAtStartWithOneMessage() throws Exception {
        ChildJvm.Result result = new ChildJvm().agent("mode=fast").run(dir, "dev.racelock.fixture.Program");
        assertEquals(2, result.exitCode());
        assertEquals("", result.stdout());
        assertEquals(List.of("racelock: bad agent option 'mode=fast': mode accepts full|locks"),
                ChildJvm.agentMessages(result.stderr()));
    }

    @Test
    void observedDeadlockEndsTheJvmWithExitCode86() throws Exception {
        ChildJvm.Result result = new ChildJvm().agent("deadlock=exit,quiet=true").run(dir,
                "dev.racelock.fixture.Deadlock");
        assertEquals(86, result.exitCode(), result.stderr());
        assertTrue(result.stderr().contains("racelock: deadlock observed between threads"), result.stderr());
        assertTrue(result.stderr().contains("\"first\"") && result.stderr().contains("\"second\""), result.stderr());
    }

    /**
     * Threads deadlocked on ReentrantLocks are parked in native code under the lock's own frames:
     * the recorded stacks leave out the agent's hook frames, and the finding says each thread is
     * blocked at the program's line that called lock(), which has a line number.
     */
    @Test
    void observedDeadlockOnReentrantLocksIsBlockedAtTheProgramsLine() throws Exception {
        ChildJvm.Result result = new ChildJvm().agent("deadlock=exit,quiet=true,output=trace.rlt").run(dir,
                "dev.racelock.fixture.LockDeadlock");
        assertEquals(86, result.exitCode(), result.stderr());
        TraceEvents trace = TraceEvents.read(dir.resolve("trace.rlt"));
        assertEquals(1, trace.deadlocks.size());
        assertTrue(trace.deadlocks.get(0).threads().stream().flatMap(t -> t.stack().stream())
                .noneMatch(f -> f.className().startsWith("dev.racelock.agent.")), "no frame of the agent's hooks");
        int wanted = SourceLines.lineOf("LockDeadlock", "@wanted");
        List<Finding> observed = Analyzer
                .analyze(List.of(dir.resolve("trace.rlt")), null).findings().stream()
                .filter(f -> f.type() == FindingType.OBSERVED_DEADLOCK).toList();
        assertEquals(1, observed.size());
        for (LockAcquisition edge : observed.get(0).cycle()) {
            assertEquals(new SourceSite("dev.racelock.fixture.LockDeadlock", "take",
                    "LockDeadlock.java", wanted), edge.acquiredAt());
        }
    }

    @Test
    void applicationBundlingItsOwnOldAsmStillWorks() throws Exception {
        String oldAsm = System.getProperty("racelock.old.asm");
        assertTrue(oldAsm != null && Files.exists(Path.of(oldAsm)), "the build copies asm 9.2 to " + oldAsm);
        String classpath = ChildJvm.FIXTURES + java.io.File.pathSeparator + oldAsm;
        ChildJvm.Result result = new ChildJvm().classpath(classpath).agent("quiet=true").run(dir,
                "dev.racelock.fixture.OwnAsm");
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("asm from asm-9.2.jar answer 42", result.stdout().strip());
    }

    @Test
    void exitCodesOfSystemExitAndUncaughtExceptionsAreKept() throws Exception {
        assertEquals(3, new ChildJvm().agent("quiet=true").run(dir.resolve("exit"), "dev.racelock.fixture.ExitPaths",
                "exit").exitCode());
        ChildJvm.Result thrown = new ChildJvm().agent("quiet=true").run(dir.resolve("throw"),
                "dev.racelock.fixture.ExitPaths", "throw");
        assertEquals(1, thrown.exitCode());
        assertTrue(thrown.stderr().contains("uncaught on purpose"));
    }

    @Test
    void unwritableOutputWarnsOnceAndTheProgramRunsOn() throws Exception {
        ChildJvm.Result result = new ChildJvm().agent("output=/nonexistent-dir/t.rlt").run(dir,
                "dev.racelock.fixture.ExitPaths", "normal");
        assertEquals(0, result.exitCode());
        assertEquals("done 1000", result.stdout().strip());
        List<String> messages = ChildJvm.agentMessages(result.stderr());
        assertEquals(1, messages.size(), result.stderr());
        assertTrue(messages.get(0).startsWith("racelock: cannot write trace /nonexistent-dir/t.rlt"), messages.get(0));
    }

    @Test
    void sigtermEndsTheProgramNormally() throws Exception {
        Path work = dir.resolve("term");
        Process process = new ChildJvm().agent("quiet=true").start(work, "dev.racelock.fixture.ExitPaths", "block");
        awaitReady(work);
        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(143, process.exitValue());
    }

    static void awaitReady(Path work) throws Exception {
        Path stdout = work.resolve("stdout.txt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(stdout) && ChildJvm.read(stdout).contains("ready"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("child never got ready: " + ChildJvm.read(work.resolve("stderr.txt")));
            }
            Thread.sleep(20); // polling a child process's output; no latch crosses a process boundary
        }
    }
}
