package dev.racelock.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code run}'s options for the agent, and how they become the {@code -javaagent} argument
 * (agent options: docs/agent.md).
 */
public final class AgentOptions {

    @Option(names = "--deadlock", paramLabel = "ACTION", defaultValue = "exit",
            description = "When the agent sees threads deadlocked: exit (record, then end the JVM so the run "
                    + "never hangs), report (record and go on), off (default: ${DEFAULT-VALUE}).")
    Deadlock deadlock = Deadlock.exit;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "full",
            description = "full (races and deadlocks) or locks (deadlocks only, lower overhead) "
                    + "(default: ${DEFAULT-VALUE}).")
    Mode mode = Mode.full;

    @Option(names = "--stacks", paramLabel = "on|off", defaultValue = "on",
            description = "Record calling contexts for stacks in reports (default: ${DEFAULT-VALUE}).")
    OnOff stacks = OnOff.on;

    @Option(names = "--include", paramLabel = "GLOBS",
            description = "Classes to instrument: globs separated by ':', where * stays within a package and "
                    + "** crosses packages (default: every class outside the JDK).")
    String include;

    @Option(names = "--exclude", paramLabel = "GLOBS",
            description = "Classes not to instrument, in the form of --include.")
    String exclude;

    enum Deadlock { exit, report, off }

    enum Mode { full, locks }

    enum OnOff { on, off }

    /**
     * {@code -javaagent:<jar>=output=<dir>/racelock-%p.rlt,deadlock=exit,...}: one trace per JVM
     * ({@code %p} is the pid), all in {@code traceDir}.
     *
     * @throws CommandFailure (usage) a path or value the agent option syntax cannot carry
     */
    String javaagentArgument(Path agentJar, Path traceDir, boolean quiet) {
        List<String> options = new ArrayList<>();
        options.add("output=" + checked(traceDir.toAbsolutePath().resolve("racelock-%p.rlt").toString(), "trace directory"));
        options.add("deadlock=" + deadlock);
        options.add("mode=" + mode);
        options.add("stacks=" + stacks);
        if (include != null) {
            options.add("include=" + checked(include, "--include"));
        }
        if (exclude != null) {
            options.add("exclude=" + checked(exclude, "--exclude"));
        }
        if (quiet) {
            options.add("quiet=true");
        }
        return "-javaagent:" + checked(agentJar.toAbsolutePath().toString(), "agent jar path") + "="
                + String.join(",", options);
    }

    /** Agent options are comma-separated key=value pairs inside a quoted JAVA_TOOL_OPTIONS word. */
    private static String checked(String value, String what) {
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0) {
            throw CommandFailure.usage("the " + what + " '" + value + "' contains a comma or a double quote, "
                    + "which the agent's option syntax cannot carry");
        }
        return value;
    }
}
