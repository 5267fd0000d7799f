package dev.racelock.agent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The agent argument string: comma-separated {@code key=value} pairs (docs/agent.md). Parsing
 * rejects anything unknown with a message that names the option and what it accepts.
 */
public record AgentOptions(String output, List<String> include, List<String> exclude, boolean stacks,
                           boolean memory, Deadlock deadlock, boolean quiet, boolean filter, String raw) {

    /** What the watchdog does on an observed deadlock. */
    public enum Deadlock { EXIT, REPORT, OFF }

    /** Exit code of a JVM ended by {@code deadlock=exit}. */
    public static final int DEADLOCK_EXIT_CODE = 86;
    /** Exit code of a JVM started with a bad agent option (DESIGN.md: 2 = usage error). */
    public static final int BAD_OPTION_EXIT_CODE = 2;

    public static AgentOptions parse(String arguments) {
        String raw = arguments == null ? "" : arguments.trim();
        String output = "racelock-%p.rlt";
        List<String> include = List.of("**");
        List<String> exclude = List.of();
        boolean stacks = true;
        boolean memory = true;
        Deadlock deadlock = Deadlock.REPORT;
        boolean quiet = false;
        boolean filter = true;
        if (!raw.isEmpty()) {
            for (String pair : raw.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("bad agent option '" + pair
                            + "': expected key=value with key one of output, include, exclude, stacks, mode,"
                            + " deadlock, filter, quiet");
                }
                String key = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                switch (key) {
                    case "output" -> output = nonEmpty(pair, key, value, "a file path (%p = pid, %t = start time)");
                    case "include" -> include = globs(pair, key, value);
                    case "exclude" -> exclude = globs(pair, key, value);
                    case "stacks" -> stacks = choice(pair, key, value, "on", "off").equals("on");
                    case "mode" -> memory = choice(pair, key, value, "full", "locks").equals("full");
                    case "deadlock" -> deadlock = Deadlock.valueOf(
                            choice(pair, key, value, "exit", "report", "off").toUpperCase(java.util.Locale.ROOT));
                    case "quiet" -> quiet = choice(pair, key, value, "true", "false").equals("true");
                    case "filter" -> filter = choice(pair, key, value, "on", "off").equals("on");
                    default -> throw new IllegalArgumentException("unknown agent option '" + key
                            + "': accepted are output, include, exclude, stacks, mode, deadlock, filter, quiet");
                }
            }
        }
        return new AgentOptions(output, include, exclude, stacks, memory, deadlock, quiet, filter, raw);
    }

    /** The trace file name with %p (pid) and %t (start time, UTC yyyyMMdd-HHmmss) expanded. */
    public String outputFile(long pid, long startMillis) {
        String time = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(startMillis));
        return output.replace("%p", Long.toString(pid)).replace("%t", time);
    }

    private static String nonEmpty(String pair, String key, String value, String accepted) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("bad agent option '" + pair + "': " + key + " needs " + accepted);
        }
        return value;
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
