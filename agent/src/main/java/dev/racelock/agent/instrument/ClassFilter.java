package dev.racelock.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which classes are instrumented: the include globs minus the exclude globs, never the JDK,
 * the agent or its relocated dependencies, nor JaCoCo's agent runtime, nor racelock's own code
 * that runs inside a recorded test JVM (the JUnit listener and extension, and the analyzer and
 * reports the extension runs). Globs use dots: {@code *} matches within one package segment,
 * {@code **} across segments; {@code com.acme.*} matches the classes of com.acme,
 * {@code com.acme.**} also its subpackages.
 */
public final class ClassFilter {
    private static final String[] NEVER = {
        "java/", "javax/", "jdk/", "sun/", "com/sun/", "dev/racelock/agent/", "dev/racelock/trace/",
        "org/jacoco/agent/rt/", // JaCoCo's agent runtime: another agent's code, not the program's
        "dev/racelock/junit/", "dev/racelock/analyzer/", "dev/racelock/report/",
    };

    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    public ClassFilter(List<String> includeGlobs, List<String> excludeGlobs) {
        this.includes = compile(includeGlobs);
        this.excludes = compile(excludeGlobs);
    }

    /** @param internalName e.g. {@code com/acme/Counter$Inner} */
    public boolean instruments(String internalName) {
        if (neverInstrumented(internalName)) {
            return false;
        }
        String name = internalName.replace('/', '.');
        return matchesAny(includes, name) && !matchesAny(excludes, name);
    }

    /** The JDK, the agent and its dependencies: never touched, whatever the globs say. */
    public boolean neverInstrumented(String internalName) {
        for (String prefix : NEVER) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAny(List<Pattern> patterns, String name) {
        for (Pattern p : patterns) {
            if (p.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> compile(List<String> globs) {
        List<Pattern> patterns = new ArrayList<>();
        for (String glob : globs) {
            patterns.add(Pattern.compile(toRegex(glob)));
        }
        return patterns;
    }

    static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^.]*");
            } else if (c == '?') {
                regex.append("[^.]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
