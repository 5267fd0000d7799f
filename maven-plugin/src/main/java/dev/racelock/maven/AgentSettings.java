package dev.racelock.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The agent options prepare-agent passes to every test JVM (README, "agent options"): one trace
 * per JVM ({@code %p} is the pid) in the trace directory, the classes to record, and the
 * recording choices. Checked here, so a typo fails the build at {@code initialize} with the
 * accepted values instead of stopping every test JVM with the agent's exit code 2.
 *
 * @param traceDirectory where the traces go
 * @param includes       class globs to record
 * @param excludes       class globs not to record
 * @param mode           {@code full} or {@code locks}
 * @param stacks         {@code on} or {@code off}
 * @param deadlock       {@code exit}, {@code report} or {@code off}
 */
record AgentSettings(Path traceDirectory, List<String> includes, List<String> excludes, String mode, String stacks,
                     String deadlock) {

    /** The trace file name pattern of each test JVM. */
    static final String TRACE_PATTERN = "racelock-%p.rlt";

    AgentSettings {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        check("mode", mode, Set.of("full", "locks"));
        check("stacks", stacks, Set.of("on", "off"));
        check("deadlock", deadlock, Set.of("exit", "report", "off"));
        for (String glob : includes) {
            checkGlob("includes", glob);
        }
        for (String glob : excludes) {
            checkGlob("excludes", glob);
        }
        if (traceDirectory.toString().indexOf(',') >= 0) {
            throw new IllegalArgumentException("the trace directory " + traceDirectory + " holds a comma, which the"
                    + " agent's options cannot carry; set traceDirectory to a path without one");
        }
    }

    /** {@code output=...,include=...,...}: the agent's option string. */
    String options() {
        List<String> pairs = new ArrayList<>();
        pairs.add("output=" + traceDirectory.toAbsolutePath().resolve(TRACE_PATTERN));
        if (!includes.isEmpty()) {
            pairs.add("include=" + String.join(":", includes));
        }
        if (!excludes.isEmpty()) {
            pairs.add("exclude=" + String.join(":", excludes));
        }
        pairs.add("mode=" + mode);
        pairs.add("stacks=" + stacks);
        pairs.add("deadlock=" + deadlock);
        pairs.add("quiet=true");
        return String.join(",", pairs);
    }

    private static void check(String parameter, String value, Set<String> accepted) {
        if (!accepted.contains(value)) {
            throw new IllegalArgumentException("racelock parameter " + parameter + " is '" + value + "'; accepted: "
                    + String.join(", ", accepted.stream().sorted().toList()));
        }
    }

    private static void checkGlob(String parameter, String glob) {
        if (glob.isBlank() || glob.indexOf(',') >= 0 || glob.indexOf(':') >= 0 || glob.indexOf('=') >= 0
                || glob.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("racelock parameter " + parameter + " has '" + glob + "'; a class glob"
                    + " such as com.acme.** has no spaces, commas, colons or equals signs");
        }
    }
}
