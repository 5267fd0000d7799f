package dev.racelock.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code -javaagent:} argument for a test JVM and how it joins the value already in
 * {@code argLine}: prepended, replacing an earlier racelock agent argument, leaving every other
 * argument (JaCoCo's agent among them) in place, as JaCoCo's {@code prepare-agent} does.
 *
 * <p>Surefire and failsafe split {@code argLine} at spaces outside double quotes (plexus
 * {@code CommandLineUtils.translateCommandline}, which knows no escapes), so an argument holding
 * a space is wrapped in double quotes, and one holding a double quote cannot be written at all.
 */
final class AgentArgLine {

    private static final String JAVAAGENT = "-javaagent:";
    /** What names racelock's agent in an argument: the jar's file name, which prepare-agent fixes. */
    static final String AGENT_JAR_NAME = "racelock-agent.jar";

    private AgentArgLine() {}

    /** {@code -javaagent:<jar>=<options>}, quoted when it holds a space. */
    static String javaagent(Path agentJar, String options) {
        String argument = JAVAAGENT + agentJar.toAbsolutePath() + (options.isEmpty() ? "" : "=" + options);
        if (argument.indexOf('"') >= 0) {
            throw new IllegalArgumentException("the agent argument cannot be written into argLine, it holds a double"
                    + " quote: " + argument);
        }
        return argument.indexOf(' ') >= 0 || argument.indexOf('\t') >= 0 ? '"' + argument + '"' : argument;
    }

    /** {@code agentArgument} followed by {@code existing} without any earlier racelock agent argument. */
    static String prepend(String agentArgument, String existing) {
        if (existing == null || existing.isBlank()) {
            return agentArgument;
        }
        List<String> kept = new ArrayList<>();
        boolean removed = false;
        for (String token : split(existing)) {
            if (isRacelockAgent(token)) {
                removed = true;
            } else {
                kept.add(token);
            }
        }
        if (!removed) {
            return agentArgument + " " + existing.strip();
        }
        StringBuilder line = new StringBuilder(agentArgument);
        for (String token : kept) {
            line.append(' ').append(token);
        }
        return line.toString();
    }

    private static boolean isRacelockAgent(String token) {
        String unquoted = token.startsWith("\"") ? token.substring(1) : token;
        if (!unquoted.startsWith(JAVAAGENT)) {
            return false;
        }
        int options = unquoted.indexOf('=');
        String jar = options < 0 ? unquoted : unquoted.substring(0, options);
        return jar.replace("\"", "").endsWith(AGENT_JAR_NAME);
    }

    /** Splits at whitespace outside double quotes; tokens keep their quotes. */
    static List<String> split(String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                token.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (token.length() > 0) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
            } else {
                token.append(c);
            }
        }
        if (token.length() > 0) {
            tokens.add(token.toString());
        }
        return tokens;
    }
}
