package dev.racelock.maven;

import dev.racelock.trace.AgentArguments;

import java.nio.file.Path;
import java.util.List;

/**
 * The agent options prepare-agent passes to every test JVM (docs/agent.md): one trace per JVM
 * ({@code %p} is the pid) in the trace directory, the classes to record, and the recording
 * choices, written by the agent's own {@link AgentArguments}. Checked here, so a typo fails the
 * build at {@code initialize} with the accepted values instead of stopping every test JVM with
 * the agent's exit code 2.
 */
final class AgentSettings {

    /** The trace file name pattern of each test JVM. */
    static final String TRACE_PATTERN = "racelock-%p.rlt";

    private AgentSettings() {}

    /**
     * @param mode     {@code full} or {@code locks}
     * @param stacks   {@code on} or {@code off}
     * @param deadlock {@code exit}, {@code report} or {@code off}
     * @throws IllegalArgumentException naming the parameter and what it accepts
     */
    static AgentArguments arguments(Path traceDirectory, List<String> includes, List<String> excludes, String mode,
                                    String stacks, String deadlock) {
        for (String glob : includes) {
            checkGlob("includes", glob);
        }
        for (String glob : excludes) {
            checkGlob("excludes", glob);
        }
        AgentArguments arguments;
        try {
            arguments = AgentArguments.parse("mode=" + mode + ",stacks=" + stacks + ",deadlock=" + deadlock);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("racelock parameter " + e.getMessage().replace("bad agent option ", ""),
                    e);
        }
        AgentArguments all = arguments.with(a -> {
            a.output = traceDirectory.toAbsolutePath().resolve(TRACE_PATTERN).toString();
            a.exclude = excludes;
            a.quiet = true;
            if (!includes.isEmpty()) {
                a.include = includes;
            }
        });
        all.format(); // a comma in the directory cannot be carried: say so now
        return all;
    }

    private static void checkGlob(String parameter, String glob) {
        if (glob.isBlank() || glob.indexOf(',') >= 0 || glob.indexOf(':') >= 0 || glob.indexOf('=') >= 0
                || glob.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("racelock parameter " + parameter + " has '" + glob + "'; a class glob"
                    + " such as com.acme.** has no spaces, commas, colons or equals signs");
        }
    }
}
