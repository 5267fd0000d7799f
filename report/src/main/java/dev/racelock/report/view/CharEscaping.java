package dev.racelock.report.view;

/**
 * The one loop behind each format's escaping (JSON string literals, XML and HTML text): every
 * character of a string is kept or replaced as the format's {@link Rule} says. The loop tells a
 * lone surrogate (half of a pair without its other half, which no UTF-8 writer can encode) from
 * one of a pair, so each format decides what a lone one becomes and a pair always stays.
 */
public final class CharEscaping {

    /** A format's rule: what stands for {@code c} in its output, or null to keep {@code c}. */
    @FunctionalInterface
    public interface Rule {
        String replacement(char c, boolean loneSurrogate);
    }

    private CharEscaping() {}

    /** Appends {@code s} to {@code sb} with each character replaced as {@code rule} says; returns {@code sb}. */
    public static StringBuilder append(StringBuilder sb, String s, Rule rule) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = rule.replacement(c, isLoneSurrogate(s, i));
            if (replacement == null) {
                sb.append(c);
            } else {
                sb.append(replacement);
            }
        }
        return sb;
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
