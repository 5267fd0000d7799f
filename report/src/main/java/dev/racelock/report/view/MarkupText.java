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
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\'' -> sb.append(attribute ? "&#39;" : "'");
                case '\n' -> sb.append(attribute ? "&#10;" : "\n");
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
