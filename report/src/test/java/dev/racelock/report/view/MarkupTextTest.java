package dev.racelock.report.view;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MarkupTextTest {

    /** A string, then what {@link MarkupText#text} and {@link MarkupText#attribute} make of it. */
    static Stream<Arguments> escapes() {
        return Stream.of(
                arguments("<a> & b", "&lt;a&gt; &amp; b", "&lt;a&gt; &amp; b"),
                // quotes, line breaks and tabs stay in text; an attribute value would lose them
                arguments("\"'\n\t", "\"'\n\t", "&quot;&#39;&#10;&#9;"),
                arguments("\r", "&#13;", "&#13;"),
                // what XML 1.0 cannot carry (a BEL, lone surrogates, U+FFFE, U+FFFF) becomes U+FFFD; a pair stays
                arguments("\u0007\ud800x\uFFFE\uFFFF", "\uFFFD\uFFFDx\uFFFD\uFFFD", "\uFFFD\uFFFDx\uFFFD\uFFFD"),
                arguments("\udc00\ud83d\ude00\ud83d", "\uFFFD\ud83d\ude00\uFFFD", "\uFFFD\ud83d\ude00\uFFFD"));
    }

    @ParameterizedTest
    @MethodSource
    void escapes(String raw, String text, String attribute) {
        assertEquals(text, MarkupText.text(raw));
        assertEquals(attribute, MarkupText.attribute(raw));
    }

    @Test
    void nullIsEmpty() {
        assertEquals("", MarkupText.text(null));
    }
}
