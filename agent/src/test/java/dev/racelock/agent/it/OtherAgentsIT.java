package dev.racelock.agent.it;

import dev.racelock.analyzer.Analyzer;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * JaCoCo's agent on the same JVM, the usual Maven set-up, in either order on the command line
 * (the first agent's transformer sees each class first): its probe arrays, its synthetic members
 * and its runtime are not the program's, so the one real race is the only finding.
 */
class OtherAgentsIT {
    static final Path JACOCO = Path.of(System.getProperty("racelock.jacoco.agent", "target/jacoco-agent/jacocoagent.jar"));

    @TempDir
    Path dir;

    /**
     * JaCoCo reaches its probe array through a {@code $jacocoData} dynamic constant in class files
     * of version 55 (Java 11) and later, through a {@code $jacocoInit} method and a
     * {@code $jacocoData} field in older ones: the fixture runs compiled both ways.
     */
    @ParameterizedTest(name = "JaCoCo first: {0}, on JDK 25: {1}, class files of release {2}")
    @CsvSource({"true, false, 17", "false, false, 17", "true, false, 8", "false, false, 8",
        "true, true, 17", "false, true, 17"})
    void jacocosProbesAreNotTheProgramsAccesses(boolean jacocoFirst, boolean jdk25, int release) throws Exception {
        assertTrue(Files.exists(JACOCO), "the build copies JaCoCo's agent to " + JACOCO);
        assumeTrue(!jdk25 || Files.isExecutable(ChildJvm.JDK25), "JDK 25 not installed");
        String jacoco = "-javaagent:" + JACOCO.toAbsolutePath() + "=destfile=" + dir.resolve("jacoco.exec");
        String racelock = "-javaagent:" + ChildJvm.AGENT.toAbsolutePath() + "=quiet=true,output=trace.rlt";
        ChildJvm jvm = new ChildJvm().jvmOptions(jacocoFirst ? jacoco : racelock, jacocoFirst ? racelock : jacoco);
        if (jdk25) {
            jvm.java(ChildJvm.JDK25);
        }
        if (release != 17) {
            jvm.classpath(compiled(release).toString());
        }
        ChildJvm.Result result = jvm.run(dir, "dev.racelock.fixture.CoveredRace");
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("covered true", result.stdout().strip());
        assertTrue(Files.size(dir.resolve("jacoco.exec")) > 0, "JaCoCo recorded its coverage");

        TraceEvents trace = TraceEvents.read(dir.resolve("trace.rlt"));
        assertTrue(trace.fields.values().stream().noneMatch(f -> f.name().startsWith("$jacoco")), "JaCoCo's fields");
        assertTrue(trace.methods.values().stream().noneMatch(m -> m.className().startsWith("org.jacoco")
                || m.name().startsWith("$jacoco")), "JaCoCo's code");
        AnalysisResult analysis = Analyzer.analyze(List.of(dir.resolve("trace.rlt")), null);
        List<Finding> findings = analysis.findings();
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(FindingType.DATA_RACE, findings.get(0).type());
        assertEquals("hits", findings.get(0).location().field(), findings.toString());
    }

    /** The fixture compiled for an older release, into a directory of its own. */
    private Path compiled(int release) throws Exception {
        Path out = Files.createDirectories(dir.resolve("classes-" + release));
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        Process process = new ProcessBuilder(javac.toString(), "--release", String.valueOf(release), "-g",
                "-Xlint:-options", "-d", out.toString(), "src/test/java/dev/racelock/fixture/CoveredRace.java")
                .redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), log);
        return out;
    }
}
