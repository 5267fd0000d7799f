package dev.racelock.samples.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a sample in a child JVM with a time limit, its output (stdout and stderr) kept in a file. */
final class ChildJvm {

    /**
     * @param exitCode the process's exit code, or -1 when it was killed on timeout
     * @param timedOut whether it ran past the limit (and was killed)
     * @param output   what it printed, both streams
     */
    record Run(int exitCode, boolean timedOut, String output) {}

    /**
     * JVM options for a sample's child JVM: C1 only and the serial collector cut its CPU by about a
     * third (what the agent records does not depend on the JIT tier).
     */
    static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private ChildJvm() {}

    /**
     * {@code java} with {@link #QUICK_START}, {@code options} (the agent's, if any) and the
     * samples' class path, to run {@code mainClass}.
     */
    static List<String> sampleCommand(BuildLayout layout, String mainClass, String... options) {
        List<String> command = new ArrayList<>();
        command.add(BuildLayout.javaLauncher().toString());
        command.addAll(QUICK_START);
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", layout.classes().toString(), mainClass));
        return command;
    }

    static Run run(List<String> command, Path outputFile, Duration limit) throws IOException, InterruptedException {
        Files.createDirectories(outputFile.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(outputFile.toFile())
                .start();
        boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
        String output = Files.readString(outputFile, StandardCharsets.UTF_8);
        return new Run(ended ? process.exitValue() : -1, !ended, output);
    }
}
