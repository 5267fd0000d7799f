package dev.racelock.junit;

import dev.racelock.trace.AgentArguments;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the agent records when racelock-junit attaches it, from JUnit configuration parameters
 * ({@code junit-platform.properties} or {@code -D}): {@code racelock.include} (class globs
 * separated by {@code :}; default: the package of the test class and its subpackages),
 * {@code racelock.traceDirectory} (default {@code target/racelock}, where racelock-maven-plugin's
 * check and report look) and {@code racelock.deadlock} (default {@code exit}, so a deadlocked
 * test cannot hang the build).
 *
 * @param include        class globs to record
 * @param traceDirectory where the trace goes
 * @param deadlock       what the watchdog does
 */
record AttachSettings(String include, Path traceDirectory, String deadlock) {

    static final String INCLUDE = "racelock.include";
    static final String TRACE_DIRECTORY = "racelock.traceDirectory";
    static final String DEADLOCK = "racelock.deadlock";

    /** @param parameters a configuration parameter by name; {@code testClass} gives the default include */
    static AttachSettings from(Function<String, Optional<String>> parameters, String testClass) {
        String include = parameters.apply(INCLUDE).orElseGet(() -> packageGlob(testClass));
        Path directory = Path.of(parameters.apply(TRACE_DIRECTORY).orElse("target/racelock"));
        return new AttachSettings(include, directory, parameters.apply(DEADLOCK).orElse("exit"));
    }

    /** {@code com.acme.pool.**} for {@code com.acme.pool.PoolTest}; {@code *} for the default package. */
    static String packageGlob(String className) {
        if (className == null) {
            return "**";
        }
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "*" : className.substring(0, dot) + ".**";
    }

    /** The agent's option string (docs/agent.md): one trace per JVM in the trace directory. */
    String agentOptions() {
        return AgentArguments.parse("deadlock=" + deadlock + ",include=" + include)
                .with(a -> {
                    a.output = traceDirectory.toAbsolutePath().resolve("racelock-%p.rlt").toString();
                    a.quiet = true;
                }).format();
    }
}
