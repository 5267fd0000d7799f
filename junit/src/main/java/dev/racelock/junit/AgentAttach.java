package dev.racelock.junit;

import net.bytebuddy.agent.ByteBuddyAgent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Attaches racelock's agent to this test JVM when it was started without it, through
 * byte-buddy-agent's self-attach (the Attach API, or a helper process where the JVM forbids
 * attaching to itself). Classes already loaded then are not instrumented: their code records
 * nothing, not even the thread starts and joins in it, so the attach says which they are; the
 * earlier the attach, the fewer (docs/build-integration.md).
 */
final class AgentAttach {

    /** A class of the agent jar, to find the jar on the test class path (racelock-junit depends on it). */
    static final String AGENT_CLASS_RESOURCE = "dev/racelock/agent/AgentMain.class";

    private AgentAttach() {}

    /**
     * Attaches the agent unless it runs already.
     *
     * @return the lines to show the user about the attach; empty when nothing was attached
     */
    static synchronized List<String> ensureAttached(AttachSettings settings) {
        if (AgentBridge.agentPresent()) {
            return List.of();
        }
        Path jar = agentJarCopy();
        try {
            Files.createDirectories(settings.traceDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("racelock: cannot create the trace directory " + settings.traceDirectory(), e);
        }
        ByteBuddyAgent.attach(jar.toFile(), String.valueOf(ProcessHandle.current().pid()), settings.agentOptions());
        if (!AgentBridge.agentPresent()) {
            throw new IllegalStateException("racelock: the agent was attached from " + jar
                    + " but does not answer; is another racelock version on the boot class path?");
        }
        RunningTests.recordStartsOfThisThread();
        String unrecorded = AgentBridge.classesLoadedBeforeAttach();
        String where = "racelock: attached the agent to this test JVM (recording " + settings.include() + " into "
                + AgentBridge.traceFile() + ")";
        if (unrecorded.isEmpty()) {
            return List.of(where);
        }
        List<String> classes = unrecorded.lines().toList();
        return List.of(where, "racelock: " + classes.size() + (classes.size() == 1 ? " class was" : " classes were")
                + " loaded before the attach and " + (classes.size() == 1 ? "is" : "are") + " not recorded (their"
                + " thread starts and joins neither): " + String.join(", ", classes),
                "racelock: to record them, start the test JVM with the agent (racelock-maven-plugin's prepare-agent)"
                        + " or attach before any test class loads (racelock.attach=true in junit-platform.properties)");
    }

    /**
     * The agent jar, copied once per JVM as {@code racelock-agent.jar}: the name its manifest's
     * Boot-Class-Path gives, so the JVM puts it on the boot class path as it loads it.
     */
    private static Path agentJarCopy() {
        Path source = agentJar();
        try {
            Path directory = Files.createTempDirectory("racelock-agent");
            Path copy = directory.resolve("racelock-agent.jar");
            Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().deleteOnExit();
            directory.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("racelock: cannot copy the agent jar " + source, e);
        }
    }

    /** The agent jar on the test class path, or the one {@code -Dracelock.agent.jar} names. */
    static Path agentJar() {
        String configured = System.getProperty("racelock.agent.jar");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        URL resource = AgentAttach.class.getClassLoader().getResource(AGENT_CLASS_RESOURCE);
        if (resource == null || !"jar".equals(resource.getProtocol())) {
            throw new IllegalStateException("racelock: the agent jar (dev.racelock:racelock-agent) is not on the test"
                    + " class path; add it, or name it with -Dracelock.agent.jar=<path>");
        }
        return ClassPathJars.root(resource, AGENT_CLASS_RESOURCE);
    }
}
