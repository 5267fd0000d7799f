package dev.racelock.agent.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a fixture's main in a child JVM, with or without the packaged agent jar. */
final class ChildJvm {
    static final Path AGENT = Path.of(System.getProperty("racelock.agent.jar", "target/racelock-agent.jar"));
    static final String FIXTURES = System.getProperty("racelock.fixtures", "target/test-classes");
    static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    /**
     * For the suites that start a JVM per small program: C1 only and the serial collector cut a
     * child's CPU by about a third (what it records does not depend on the JIT tier).
     */
    static final String[] QUICK_START = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"};

    record Result(int exitCode, String stdout, String stderr) {}

    private String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private String agentOptions;
    private Path agentJar = AGENT;
    private String classpath = FIXTURES;
    private String modulePath;
    private final List<String> jvmOptions = new ArrayList<>();

    ChildJvm java(Path executable) {
        this.java = executable.toString();
        return this;
    }

    /** Options for the JVM itself, e.g. --enable-preview. */
    ChildJvm jvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** Attaches this jar instead of the packaged racelock-agent.jar. */
    ChildJvm agentJar(Path jar) {
        this.agentJar = jar;
        return this;
    }

    ChildJvm agent(String options) {
        this.agentOptions = options;
        return this;
    }

    /** Runs {@code mainClass} as {@code module/class} from this module path instead of the class path. */
    ChildJvm modulePath(String modulePath) {
        this.modulePath = modulePath;
        return this;
    }

    ChildJvm classpath(String classpath) {
        this.classpath = classpath;
        return this;
    }

    List<String> command(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        if (agentOptions != null) {
            command.add("-javaagent:" + agentJar.toAbsolutePath() + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
        }
        if (modulePath != null) {
            command.addAll(List.of("--module-path", modulePath, "-m", mainClass));
        } else {
            command.addAll(List.of("-cp", classpath, mainClass));
        }
        command.addAll(List.of(args));
        return command;
    }

    Process start(Path workDir, String mainClass, String... args) throws IOException {
        Files.createDirectories(workDir);
        return new ProcessBuilder(command(mainClass, args)).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("stdout.txt").toFile())
                .redirectError(workDir.resolve("stderr.txt").toFile()).start();
    }

    Result run(Path workDir, String mainClass, String... args) throws Exception {
        Process process = start(workDir, mainClass, args);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child JVM did not end: " + command(mainClass, args));
        }
        return new Result(process.exitValue(), read(workDir.resolve("stdout.txt")), read(workDir.resolve("stderr.txt")));
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /**
     * stderr without the JVM's own note that CDS is limited once the bootstrap path is appended
     * (printed only when the agent jar was renamed: AgentMain).
     */
    static List<String> agentMessages(String stderr) {
        return stderr.lines().filter(l -> !l.contains("Sharing is only supported for boot loader classes")).toList();
    }
}
