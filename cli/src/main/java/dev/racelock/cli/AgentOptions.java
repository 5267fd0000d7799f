package dev.racelock.cli;

import dev.racelock.trace.AgentArguments;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code run}'s options for the agent, and how they become the {@code -javaagent} argument
 * (agent options: docs/agent.md).
 */
public final class AgentOptions {

    @Option(names = "--deadlock", paramLabel = "ACTION", defaultValue = "exit",
            description = "When the agent sees threads deadlocked: exit (record, then end the JVM so the run "
                    + "never hangs), report (record and go on), off (default: ${DEFAULT-VALUE}).")
    AgentArguments.Deadlock deadlock = AgentArguments.Deadlock.EXIT;

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

    enum Mode { full, locks }

    enum OnOff { on, off }

    /**
     * {@code -javaagent:<jar>=output=<dir>/racelock-%p.rlt,deadlock=exit,...}: one trace per JVM
     * ({@code %p} is the pid), all in {@code traceDir}.
     *
     * @throws CommandFailure (usage) a path or value the agent option syntax cannot carry
     */
    String javaagentArgument(Path agentJar, Path traceDir, boolean quiet) {
        return javaagentArgument(agentJar, traceDir, quiet, false);
    }

    /**
     * As {@link #javaagentArgument(Path, Path, boolean)}; {@code everyAccess} records every field
     * access as it happens ({@code ownership=off}), which the predictive analysis needs: it
     * reasons about the accesses inside each critical section, which a summary written out later
     * does not tell.
     */
    String javaagentArgument(Path agentJar, Path traceDir, boolean quiet, boolean everyAccess) {
        String output = traceDir.toAbsolutePath().resolve(AgentArguments.DEFAULT_OUTPUT).toString();
        return javaagentArgument(agentJar, AgentArguments.DEFAULTS.with(a -> a.output = output), quiet, everyAccess);
    }

    /**
     * {@code -javaagent:<jar>=stream=<port>,deadlock=exit,...}: every JVM sends its trace to
     * {@code racelock run} on this loopback port (StreamedTraces) instead of writing a file;
     * {@code everyAccess} as above.
     *
     * @throws CommandFailure (usage) a path or value the agent option syntax cannot carry
     */
    String javaagentArgument(Path agentJar, int streamPort, boolean quiet, boolean everyAccess) {
        return javaagentArgument(agentJar, AgentArguments.DEFAULTS.with(a -> a.stream = streamPort), quiet, everyAccess);
    }

    private String javaagentArgument(Path agentJar, AgentArguments destination, boolean quiet, boolean everyAccess) {
        try {
            AgentArguments arguments = destination.with(a -> {
                a.deadlock = deadlock;
                a.memory = mode == Mode.full;
                a.stacks = stacks == OnOff.on;
                a.quiet = quiet;
                a.ownership = !everyAccess;
                if (include != null) {
                    a.include = AgentArguments.globs(include);
                }
                if (exclude != null) {
                    a.exclude = AgentArguments.globs(exclude);
                }
            });
            String jar = agentJar.toAbsolutePath().toString();
            if (jar.indexOf(',') >= 0 || jar.indexOf('"') >= 0 || jar.indexOf('=') >= 0) {
                throw new IllegalArgumentException("the agent jar path '" + jar + "' contains a comma, an equals"
                        + " sign or a double quote, which -javaagent cannot carry");
            }
            return "-javaagent:" + jar + "=" + arguments.format();
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage(e.getMessage());
        }
    }
}
