package dev.racelock.report.gate;

import dev.racelock.analyzer.finding.FindingType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Parses suppression files (docs/cli.md, "Suppression file"): one rule per line,
 *
 * <pre>
 * # comment
 * data-race class=com.acme.Stats field=hits reason=approximate statistics, lost updates are fine
 * deadlock  method=com.acme.legacy.*        reason=legacy module, removed in 2.0 (ACME-123)
 * </pre>
 *
 * The first word is the finding type ({@code data-race}, {@code deadlock}, {@code observed-deadlock},
 * or {@code *}); then {@code key=value} matchers; then {@code reason=}, which runs to the end
 * of the line and must not be empty. Line-based so each suppression is one reviewable diff line.
 */
public final class SuppressionFile {

    private static final String REASON = "reason=";

    private SuppressionFile() {}

    /** @throws GateConfigException naming the file and the line that is wrong */
    public static Suppressions read(Path file) throws GateConfigException {
        return parse(file.toString(), GateFileText.read(file, "suppression file").lines().toList());
    }

    public static Suppressions parse(String fileName, List<String> lines) throws GateConfigException {
        List<SuppressionRule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                rules.add(parseRule(fileName, i + 1, line));
            }
        }
        return new Suppressions(rules);
    }

    private static SuppressionRule parseRule(String file, int lineNumber, String line) throws GateConfigException {
        String where = file + ":" + lineNumber + ": ";
        int reasonAt = reasonStart(line);
        if (reasonAt < 0) {
            throw new GateConfigException(where + "suppression has no reason (add reason=<why this is acceptable>)");
        }
        String reason = line.substring(reasonAt + REASON.length()).strip();
        if (reason.isEmpty()) {
            throw new GateConfigException(where + "suppression has an empty reason");
        }
        String[] words = line.substring(0, reasonAt).strip().split("\\s+");
        FindingType type = parseType(where, words[0]);
        Glob classGlob = null;
        Glob fieldGlob = null;
        Glob methodGlob = null;
        String fingerprint = null;
        for (int w = 1; w < words.length; w++) {
            String word = words[w];
            int eq = word.indexOf('=');
            if (eq <= 0 || eq == word.length() - 1) {
                throw new GateConfigException(where + "expected key=value, found '" + word + "'");
            }
            String key = word.substring(0, eq);
            String value = word.substring(eq + 1);
            switch (key) {
                case "class" -> classGlob = Glob.of(value);
                case "field" -> fieldGlob = Glob.of(value);
                case "method" -> methodGlob = Glob.of(value);
                case "fingerprint" -> fingerprint = value;
                default -> throw new GateConfigException(where + "unknown key '" + key
                        + "' (expected class, field, method, fingerprint or reason)");
            }
        }
        return new SuppressionRule(file, lineNumber, type, classGlob, fieldGlob, methodGlob, fingerprint, reason);
    }

    /** Where {@code reason=} starts as a word of its own, or -1. */
    private static int reasonStart(String line) {
        int at = line.indexOf(REASON);
        while (at > 0 && !Character.isWhitespace(line.charAt(at - 1))) {
            at = line.indexOf(REASON, at + 1);
        }
        return at;
    }

    /** What a rule may start with: every finding type's id, or * for any (the predicted types too). */
    private static final String TYPES = Arrays.stream(FindingType.values()).map(FindingType::id)
            .collect(Collectors.joining(", ")) + " or *";

    private static FindingType parseType(String where, String word) throws GateConfigException {
        if (word.isEmpty() || word.contains("=")) {
            throw new GateConfigException(where + "a rule starts with the finding type (" + TYPES + ")");
        }
        if (word.equals("*")) {
            return null;
        }
        try {
            return FindingType.fromId(word);
        } catch (IllegalArgumentException e) {
            throw new GateConfigException(where + "unknown finding type '" + word + "' (expected " + TYPES + ")");
        }
    }
}
