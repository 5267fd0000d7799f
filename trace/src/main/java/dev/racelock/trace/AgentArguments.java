package dev.racelock.trace;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The agent's argument string, {@code -javaagent:racelock-agent.jar=key=value,key=value}
 * (docs/agent.md), defined once for everything that reads or writes it: the agent parses it,
 * the CLI and the build integrations {@link #format} it. Parsing rejects anything unknown with a
 * message that names the option and what it accepts.
 *
 * @param output     the trace file; {@code %p} is the pid and {@code %t} the start time
 * @param stacks     record calling contexts ({@code stacks=on} or {@code calls})
 * @param callEvents {@code stacks=calls}: an event per method enter and exit, as trace format 1
 *                   recorded them, instead of the calling-context tree (docs/trace-format.md)
 * @param memory     record field and array accesses ({@code mode=full}); false in {@code mode=locks}
 * @param filter     drop an access that repeats one since the thread's last synchronization
 *                   (with mode=locks: leave out a critical section with nothing recorded inside, taken
 *                   holding no lock or repeating one the thread wrote)
 * @param ownership  keep the accesses of an object no second thread has touched beside the
 *                   object, written out only when a second thread touches it (not with
 *                   {@code stacks=calls}; docs/agent.md)
 * @param stream     a loopback port to send the trace to instead of writing {@code output}
 *                   ({@code racelock run} listens there and analyzes it as it comes); 0 for none
 */
public record AgentArguments(String output, List<String> include, List<String> exclude, boolean stacks,
                             boolean callEvents, boolean memory, Deadlock deadlock, boolean quiet, boolean filter,
                             boolean ownership, int stream) {

    /** What the watchdog does on an observed deadlock. */
    public enum Deadlock {
        /** Record the cycle, then end the JVM with {@link #DEADLOCK_EXIT_CODE}, so a CI job never hangs. */
        EXIT,
        /** Record the cycle and let the program go on. */
        REPORT,
        /** No watchdog. */
        OFF;

        /** The option's spelling, {@code deadlock=exit}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One trace per JVM, named by its pid, in the working directory. */
    public static final String DEFAULT_OUTPUT = "racelock-%p.rlt";
    /** Exit code of a JVM ended by {@code deadlock=exit}. */
    public static final int DEADLOCK_EXIT_CODE = 86;
    /** Exit code of a JVM started with a bad agent option (2 = usage error, as the CLI's). */
    public static final int BAD_OPTION_EXIT_CODE = 2;

    /** Everything recorded, into {@link #DEFAULT_OUTPUT}. */
    public static final AgentArguments DEFAULTS = new AgentArguments(DEFAULT_OUTPUT, List.of("**"), List.of(), true,
            false, true, Deadlock.REPORT, false, true, true, 0);

    private static final String KEYS = "output, stream, include, exclude, stacks, mode, deadlock, filter, ownership, quiet";

    public AgentArguments {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** @throws IllegalArgumentException naming the option and the values it accepts */
    public static AgentArguments parse(String arguments) {
        String raw = arguments == null ? "" : arguments.trim();
        if (raw.isEmpty()) {
            return DEFAULTS;
        }
        Components a = new Components(DEFAULTS);
        for (String pair : raw.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("bad agent option '" + pair
                        + "': expected key=value with key one of " + KEYS);
            }
            String key = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            switch (key) {
                case "output" -> a.output = nonEmpty(pair, key, value, "a file path (%p = pid, %t = start time)");
                case "stream" -> a.stream = port(pair, key, value);
                case "include" -> a.include = globs(pair, key, value);
                case "exclude" -> a.exclude = globs(pair, key, value);
                case "stacks" -> {
                    String stacks = choice(pair, key, value, "on", "off", "calls");
                    a.stacks = !stacks.equals("off");
                    a.callEvents = stacks.equals("calls");
                }
                case "mode" -> a.memory = choice(pair, key, value, "full", "locks").equals("full");
                case "deadlock" -> a.deadlock = Deadlock.valueOf(
                        choice(pair, key, value, "exit", "report", "off").toUpperCase(Locale.ROOT));
                case "quiet" -> a.quiet = choice(pair, key, value, "true", "false").equals("true");
                case "filter" -> a.filter = choice(pair, key, value, "on", "off").equals("on");
                case "ownership" -> a.ownership = choice(pair, key, value, "on", "off").equals("on");
                default -> throw new IllegalArgumentException("unknown agent option '" + key + "': accepted are "
                        + KEYS);
            }
        }
        return a.arguments();
    }

    /**
     * The argument string that {@link #parse}s back to these arguments: output, deadlock, mode and
     * stacks always, the rest where they differ from the defaults.
     *
     * @throws IllegalArgumentException if a value contains a comma or a double quote, which the
     *                                  syntax (and a quoted {@code JAVA_TOOL_OPTIONS} word) cannot carry
     */
    public String format() {
        List<String> pairs = new ArrayList<>();
        pairs.add("output=" + carried("output", output));
        pairs.add("deadlock=" + deadlock.value());
        pairs.add("mode=" + (memory ? "full" : "locks"));
        pairs.add("stacks=" + (!stacks ? "off" : callEvents ? "calls" : "on"));
        if (!include.equals(DEFAULTS.include)) {
            pairs.add("include=" + carried("include", String.join(":", include)));
        }
        if (!exclude.isEmpty()) {
            pairs.add("exclude=" + carried("exclude", String.join(":", exclude)));
        }
        if (!filter) {
            pairs.add("filter=off");
        }
        if (!ownership) {
            pairs.add("ownership=off");
        }
        if (stream != 0) {
            pairs.add("stream=" + stream);
        }
        if (quiet) {
            pairs.add("quiet=true");
        }
        return String.join(",", pairs);
    }

    /** The trace file name with %p (pid) and %t (start time, UTC yyyyMMdd-HHmmss) expanded. */
    public String outputFile(long pid, long startMillis) {
        String time = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(startMillis));
        return output.replace("%p", Long.toString(pid)).replace("%t", time);
    }

    /**
     * A copy with the components {@code change} sets ({@code DEFAULTS.with(a -> a.quiet = true)}):
     * the one way to derive arguments (parse sets the same variables), so a new component is added
     * to the record and to {@link Components}, nothing else.
     */
    public AgentArguments with(Consumer<Components> change) {
        Components c = new Components(this);
        change.accept(c);
        return c.arguments();
    }

    /** The components, as variables to set in {@link #with}; each means what the record's does. */
    public static final class Components {
        public String output;
        public List<String> include;
        public List<String> exclude;
        public boolean stacks;
        public boolean callEvents;
        public boolean memory;
        public Deadlock deadlock;
        public boolean quiet;
        public boolean filter;
        public boolean ownership;
        public int stream;

        private Components(AgentArguments a) {
            output = a.output;
            include = a.include;
            exclude = a.exclude;
            stacks = a.stacks;
            callEvents = a.callEvents;
            memory = a.memory;
            deadlock = a.deadlock;
            quiet = a.quiet;
            filter = a.filter;
            ownership = a.ownership;
            stream = a.stream;
        }

        private AgentArguments arguments() {
            return new AgentArguments(output, include, exclude, stacks, callEvents, memory, deadlock, quiet, filter,
                    ownership, stream);
        }
    }

    /** Class globs from {@code a:b:c} (the form of {@code include=}), for callers that take them as one string. */
    public static List<String> globs(String value) {
        return globs("include=" + value, "include", value);
    }

    private static String carried(String key, String value) {
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0) {
            throw new IllegalArgumentException("the " + key + " value '" + value + "' contains a comma or a double"
                    + " quote, which the agent's option syntax cannot carry");
        }
        return value;
    }

    private static String nonEmpty(String pair, String key, String value, String accepted) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("bad agent option '" + pair + "': " + key + " needs " + accepted);
        }
        return value;
    }

    private static int port(String pair, String key, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("bad agent option '" + pair + "': " + key
                + " needs a port number from 1 to 65535 (on this machine's loopback address)");
    }

    private static List<String> globs(String pair, String key, String value) {
        List<String> globs = new ArrayList<>();
        for (String glob : value.split(":")) {
            if (!glob.isBlank()) {
                globs.add(glob.trim());
            }
        }
        if (globs.isEmpty()) {
            throw new IllegalArgumentException("bad agent option '" + pair + "': " + key
                    + " needs class globs separated by ':' (e.g. com.acme.*:org.x.**)");
        }
        return List.copyOf(globs);
    }

    private static String choice(String pair, String key, String value, String... accepted) {
        if (Arrays.asList(accepted).contains(value)) {
            return value;
        }
        throw new IllegalArgumentException("bad agent option '" + pair + "': " + key + " accepts "
                + String.join("|", accepted));
    }
}
