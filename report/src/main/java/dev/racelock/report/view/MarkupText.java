package dev.racelock.report.view;

/**
 * Escaping for XML 1.0 and HTML character data and quoted attribute values: every string from a
 * trace (thread names, lock names, messages) goes through here, so a thread named
 * {@code <script>} is shown, never run, and never breaks the document. Characters XML 1.0 cannot
 * carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF; XML 1.0 section 2.2) become
 * U+FFFD.
 */
public final class MarkupText {

    private MarkupText() {}

    /** For element content: line breaks and tabs stay as they are. */
    public static String text(String s) {
        return escape(s, false);
    }

    /**
     * For attribute values in single or double quotes, and anywhere in HTML: line breaks and tabs
     * become character references, which attribute-value normalization (XML 1.0 section 3.3.3)
     * would otherwise turn into spaces.
     */
    public static String attribute(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean attribute) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        return CharEscaping.append(sb, s, (c, loneSurrogate) -> replacement(c, loneSurrogate, attribute)).toString();
    }

    /** What stands for {@code c} in markup, or null where {@code c} stays. */
    private static String replacement(char c, boolean loneSurrogate, boolean attribute) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> attribute ? "&quot;" : null;
            case '\'' -> attribute ? "&#39;" : null;
            case '\n' -> attribute ? "&#10;" : null;
            case '\r' -> "&#13;";
            case '\t' -> attribute ? "&#9;" : null;
            default -> c < 0x20 || loneSurrogate || c == '\uFFFE' || c == '\uFFFF' ? "\uFFFD" : null;
        };
    }
}
