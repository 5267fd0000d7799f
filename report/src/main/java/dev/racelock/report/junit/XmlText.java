package dev.racelock.report.junit;

/**
 * Escaping for XML 1.0 character data and attribute values. Characters XML 1.0 cannot carry at
 * all (most C0 controls, lone surrogates, U+FFFE/U+FFFF; XML 1.0 section 2.2) become U+FFFD, so a
 * strange thread name never makes the whole report unparsable.
 */
final class XmlText {

    private XmlText() {}

    static String text(String s) {
        return escape(s, false);
    }

    static String attribute(String s) {
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
                // Attribute-value normalization (XML 1.0 section 3.3.3) would turn raw whitespace into spaces.
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
